#!/usr/bin/python3
"""Driver: runs the family modules of vectors/gen/families/ and writes vectors/<FAMILY>/<stem>.json.

Family module interface (vectors/gen/families/<module>.py):
    FAMILY = "elementwise_binary"     # optional: output folder name, defaults to the module name
    def generate():                   # -> {file stem (usually the op name): [test dict, ...]}
The driver calls common.set_seed_base("webnn-cts/<FAMILY>") first; common.rng(name) derives all
randomness from that and the name, so output is identical bit for bit on every run.

usage: gen.py [--out DIR] [--jobs N] [FAMILY_MODULE ...]
"""
import argparse
import importlib
import multiprocessing
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import common  # noqa: E402


def module_names():
    d = os.path.join(HERE, "families")
    return sorted(f[:-3] for f in os.listdir(d) if f.endswith(".py") and not f.startswith("_"))


def run_module(args):
    modname, out = args
    mod = importlib.import_module("families." + modname)
    family = getattr(mod, "FAMILY", modname)
    common.set_seed_base("webnn-cts/" + family)
    files = mod.generate()
    written = []
    for stem in sorted(files):
        tests = files[stem]
        if not tests:
            continue
        text = common.dumps_file("vectors/gen/families/%s.py" % modname, tests)
        d = os.path.join(out, family)
        os.makedirs(d, exist_ok=True)
        path = os.path.join(d, stem + ".json")
        with open(path, "w", encoding="ascii", newline="\n") as f:
            f.write(text)
        written.append((family + "/" + stem + ".json", len(tests), len(text)))
    return modname, written


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=common.VECTORS_DIR)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("modules", nargs="*")
    a = ap.parse_args()
    mods = a.modules or module_names()
    work = [(m, a.out) for m in mods]
    if a.jobs > 1 and len(work) > 1:
        with multiprocessing.get_context("fork").Pool(min(a.jobs, len(work))) as pool:
            results = pool.map(run_module, work, chunksize=1)
    else:
        results = [run_module(w) for w in work]
    total_cases = total_bytes = 0
    for modname, written in results:
        c = sum(w[1] for w in written)
        b = sum(w[2] for w in written)
        total_cases += c
        total_bytes += b
        print("%-22s %4d files %6d cases %8.2f MB" % (modname, len(written), c, b / 1e6))
    print("%-22s %11s %6d cases %8.2f MB" % ("total", "", total_cases, total_bytes / 1e6))


if __name__ == "__main__":
    main()
