"""Execute notebooks, each in a fresh kernel, and record how each one went.

    python tools/run_notebooks.py [NOTEBOOK ...] [--out build/executed] [--timeout 300] [-j N]

With no notebook given, runs every notebooks/*.ipynb. Notebooks run in parallel (`-j`, default:
the number of cores), each in a fresh kernel that is shut down at once after its last cell. Each
executed copy (complete, or up to the failing cell) is written to the output folder, with
`status.json` describing every run in name order. A failing notebook is reported with its cell
number and error, the others still run, and the exit code is 1 if any failed. A cell that runs
past the timeout, a kernel that dies, and a notebook file that is missing or cannot be read (not
valid JSON, a merge-conflict marker) each count as a failure of that notebook.

`status.json` is replaced before anything runs, so a report never reads a previous run's results.
"""
import argparse
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context
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
    """The index and the cell of the first code cell that has an error output (None, None if none)."""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return i, cell
    return None, None


def read_notebook(path: Path):
    """(the notebook, None), or (None, why it cannot be run): missing, a directory, not a notebook."""
    if not path.exists():
        return None, f"no such notebook: {path}"
    if path.is_dir():
        return None, f"{path} is a directory, not a notebook"
    try:
        return nbformat.read(path, as_version=4), None
    except Exception as e:  # invalid JSON (a merge-conflict marker), not a notebook, unreadable bytes
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        return None, f"cannot read {path.name} as a notebook ({type(e).__name__}: {first})"


def run_one(path: Path, out_dir: Path, timeout: int, kernel: str) -> dict:
    status = {"notebook": path.name, "title": "", "ok": True, "error": None, "seconds": 0.0}
    nb, problem = read_notebook(path)
    if problem:
        status.update(ok=False, error={"kind": "unreadable notebook", "cell": None, "ename": "NotebookReadError",
                                       "evalue": problem, "source": ""})
        # A stand-in executed copy, so the report gives this notebook a (failed) page of its own.
        stand_in = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
            f"# {path.name}\n\nThis notebook could not be run: {problem}.")])
        nbformat.write(stand_in, out_dir / path.name)
        return status
    client = NotebookClient(nb, timeout=timeout, kernel_name=kernel, allow_errors=False,
                            shutdown_kernel="immediate", resources={"metadata": {"path": str(path.parent)}})
    running = {"cell": None}

    def remember(cell, cell_index, **_):
        running["cell"] = cell_index

    client.on_cell_start = remember
    status["title"] = first_heading(nb)
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


def run_all(paths, out_dir: Path, timeout: int, kernel: str, jobs: int) -> list:
    """Run the notebooks, `jobs` at a time; print each result as it comes; return them in name order."""
    results = {}
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            print(f"running {path.name} ...", flush=True)
            results[path] = run_one(path, out_dir, timeout, kernel)
            print(describe(results[path]), flush=True)
    else:
        print(f"running {len(paths)} notebooks, {jobs} at a time ...", flush=True)
        with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
            futures = {pool.submit(run_one, path, out_dir, timeout, kernel): path for path in paths}
            for future in as_completed(futures):
                path = futures[future]
                try:
                    results[path] = future.result()
                except Exception as e:  # the worker process itself failed
                    results[path] = {"notebook": path.name, "title": "", "ok": False, "seconds": 0.0,
                                     "error": {"kind": "runner error", "cell": None, "ename": type(e).__name__,
                                               "evalue": str(e).strip(), "source": ""}}
                print(describe(results[path]), flush=True)
    return [results[path] for path in paths]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "executed")
    parser.add_argument("--timeout", type=int, default=300, help="seconds per cell (default 300)")
    parser.add_argument("--kernel", default="java", help="kernel name (default: java)")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                        help="notebooks run at the same time (default: the number of cores)")
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.notebooks] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    if not paths:
        print("no notebooks to run", file=sys.stderr)
        return 1
    if args.jobs < 1:
        parser.error(f"-j/--jobs must be at least 1, got {args.jobs}")
    args.out.mkdir(parents=True, exist_ok=True)
    status_file = args.out / "status.json"
    not_run = [{"notebook": p.name, "title": "", "ok": False, "seconds": 0.0,
                "error": {"kind": "runner error", "cell": None, "ename": "NotRun",
                          "evalue": "the runner stopped before this notebook finished", "source": ""}}
               for p in paths]
    status_file.write_text(json.dumps(not_run, indent=2) + "\n")
    started = time.monotonic()
    statuses = run_all(paths, args.out, args.timeout, args.kernel, min(args.jobs, len(paths)))
    status_file.write_text(json.dumps(statuses, indent=2) + "\n")
    failed = [s for s in statuses if not s["ok"]]
    print(f"{len(statuses)} notebooks in {time.monotonic() - started:.0f} s wall time, "
          f"{min(args.jobs, len(paths))} at a time")
    print(f"notebooks: {len(statuses) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
