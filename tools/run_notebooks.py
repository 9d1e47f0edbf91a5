"""Execute notebooks, each in a fresh kernel, and record how each one went.

    python tools/run_notebooks.py [NOTEBOOK ...] [--out build/executed] [--timeout 300]

With no notebook given, runs every notebooks/*.ipynb in name order. Each executed copy (complete,
or up to the failing cell) is written to the output folder, with `status.json` describing every
run. A failing notebook is reported with its cell number and error, the others still run, and the
exit code is 1 if any failed. A cell that runs past the timeout, or a kernel that dies, counts as
a failure of that notebook.
"""
import argparse
import json
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert.preprocessors import CoalesceStreamsPreprocessor

ROOT = Path(__file__).resolve().parent.parent


def first_heading(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""


def failing_cell(nb):
    """The index and source of the last cell that has an error output, or that never finished."""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return i, cell
    return None, None


def run_one(path: Path, out_dir: Path, timeout: int, kernel: str) -> dict:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name=kernel, allow_errors=False,
                            resources={"metadata": {"path": str(path.parent)}})
    running = {"cell": None}

    def remember(cell, cell_index, **_):
        running["cell"] = cell_index

    client.on_cell_start = remember
    status = {"notebook": path.name, "title": first_heading(nb), "ok": True, "error": None}
    start = time.monotonic()
    try:
        client.execute()
    except CellExecutionError as e:
        index, cell = failing_cell(nb)
        status.update(ok=False, error={"kind": "cell error", "cell": index,
                                       "ename": getattr(e, "ename", ""), "evalue": getattr(e, "evalue", ""),
                                       "source": cell.source if cell else ""})
    except CellTimeoutError:
        index = running["cell"]
        status.update(ok=False, error={"kind": "timeout", "cell": index,
                                       "ename": "CellTimeoutError", "evalue": f"a cell ran longer than {timeout} s",
                                       "source": nb.cells[index].source if index is not None else ""})
    except DeadKernelError as e:
        index = running["cell"]
        status.update(ok=False, error={"kind": "kernel died", "cell": index, "ename": "DeadKernelError",
                                       "evalue": str(e).strip() or "the kernel died",
                                       "source": nb.cells[index].source if index is not None else ""})
    except Exception as e:  # a kernel that cannot start, a broken notebook file, ...
        status.update(ok=False, error={"kind": "runner error", "cell": None, "ename": type(e).__name__,
                                       "evalue": str(e).strip(), "source": ""})
    status["seconds"] = round(time.monotonic() - start, 1)
    # The Java kernel sends a printf in several pieces; join consecutive stream outputs as Jupyter does.
    CoalesceStreamsPreprocessor().preprocess(nb, {})
    nbformat.write(nb, out_dir / path.name)
    return status


def describe(status: dict) -> str:
    if status["ok"]:
        return f"ok      {status['notebook']}  ({status['seconds']} s)"
    err = status["error"]
    where = f"cell {err['cell']}" if err.get("cell") is not None else "before any cell"
    lines = [f"FAILED  {status['notebook']}  ({status['seconds']} s): {err['kind']} in {where}: "
             f"{err['ename']}: {err['evalue']}".rstrip()]
    if err.get("source"):
        lines += ["        | " + line for line in err["source"].splitlines()[:8]]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "executed")
    parser.add_argument("--timeout", type=int, default=300, help="seconds per cell (default 300)")
    parser.add_argument("--kernel", default="java", help="kernel name (default: java)")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("*.ipynb"))
    if not paths:
        print("no notebooks to run", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    statuses = []
    for path in paths:
        print(f"running {path.name} ...", flush=True)
        status = run_one(path.resolve(), args.out, args.timeout, args.kernel)
        print(describe(status), flush=True)
        statuses.append(status)
    (args.out / "status.json").write_text(json.dumps(statuses, indent=2) + "\n")
    failed = [s for s in statuses if not s["ok"]]
    print(f"{len(statuses) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
