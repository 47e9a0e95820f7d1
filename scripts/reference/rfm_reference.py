#!/usr/bin/python3
"""Independent RFM reference for the engine's computeRfm, in plain Python (csv, datetime) with NumPy only for the
quantiles (pandas is not installed here; its `qcut` is reproduced with np.quantile and np.searchsorted exactly as
pandas implements it: edges np.quantile(x, np.linspace(0, 1, 6)), bins = searchsorted(edges, x, 'left') with the
minimum put in bin 1, and `rank(method='first')` when edges repeat).

    /usr/bin/python3 scripts/reference/rfm_reference.py

Writes test/fixtures/rfm/{online_retail_exclude,online_retail_net,cdnow_sample}.json (one entry per customer) and
cdnow_master_summary.json (segment and score counts, totals and the first customers). Conventions checked — the same
ones computeRfm documents: rows without customer id, date or amount are dropped; a cancellation is an invoice starting
with "C" or a negative amount; 'exclude' drops them, 'net' subtracts |amount| from monetary without counting an
invoice or a purchase date; asOf = 00:00 UTC of the day after the last dated row; recency and tenure in whole days;
frequency = distinct invoices (rows without an invoice column); customers in ascending id order.
Data: /work/shared/data/transactions (README there: Online Retail, UCI / D. Chen 2015, CC BY 4.0; CDNOW, Fader &
Hardie, via the MIT-licensed lifetimes package).
"""
import csv
import json
import math
import os
import sys
from datetime import datetime, timezone

import numpy as np

DATA = os.environ.get("SEGMENTLAB_DATA", "/work/shared/data")
OUT = "test/fixtures/rfm"
RETAIL = os.path.join(DATA, "transactions", "online_retail_sample_20000.csv")
CDNOW_SAMPLE = os.path.join(DATA, "transactions", "CDNOW_sample.txt")
CDNOW_MASTER = os.path.join(DATA, "transactions", "CDNOW_master.txt")
DAY = 86_400_000

SEGMENTS = [
    ("[1-2][1-2]", "Hibernating"), ("[1-2][3-4]", "At Risk"), ("[1-2]5", "Can't Lose Them"),
    ("3[1-2]", "About to Sleep"), ("33", "Need Attention"), ("[3-4][4-5]", "Loyal Customers"),
    ("41", "Promising"), ("51", "New Customers"), ("[4-5][2-3]", "Potential Loyalists"), ("5[4-5]", "Champions"),
]


def epoch_ms(dt):
    return dt.replace(tzinfo=timezone.utc).timestamp() * 1000.0


def read_retail():
    rows = []
    with open(RETAIL, newline="", encoding="utf-8") as f:
        for rec in csv.DictReader(f):
            customer = None if rec["CustomerID"] in ("", "NA") else rec["CustomerID"]
            date = epoch_ms(datetime.strptime(rec["InvoiceDate"], "%Y-%m-%d %H:%M:%S"))
            amount = float(rec["Quantity"]) * float(rec["UnitPrice"])
            rows.append((customer, date, amount, rec["InvoiceNo"], rec["StockCode"]))
    return rows


def read_cdnow(path, id_field, date_field, amount_field, header):
    rows = []
    with open(path, encoding="utf-8") as f:
        if header:
            f.readline()
        for line in f:
            parts = line.split()
            if not parts:
                continue
            date = epoch_ms(datetime.strptime(parts[date_field], "%Y%m%d"))
            rows.append((parts[id_field], date, float(parts[amount_field]), None, None))
    return rows


def qcut_bins(x):
    """pandas.qcut(x, 5, labels=False) + 1, or None where pandas raises on repeated edges."""
    x = np.asarray(x, dtype=float)
    edges = np.quantile(x, np.linspace(0, 1, 6))
    if len(np.unique(edges)) < len(edges):
        return None
    bins = np.searchsorted(edges, x, side="left")
    bins[x == edges[0]] = 1
    return bins


def rank_first(x):
    order = sorted(range(len(x)), key=lambda i: (x[i], i))
    ranks = [0.0] * len(x)
    for r, i in enumerate(order):
        ranks[i] = float(r + 1)
    return ranks


def scores(x, by_rank):
    if not by_rank:
        bins = qcut_bins(x)
        if bins is not None:
            return [int(b) for b in bins], False
    return [int(b) for b in qcut_bins(rank_first(x))], True


def segment(r, f):
    import re

    for pattern, name in SEGMENTS:
        if re.fullmatch(pattern, f"{r}{f}"):
            return name
    raise ValueError((r, f))


def rfm(rows, policy, has_invoice, has_item):
    last_dated = max(r[1] for r in rows)
    acc = {}
    report = {"rows": len(rows), "rowsWithoutCustomer": 0, "cancellationRows": 0, "cancellationAmount": 0.0, "purchaseRows": 0}
    for customer, date, amount, invoice, item in rows:
        if customer is None or customer.strip() == "":
            report["rowsWithoutCustomer"] += 1
            continue
        customer = customer.strip()
        cancelled = amount < 0 or (invoice is not None and invoice.strip()[:1] in ("C", "c"))
        if cancelled:
            report["cancellationRows"] += 1
            report["cancellationAmount"] += abs(amount)
            if policy == "exclude":
                continue
        a = acc.setdefault(customer, {"dates": [], "monetary": 0.0, "invoices": set(), "rows": 0, "items": set()})
        if cancelled:
            a["monetary"] -= abs(amount)
            continue
        report["purchaseRows"] += 1
        a["monetary"] += amount
        a["dates"].append(date)
        if has_invoice:
            a["invoices"].add(invoice.strip())
        else:
            a["rows"] += 1
        if has_item and item:
            a["items"].add(item)
    as_of = (math.floor(last_dated / DAY) + 1) * DAY
    ids = sorted(c for c, a in acc.items() if a["dates"])
    report["customersWithOnlyReturns"] = len(acc) - len(ids)
    report["customers"] = len(ids)
    report["asOf"] = as_of
    out = {k: [] for k in ["customers", "recency", "frequency", "monetary", "tenure", "averageOrderValue", "meanDaysBetweenPurchases", "distinctItems"]}
    for c in ids:
        a = acc[c]
        first, last = min(a["dates"]), max(a["dates"])
        freq = len(a["invoices"]) if has_invoice else a["rows"]
        out["customers"].append(c)
        out["recency"].append(math.floor((as_of - last) / DAY))
        out["frequency"].append(freq)
        out["monetary"].append(a["monetary"])
        out["tenure"].append(math.floor((as_of - first) / DAY))
        out["averageOrderValue"].append(a["monetary"] / freq)
        out["meanDaysBetweenPurchases"].append((last - first) / DAY / (freq - 1) if freq > 1 else None)
        out["distinctItems"].append(len(a["items"]) if has_item else None)
    r_bins, r_rank = scores(out["recency"], False)
    out["R"] = [6 - b for b in r_bins]
    out["F"], _ = scores(out["frequency"], True)
    out["M"], m_rank = scores(out["monetary"], False)
    out["segment"] = [segment(r, f) for r, f in zip(out["R"], out["F"])]
    report["customersWithNegativeMonetary"] = sum(1 for m in out["monetary"] if m < 0)
    report["recencyScoredByRank"] = r_rank
    report["monetaryScoredByRank"] = m_rank
    if not has_item:
        del out["distinctItems"]
    return {"report": report, **out}


def provenance(inputs, policy):
    return {
        "script": "scripts/reference/rfm_reference.py",
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "inputs": inputs,
        "cancellations": policy,
    }


def write(name, payload):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(payload, f, allow_nan=False)
        f.write("\n")


def summary(result):
    seg = {}
    for s in result["segment"]:
        seg[s] = seg.get(s, 0) + 1
    count = lambda key: {str(k): result[key].count(k) for k in range(1, 6)}
    head = {k: v[:25] for k, v in result.items() if isinstance(v, list)}
    return {
        "report": result["report"],
        "segments": seg,
        "R": count("R"),
        "F": count("F"),
        "M": count("M"),
        "totals": {"recency": sum(result["recency"]), "frequency": sum(result["frequency"]), "monetary": math.fsum(result["monetary"])},
        "head": head,
    }


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    retail = read_retail()
    for policy in ("exclude", "net"):
        write(f"online_retail_{policy}.json", {"provenance": provenance([RETAIL], policy), **rfm(retail, policy, True, True)})
    sample = read_cdnow(CDNOW_SAMPLE, 0, 2, 4, header=False)
    write("cdnow_sample.json", {"provenance": provenance([CDNOW_SAMPLE], "exclude"), **rfm(sample, "exclude", False, False)})
    master = read_cdnow(CDNOW_MASTER, 0, 1, 3, header=True)
    write("cdnow_master_summary.json", {"provenance": provenance([CDNOW_MASTER], "exclude"), **summary(rfm(master, "exclude", False, False))})
    print("wrote", sorted(os.listdir(OUT)))
