"""Synthetic runs for measuring the side-by-side page at scale (make report-loadtime): from one
real wptreport, N runs of exactly CASES cases each (the real cases, then copies named
"... #copy K" until the count is reached), each run with its own seeded share of cases turned
into FAIL / NOTSUPPORTED / ERROR and its histograms shifted, so that rows, case lists and
histograms differ between runs as real adapters' do.
    make_runs.py REPORT.json OUTDIR [--runs 5] [--cases 12000]"""
import argparse
import copy
import json
import os
import random


def grow(results, n):
    out = list(results[:n])
    k = 1
    while len(out) < n:
        for r in results:
            if len(out) == n:
                break
            c = copy.deepcopy(r)
            c["test"] = f"{r['test']} #copy {k}"
            out.append(c)
        k += 1
    return out


def perturb(r, rng):
    x = r["extra"]
    roll = rng.random()
    if roll < 0.03 and x["outputs"]:
        r["status"] = x["webnn_status"] = "FAIL"
        r["message"] = "synthetic failure"
        for o in x["outputs"]:
            o["max_ulp"] = o.get("max_ulp", 0) if isinstance(o.get("max_ulp"), str) else (o.get("max_ulp") or 0) + 1000
            o["n_bad"] = max(1, o.get("n_bad", 0))
            if o.get("ulp_hist"):
                h = o["ulp_hist"] + [0] * (12 - len(o["ulp_hist"]))
                h[11] += h[0]
                h[0] = 0
                o["ulp_hist"] = h
    elif roll < 0.08:
        r["status"], x["webnn_status"] = "PRECONDITION_FAILED", "NOTSUPPORTED"
        r["message"] = "synthetic: not in opSupportLimits"
    elif roll < 0.09:
        r["status"] = x["webnn_status"] = "ERROR"
        r["message"] = "synthetic: compute() failed"
    else:
        for o in x["outputs"]:
            h = o.get("ulp_hist")
            if h and rng.random() < 0.3:  # move a share of exact elements up a few buckets
                h = h + [0] * (4 - len(h))
                moved = h[0] // 3
                h[0] -= moved
                h[rng.randint(1, 3)] += moved
                o["ulp_hist"] = h


def main():
    p = argparse.ArgumentParser()
    p.add_argument("report")
    p.add_argument("outdir")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--cases", type=int, default=12000)
    a = p.parse_args()
    with open(a.report, encoding="utf-8") as f:
        doc = json.load(f)
    results = grow(doc["results"], a.cases)
    os.makedirs(a.outdir, exist_ok=True)
    for k in range(a.runs):
        rng = random.Random(k)
        d = {"run_info": dict(doc["run_info"], adapter=f"synthetic-{k + 1}"),
             "time_start": doc.get("time_start", 0) + k * 86400000, "time_end": doc.get("time_end", 0),
             "results": copy.deepcopy(results)}
        if k:
            for r in d["results"]:
                perturb(r, rng)
        path = os.path.join(a.outdir, f"run{k + 1}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(d, f)
        print(path)


if __name__ == "__main__":
    main()
