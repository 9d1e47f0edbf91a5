"""NumPy twins of the gdkit benchmarks: same shapes, float64, same algorithm, same data.

    python bench/numpy_twin.py --out bench/results/numpy.json [--quick] [--workloads gradient,stream,...]

The inputs come from the generator in gdkit.bench.BenchData (SplitMix64 of (seed << 40) + k, mapped
to [-1, 1)), so both sides compute on bit-identical numbers; every workload also records a few
result values that the runner compares with the Java side. Each timing is the median of several
repetitions after warm-up. The BLAS thread count is set through the OpenBLAS that NumPy bundles
(what threadpoolctl does), and the BLAS configuration is written to the output.
"""
import argparse
import ctypes
import glob
import json
import os
import platform
import statistics
import sys
import time

import numpy as np

GOLDEN = np.uint64(0x9E3779B97F4A7C15)
MIX1 = np.uint64(0xBF58476D1CE4E5B9)
MIX2 = np.uint64(0x94D049BB133111EB)


def uniform(seed, length, scale=1.0, chunk=1 << 22):
    """Values 0 .. length-1 of stream `seed`, uniform in [-1, 1), times `scale` (as BenchData.uniform)."""
    out = np.empty(length)
    base = np.uint64(seed) << np.uint64(40)
    for start in range(0, length, chunk):
        k = np.arange(start, min(length, start + chunk), dtype=np.uint64)
        z = base + k + GOLDEN
        z = (z ^ (z >> np.uint64(30))) * MIX1
        z = (z ^ (z >> np.uint64(27))) * MIX2
        z ^= z >> np.uint64(31)
        u = (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53
        out[start:start + len(k)] = scale * (2 * u - 1)
    return out


class Blas:
    """The OpenBLAS inside numpy's wheel, reached through ctypes (no extra dependency)."""

    def __init__(self):
        libs = sorted(glob.glob(os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs", "*openblas*")))
        self.lib = ctypes.CDLL(libs[0]) if libs else None
        self.prefix = None
        if self.lib is not None:
            for prefix in ("scipy_openblas_", "openblas_"):
                if hasattr(self.lib, prefix + "get_num_threads64_"):
                    self.prefix = prefix
                    break

    def _fn(self, name):
        return getattr(self.lib, self.prefix + name + "64_")

    def threads(self):
        return int(self._fn("get_num_threads")()) if self.prefix else None

    def set_threads(self, n):
        if self.prefix:
            self._fn("set_num_threads")(n)

    def info(self):
        info = {"library": None, "corename": None, "threads": None, "config": None}
        if not self.prefix:
            return info
        corename = self._fn("get_corename")
        corename.restype = ctypes.c_char_p
        config = self._fn("get_config")
        config.restype = ctypes.c_char_p
        info.update(library=os.path.basename(self.lib._name), corename=corename().decode(),
                    threads=self.threads(), config=config().decode())
        return info


def median_seconds(f, repeats, warmup):
    for _ in range(warmup):
        f()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times


def gradient_workload(blas, quick):
    """Workload 1: loss and gradient of linear regression, r = X w + b - y, g = (2/n) [X 1]^T r."""
    n, d = 1_000_000, 32
    x = uniform(1, n * d).reshape(n, d)
    y = uniform(2, n)
    params = uniform(3, d + 1)
    w, b = params[:d], params[d]
    r = np.empty(n)
    g = np.empty(d + 1)

    def step():
        np.matmul(x, w, out=r)      # pass 1 over X
        np.add(r, b, out=r)
        np.subtract(r, y, out=r)
        np.matmul(x.T, r, out=g[:d])  # pass 2 over X
        g[d] = r.sum()
        np.multiply(g, 2.0 / n, out=g)
        return float(r @ r) / n

    out = {}
    for threads in (1, 2):
        blas.set_threads(threads)
        seconds, times = median_seconds(step, repeats=7 if quick else 21, warmup=2 if quick else 5)
        out[f"gradient_t{threads}"] = {"seconds": seconds, "times": times, "threads": threads,
                                       "bytes_of_x": x.nbytes}
    loss = step()
    out["gradient_check"] = {"loss": loss, "g0": float(g[0]), "gd": float(g[d]), "gnorm": float(np.linalg.norm(g))}
    return out


def stream_workload(quick):
    """NumPy's own copy and read bandwidth over 256 MB arrays (elementwise NumPy runs on one thread)."""
    length = 1 << 25
    a = uniform(11, length)
    b = uniform(12, length)
    reps, warm = (5, 1) if quick else (11, 3)
    copy, _ = median_seconds(lambda: np.copyto(a, b), reps, warm)
    read, _ = median_seconds(lambda: np.add.reduce(b), reps, warm)
    return {"stream_copy": {"seconds": copy, "bytes": 2 * b.nbytes, "gbps": 2 * b.nbytes / copy / 1e9},
            "stream_read": {"seconds": read, "bytes": b.nbytes, "gbps": b.nbytes / read / 1e9}}


WORKLOADS = {
    "gradient": lambda blas, quick: gradient_workload(blas, quick),
    "stream": lambda blas, quick: stream_workload(quick),
}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (for development)")
    parser.add_argument("--workloads", default=",".join(WORKLOADS))
    args = parser.parse_args(argv)
    blas = Blas()
    result = {
        "numpy": np.__version__,
        "python": platform.python_version(),
        "blas": blas.info(),
        "env": {k: os.environ.get(k) for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS",
                                               "OMP_NUM_THREADS")},
        "workloads": {},
    }
    try:
        import threadpoolctl  # optional: only recorded if the environment has it
        result["threadpoolctl"] = threadpoolctl.threadpool_info()
    except ImportError:
        pass
    default_threads = blas.threads()
    for name in args.workloads.split(","):
        print(f"numpy: {name} ...", file=sys.stderr, flush=True)
        result["workloads"].update(WORKLOADS[name](blas, args.quick))
        if default_threads:
            blas.set_threads(default_threads)
    with open(args.out, "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
