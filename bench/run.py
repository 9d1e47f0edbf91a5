"""Run the gdkit benchmarks and their NumPy twins side by side; write the table and the chart.

    .venv/bin/python bench/run.py [--quick] [--no-notebooks] [--quiet-load 0.8] [--wait 900]

`make bench` builds everything first and runs this. In one run it
  1. waits (up to --wait seconds) for the machine to be quiet: 1-minute load average below --quiet-load;
  2. runs the JMH benchmarks (bench/target/benchmarks.jar, forked JVMs with -Xmx4g) -> results/jmh.json;
  3. computes each workload once with gdkit (gdkit.bench.Reference) and checks NumPy gets the same numbers;
  4. runs the NumPy twin (bench/numpy_twin.py) with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset;
  5. executes every notebook three times with tools/run_notebooks.py: in parallel on every core (cold,
     then warm), then one at a time (warm); then once more each with Java Flight Recorder on, to show
     where a notebook's time goes (bench/notebook_profile.py);
  6. prints the table, writes bench/results.md and draws bench/results.png (gdkit.bench.Chart, XChart).
Raw outputs go to bench/results/ (git-ignored). Timings are reported, never asserted.
"""
import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import threading
import time
from pathlib import Path

import notebook_profile

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RAW = BENCH / "results"
JAR = BENCH / "target" / "benchmarks.jar"
PY = sys.executable
# the kit's kernel runs with the Vector API module too (tools/install_kernel.py)
JVM_ARGS = "-Xmx4g -XX:+UseTransparentHugePages --add-modules jdk.incubator.vector"
STREAM_LENGTH = 1 << 25
STREAM_BYTES = {"copy": 16, "triad": 24, "read": 8}  # bytes moved per element (STREAM convention)

# gdkit benchmark, its JMH params, table label, chart label, gdkit threads, NumPy workload, target speed-up
COMPARED = [
    ("gdkit.bench.GradientBench.fused", {"threads": "1"}, "LR gradient (n=1M, d=32)", "LR gradient, 1 thread",
     1, "gradient_t1", 1.5),
    ("gdkit.bench.GradientBench.fused", {"threads": "2"}, "LR gradient (n=1M, d=32)", "LR gradient, 2 threads",
     2, "gradient_t2", 1.5),
    ("gdkit.model.RowKernelBench.gradientSums", {"kernel": "vector"}, "LR gradient, Vector API row kernel alone",
     "LR rows, Vector API", 1, "gradient_t1", None),
    ("gdkit.model.RowKernelBench.gradientSums", {"kernel": "plain"},
     "LR gradient, plain row kernel (JVM without the Vector API)", "LR rows, plain loop", 1, "gradient_t1", None),
    ("gdkit.bench.RowByRowBench.gradient", {}, "LR gradient, gdkit's loop before tuning", "LR gradient before tuning",
     1, "gradient_t1", None),
    ("gdkit.bench.MlpBench.step", {"threads": "1"}, "MLP step (256-256-256-10, batch 256)", "MLP step", 1, "mlp_t1",
     1.0),
    ("gdkit.bench.MlpBench.step", {"threads": "2"}, "MLP step (256-256-256-10, batch 256)", "MLP step, 2 threads",
     2, "mlp_t2", None),
    ("gdkit.bench.BlasCallBench.fiveProducts", {"operands": "arrays"},
     "MLP step's five 256³ products alone, Java arrays (as gdkit passes them)", "MLP products, arrays", 1,
     "mlp_products_t1", None),
    ("gdkit.bench.BlasCallBench.fiveProducts", {"operands": "native"},
     "MLP step's five 256³ products alone, native memory (no JNI copies)", "MLP products, native", 1,
     "mlp_products_t1", None),
    ("gdkit.bench.MfBench.epoch", {}, "MF SGD epoch (1M draws, one rating per pair; rank 32, batch 1000)", "MF epoch", 1, "mf_epoch",
     1.0),
]


def log(msg):
    print(msg, flush=True)


def load1():
    return os.getloadavg()[0]


def wait_for_quiet(limit, wait):
    start = time.monotonic()
    while load1() >= limit and time.monotonic() - start < wait:
        log(f"load average {load1():.2f} >= {limit}: waiting for a quiet machine ...")
        time.sleep(20)
    return {"load_at_start": round(load1(), 2), "waited_s": round(time.monotonic() - start),
            "quiet": load1() < limit}


class LoadSampler:
    """Samples the 1-minute load average every 5 s while the timings run (other jobs on the machine show up)."""

    def __init__(self):
        self.samples = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.wait(5):
            self.samples.append(load1())

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def summary(self):
        s = self.samples or [load1()]
        return {"mean": round(sum(s) / len(s), 2), "max": round(max(s), 2)}


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    mem = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    return {"cores": os.cpu_count(), "cpu": cpu, "memory_gib": round(mem / 2 ** 20, 1),
            "java": java[0] if java else "?", "jvm": java[1] if len(java) > 1 else "",
            "os": platform.platform(), "date": datetime.date.today().isoformat()}


def run_jmh(quick):
    out = RAW / "jmh.json"
    timing = ["-wi", "1", "-w", "500ms", "-i", "3", "-r", "500ms"] if quick else \
        ["-wi", "4", "-w", "1s", "-i", "8", "-r", "1s"]
    cmd = ["java", "-jar", str(JAR), "-f", "1", *timing, "-jvmArgs", JVM_ARGS,
           "-rf", "json", "-rff", str(out), "gdkit.bench|gdkit.model.RowKernelBench"]
    log("JMH: " + " ".join(cmd[3:]))
    with open(RAW / "jmh.log", "w") as logfile:
        subprocess.run(cmd, check=True, stdout=logfile, stderr=subprocess.STDOUT)
    return json.loads(out.read_text())


def run_reference():
    out = subprocess.run(["java", "-Xmx4g", "-cp", str(JAR), "gdkit.bench.Reference"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def run_numpy(quick):
    env = dict(os.environ)
    unset = {k: env.pop(k) for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE") if k in env}
    out = RAW / "numpy.json"
    cmd = [PY, str(BENCH / "numpy_twin.py"), "--out", str(out)] + (["--quick"] if quick else [])
    log("NumPy twin" + (f" (unset for this command: {unset})" if unset else ""))
    subprocess.run(cmd, check=True, env=env)
    result = json.loads(out.read_text())
    result["unset_env"] = unset
    return result


KIT_PHASES = (("cold", []), ("warm", []), ("serial", ["-j", "1"]))


def run_notebooks():
    """Wall time of the whole kit and of each notebook: parallel cold, parallel warm, serial warm."""
    times = {}
    for phase, extra in KIT_PHASES:
        out = RAW / f"notebooks-{phase}"
        log(f"notebooks ({phase}) ...")
        start = time.monotonic()
        proc = subprocess.run([PY, str(ROOT / "tools" / "run_notebooks.py"), "--out", str(out), *extra],
                              capture_output=True, text=True)
        wall = time.monotonic() - start
        status = json.loads((out / "status.json").read_text()) if (out / "status.json").exists() else []
        times[phase] = {"wall_s": round(wall, 1), "ok": proc.returncode == 0,
                        "notebooks": {s["notebook"]: s["seconds"] for s in status},
                        "failed": [s["notebook"] for s in status if not s["ok"]]}
    return times


def jmh_scores(jmh):
    """(benchmark, params) -> (score, error, unit)."""
    scores = {}
    for r in jmh:
        params = tuple(sorted((r.get("params") or {}).items()))
        m = r["primaryMetric"]
        scores[(r["benchmark"], params)] = (m["score"], m["scoreError"], m["scoreUnit"])
    return scores


def find(scores, bench, **params):
    for (name, p), v in scores.items():
        if name == bench and all(dict(p).get(k) == val for k, val in params.items()):
            return v
    return None


def bandwidths(scores):
    """GB/s per kernel and thread count from the STREAM benchmarks (ops/s x bytes per op)."""
    bw = {}
    for kernel, per_elem in STREAM_BYTES.items():
        for t in (1, 2):
            v = find(scores, f"gdkit.bench.StreamBench.{kernel}{t}")
            if v:
                bw[(kernel, t)] = v[0] * per_elem * STREAM_LENGTH / 1e9
    return bw


def fmt_ms(seconds):
    ms = seconds * 1e3
    return f"{ms:.3g} ms" if ms < 100 else f"{ms:.0f} ms"


def build(quick, args):
    RAW.mkdir(exist_ok=True)
    info = {"machine": machine(), "load": wait_for_quiet(args.quiet_load, args.wait), "quick": quick,
            "jvm_args": JVM_ARGS}
    log(f"machine: {info['machine']['cores']} cores, {info['machine']['cpu']}, {info['machine']['java']}; "
        f"load {info['load']['load_at_start']}")
    with LoadSampler() as jmh_load:
        jmh = run_jmh(quick)
    reference = run_reference()
    with LoadSampler() as numpy_load:
        numpy = run_numpy(quick)
    info["load"]["load_at_end_of_timing"] = round(load1(), 2)
    info["load"]["during_jmh"] = jmh_load.summary()
    info["load"]["during_numpy"] = numpy_load.summary()
    info["load"]["quiet"] = info["load"]["quiet"] and max(jmh_load.summary()["max"], numpy_load.summary()["max"]) \
        < args.quiet_load + 1  # our own benchmark adds about 1 (2 with two threads) to the load
    kit = None if args.no_notebooks else run_notebooks()
    if kit:
        log("notebooks (profiled, serial) ...")
        kit["profile"] = notebook_profile.profile(sorted((ROOT / "notebooks").glob("*.ipynb")), RAW / "profile")
    info["load"]["load_at_end"] = round(load1(), 2)
    (RAW / "run.json").write_text(json.dumps({"info": info, "reference": reference, "numpy": numpy,
                                              "kit": kit}, indent=2) + "\n")
    return info, jmh, reference, numpy, kit


def compare_results(reference, numpy):
    """Largest relative difference between gdkit's and NumPy's result values, per workload."""
    out = {}
    for key, ref in reference.items():
        mine = numpy["workloads"].get(key)
        if mine is None:
            continue
        out[key] = max(abs(ref[k] - mine[k]) / max(abs(ref[k]), 1e-300) for k in ref)
    return out


def report(info, jmh, reference, numpy, kit):
    scores = jmh_scores(jmh)
    bw = bandwidths(scores)
    np_work = numpy["workloads"]
    rows = []
    chart = []
    verdicts = []
    for bench, params, label, short, threads, np_key, target in COMPARED:
        v = find(scores, bench, **params)
        if v is None or np_key not in np_work:
            continue
        g = v[0] / 1e3  # ms/op -> s
        n = np_work[np_key]["seconds"]
        ratio = n / g
        bound = ""
        fraction = None
        if bench.endswith("fused") or "RowByRow" in bench or "RowKernel" in bench:
            best = max(bw.get(("copy", threads), 0), bw.get(("triad", threads), 0))
            if best:
                bytes_x = np_work[np_key]["bytes_of_x"]
                fraction = bytes_x / best / 1e9 / g
                bound = f"{100 * fraction:.0f}%"
                if ("read", threads) in bw:
                    bound += f" ({100 * bytes_x / bw[('read', threads)] / 1e9 / g:.0f}% of read)"
        np_threads = np_work[np_key]["threads"]
        met = ""
        if target is not None:
            ok = ratio >= target and (fraction is None or fraction >= 0.6)
            met = "yes" if ok else "**no**"
            verdicts.append((f"{label}, {threads} thread{'s' if threads > 1 else ''}", ok))
        chart.append(("compare", short, g * 1e3, n * 1e3))
        rows.append([label, f"{threads} / {np_threads}", f"{fmt_ms(g)} ± {v[1]:.2g}",
                     fmt_ms(n), f"{ratio:.2f}x", bound or "-",
                     (f">= {target:g}x" + (", >= 60% bw" if bound else "")) if target else "-", met or "-"])

    lines = []
    m = info["machine"]
    lines += ["# gdkit benchmarks: results", "",
              f"One run of `make bench` on {m['date']}. **Ratio = NumPy time / gdkit time** (above 1: gdkit is "
              "faster). Both sides ran in the same run, one after the other, on the same data (bit-identical "
              "inputs, results compared below).", "",
              "## Machine", "",
              f"- {m['cores']} cores ({m['cpu']}), {m['memory_gib']} GiB; {m['os']}",
              f"- JDK: {m['java']} ({m['jvm']}); JMH 1.37, forked JVMs with `{info['jvm_args']}`",
              f"- NumPy {numpy['numpy']} (Python {numpy['python']}), BLAS: {numpy['blas'].get('config')}; "
              f"kernel `{numpy['blas'].get('corename')}`, {numpy['blas'].get('threads')} threads by default",
              f"- OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE: "
              + (f"set on this machine ({numpy['unset_env']}), unset for the NumPy command only"
                 if numpy.get("unset_env") else "not set"),
              f"- load average (1 min): {info['load']['load_at_start']} at the start"
              + (f"; while JMH ran: mean {info['load']['during_jmh']['mean']}, max {info['load']['during_jmh']['max']}"
                 f"; while NumPy ran: mean {info['load']['during_numpy']['mean']}, "
                 f"max {info['load']['during_numpy']['max']} (the benchmark itself adds 1, or 2 on two threads)"
                 if "during_jmh" in info["load"] else
                 f", {info['load']['load_at_end_of_timing']} after the timings")
              + ("" if info["load"]["quiet"] else " — **the machine was not quiet**: other work was running"),
              ""]
    if info["quick"]:
        lines += ["**Quick run (`--quick`): few repetitions, for development only.**", ""]
    header = ["workload", "threads gdkit / NumPy", "gdkit", "NumPy", "ratio", "% of bandwidth bound", "target",
              "met"]
    lines += ["## Results", "", table(header, rows), ""]
    if bw:
        lines += ["## Memory bandwidth (STREAM-style, arrays of 256 MB)", "",
                  table(["kernel", "1 thread", "2 threads"],
                        [[k, *(f"{bw[(k, t)]:.1f} GB/s" if (k, t) in bw else "-" for t in (1, 2))]
                         for k in STREAM_BYTES]), ""]
        npc = np_work.get("stream_copy")
        npr = np_work.get("stream_read")
        if npc and npr:
            lines += [f"NumPy, one thread: copy {npc['gbps']:.1f} GB/s, read (sum) {npr['gbps']:.1f} GB/s.", ""]
        lines += ["Copy counts 16 bytes per element, triad 24, read 8 (no write-allocate traffic). The "
                  "\"% of bandwidth bound\" of a gradient is (bytes of X read per gradient / the larger of the "
                  "copy and triad bandwidths at the same thread count) / measured time.", ""]
    diffs = compare_results(reference, numpy)
    if diffs:
        lines += ["## Same computation on both sides", "",
                  "Largest relative difference between gdkit's and NumPy's results (loss, gradient entries, "
                  "gradient norm): " + ", ".join(f"{k}: {v:.1e}" for k, v in diffs.items()) + ".", ""]
    if kit:
        phases = [p for p, _ in KIT_PHASES if p in kit]
        names = sorted(kit["cold"]["notebooks"])
        krows = [[nb] + [f"{kit[p]['notebooks'].get(nb, float('nan')):.1f} s" for p in phases] for nb in names]
        krows.append(["**wall time of the whole kit**"] + [f"**{kit[p]['wall_s']:.1f} s**" for p in phases])
        ok = kit["warm"]["wall_s"] < 30 and kit["warm"]["ok"]
        verdicts.append(("whole kit < 30 s warm (notebooks in parallel)", ok))
        cores = info["machine"]["cores"]
        lines += ["## The whole kit: executing every notebook", "",
                  "`tools/run_notebooks.py` as `make report` runs it: a fresh kernel per notebook (start and "
                  f"shut-down included), {cores} notebooks at a time on {cores} cores. Cold: the first run in "
                  "this `make bench`; warm: run again right after; serial: warm, one notebook at a time "
                  "(`-j 1`). Per-notebook times run longer in parallel, since two notebooks share the cores. "
                  f"Target: the whole kit under 30 s warm — **{'met' if ok else 'not met'}**."
                  + (f" Failed: {kit['warm']['failed']}." if kit["warm"]["failed"] else ""), "",
                  table(["notebook"] + [{"cold": "parallel, cold", "warm": "parallel, warm",
                                         "serial": "serial, warm"}[p] for p in phases], krows), ""]
        if kit.get("profile"):
            lines += ["## Where a notebook's time goes", "",
                      "Each notebook once more, one at a time, in a kernel with Java Flight Recorder on "
                      "(`bench/notebook_profile.py`; JFR adds a little). *Cells*: the kernel's time in the code "
                      "cells; *between cells*: the rest of the run after the kernel started, mostly JJava's shell "
                      "loop, which sleeps 50 ms after each message (number of code cells in brackets); *JIT*: CPU "
                      "time of HotSpot's compiler threads, which run beside the cells on the other core. The last "
                      "three columns split the cells' time by what the kernel's Java threads were doing (JFR "
                      "samples every 10 ms); the *all* row gives them in seconds.", "",
                      *notebook_profile.table(kit["profile"]), ""]
        for nb in names:
            chart.append(("kit", nb.removesuffix(".ipynb"), kit["cold"]["notebooks"][nb],
                          kit["warm"]["notebooks"].get(nb, 0)))
        chart.append(("kit", "whole kit (wall)", kit["cold"]["wall_s"], kit["warm"]["wall_s"]))
    lines += ["## Targets", ""] + [f"- {label}: {'met' if ok else '**not met**'}" for label, ok in verdicts] + [""]
    notes = BENCH / "NOTES.md"
    if notes.exists():
        lines += [notes.read_text().strip(), ""]
    lines += ["![benchmark chart](results.png)", "",
              "Raw outputs of this run: `bench/results/` (jmh.json, numpy.json, run.json; not committed)."]
    (BENCH / "results.md").write_text("\n".join(lines) + "\n")
    (RAW / "chart.tsv").write_text("".join("\t".join(str(x) for x in row) + "\n" for row in chart))
    subprocess.run(["java", "-Djava.awt.headless=true", "-cp", str(JAR), "gdkit.bench.Chart",
                    str(RAW / "chart.tsv"), str(BENCH / "results.png")], check=True)
    print()
    print(table(header, rows))
    print()
    for label, ok in verdicts:
        print(f"{label}: {'met' if ok else 'NOT MET'}")
    print("wrote bench/results.md and bench/results.png")


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="few repetitions, for development")
    parser.add_argument("--no-notebooks", action="store_true", help="skip the whole-kit timing")
    parser.add_argument("--quiet-load", type=float, default=0.8, help="load average that counts as quiet")
    parser.add_argument("--wait", type=int, default=900, help="seconds to wait for a quiet machine (0: don't)")
    parser.add_argument("--report-only", action="store_true", help="redo table and chart from bench/results/")
    args = parser.parse_args(argv)
    if not JAR.exists():
        sys.exit(f"{JAR} not found: run `make bench`")
    if args.report_only:
        saved = json.loads((RAW / "run.json").read_text())
        report(saved["info"], json.loads((RAW / "jmh.json").read_text()), saved["reference"], saved["numpy"],
               saved["kit"])
        return
    report(*build(args.quick, args))


if __name__ == "__main__":
    main()
