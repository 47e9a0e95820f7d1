"""scikit-learn side of bench/recommend/recommend.ts (run by it with /usr/bin/python3; prints one JSON line).

    sklearn_recommend.py tfidf TEXTS.txt           TfidfVectorizer() + cosine top-10 per text
    sklearn_recommend.py knn USERS.i32 ITEMS.i32 N_USERS N_ITEMS
                                                    NearestNeighbors(n_neighbors=11, metric='cosine', brute) on the
                                                    sparse customer × item matrix: each customer's 10 nearest others
Peak memory is this process's ru_maxrss (includes Python and the libraries).
"""
import json
import resource
import sys
import time

import numpy as np
import scipy.sparse as sp


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


mode = sys.argv[1]
if mode == "tfidf":
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    with open(sys.argv[2], encoding="utf8") as f:
        texts = f.read().split("\n")
    before = peak_mb()
    t = time.perf_counter()
    x = TfidfVectorizer().fit_transform(texts)
    sim = cosine_similarity(x, dense_output=False).toarray()
    np.fill_diagonal(sim, -1)
    top = np.argpartition(-sim, 10, axis=1)[:, :10]
    seconds = time.perf_counter() - t
    print(json.dumps({"seconds": seconds, "maxRssMb": peak_mb(), "startRssMb": before, "terms": x.shape[1]}))
elif mode == "knn":
    from sklearn.neighbors import NearestNeighbors

    users = np.fromfile(sys.argv[2], dtype=np.int32)
    items = np.fromfile(sys.argv[3], dtype=np.int32)
    n_users, n_items = int(sys.argv[4]), int(sys.argv[5])
    x = sp.csr_matrix((np.ones(len(users)), (users, items)), shape=(n_users, n_items))
    before = peak_mb()
    t = time.perf_counter()
    nn = NearestNeighbors(n_neighbors=11, metric="cosine", algorithm="brute").fit(x)
    dist, idx = nn.kneighbors(x)
    seconds = time.perf_counter() - t
    print(json.dumps({"seconds": seconds, "maxRssMb": peak_mb(), "startRssMb": before}))
