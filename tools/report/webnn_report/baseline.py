"""A run against a baseline: new failures, fixed cases, other status changes, and cases whose
error grew. A regression (the CI exit status) is a new failure or a case that passed in the
baseline and does not now; error growth counts too when asked (--error-growth-fails)."""
from .load import BAD, fmt


class Diff:
    def __init__(self):
        self.new_failures, self.fixed, self.changed, self.error_grew = [], [], [], []
        self.added, self.removed = [], []
        self.lost_passes = 0           # PASS -> a status that is not bad (NOTSUPPORTED, NOTRUN)
        self.error_growth_fails = False

    def categories(self):
        return [("new failures", self.new_failures), ("fixed", self.fixed),
                ("status changes", self.changed), ("error grew", self.error_grew)]

    def regressed(self):
        return bool(self.new_failures or self.lost_passes or (self.error_growth_fails and self.error_grew))

    def as_json(self):
        d = {name.replace(" ", "_"): items for name, items in self.categories()}
        d.update(added=self.added, removed=self.removed, regression=self.regressed())
        return d


def line(cid, old, new, extra=""):
    msg = f": {new.message[:200]}" if new.message and new.status != "PASS" else ""
    return f"{new.status} {cid} (was {old.status}){extra}{msg}"


def growth(old, new):
    """The outputs whose error grew: 'y: max ULP 2 -> 9 (tolerance ULP 4)'."""
    before = {o.name: o for o in old.outputs}
    out = []
    for o in new.outputs:
        b = before.get(o.name)
        if b is None:
            continue
        key = "max_abs" if o.metric == "ATOL" else "max_ulp"
        x, y = getattr(b, key), getattr(o, key)
        if x is not None and y is not None and y > x:
            what = "max abs error" if key == "max_abs" else "max ULP"
            out.append(f"{o.name}: {what} {fmt(x)} -> {fmt(y)} (tolerance {o.tol_text()})")
    return out


def compare(base, run, error_growth_fails=False):
    d = Diff()
    d.error_growth_fails = error_growth_fails
    for cid, new in run.cases.items():
        old = base.cases.get(cid)
        if old is None:
            d.added.append(cid)
            continue
        if old.status != new.status:
            if new.status in BAD and old.status not in BAD:
                d.new_failures.append(line(cid, old, new))
            elif old.status in BAD and new.status == "PASS":
                d.fixed.append(line(cid, old, new))
            else:
                d.changed.append(line(cid, old, new))
                d.lost_passes += old.status == "PASS"
        else:
            g = growth(old, new)
            if g:
                d.error_grew.append(f"{new.status} {cid}: " + "; ".join(g))
    d.removed = [cid for cid in base.cases if cid not in run.cases]
    return d
