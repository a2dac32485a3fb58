"""The comparison both the page and the terminal show: op x data type rows, and for each row
and run the counts per status, whether the runs differ, and the row's ULP histogram."""
from .load import BAD, DTYPES, N_BUCKETS


class Row:
    def __init__(self, family, op, dtype):
        self.family, self.op, self.dtype = family, op, dtype
        self.case_ids = []          # union over the runs, in first-seen order
        self.cells = []             # per run: Cell
        self.differs = False
        self.hists = []             # per run: element counts per ULP bucket (None: no numbers)
        self.tols = set()           # (metric, value) of the compared outputs

    @property
    def key(self):
        return (self.family, self.op, self.dtype)


class Cell:
    __slots__ = ("counts", "total", "gaps", "max_ulp")

    def __init__(self):
        self.counts, self.total, self.gaps, self.max_ulp = {}, 0, 0, None

    @property
    def passed(self):
        return self.counts.get("PASS", 0)

    def css(self):
        """As in runner/report_html.c: none, bad, gap, ns (nothing but not-supported), ok."""
        if not self.total:
            return "none"
        if any(self.counts.get(s) for s in BAD):
            return "bad"
        if self.gaps:
            return "gap"
        if self.counts.get("NOTSUPPORTED", 0) + self.counts.get("NOTRUN", 0) == self.total:
            return "ns"
        return "ok"

    def title(self):
        return "; ".join(f"{s} {n}" for s, n in sorted(self.counts.items()))


def dtype_rank(d):
    return DTYPES.index(d) if d in DTYPES else len(DTYPES)


def case_differs(runs, cid):
    """Runs disagree on a case: different statuses, or it is missing from some of them."""
    seen = {r.cases[cid].status if cid in r.cases else None for r in runs}
    return len(seen) > 1


def build(runs):
    rows = {}
    for r in runs:
        for c in r.cases.values():
            row = rows.get((c.family, c.op, c.dtype))
            if row is None:
                row = rows[(c.family, c.op, c.dtype)] = Row(c.family, c.op, c.dtype)
                row._seen = set()
            if c.id not in row._seen:
                row._seen.add(c.id)
                row.case_ids.append(c.id)
    out = sorted(rows.values(), key=lambda w: (w.family, w.op, dtype_rank(w.dtype), w.dtype))
    for row in out:
        del row._seen
        row.differs = len(runs) > 1 and any(case_differs(runs, cid) for cid in row.case_ids)
        for r in runs:
            cell, hist = Cell(), None
            for cid in row.case_ids:
                c = r.cases.get(cid)
                if c is None:
                    continue
                cell.total += 1
                cell.counts[c.status] = cell.counts.get(c.status, 0) + 1
                cell.gaps += c.gap
                u = c.worst_ulp()
                if u is not None and (cell.max_ulp is None or u > cell.max_ulp):
                    cell.max_ulp = u
                for o in c.outputs:
                    if o.hist is None:
                        continue
                    hist = hist or [0] * N_BUCKETS
                    for k, n in enumerate(o.hist):
                        hist[k] += n
                    if o.metric:
                        row.tols.add((o.metric, o.tol))
            row.cells.append(cell)
            row.hists.append(hist)
    return out


def totals(run):
    counts = {}
    for c in run.cases.values():
        counts[c.status] = counts.get(c.status, 0) + 1
    return counts
