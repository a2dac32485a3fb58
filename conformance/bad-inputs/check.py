#!/usr/bin/python3
"""Runs `webnn-ref run FILE` on every malformed vector file listed in EXPECTED.tsv and checks
that each is reported clearly and that the run survives.

usage: check.py [--ref build/webnn-ref] [--timeout 20] [-v] [FILE ...]

EXPECTED.tsv columns (TAB-separated, '#' starts a comment line):
  file  kind  message-substring  good  flags
kind: FormatError, TypeError or ResourceError. good: the number of cases of the file that must still PASS.
flags: "file": the file as a whole is rejected (message on stderr, exit 2);
       "gap": a known loader gap (a finding): a mismatch is reported as KNOWN GAP, not a failure.
Checks per file: the run finishes within the timeout, exits normally (no signal, exit < 128),
prints no sanitizer report, exits 2 (file) or 1 (a bad case), the message names the file and
contains the substring, the kind is the expected one where webnn-ref prints it, and exactly
`good` cases PASS.
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SANITIZER = re.compile(r"(ERROR: (Address|Leak|Memory|Thread)Sanitizer|runtime error:|SUMMARY: \w+Sanitizer)")
# per-case report lines of webnn-ref run
# "MALFORMED: msg" (a FormatError), "<Kind>Error: msg" (a case rejected while loading with
# another kind), "ERROR: <Kind>: msg" (rejected by graph validation), FAIL, NOT IMPLEMENTED
BAD_LINE = re.compile(r"^  (MALFORMED|ERROR|FAIL|NOT IMPLEMENTED|[A-Z][A-Za-z]*Error): (.*)$")
KINDS = ("FormatError", "TypeError", "ResourceError")
PASS_LINE = re.compile(r"^ {2,4}PASS: ")


def load_expected(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 3 or cols[1] not in KINDS:
                sys.exit(f"{path}:{n}: bad row {line!r}")
            good = int(cols[3]) if len(cols) > 3 and cols[3] else 0
            flags = set(cols[4].split()) if len(cols) > 4 else set()
            rows.append((cols[0], cols[1], cols[2], good, flags))
    return rows


def case_blocks(stdout):
    """Splits stdout into per-case blocks: [(name, [lines])]."""
    blocks = []
    for line in stdout.splitlines():
        if line.startswith("- "):
            blocks.append((line[2:], []))
        elif blocks and line.startswith("  "):
            blocks[-1][1].append(line)
    return blocks


def check_one(ref, path, kind, sub, good, flags, timeout):
    """Returns a list of problems (empty: as expected)."""
    env = dict(os.environ)
    env.setdefault("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=0")
    env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1")
    try:
        p = subprocess.run([ref, "run", path], capture_output=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return [f"did not finish within {timeout} s"], True
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    problems, fatal = [], False
    if p.returncode < 0 or p.returncode >= 128:
        problems.append(f"crashed: exit status {p.returncode}")
        fatal = True
    if SANITIZER.search(err):
        first = next(line for line in err.splitlines() if SANITIZER.search(line))
        problems.append(f"sanitizer report: {first.strip()}")
        fatal = True
    if fatal:
        return problems + ["stderr: " + err[-1500:]], True
    if "file" in flags:
        if p.returncode != 2:
            problems.append(f"exit status {p.returncode}, expected 2 (file rejected)")
        msg = err.strip()
        if sub not in msg:
            problems.append(f"stderr lacks {sub!r}: {msg[:300]!r}")
        if path not in msg:
            problems.append(f"stderr does not name the file: {msg[:300]!r}")
        return problems, False
    if p.returncode != 1:
        problems.append(f"exit status {p.returncode}, expected 1 (a bad case); stderr {err.strip()[:300]!r}")
    if not re.search(r"^\d+ passed, \d+ failed$", out, re.M):
        problems.append("no final summary: the run did not finish")
    blocks = case_blocks(out)
    passed = sum(1 for _, lines in blocks if lines and all(PASS_LINE.match(x) or not BAD_LINE.match(x) for x in lines)
                 and any(PASS_LINE.match(x) for x in lines))
    if passed != good:
        problems.append(f"{passed} cases PASS, expected {good}")
    bad = [(name, m) for name, lines in blocks for x in lines for m in [BAD_LINE.match(x)] if m]
    hits = [(name, m) for name, m in bad if sub in m.group(2)]
    if not hits:
        shown = "; ".join(f"{m.group(1)}: {m.group(2)[:200]}" for _, m in bad[:3]) or out[-300:]
        problems.append(f"no case reports {sub!r}; got: {shown!r}")
        return problems, False
    name, m = hits[0]
    status, msg = m.group(1), m.group(2)
    if status == "MALFORMED" or status.endswith("Error"):
        got = "FormatError" if status == "MALFORMED" else status
        if got != kind:
            problems.append(f"reported as {got}, expected {kind}: {msg[:200]!r}")
        if not msg.startswith(path + ": "):
            problems.append(f"message does not start with the file name: {msg[:200]!r}")
    elif status == "ERROR":
        # "ERROR: TypeError: message" (a graph validation error: the file is in the header line)
        if not msg.startswith(kind + ": "):
            problems.append(f"kind: {msg[:200]!r}, expected {kind}")
        if not out.startswith(path + " ("):
            problems.append("the output does not name the file")
    else:
        problems.append(f"reported as {status}: {msg[:200]!r}")
    return problems, False


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ref", default="build/webnn-ref")
    ap.add_argument("--timeout", type=float, default=20)
    ap.add_argument("--expected", default=os.path.join(HERE, "EXPECTED.tsv"))
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("files", nargs="*", help="only these files (names as in EXPECTED.tsv)")
    args = ap.parse_args()
    rows = load_expected(args.expected)
    listed = {r[0] for r in rows}
    on_disk = {f for f in os.listdir(HERE) if f.endswith(".json")}
    failures = gaps = fixed = 0
    for f in sorted(on_disk - listed):
        print(f"FAIL {f}: not listed in EXPECTED.tsv")
        failures += 1
    base = os.path.relpath(HERE)
    for name, kind, sub, good, flags in rows:
        if args.files and name not in args.files:
            continue
        path = os.path.join(base, name)
        if not os.path.isfile(path):
            print(f"FAIL {name}: listed in EXPECTED.tsv but missing")
            failures += 1
            continue
        problems, fatal = check_one(args.ref, path, kind, sub, good, flags, args.timeout)
        if "gap" in flags and not fatal:
            if problems:
                gaps += 1
                print(f"KNOWN GAP {name}: " + "; ".join(problems))
            else:
                fixed += 1
                print(f"GAP FIXED {name}: now as expected, drop the 'gap' flag in EXPECTED.tsv")
        elif problems:
            failures += 1
            print(f"FAIL {name}: " + "\n    ".join(problems))
        elif args.verbose:
            print(f"ok   {name}")
    n = len(rows) if not args.files else len(args.files)
    print(f"bad-inputs: {n} files, {failures} failed, {gaps} known gaps, {fixed} gaps fixed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
