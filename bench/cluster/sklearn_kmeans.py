#!/usr/bin/python3
"""Time scikit-learn's KMeans on the benchmark's data, for bench/cluster/kmeans.ts.

    /usr/bin/python3 bench/cluster/sklearn_kmeans.py X.npy init.npy REPS TOL

Runs KMeans(algorithm="lloyd", n_init=1, init=<the given centres>) — the same start as ours, so the iteration counts
match — once limited to one thread with threadpoolctl and once with the default threads, after a warm-up fit.
Prints one JSON object: {"1": {...}, "default": {...}} with the median seconds, n_iter and inertia.
"""
import json
import sys
import time

import numpy as np
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_limits


def fit(x, init, tol):
    return KMeans(n_clusters=len(init), init=init, n_init=1, algorithm="lloyd", tol=tol, max_iter=300).fit(x)


def main():
    x = np.load(sys.argv[1])
    init = np.load(sys.argv[2])
    reps = int(sys.argv[3])
    tol = float(sys.argv[4])
    fit(x[: min(len(x), 20000)], init, tol)  # warm-up: imports, OpenMP and BLAS thread start-up
    out = {}
    for label, limit in (("1", 1), ("default", None)):
        times = []
        with threadpool_limits(limits=limit):
            for _ in range(reps):
                t = time.perf_counter()
                km = fit(x, init, tol)
                times.append(time.perf_counter() - t)
        times.sort()
        out[label] = {"seconds": times[len(times) // 2], "nIter": int(km.n_iter_), "inertia": float(km.inertia_)}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
