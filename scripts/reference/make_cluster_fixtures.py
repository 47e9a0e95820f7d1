#!/usr/bin/python3
"""Reference values for the clustering engine's tests, computed with SciPy and scikit-learn.

Run from the repository root with Debian's interpreter (it has python3-scipy and python3-sklearn):

    /usr/bin/python3 scripts/reference/make_cluster_fixtures.py

Writes JSON files into test/fixtures/scipy/. Every file records the library versions and this command. All input data
is either stored in the fixture itself or read from /work/shared/data/reference/iris.csv (scikit-learn's copy of
Fisher's iris; its first line is `150,4,setosa,versicolor,virginica`, not a header) or, for the service cases, from
/work/shared/data/customers/Wholesale customers data.csv (UCI's Wholesale customers, with a header). Random data is rounded to 6
decimals before use so that the numbers the tests parse are exactly the numbers SciPy saw.
"""
import json
import os
import platform
import sys

import numpy as np
import scipy
import sklearn
from scipy.cluster.hierarchy import dendrogram, fcluster, linkage
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.preprocessing import StandardScaler
from sklearn.metrics import (
    adjusted_rand_score,
    calinski_harabasz_score,
    davies_bouldin_score,
    silhouette_samples,
    silhouette_score,
)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "test", "fixtures", "scipy")
IRIS = "/work/shared/data/reference/iris.csv"
WHOLESALE = "/work/shared/data/customers/Wholesale customers data.csv"
WHOLESALE_SPEND = ["Fresh", "Milk", "Grocery", "Frozen", "Detergents_Paper", "Delicassen"]

PROVENANCE = {
    "command": "/usr/bin/python3 scripts/reference/make_cluster_fixtures.py",
    "python": platform.python_version(),
    "numpy": np.__version__,
    "scipy": scipy.__version__,
    "sklearn": sklearn.__version__,
}


def load_iris():
    # Skip the first line: it is "150,4,setosa,versicolor,virginica", a size record, not column names.
    raw = np.loadtxt(IRIS, delimiter=",", skiprows=1)
    return raw[:, :4], raw[:, 4].astype(int)


def blobs(n, d, centers, std, seed):
    x, y = make_blobs(n_samples=n, n_features=d, centers=centers, cluster_std=std, random_state=seed)
    return np.round(x, 6), y


def first_appearance(labels):
    """Renumber labels 0, 1, 2, … in order of first appearance (the engine's convention)."""
    mapping = {}
    out = []
    for v in labels:
        if v not in mapping:
            mapping[v] = len(mapping)
        out.append(mapping[v])
    return out


def write(name, payload):
    os.makedirs(OUT, exist_ok=True)
    payload = {"provenance": PROVENANCE, **payload}
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump(payload, f, indent=None, separators=(",", ":"))
        f.write("\n")
    print("wrote", os.path.relpath(path, ROOT), file=sys.stderr)


def datasets():
    iris_x, iris_y = load_iris()
    a_x, a_y = blobs(30, 2, 4, 1.0, 3)
    b_x, b_y = blobs(57, 5, 3, 2.0, 11)
    return {
        "blobsA": {"x": a_x, "y": a_y, "ties": False},
        "blobsB": {"x": b_x, "y": b_y, "ties": False},
        # Iris has duplicate rows, so some merges tie: tests compare heights only.
        "iris": {"x": iris_x, "y": iris_y, "ties": True},
    }


def linkage_fixtures(data):
    out = {}
    for name, ds in data.items():
        x = ds["x"]
        entry = {"x": x.tolist(), "ties": ds["ties"], "methods": {}}
        for method in ("ward", "complete", "average", "single"):
            z = linkage(x, method=method)
            cuts_k = {}
            for k in (1, 2, 3, 4, 5, 7):
                cuts_k[str(k)] = first_appearance(fcluster(z, k, criterion="maxclust").tolist())
            heights = sorted(set(z[:, 2].tolist()))
            cuts_h = []
            for q in (0.25, 0.5, 0.9):
                h = float(np.quantile(z[:, 2], q))
                cuts_h.append({"height": h, "labels": first_appearance(fcluster(z, h, criterion="distance").tolist())})
            entry["methods"][method] = {"Z": z.tolist(), "cutsByK": cuts_k, "cutsByHeight": cuts_h}
        out[name] = entry
    return out


def dendrogram_fixtures(data):
    out = {}
    for name in ("blobsA", "blobsB"):
        x = data[name]["x"]
        entry = {}
        for method in ("ward", "single", "average"):
            z = linkage(x, method=method)
            full = dendrogram(z, no_plot=True)
            lastp = dendrogram(z, no_plot=True, truncate_mode="lastp", p=6)
            entry[method] = {
                "Z": z.tolist(),
                "full": {"leaves": full["leaves"], "icoord": full["icoord"], "dcoord": full["dcoord"]},
                "lastp6": {
                    "leaves": lastp["leaves"],
                    "icoord": lastp["icoord"],
                    "dcoord": lastp["dcoord"],
                    "ivl": lastp["ivl"],
                },
            }
        out[name] = entry
    return out


def metric_cases(data):
    cases = []
    iris_x, iris_y = data["iris"]["x"], data["iris"]["y"]
    km = KMeans(n_clusters=3, n_init=10, random_state=0).fit(iris_x)
    labelings = [
        ("iris-true", iris_x, iris_y),
        ("iris-kmeans3", iris_x, km.labels_),
        ("blobsA-true", data["blobsA"]["x"], data["blobsA"]["y"]),
        ("blobsB-ward2", data["blobsB"]["x"], fcluster(linkage(data["blobsB"]["x"], "ward"), 2, "maxclust") - 1),
    ]
    # A labelling with a singleton cluster: its silhouette is 0 by definition.
    single = np.array(data["blobsA"]["y"])
    single[0] = 4
    labelings.append(("blobsA-singleton", data["blobsA"]["x"], single))
    for name, x, y in labelings:
        y = np.asarray(y)
        cases.append(
            {
                "name": name,
                "x": x.tolist(),
                "labels": y.tolist(),
                "silhouette": float(silhouette_score(x, y)),
                "silhouetteSamples": silhouette_samples(x, y).tolist(),
                "calinskiHarabasz": float(calinski_harabasz_score(x, y)),
                "daviesBouldin": float(davies_bouldin_score(x, y)),
            }
        )
    return cases


def ari_cases():
    rng = np.random.RandomState(5)
    cases = []
    pairs = [
        ([0, 0, 1, 1], [0, 0, 1, 1]),
        ([0, 0, 1, 1], [1, 1, 0, 0]),
        ([0, 0, 0, 0], [0, 1, 2, 3]),
        ([0, 0, 1, 2], [0, 0, 1, 1]),
        ([0, 1, 2, 3], [0, 1, 2, 3]),
        ([0, 0, 0], [0, 0, 0]),
    ]
    for n, ka, kb in ((50, 3, 3), (200, 4, 6), (1000, 10, 2), (500, 5, 5)):
        a = rng.randint(0, ka, n)
        b = a.copy()
        flip = rng.rand(n) < 0.3
        b[flip] = rng.randint(0, kb, flip.sum())
        pairs.append((a.tolist(), b.tolist()))
        pairs.append((a.tolist(), rng.randint(0, kb, n).tolist()))
    for a, b in pairs:
        cases.append({"a": list(a), "b": list(b), "ari": float(adjusted_rand_score(a, b))})
    return cases


def kmeans_fixtures(data):
    iris_x, _ = data["iris"]["x"], data["iris"]["y"]
    km = KMeans(n_clusters=3, n_init=10, random_state=0).fit(iris_x)
    iris_case = {
        "call": "KMeans(n_clusters=3, n_init=10, random_state=0).fit(iris)",
        "inertia": float(km.inertia_),
        "centers": km.cluster_centers_.tolist(),
        "labels": km.labels_.tolist(),
        "silhouette": float(silhouette_score(iris_x, km.labels_)),
        "calinskiHarabasz": float(calinski_harabasz_score(iris_x, km.labels_)),
        "daviesBouldin": float(davies_bouldin_score(iris_x, km.labels_)),
    }

    # Fixed starting centres, one Lloyd run: iteration counts, centres and inertia must match exactly.
    runs = []
    big_x, _ = blobs(6000, 2, 8, 1.5, 21)
    med_x, _ = blobs(500, 4, 5, 2.5, 8)
    specs = [
        ("iris-rows-0-1-2", iris_x, [0, 1, 2], 1e-4),
        ("iris-rows-0-1-2-tol0", iris_x, [0, 1, 2], 0.0),
        ("iris-rows-5-60-120-k3", iris_x, [5, 60, 120], 1e-4),
        ("blobsB-k4", data["blobsB"]["x"], [0, 1, 2, 3], 1e-4),
        ("medium-k5", med_x, [3, 7, 11, 19, 23], 0.0),
        ("big-k8", big_x, [0, 1, 2, 3, 4, 5, 6, 7], 1e-4),
        ("big-k8-tol0", big_x, [10, 20, 30, 40, 50, 60, 70, 80], 0.0),
    ]
    for name, x, rows, tol in specs:
        init = x[rows]
        fit = KMeans(n_clusters=len(rows), init=init, n_init=1, algorithm="lloyd", tol=tol, max_iter=300).fit(x)
        runs.append(
            {
                "name": name,
                "x": x.tolist() if x is not iris_x else "iris",
                "init": init.tolist(),
                "tol": tol,
                "inertia": float(fit.inertia_),
                "nIter": int(fit.n_iter_),
                "centers": fit.cluster_centers_.tolist(),
                "labels": fit.labels_.tolist(),
            }
        )
    # A start with a centre far from every row: its cluster is empty after the first assignment and must be refilled.
    far_init = np.vstack([iris_x[[0, 60]], [[100.0, 100.0, 100.0, 100.0]]])
    fit = KMeans(n_clusters=3, init=far_init, n_init=1, algorithm="lloyd", max_iter=300).fit(iris_x)
    runs.append(
        {
            "name": "iris-empty-cluster",
            "x": "iris",
            "init": far_init.tolist(),
            "tol": 1e-4,
            "inertia": float(fit.inertia_),
            "nIter": int(fit.n_iter_),
            "centers": fit.cluster_centers_.tolist(),
            "labels": fit.labels_.tolist(),
        }
    )
    return {"irisK3": iris_case, "fixedInit": runs, "service": service_cases(iris_x)}


def service_cases(iris_x):
    """What `cluster.run` must give for the same data and settings: the service imports the CSV, scales the chosen
    features with a StandardScaler (population spread) and fits k-means in the scaled space, scoring it there."""
    scaled = StandardScaler().fit(iris_x)
    x = scaled.transform(iris_x)
    km = KMeans(n_clusters=2, n_init=10, random_state=0).fit(x)
    iris_standard_k2 = {
        # k = 2 on standardised iris has one optimum (every one of 100 single starts finds it), so any correct k-means
        # with restarts must return exactly this partition; k = 3 has two optima 0.2 apart in inertia.
        "call": "KMeans(n_clusters=2, n_init=10, random_state=0).fit(StandardScaler().fit_transform(iris))",
        "inertia": float(km.inertia_),
        "labels": km.labels_.tolist(),
        "centersOriginal": scaled.inverse_transform(km.cluster_centers_).tolist(),
        "silhouette": float(silhouette_score(x, km.labels_)),
        "calinskiHarabasz": float(calinski_harabasz_score(x, km.labels_)),
        "daviesBouldin": float(davies_bouldin_score(x, km.labels_)),
    }

    # Wholesale spend, standardised, k = 3 has many local optima (its outliers make them): scikit-learn's own 10
    # restarts stop above the best of 1,000. A correct k-means with 10 restarts lands between the two, on a partition
    # whose inertia is the within-segment sum of squares of its labels.
    header = np.loadtxt(WHOLESALE, delimiter=",", max_rows=1, dtype=str).tolist()
    raw = np.loadtxt(WHOLESALE, delimiter=",", skiprows=1)[:, [header.index(c) for c in WHOLESALE_SPEND]]
    w = StandardScaler().fit_transform(raw)
    ten = KMeans(n_clusters=3, n_init=10, random_state=0).fit(w)
    best = KMeans(n_clusters=3, n_init=1000, random_state=0).fit(w)
    wholesale_standard_k3 = {
        "features": WHOLESALE_SPEND,
        "call": "KMeans(n_clusters=3, n_init=10 | 1000, random_state=0).fit(StandardScaler().fit_transform(spend))",
        "inertiaTenStarts": float(ten.inertia_),
        "inertiaBestOf1000": float(best.inertia_),
    }
    return {"irisStandardK2": iris_standard_k2, "wholesaleStandardK3": wholesale_standard_k3}


def main():
    data = datasets()
    write("linkage.json", {"datasets": linkage_fixtures(data)})
    write("dendrogram.json", {"datasets": dendrogram_fixtures(data)})
    write("metrics.json", {"cases": metric_cases(data), "ari": ari_cases()})
    write("kmeans.json", kmeans_fixtures(data))


if __name__ == "__main__":
    main()
