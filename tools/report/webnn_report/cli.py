"""webnn-report's command line. Exit status: 0 done; 1 `diff` found a regression; 2 usage
errors or input that cannot be used (the message names the file)."""
import argparse
import json
import os
import sys

from . import baseline, html, matrix, merge, text
from .load import ReportError, load

HELP = """Compares wptreport files (run-conformance --report json, or a browser's wptreport).

  webnn-report html -o PAGE.html [--baseline BASE.json] REPORT.json...
      side-by-side page: op x data type rows, a column group per run, click a row for its
      cases, a filter box, only rows where runs differ, ULP error histograms
  webnn-report text [--differ] [--filter WORD]... REPORT.json...
      the same comparison in the terminal
  webnn-report diff [--all] [--json OUT] [--error-growth-fails] BASE.json REPORT.json
      new failures, fixed, status changes, error grew; exit 1 on a regression
  webnn-report merge -o FULL.json CHUNK.json...
      the reports of run-conformance --chunk I/N runs as one full run's report
"""


def load_all(paths):
    runs = []
    for p in paths:
        r = load(p)
        for w in r.warnings:
            print(f"webnn-report: warning: {w}", file=sys.stderr)
        runs.append(r)
    return runs


def cmd_html(a):
    runs = load_all(([a.baseline] if a.baseline else []) + a.reports)
    rows = matrix.build(runs)
    diffs = [baseline.compare(runs[0], r) for r in runs[1:]] if a.baseline else None
    title = a.title or f"webnn-cts: {len(runs)} run{'s' if len(runs) != 1 else ''} side by side"
    with open(a.output, "w", encoding="utf-8") as f:
        f.write(html.page(runs, rows, title, diffs))
    print(f"{a.output}: {len(rows)} rows x {len(runs)} runs, {os.path.getsize(a.output)} bytes")
    return 0


def cmd_text(a):
    runs = load_all(a.reports)
    text.matrix(runs, matrix.build(runs), sys.stdout, a.filter or (), a.differ, sys.stdout.isatty())
    return 0


def cmd_diff(a):
    base, run = load_all([a.baseline, a.report])
    d = baseline.compare(base, run, a.error_growth_fails)
    text.diff(base, run, d, sys.stdout, 0 if a.all else 50)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(d.as_json(), f, indent=1)
    return 1 if d.regressed() else 0


def cmd_merge(a):
    doc = merge.merge(a.chunks)
    with open(a.output, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent="\t", ensure_ascii=False)
        f.write("\n")
    print(f"{a.output}: {len(doc['results'])} cases from {len(a.chunks)} chunks")
    return 0


def parser():
    p = argparse.ArgumentParser(prog="webnn-report", description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    h = sub.add_parser("html", help="the side-by-side page")
    h.add_argument("-o", "--output", required=True)
    h.add_argument("--baseline", help="the first column group, and a section of changes against it")
    h.add_argument("--title")
    h.add_argument("reports", nargs="+")
    h.set_defaults(fn=cmd_html)
    t = sub.add_parser("text", help="the comparison in the terminal")
    t.add_argument("--differ", action="store_true", help="only rows where the runs differ")
    t.add_argument("--filter", action="append", help="only rows whose family, op or data type contain it")
    t.add_argument("reports", nargs="+")
    t.set_defaults(fn=cmd_text)
    d = sub.add_parser("diff", help="a run against a baseline (exit 1 on a regression)")
    d.add_argument("--all", action="store_true", help="list every case (default: 50 per category)")
    d.add_argument("--json", help="also write the lists as JSON")
    d.add_argument("--error-growth-fails", action="store_true", help="a case whose error grew is a regression too")
    d.add_argument("baseline")
    d.add_argument("report")
    d.set_defaults(fn=cmd_diff)
    m = sub.add_parser("merge", help="chunk reports -> one full report")
    m.add_argument("-o", "--output", required=True)
    m.add_argument("chunks", nargs="+")
    m.set_defaults(fn=cmd_merge)
    return p


def main(argv=None):
    a = parser().parse_args(argv)
    try:
        return a.fn(a)
    except ReportError as e:
        print(f"webnn-report: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `webnn-report text ... | head`
        sys.stderr.close()
        return 0
    except OSError as e:
        print(f"webnn-report: {e.filename}: {e.strerror}", file=sys.stderr)
        return 2
