"""A log-scale histogram of ULP errors as inline SVG, drawn here (no library, no network).

x: the ULP buckets of webnn/compare.h (0, 1, 2-3, 4-7, ... 2^32 and more, infinite), one slot
each, the runs' bars side by side inside a slot; y: element count on a log10 scale. The
tolerance is a dashed vertical line at 1 + log2(v + 1) slots, where the elements of at most v ULP
end (a shaded band when the row's cases have different tolerances)."""
import math
from html import escape

from .load import N_BUCKETS

COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")
W, H = 640, 170
LEFT, RIGHT, TOP, BOTTOM = 46, 10, 14, 22
SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def colour(i):
    return COLOURS[i % len(COLOURS)]


def bucket_label(k):
    if k == 0:
        return "0"
    if k == N_BUCKETS - 1:
        return "∞"
    if k == N_BUCKETS - 2:
        return "≥2" + str(k - 1).translate(SUP)
    lo = 2 ** (k - 1)
    return str(lo) if lo < 1024 else "2" + str(k - 1).translate(SUP)


def bucket_range(k):
    if k <= 1:
        return f"{k} ULP"
    if k == N_BUCKETS - 1:
        return "infinite ULP (NaN or infinity mismatch)"
    if k == N_BUCKETS - 2:
        return f"2^{k - 1} ULP or more"
    return f"{2 ** (k - 1)}-{2 ** k - 1} ULP"


def tol_x(v):
    """Slot position where the elements within v ULP end."""
    return 1 + math.log2(v + 1) if v > 0 else 1.0


def histogram(title, series, tols):
    """series: [(run label, run index, counts per bucket or None)]; tols: ULP values (or empty)."""
    pw, ph = W - LEFT - RIGHT, H - TOP - BOTTOM
    slot = pw / N_BUCKETS
    top = max((n for _, _, h in series if h for n in h), default=1)
    decades = max(1, math.ceil(math.log10(max(top, 1)) + 1e-9))
    lo = math.log10(0.5)  # a count of 1 still shows

    def y(n):
        return TOP + ph - ph * (math.log10(n) - lo) / (decades - lo)

    out = [f'<svg class="hist" width="{W}" height="{H}" '
           f'viewBox="0 0 {W} {H}" role="img"><title>{escape(title)}</title>',
           f'<rect x="{LEFT}" y="{TOP}" width="{pw:.1f}" height="{ph}" fill="#fafafa" stroke="#ccc"/>']
    for d in range(decades + 1):
        yy = y(10 ** d)
        label = f"{10 ** d:g}" if d < 4 else f"1e{d}"
        out.append(f'<line x1="{LEFT}" x2="{LEFT + pw:.1f}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="#e4e4e4"/>'
                   f'<text x="{LEFT - 4}" y="{yy + 4:.1f}" text-anchor="end">{label}</text>')
    if tols:
        a, b = LEFT + slot * tol_x(min(tols)), LEFT + slot * tol_x(max(tols))
        if b > a:
            out.append(f'<rect class="tolband" x="{a:.1f}" y="{TOP}" width="{b - a:.1f}" height="{ph}" '
                       f'fill="#d62728" fill-opacity="0.08"/>')
        for xx in sorted({a, b}):
            out.append(f'<line class="tol" x1="{xx:.1f}" x2="{xx:.1f}" y1="{TOP}" y2="{TOP + ph}" '
                       f'stroke="#d62728" stroke-dasharray="4 3"/>')
    live = [(label, i, h) for label, i, h in series if h]
    bw = slot * 0.84 / max(1, len(live))
    for j, (label, i, h) in enumerate(live):
        for k, n in enumerate(h):
            if not n:
                continue
            x = LEFT + slot * k + slot * 0.08 + bw * j
            yy = y(n)
            out.append(f'<rect class="bar" data-run="{i}" data-bucket="{k}" data-count="{n}" x="{x:.1f}" '
                       f'y="{yy:.1f}" width="{bw:.1f}" height="{TOP + ph - yy:.1f}" fill="{colour(i)}">'
                       f'<title>{escape(label)}: {n} element{"s" if n != 1 else ""} at {bucket_range(k)}</title></rect>')
    for k in range(N_BUCKETS):
        if k in (0, 1, N_BUCKETS - 2, N_BUCKETS - 1) or ((k - 1) % 4 == 0 and 4 < k < N_BUCKETS - 3):
            out.append(f'<text x="{LEFT + slot * (k + 0.5):.1f}" y="{TOP + ph + 14}" text-anchor="middle">'
                       f'{bucket_label(k)}</text>')
    for j, (label, i, _) in enumerate(live):  # legend: the run numbers of the page
        x = LEFT + pw - 34 * (len(live) - j)
        out.append(f'<rect x="{x + 6}" y="{TOP + 5}" width="9" height="9" fill="{colour(i)}"/>'
                   f'<text x="{x + 18}" y="{TOP + 13}">{i + 1}</text>')
    out.append("</svg>")
    return "".join(out)


def caption(tols, note=""):
    """What the figure shows, for the text under it."""
    text = "error in ULP (log2 buckets) of every compared element; counts on a log scale"
    if tols:
        t = f"{min(tols):g}" if min(tols) == max(tols) else f"{min(tols):g} to {max(tols):g}"
        text += f"; tolerance {t} ULP (dashed)"
    return text + ("; " + note if note else "")
