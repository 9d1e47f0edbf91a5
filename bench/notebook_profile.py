"""Where a notebook's time goes: each notebook run once, serially, in a kernel with Java Flight Recorder on.

    .venv/bin/python bench/notebook_profile.py [NOTEBOOK ...] [--out bench/results/profile]

For each notebook it measures, from one run:
  - start: from asking for a kernel until it answers (two JVMs start: JJava's launcher and the kernel);
  - cells: the kernel's own time in the code cells (execute_input to execute_reply, as nbclient records);
  - between cells: the rest of the run, mostly JJava's shell loop, which sleeps 50 ms after each message;
  - what the kernel's Java threads did in the cells, from JFR's execution samples (every 10 ms): JShell
    compiling the cells (javac), gdkit's computations, plotting and PNG encoding, the notebook's own
    code, and everything else (JJava's messaging, the JDK);
  - JIT: the CPU time HotSpot's compiler threads spent compiling (JFR's CompilerStatistics), which runs
    next to the cells on another core.
Writes profile.json to --out and prints a table; bench/run.py puts the table into results.md.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KERNEL = "gdkit-profile"
DUMP = 'jdk.jfr.FlightRecorder.getFlightRecorder().getRecordings().get(0).dump(java.nio.file.Path.of("{path}"));'
CATEGORIES = ["JShell compiling cells", "gdkit computing", "plotting and PNG", "notebook's own code", "other"]


def profiling_kernel(spec_root: Path) -> None:
    """A copy of the installed Java kernel spec with JFR switched on, under spec_root/kernels."""
    installed = Path(sys.prefix) / "share" / "jupyter" / "kernels" / "java"
    spec = json.loads((installed / "kernel.json").read_text())
    spec["argv"] = [a.replace("{resource_dir}", str(installed)) for a in spec["argv"]]
    env = spec.setdefault("env", {})
    env["JJAVA_JVM_OPTS"] = (env.get("JJAVA_JVM_OPTS", "") + " -XX:StartFlightRecording=settings=profile").strip()
    spec["display_name"] = "Java (JJava, profiled)"
    target = spec_root / "kernels" / KERNEL
    target.mkdir(parents=True)
    (target / "kernel.json").write_text(json.dumps(spec, indent=1))


def stamp(value: str) -> float:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


def run(path: Path, recording: Path) -> dict:
    import nbformat
    from nbclient import NotebookClient
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=600, shutdown_kernel="immediate",
                            resources={"metadata": {"path": str(path.parent)}})
    t0 = time.monotonic()
    with client.setup_kernel():
        t1 = time.monotonic()
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        t2 = time.monotonic()
        nb.cells.append(nbformat.v4.new_code_cell(DUMP.format(path=recording)))  # not counted below
        client.execute_cell(nb.cells[-1], len(nb.cells) - 1)
        nb.cells.pop()
    cells = 0.0
    for cell in nb.cells:
        times = cell.get("metadata", {}).get("execution", {})
        if "iopub.execute_input" in times and "shell.execute_reply" in times:
            cells += stamp(times["shell.execute_reply"]) - stamp(times["iopub.execute_input"])
    code_cells = sum(1 for c in nb.cells if c.cell_type == "code" and c.source.strip())
    return {"start_s": round(t1 - t0, 2), "cells_s": round(cells, 2), "between_cells_s": round(t2 - t1 - cells, 2),
            "code_cells": code_cells}


def category(frames: list) -> str:
    stack = " ".join(frames)
    if "com.sun.tools.javac." in stack or "jdk.jshell.TaskFactory" in stack or "jdk.jshell.Eval." in stack:
        return CATEGORIES[0]
    if any(p in stack for p in ("gdkit.plot.", "org.knowm.", "java.awt.", "sun.java2d.", "javax.imageio.", "sun.awt.")):
        return CATEGORIES[2]
    if "gdkit." in stack:
        return CATEGORIES[1]
    if "REPL." in stack:
        return CATEGORIES[3]
    return CATEGORIES[4]


def seconds(text: str) -> float:
    """JFR's JSON durations, e.g. "PT45.8S", "PT1M2.5S"."""
    units = {"H": 3600, "M": 60, "S": 1}
    return sum(float(v) * units[u] for v, u in re.findall(r"([\d.]+)([HMS])", text.removeprefix("PT")))


def analyse(recording: Path) -> dict:
    jfr = shutil.which("jfr") or str(Path(shutil.which("java")).resolve().parent / "jfr")
    out = subprocess.run([jfr, "print", "--json", "--stack-depth", "200", "--events",
                          "jdk.ExecutionSample,jdk.CompilerStatistics,jdk.GarbageCollection", str(recording)],
                         capture_output=True, text=True, check=True).stdout
    samples = Counter()
    jit = 0.0
    gc = 0.0
    for event in json.loads(out)["recording"]["events"]:
        values = event["values"]
        if event["type"] == "jdk.CompilerStatistics":
            jit = max(jit, seconds(values["totalTimeSpent"]))
        elif event["type"] == "jdk.GarbageCollection":
            gc += seconds(values["duration"])
        else:
            trace = values.get("stackTrace") or {"frames": []}
            samples[category([f["method"]["type"]["name"].replace("/", ".") for f in trace["frames"]])] += 1
    total = sum(samples.values()) or 1
    return {"samples": total, "shares": {c: round(samples[c] / total, 3) for c in CATEGORIES},
            "jit_s": round(jit, 1), "gc_s": round(gc, 2)}


def profile(paths, out: Path) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    results = {}
    with tempfile.TemporaryDirectory() as spec_root:
        profiling_kernel(Path(spec_root))
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [spec_root, os.environ.get("JUPYTER_PATH")]))
        for path in paths:
            recording = out / (path.stem + ".jfr")
            recording.unlink(missing_ok=True)
            print(f"profiling {path.name} ...", flush=True)
            start = time.monotonic()
            result = run(path, recording)
            result["wall_s"] = round(time.monotonic() - start, 1)
            result.update(analyse(recording))
            results[path.name] = result
    (out / "profile.json").write_text(json.dumps(results, indent=1) + "\n")
    return results


def table(results: dict) -> list:
    """Markdown lines: one row per notebook, then the sums."""
    head = ["notebook", "run", "kernel start", "cells", "between cells (cells)", "JIT, other core"] + \
           [f"{c} (share of the cells)" for c in CATEGORIES[:3]]
    rows = []
    for name, r in results.items():
        rows.append([name.removesuffix(".ipynb"), f"{r['wall_s']:.1f} s", f"{r['start_s']:.1f} s",
                     f"{r['cells_s']:.1f} s", f"{r['between_cells_s']:.1f} s ({r['code_cells']})",
                     f"{r['jit_s']:.0f} s"] + [f"{100 * r['shares'][c]:.0f} %" for c in CATEGORIES[:3]])
    total = {k: sum(r[k] for r in results.values()) for k in ("wall_s", "start_s", "cells_s", "between_cells_s",
                                                               "code_cells", "jit_s")}
    cell_seconds = {c: sum(r["cells_s"] * r["shares"][c] for r in results.values()) for c in CATEGORIES}
    rows.append(["**all**", f"{total['wall_s']:.0f} s", f"{total['start_s']:.0f} s", f"{total['cells_s']:.0f} s",
                 f"{total['between_cells_s']:.0f} s ({total['code_cells']})", f"{total['jit_s']:.0f} s"] +
                [f"{cell_seconds[c]:.0f} s" for c in CATEGORIES[:3]])
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "profile")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("*.ipynb"))
    results = profile([p.resolve() for p in paths], args.out)
    print("\n".join(table(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
