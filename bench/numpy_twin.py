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


def mlp_setup():
    """The MLP 256-256-256-10 of gdkit.bench.MlpBench: data, labels and the flat parameter vector."""
    n, width, classes = 2560, 256, 10
    x = uniform(21, n * width).reshape(n, width)
    labels = np.minimum(classes - 1, np.floor((uniform(22, n) + 1) * (classes / 2.0)).astype(np.int64))
    sizes = [(width, width), (width, width), (width, classes)]
    dim = sum(a * b + b for a, b in sizes)
    params = uniform(23, dim, np.sqrt(6.0 / width))
    layers, at = [], 0
    for a, b in sizes:  # views into params: W (a x b, row by row) then b, as gdkit lays them out
        w = params[at:at + a * b].reshape(a, b)
        bias = params[at + a * b:at + a * b + b]
        bias[:] = 0
        layers.append((w, bias))
        at += a * b + b
    return x, labels, params, layers


def mlp_step(x, labels, params, layers, grad, order, start, batch=256, lr=0.01):
    """One SGD step: gather, forward (ReLU, ReLU, identity), softmax cross-entropy, backward, update."""
    idx = order[start:start + batch]
    xb = x[idx]
    (w1, b1), (w2, b2), (w3, b3) = layers
    z1 = xb @ w1 + b1
    a1 = np.maximum(z1, 0)
    z2 = a1 @ w2 + b2
    a2 = np.maximum(z2, 0)
    z3 = a2 @ w3 + b3
    m = len(idx)
    shifted = z3 - z3.max(axis=1, keepdims=True)
    logz = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    rows = np.arange(m)
    loss = float(np.mean(logz[:, 0] - shifted[rows, labels[idx]]))
    dz3 = np.exp(shifted - logz)
    dz3[rows, labels[idx]] -= 1
    dz3 /= m
    sizes = [w1.size, b1.size, w2.size, b2.size, w3.size, b3.size]
    g = np.split(grad, np.cumsum(sizes)[:-1])
    np.matmul(a2.T, dz3, out=g[4].reshape(w3.shape))
    g[5][:] = dz3.sum(axis=0)
    dz2 = (dz3 @ w3.T) * (z2 > 0)
    np.matmul(a1.T, dz2, out=g[2].reshape(w2.shape))
    g[3][:] = dz2.sum(axis=0)
    dz1 = (dz2 @ w2.T) * (z1 > 0)
    np.matmul(xb.T, dz1, out=g[0].reshape(w1.shape))
    g[1][:] = dz1.sum(axis=0)
    params -= lr * grad
    return loss


def mlp_workload(blas, quick):
    """Workload 2: one training step of the MLP on a batch of 256, cycling over 10 batches."""
    x, labels, params, layers = mlp_setup()
    grad = np.empty_like(params)
    order = np.arange(len(x))
    check_loss = mlp_step(x, labels, params, layers, grad, order, 0)
    out = {"mlp_check": {"loss": check_loss, "gnorm": float(np.linalg.norm(grad)),
                         "pnorm": float(np.linalg.norm(params))}}
    state = {"batch": 0}
    timing = {"repeats": 30 if quick else 200, "warmup": 20 if quick else 100}

    def step():
        start = state["batch"] * 256
        state["batch"] = (state["batch"] + 1) % 10
        return mlp_step(x, labels, params, layers, grad, order, start)

    for threads in (1, 2):
        blas.set_threads(threads)
        seconds, times = median_seconds(step, **timing)
        out[f"mlp_t{threads}"] = {"seconds": seconds, "times": times, "threads": threads}
    # the step's five 256 x 256 x 256 products alone, as gdkit.bench.BlasCallBench times them
    a, b = uniform(41, 256 * 256).reshape(256, 256), uniform(42, 256 * 256).reshape(256, 256)
    c = np.empty((256, 256))

    def products():
        for left, right in ((a, b), (a, b), (a.T, b), (a.T, b), (a, b.T)):
            np.matmul(left, right, out=c)
        return c[1, 1]

    blas.set_threads(1)
    seconds, times = median_seconds(products, **timing)
    out["mlp_products_t1"] = {"seconds": seconds, "times": times, "threads": 1}
    return out


class MatrixFactorization:
    """gdkit.bench.MfBench's model: rank 32, biases, L2 0.02, global mean; 1M ratings, MovieLens-1M shape."""
    n, users, items, rank, l2, batch, lr = 1_000_000, 6040, 3706, 32, 0.02, 1000, 5.0

    def __init__(self):
        def pick(stream, count):
            return np.minimum(count - 1, np.floor((uniform(stream, self.n) + 1) * (count / 2.0)).astype(np.int64))
        u, i, r = pick(31, self.users), pick(32, self.items), 1.0 + pick(33, 5)
        # one rating per (user, item), as gdkit's Ratings requires: keep each pair's first draw
        _, first = np.unique(u * self.items + i, return_index=True)
        keep = np.sort(first)
        self.u, self.i, self.r = u[keep], i[keep], r[keep]
        self.n = len(keep)
        self.mu = float(self.r.mean())
        k = self.rank
        self.start = np.zeros((self.users + self.items) * (k + 1))
        self.start[:(self.users + self.items) * k] = 0.1 * uniform(34, (self.users + self.items) * k)

    def views(self, params):
        k, nu, ni = self.rank, self.users, self.items
        p = params[:nu * k].reshape(nu, k)
        q = params[nu * k:(nu + ni) * k].reshape(ni, k)
        bu = params[(nu + ni) * k:(nu + ni) * k + nu]
        bi = params[(nu + ni) * k + nu:]
        return p, q, bu, bi

    def loss(self, params, idx=None):
        p, q, bu, bi = self.views(params)
        u, i, r = (self.u, self.i, self.r) if idx is None else (self.u[idx], self.i[idx], self.r[idx])
        pu, qi = p[u], q[i]
        e = self.mu + bu[u] + bi[i] + np.einsum("ij,ij->i", pu, qi) - r
        pen = self.l2 * (np.einsum("ij,ij->i", pu, pu) + np.einsum("ij,ij->i", qi, qi) + bu[u] ** 2 + bi[i] ** 2)
        return e, pu, qi, float(np.mean(e * e + pen))

    def full_gradient(self, params):
        """The dense full-batch gradient, for the cross-check with gdkit's lossAndGradient."""
        grad = np.zeros_like(params)
        gp, gq, gbu, gbi = self.views(grad)
        p, q, bu, bi = self.views(params)
        e, pu, qi, value = self.loss(params)
        c = 2.0 / self.n
        np.add.at(gp, self.u, c * (e[:, None] * qi + self.l2 * pu))
        np.add.at(gq, self.i, c * (e[:, None] * pu + self.l2 * qi))
        np.add.at(gbu, self.u, c * (e + self.l2 * bu[self.u]))
        np.add.at(gbi, self.i, c * (e + self.l2 * bi[self.i]))
        return value, grad

    def epoch(self, rng):
        """One epoch of mini-batch SGD from the start, loss on all ratings before and after (as the Trainer)."""
        params = self.start.copy()
        p, q, bu, bi = self.views(params)
        before = self.loss(params)[3]
        order = rng.permutation(self.n)
        for s in range(0, self.n, self.batch):
            idx = order[s:s + self.batch]
            u, i = self.u[idx], self.i[idx]
            e, pu, qi, batch_loss = self.loss(params, idx)
            step = self.lr * 2.0 / len(idx)
            np.add.at(p, u, -step * (e[:, None] * qi + self.l2 * pu))
            np.add.at(q, i, -step * (e[:, None] * pu + self.l2 * qi))
            np.add.at(bu, u, -step * (e + self.l2 * bu[u]))
            np.add.at(bi, i, -step * (e + self.l2 * bi[i]))
        after = self.loss(params)[3]
        return before, after


def mf_workload(quick):
    """Workload 3: one SGD epoch of matrix factorization (batches of 1000); elementwise, one thread."""
    mf = MatrixFactorization()
    value, grad = mf.full_gradient(mf.start)
    rng = np.random.default_rng(7)
    seconds, times = median_seconds(lambda: mf.epoch(rng), repeats=3 if quick else 7, warmup=1 if quick else 2)
    before, after = mf.epoch(rng)
    return {"mf_check": {"loss": value, "gnorm": float(np.linalg.norm(grad))},
            "mf_epoch": {"seconds": seconds, "times": times, "threads": 1, "loss_before": before,
                         "loss_after": after}}


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
    "mlp": lambda blas, quick: mlp_workload(blas, quick),
    "mf": lambda blas, quick: mf_workload(quick),
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
