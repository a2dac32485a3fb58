#!/usr/bin/python3
"""Joins webnn-bench-models' and torch_latency.py's JSON lines into the `make bench-models`
table: per model and adapter, build time, median compute latency, its ratio to PyTorch's on
the same graph and weights, the verdict against the vector's tolerance and peak RSS; then the
target (issue 20): the fastest adapter <= 1.0x PyTorch on ResNet-50 and MobileNetV2 float32.

    bench/models/report.py RESULTS.jsonl... > table.md"""
import json
import sys


def load(paths):
    rows = []
    for p in paths:
        with open(p) as f:
            rows += [json.loads(line) for line in f if line.strip()]
    return rows


def main(paths):
    rows = load(paths)
    torch_ms = {(r["file"], r["case"]): r["median_ms"] for r in rows if r["adapter"] == "pytorch" and r["status"] == "ok"}
    print("| model case | adapter | build ms | median ms | × PyTorch | verdict | peak RSS MB |")
    print("|---|---|---:|---:|---:|---|---:|")
    best = {}
    for r in rows:
        t = torch_ms.get((r["file"], r["case"]))
        if r["status"] != "ok":
            print("| %s | %s | — | — | — | %s: %s | — |" % (r["case"], r["adapter"], r["status"], r.get("message", "")[:80]))
            continue
        ratio = r["median_ms"] / t if t else None
        print("| %s | %s | %.1f | %.3f | %s | %s | %s |" % (
            r["case"], r["adapter"], r["build_ms"], r["median_ms"], "%.2f" % ratio if ratio else "—",
            r.get("verdict", "max abs %.3g" % r["max_abs"]), "%.0f" % r["peak_rss_mb"] if "peak_rss_mb" in r else "—"))
        if r["adapter"] != "pytorch" and r.get("verdict") == "PASS" and ratio is not None:
            if r["case"] not in best or ratio < best[r["case"]][1]:
                best[r["case"]] = (r["adapter"], ratio)
    print()
    print("| target (issue 20) | case | fastest correct adapter | × PyTorch | verdict |")
    print("|---|---|---|---:|---|")
    for case, (adapter, ratio) in sorted(best.items()):
        name = case.lower()
        if ("resnet" in name or "mobilenet" in name) and "float16" not in name:
            print("| fastest adapter <= 1.0 × PyTorch | %s | %s | %.2f | %s |" % (case, adapter, ratio, "met" if ratio <= 1.0 else "missed"))


if __name__ == "__main__":
    main(sys.argv[1:])
