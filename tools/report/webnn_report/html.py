"""The side-by-side page: one self-contained HTML file (styles, script, data and SVG inline; it
loads nothing, so it works from a file). Matrix rows are op x data type, one column group per
run; the cases behind the rows travel as JSON and are shown on a click (page.js)."""
import json
import math
import os
from html import escape

from .load import STATUSES, fmt
from .matrix import totals

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_CHANGES_SHOWN = 1000
COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")


def colour(i):
    return COLOURS[i % len(COLOURS)]


def asset(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return f.read()


def num(v):
    if v is None:
        return None
    if isinstance(v, float) and (math.isinf(v) or math.isnan(v)):
        return "inf" if v > 0 else "NaN"
    if isinstance(v, float) and not v.is_integer():
        return float(f"{v:.4g}")
    return int(v) if isinstance(v, float) and abs(v) < 2 ** 53 else v


class Strings:
    """One table for the repeated texts (tolerances, messages) of the case data."""

    def __init__(self):
        self.items, self.index = [""], {"": 0}

    def __call__(self, s):
        s = s or ""
        if s not in self.index:
            self.index[s] = len(self.items)
            self.items.append(s)
        return self.index[s]


def case_entry(c, strings):
    if c is None:
        return 0
    ulps = [o.max_ulp for o in c.outputs if o.max_ulp is not None]
    abss = [o.max_abs for o in c.outputs if o.max_abs is not None]
    worst = max(c.outputs, key=lambda o: o.max_ulp or 0, default=None)
    return [STATUSES.index(c.status), num(max(ulps)) if ulps else None, num(max(abss)) if abss else None,
            sum(o.n_bad for o in c.outputs), sum(o.n for o in c.outputs),
            strings(worst.tol_text() if worst else ""), strings(c.message if c.status != "PASS" else "")]


def page_data(runs, rows):
    strings, cases, out_rows = Strings(), [], []
    for row in rows:
        idx = []
        for cid in row.case_ids:
            entries = [case_entry(r.cases.get(cid), strings) for r in runs]
            seen = {r.cases[cid].status if cid in r.cases else None for r in runs}
            idx.append(len(cases))
            cases.append([cid, entries, int(len(seen) > 1)])
        tols, _ = ulp_tolerances(row)
        hist = [trim(h) for h in row.hists] if has_errors(row) else None
        out_rows.append({"family": row.family, "op": row.op, "dtype": row.dtype, "cases": idx, "hist": hist,
                         "tols": [tols[0], tols[-1]] if tols and hist else None})
    return {"runs": [r.label for r in runs], "statuses": list(STATUSES), "strings": strings.items,
            "rows": out_rows, "cases": cases, "colours": [colour(i) for i in range(len(runs))]}


def trim(h):
    if h is None:
        return None
    n = len(h)
    while n and not h[n - 1]:
        n -= 1
    return h[:n]


def has_errors(row):
    """A row gets a histogram when some run compared an element that is not exact."""
    return any(h and sum(h[1:]) for h in row.hists)


def script_json(obj):
    # inside <script>, "</" would end the element
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")


def runs_table(runs):
    out = ['<table class="runs"><tr><th>#</th><th>run</th><th>adapter</th><th>device</th><th>date (UTC)</th>'
           '<th>corpus</th><th>cases</th><th>results</th><th>file</th></tr>']
    for i, r in enumerate(runs):
        t = totals(r)
        res = " ".join(f"{s} {t[s]}" for s in STATUSES if t.get(s))
        out.append(f'<tr><td><span class="swatch" style="--c:{colour(i)}"></span>{i + 1}</td>'
                   f'<td>{escape(r.label)}</td><td>{escape(r.adapter)} {escape(str(r.info.get("adapter_version", "")))}</td>'
                   f'<td>{escape(r.device)}</td><td>{escape(r.date)}</td><td>{escape(r.corpus_hash[:12])}</td>'
                   f'<td>{len(r.cases)}</td><td>{escape(res)}</td><td>{escape(r.path)}</td></tr>')
    out.append("</table>")
    hashes = {r.corpus_hash for r in runs if r.corpus_hash}
    if len(hashes) > 1:
        out.append("<p><b>Note:</b> the runs used different corpora (hashes differ); cases are matched by name.</p>")
    return "".join(out)


# column widths (em) of the matrix: label columns, then passed/total and max ULP per run
LABEL_EM, CELL_EM = (11, 13, 5.5), (6.5, 4.5)


def matrix_head(runs):
    cols = "".join(f'<col style="width:{w}em">' for w in LABEL_EM) + \
        "".join(f'<col style="width:{w}em">' for w in CELL_EM) * len(runs)
    out = [f'<colgroup>{cols}</colgroup><thead><tr><th rowspan="2">family</th><th rowspan="2">op</th>'
           '<th rowspan="2">data type</th>']
    for i, r in enumerate(runs):
        out.append(f'<th class="run" colspan="2" style="--c:{colour(i)}" title="{escape(r.path)}">'
                   f'{i + 1}. {escape(r.label)}</th>')
    out.append("</tr><tr>" + "<th>passed/total</th><th>max ULP</th>" * len(runs) + "</tr></thead>")
    return "".join(out)


def matrix_table(runs, rows):
    """One table per family (same fixed columns, the run headers repeated): the browser lays
    out only the families in view (content-visibility), which keeps a page of hundreds of rows
    quick to load."""
    width = sum(LABEL_EM) + sum(CELL_EM) * len(runs)
    head, out, family = matrix_head(runs), ['<div id="matrix">'], None
    for k, row in enumerate(rows):
        if row.family != family:
            if family is not None:
                out.append("</tbody></table></div>")
            family = row.family
            out.append(f'<div class="fam"><table class="matrix" style="width:{width:g}em">{head}<tbody>')
        key = escape(f"{row.family} {row.op} {row.dtype}")
        cls = ' class="differ"' if row.differs else ""
        out.append(f'<tr data-row="{k}" data-key="{key}"{cls}><td class="k">{escape(row.family)}</td>'
                   f'<td class="k">{escape(row.op)}</td><td class="k">{escape(row.dtype)}</td>')
        for cell in row.cells:
            if cell.total:
                out.append(f'<td class="c {cell.css()}" title="{escape(cell.title())}">{cell.passed}/{cell.total}</td>'
                           f'<td class="u">{escape(fmt(cell.max_ulp))}</td>')
            else:
                out.append('<td class="c none"></td><td class="u"></td>')
        out.append("</tr>")
    if family is not None:
        out.append("</tbody></table></div>")
    out.append("</div>")
    return "".join(out)


def ulp_tolerances(row):
    vals = {0.0 if m == "exact" else v for m, v in row.tols if m in ("ULP", "exact") and v is not None}
    note = "some cases have an absolute (ATOL) tolerance: no ULP line for them" if any(
        m == "ATOL" for m, _ in row.tols) else ""
    return sorted(vals), note


def histograms(runs, rows):
    """Figure placeholders: page.js draws each one's SVG (hist.js) when it comes into view."""
    figs, exact = [], []
    for k, row in enumerate(rows):
        if has_errors(row):
            tols, note = ulp_tolerances(row)
            figs.append(f'<figure class="hist-fig" id="hist-{k}" data-row="{k}"><figcaption><b>{escape(row.op)} '
                        f'{escape(row.dtype)}</b> ({escape(row.family)})</figcaption><div class="plot"></div>'
                        f'<figcaption class="note">{escape(caption(tols, note))}</figcaption></figure>')
        elif any(row.hists):
            exact.append(f"{row.op} {row.dtype}")
    out = ["<h2>Error distributions</h2><p>Every compared element's error in ULP (log2 buckets), per op "
           "and data type; one colour per run (the swatches above); the dashed line is the tolerance.</p>"]
    out.extend(figs or ["<p>No row has an element with a non-zero error.</p>"])
    if exact:
        out.append(f"<p>Exact (0 ULP) in every run: {escape(', '.join(exact))}.</p>")
    return "".join(out)


def caption(tols, note=""):
    text = "error in ULP (log2 buckets) of every compared element; counts on a log scale"
    if tols:
        t = f"{tols[0]:g}" if tols[0] == tols[-1] else f"{tols[0]:g} to {tols[-1]:g}"
        text += f"; tolerance {t} ULP (dashed)"
    return text + ("; " + note if note else "")


def changes_section(base, runs, diffs):
    out = [f"<h2>Against the baseline</h2><p>Baseline: run 1, {escape(base.label)} ({escape(base.path)}).</p>"]
    for r, d in zip(runs, diffs):
        verdict = "REGRESSION" if d.regressed() else "no regression"
        out.append(f"<h3>{escape(r.label)}: {verdict}</h3><ul class=\"changes\">")
        for name, items in d.categories():
            out.append(f"<li><details><summary>{escape(name)}: {len(items)}</summary><ul>")
            for line in items[:MAX_CHANGES_SHOWN]:
                out.append(f"<li>{escape(line)}</li>")
            if len(items) > MAX_CHANGES_SHOWN:
                out.append(f"<li>... and {len(items) - MAX_CHANGES_SHOWN} more (webnn-report diff lists all)</li>")
            out.append("</ul></details></li>")
        out.append(f"<li>cases only in the baseline: {len(d.removed)}; only in this run: {len(d.added)}</li></ul>")
    return "".join(out)


def page(runs, rows, title, baseline_diffs=None):
    parts = ["<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
             f"<title>{escape(title)}</title><style>{asset('page.css')}</style></head><body>",
             f"<h1>{escape(title)}</h1>", runs_table(runs)]
    if baseline_diffs:
        parts.append(changes_section(runs[0], runs[1:], baseline_diffs))
    parts.append('<h2>Operations &times; data types</h2><p class="legend"><span class="ok">all pass</span> '
                 '<span class="bad">failures</span> <span class="gap">conformance gap</span> '
                 '<span class="ns">not supported</span> &mdash; cells show passed/total (hover: counts per status); '
                 'click a row for its cases (Esc closes); bold: the runs differ.</p>')
    parts.append('<div class="controls"><input type="search" id="filter" placeholder="filter rows: op, data type, '
                 'family"> <label><input type="checkbox" id="differ"> only rows where runs differ</label> '
                 '<span id="shown"></span></div>')
    parts.append(matrix_table(runs, rows))
    parts.append('<aside id="panel" hidden><button class="close" title="close (Esc)">&times;</button>'
                 '<div class="body"></div></aside>')
    parts.append(histograms(runs, rows))
    parts.append(f'<script id="data" type="application/json">{script_json(page_data(runs, rows))}</script>')
    parts.append(f"<script>{asset('hist.js')}\n{asset('page.js')}</script></body></html>\n")
    return "".join(parts)
