#!/usr/bin/env python3
"""Mutation score of the vector corpus (issue 21), from mutate.py's results files.

usage: score.py --equivalent FILE [--impl-defined FILE] --src TREE [--min 0.95] RESULTS.json ...

Each results file is one target (reference, openblas). A mutant listed in the equivalent
file is removed from the score; so is one listed in the implementation-defined file (it
changes only behaviour the spec leaves to the implementation, so no vector may assert either
answer), and the strict score that counts those as survivors is printed beside it. Every other
KILLED or SURVIVED mutant counts, STILLBORN ones (the mutant does not compile) do not. An entry whose text no longer matches the source at
its place is stale and is an error: the file changed and the entry must be looked at again.
Exit status 0 when every target reaches --min, 1 otherwise, 2 for unreadable input.
"""
import argparse
import json
import os
import re
import sys

# file:line:col 'original' -> 'replacement' | reason
ENTRY = re.compile(r"^(\S+):(\d+):(\d+) '(.*)' -> '(.*)' \| (\S.*)$")


def load_equivalent(path):
    entries = {}
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            m = ENTRY.match(line)
            if not m:
                raise ValueError(f"{path}:{n}: not \"file:line:col 'orig' -> 'repl' | reason\"")
            key = (m[1], int(m[2]), int(m[3]), m[4], m[5])
            if key in entries:
                raise ValueError(f"{path}:{n}: duplicate entry")
            entries[key] = (n, m[6])
    return entries


def stale_entries(entries, src):
    """Entries whose 'original' text is not at file:line:col of the source tree."""
    stale = []
    for (file, line, col, orig, _repl), (n, _why) in entries.items():
        try:
            with open(os.path.join(src, file), encoding="utf-8") as f:
                lines = f.read().split("\n")
            ok = lines[line - 1][col - 1:col - 1 + len(orig)] == orig
        except (OSError, IndexError):
            ok = False
        if not ok:
            stale.append(f"line {n}: {file}:{line}:{col} no longer holds '{orig}'")
    return stale


def score_target(path, entries, impl):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    counts = {"KILLED": 0, "SURVIVED": 0, "EQUIVALENT": 0, "IMPLDEF": 0, "STILLBORN": 0}
    survivors = []
    for m in doc["mutants"]:
        key = (m["file"], m["line"], m["column"], m["original"], m["replacement"])
        outcome = m["outcome"]
        for listed, label in ((entries, "EQUIVALENT"), (impl, "IMPLDEF")):
            if outcome in ("KILLED", "SURVIVED") and key in listed:
                if outcome == "KILLED":
                    # a killed mutant is neither: the entry is wrong
                    raise ValueError(f"{path}: {key[0]}:{key[1]}:{key[2]} is listed as "
                                     f"{label.lower()} but the corpus kills it")
                outcome = label
        counts[outcome] = counts.get(outcome, 0) + 1
        if outcome == "SURVIVED":
            survivors.append(f"  {m['file']}:{m['line']}:{m['column']} [{m['operator']}] "
                             f"'{m['original']}' -> '{m['replacement']}'")
    judged = counts["KILLED"] + counts["SURVIVED"]
    strict = judged + counts["IMPLDEF"]
    return doc, counts, survivors, (counts["KILLED"] / judged if judged else 0.0), \
        (counts["KILLED"] / strict if strict else 0.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--equivalent", required=True)
    ap.add_argument("--impl-defined", help="mutants that change only implementation-defined behaviour")
    ap.add_argument("--src", required=True, help="the source tree the mutants were made from")
    ap.add_argument("--min", type=float, default=0.95)
    ap.add_argument("results", nargs="+")
    a = ap.parse_args()
    try:
        entries = load_equivalent(a.equivalent)
        impl = load_equivalent(a.impl_defined) if a.impl_defined else {}
        if set(entries) & set(impl):
            raise ValueError("an entry is in both the equivalent and the implementation-defined file")
        stale = stale_entries(entries, a.src) + stale_entries(impl, a.src)
        if stale:
            print(f"score: {len(stale)} stale entries:", *stale, sep="\n")
            return 2
        ok = True
        for path in a.results:
            doc, c, survivors, score, strict = score_target(path, entries, impl)
            cfg = doc["config"]
            secs = doc["summary"].get("timing", {}).get("wall_s") or doc["summary"].get("seconds")
            name = os.path.splitext(os.path.basename(path))[0]
            met = score >= a.min
            ok &= met
            print(f"{name}: {c['KILLED']} killed, {c['SURVIVED']} survived, {c['EQUIVALENT']} "
                  f"equivalent and {c['IMPLDEF']} implementation-defined (excluded), {c['STILLBORN']} "
                  f"stillborn; score {score:.3f} (strict {strict:.3f}) "
                  f"({'met' if met else 'below'} {a.min:.2f}); {len(doc['mutants'])} mutants, "
                  f"seed {cfg['seed']}" + (f", {secs:.0f} s" if isinstance(secs, (int, float)) else ""))
            if survivors:
                print(f"{name}: survivors (places the corpus does not judge):", *survivors, sep="\n")
        return 0 if ok else 1
    except (OSError, ValueError, KeyError, json.JSONDecodeError) as e:
        print(f"score: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
