#!/usr/bin/python3
"""Reference numbers for the prep and profile engine tests, from scikit-learn / SciPy / NumPy.

Run with Debian's interpreter (it has scikit-learn, SciPy and NumPy), from the repository root:

    /usr/bin/python3 scripts/reference/prep_reference.py

Writes test/fixtures/prep/{profile,scalers,power,pca}_reference.json, each recording the library versions and the
input files it was computed from, and test/fixtures/prep/datasets.json: the two small input tables themselves, so the
tests need nothing outside the repository. Data: /work/shared/data (see its README for sources and licences):
Wholesale customers (UCI, Cardoso 2014, CC BY 4.0) and Fisher's iris as shipped with scikit-learn (BSD-3-Clause).
"""
import json
import os
import sys
import warnings

import numpy as np
import scipy
import scipy.stats as stats
import sklearn
from sklearn.decomposition import PCA
from sklearn.preprocessing import MinMaxScaler, PowerTransformer, RobustScaler, StandardScaler

DATA = os.environ.get("SEGMENTLAB_DATA", "/work/shared/data")
OUT = "test/fixtures/prep"
WHOLESALE = os.path.join(DATA, "customers", "Wholesale customers data.csv")
IRIS = os.path.join(DATA, "reference", "iris.csv")

PROVENANCE = {
    "script": "scripts/reference/prep_reference.py",
    "python": sys.version.split()[0],
    "numpy": np.__version__,
    "scipy": scipy.__version__,
    "sklearn": sklearn.__version__,
}


def load_wholesale():
    with open(WHOLESALE, newline="") as f:
        header = f.readline().strip().split(",")
    data = np.loadtxt(WHOLESALE, delimiter=",", skiprows=1)
    return header, data


def load_iris():
    data = np.loadtxt(IRIS, delimiter=",", skiprows=1)
    return ["sepal_length", "sepal_width", "petal_length", "petal_width"], data[:, :4]


def tolist(a):
    return np.asarray(a, dtype=float).tolist()


def finite_or_none(value):
    """JSON has no NaN: undefined results (e.g. the skewness of a constant column) are written as null."""
    if isinstance(value, float) and not np.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: finite_or_none(v) for k, v in value.items()}
    if isinstance(value, list):
        return [finite_or_none(v) for v in value]
    return value


def dump(name, payload, inputs):
    payload = finite_or_none({"provenance": dict(PROVENANCE, inputs=inputs), **payload})
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(payload, f, indent=1, allow_nan=False)
        f.write("\n")


PROBS = [0.0, 0.01, 0.05, 0.1, 0.2, 0.25, 0.4, 0.5, 0.6000000000000001, 0.75, 0.8, 0.95, 0.99, 1.0]


def profile_of(x):
    x = np.asarray(x, dtype=float)
    x = x[~np.isnan(x)]
    edges = np.histogram_bin_edges(x, bins="auto")
    counts, _ = np.histogram(x, bins=edges)
    q1, q3 = np.percentile(x, [25, 75])
    lo, hi = q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)
    med = np.median(x)
    mad = np.median(np.abs(x - med))
    if mad > 0:
        m = 0.6745 * (x - med) / mad
    else:
        mean_ad = np.mean(np.abs(x - med))
        m = (x - med) / (1.253314 * mean_ad) if mean_ad > 0 else np.zeros_like(x)
    return {
        "count": int(x.size),
        "mean": float(np.mean(x)),
        "std": float(np.std(x, ddof=1)) if x.size > 1 else None,
        "skewness": float(stats.skew(x, bias=False)) if x.size > 2 else None,
        "quantiles": tolist(np.quantile(x, PROBS)),
        "histogram": {"edges": tolist(edges), "counts": [int(c) for c in counts]},
        "iqrOutliers": int(np.sum((x < lo) | (x > hi))),
        "robustZOutliers": int(np.sum(np.abs(m) > 3.5)),
    }


def datasets():
    header, ws = load_wholesale()
    names, iris = load_iris()
    payload = {
        "provenance": dict(PROVENANCE, inputs=[WHOLESALE, IRIS]),
        "wholesale": {
            "source": "UCI Machine Learning Repository, Wholesale customers (M. G. M. S. Cardoso, 2014), CC BY 4.0",
            "columns": header,
            "rows": ws.tolist(),
        },
        "iris": {
            "source": "Fisher's iris (1936) as shipped with scikit-learn 1.2.1 (sklearn/datasets/data/iris.csv), BSD-3-Clause",
            "columns": names,
            "rows": iris.tolist(),
        },
    }
    with open(os.path.join(OUT, "datasets.json"), "w") as f:
        json.dump(payload, f)
        f.write("\n")


def synthetic_columns():
    rng = np.random.default_rng(20240601)
    return {
        "ties": [1, 1, 1, 1, 2, 2, 3, 3, 3, 4, 5, 5, 5, 5, 5, 9, 40],
        "mostly_zero": [0] * 30 + [1, 2, 5, 7, 100],
        "with_nan": [3.5, float("nan"), -2.25, 7.0, float("nan"), 0.0, 11.5, -8.0, 4.0],
        "lognormal": tolist(np.round(rng.lognormal(3, 1.2, 500), 2)),
        "normal": tolist(rng.normal(10, 3, 300)),
        "integers": tolist(rng.integers(0, 50, 1000)),
        "constant": [7.0] * 12,
        "two": [1.0, 4.0],
    }


def profile_reference():
    header, ws = load_wholesale()
    names, iris = load_iris()
    columns = {}
    for j, name in enumerate(header):
        columns["wholesale:" + name] = profile_of(ws[:, j])
    for j, name in enumerate(names):
        columns["iris:" + name] = profile_of(iris[:, j])
    for name, values in synthetic_columns().items():
        columns["synthetic:" + name] = {"values": [None if np.isnan(v) else v for v in values], **profile_of(values)}
    dump(
        "profile_reference.json",
        {"probabilities": PROBS, "columns": columns},
        [WHOLESALE, IRIS, "synthetic columns defined in the script (numpy default_rng(20240601))"],
    )


def scaler_reference():
    header, ws = load_wholesale()
    spend = ws[:, 2:]
    out = {"columns": header[2:]}
    s = StandardScaler().fit(spend)
    out["standard"] = {"centre": tolist(s.mean_), "scale": tolist(s.scale_), "first_rows": tolist(s.transform(spend)[:5])}
    r = RobustScaler().fit(spend)
    out["robust"] = {"centre": tolist(r.center_), "scale": tolist(r.scale_), "first_rows": tolist(r.transform(spend)[:5])}
    m = MinMaxScaler().fit(spend)
    out["minMax"] = {"centre": tolist(m.data_min_), "scale": tolist(m.data_range_), "first_rows": tolist(m.transform(spend)[:5])}
    dump("scalers_reference.json", out, [WHOLESALE])


def power_reference():
    header, ws = load_wholesale()
    names, iris = load_iris()
    spend = ws[:, 2:]
    # A column with negative values: the standardised spend (mean 0) exercises Yeo-Johnson's negative branch.
    centred = StandardScaler().fit_transform(spend)
    cases = {
        "wholesale_spend": (header[2:], spend),
        "iris": (names, iris),
        "wholesale_spend_standardised": (header[2:], centred),
    }
    out = {}
    for key, (cols, x) in cases.items():
        yj = PowerTransformer(method="yeo-johnson", standardize=False).fit(x)
        entry = {"columns": cols, "yeoJohnson": {"lambdas": tolist(yj.lambdas_), "first_rows": tolist(yj.transform(x)[:5])}}
        if np.all(x > 0):
            bc = PowerTransformer(method="box-cox", standardize=False).fit(x)
            entry["boxCox"] = {"lambdas": tolist(bc.lambdas_), "first_rows": tolist(bc.transform(x)[:5])}
        out[key] = entry
    dump("power_reference.json", out, [WHOLESALE, IRIS])


def pca_of(x, **kwargs):
    p = PCA(svd_solver="full", **kwargs).fit(x)
    return {
        "n_components": int(p.n_components_),
        "mean": tolist(p.mean_),
        "components": tolist(p.components_),
        "explained_variance": tolist(p.explained_variance_),
        "explained_variance_ratio": tolist(p.explained_variance_ratio_),
        "singular_values": tolist(p.singular_values_),
        "first_scores": tolist(p.transform(x)[:5]),
    }


def pca_reference():
    header, ws = load_wholesale()
    names, iris = load_iris()
    spend = ws[:, 2:]
    standardised = StandardScaler().fit_transform(spend)
    out = {
        "iris": {"columns": names, **pca_of(iris)},
        "wholesale_spend": {"columns": header[2:], **pca_of(spend)},
        "wholesale_spend_standardised": {"columns": header[2:], **pca_of(standardised)},
        "wholesale_spend_standardised_80": {"columns": header[2:], "varianceToKeep": 0.8, **pca_of(standardised, n_components=0.8)},
        "iris_2": {"columns": names, "nComponents": 2, **pca_of(iris, n_components=2)},
    }
    dump("pca_reference.json", out, [WHOLESALE, IRIS])


if __name__ == "__main__":
    # scipy warns that the skewness of the constant synthetic column is unreliable; the tests expect 0 there.
    warnings.simplefilter("ignore", RuntimeWarning)
    os.makedirs(OUT, exist_ok=True)
    datasets()
    profile_reference()
    scaler_reference()
    power_reference()
    pca_reference()
    print("wrote", sorted(os.listdir(OUT)))
