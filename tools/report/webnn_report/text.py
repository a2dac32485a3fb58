"""The terminal form: the same op x data type comparison as the page, and the baseline diff."""
from .load import STATUSES
from .matrix import totals

COLOUR = {"ok": "\033[32m", "bad": "\033[31m", "gap": "\033[33m", "ns": "\033[90m", "none": ""}
RESET = "\033[0m"


def select(rows, terms, differ):
    terms = [t.lower() for t in terms]
    for row in rows:
        key = f"{row.family} {row.op} {row.dtype}".lower()
        if all(t in key for t in terms) and (row.differs or not differ):
            yield row


def matrix(runs, rows, out, terms=(), differ=False, colour=False):
    for i, r in enumerate(runs):
        t = totals(r)
        res = ", ".join(f"{t[s]} {s}" for s in STATUSES if t.get(s))
        out.write(f"[{i + 1}] {r.label} ({r.path}): {len(r.cases)} cases: {res}\n")
    w = max([len(f"{r.op} {r.dtype}") for r in rows] + [12])
    fw = max([len(r.family) for r in rows] + [6])
    cw = max([len(f"{c.passed}/{c.total}") for r in rows for c in r.cells] + [5]) + 1
    out.write(f"{'family':<{fw}} {'op data type':<{w}}  " + "".join(f"{'[' + str(i + 1) + ']':>{cw}}" for i in range(len(runs)))
              + "\n")
    shown = 0
    for row in select(rows, terms, differ):
        shown += 1
        cells = []
        for c in row.cells:
            txt = f"{c.passed}/{c.total}" if c.total else "-"
            txt = f"{txt:>{cw}}"
            cells.append(COLOUR[c.css()] + txt + RESET if colour and COLOUR[c.css()] else txt)
        mark = "*" if row.differs else " "
        out.write(f"{row.family:<{fw}} {row.op + ' ' + row.dtype:<{w}} {mark}" + "".join(cells) + "\n")
    out.write(f"{shown} of {len(rows)} rows shown; * the runs differ; cells: passed/total\n")


def diff(base, run, d, out, limit):
    out.write(f"baseline: {base.label} ({base.path})\nthis run: {run.label} ({run.path})\n")
    if base.corpus_hash and run.corpus_hash and base.corpus_hash != run.corpus_hash:
        out.write("note: the corpora differ (hashes); cases are matched by name\n")
    for name, items in d.categories():
        out.write(f"{name} ({len(items)}):\n")
        for line in items[:limit] if limit else items:
            out.write(f"  {line}\n")
        if limit and len(items) > limit:
            out.write(f"  ... and {len(items) - limit} more (--all lists them)\n")
    out.write(f"cases only in the baseline: {len(d.removed)}; only in this run: {len(d.added)}\n")
    what = [f"{len(d.new_failures)} new failures" if d.new_failures else "",
            f"{d.lost_passes} cases no longer pass" if d.lost_passes else "",
            f"{len(d.error_grew)} cases' error grew" if d.error_growth_fails and d.error_grew else ""]
    what = ", ".join(w for w in what if w)
    out.write(f"verdict: REGRESSION ({what})\n" if d.regressed() else "verdict: no regression\n")
