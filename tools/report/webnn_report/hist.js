// Log-scale histograms of ULP errors as inline SVG, drawn here (no library, no network), and
// only when a figure comes into view: a page of hundreds of them then loads as fast as one
// without. x: the ULP buckets of webnn/compare.h (0, 1, 2-3, 4-7, ... 2^33 and more, infinite),
// one slot each, the runs' bars side by side in a slot; y: element count, log10. The tolerance
// is a dashed line at 1 + log2(v + 1) slots, where the elements within v ULP end (a shaded band
// between the smallest and largest tolerance of the row's cases).
var WebnnHist = (function () {
  "use strict";
  var NB = 36, W = 640, H = 170, LEFT = 46, RIGHT = 10, TOP = 14, BOTTOM = 22;
  var SUP = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";

  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  function sup(n) { return String(n).split("").map(function (d) { return SUP[+d]; }).join(""); }

  function label(k) {
    if (k === 0) return "0";
    if (k === NB - 1) return "\u221e";
    if (k === NB - 2) return "\u22652" + sup(k - 1);
    var lo = Math.pow(2, k - 1);
    return lo < 1024 ? String(lo) : "2" + sup(k - 1);
  }

  function range(k) {
    if (k <= 1) return k + " ULP";
    if (k === NB - 1) return "inf ULP";
    if (k === NB - 2) return "2^" + (k - 1) + "+ ULP";
    return Math.pow(2, k - 1) + "-" + (Math.pow(2, k) - 1) + " ULP";
  }

  function tolX(v) { return v > 0 ? 1 + Math.log2(v + 1) : 1; }

  // hists: per run null or counts per bucket; tols: [min, max] ULP or null; colours per run.
  function svg(title, hists, tols, colours) {
    var pw = W - LEFT - RIGHT, ph = H - TOP - BOTTOM, slot = pw / NB, top = 1;
    hists.forEach(function (h) { if (h) h.forEach(function (n) { if (n > top) top = n; }); });
    var decades = Math.max(1, Math.ceil(Math.log10(top) - 1e-9)), lo = Math.log10(0.5);
    function y(n) { return TOP + ph - ph * (Math.log10(n) - lo) / (decades - lo); }
    function f(v) { return v.toFixed(1); }
    var o = ['<svg class="hist" width="' + W + '" height="' + H + '" viewBox="0 0 ' + W + " " + H + '" role="img"><title>' +
             esc(title) + '</title><rect x="' + LEFT + '" y="' + TOP + '" width="' + f(pw) + '" height="' + ph +
             '" fill="#fafafa" stroke="#ccc"/>'];
    for (var d = 0; d <= decades; d++) {
      var yy = y(Math.pow(10, d));
      o.push('<line x1="' + LEFT + '" x2="' + f(LEFT + pw) + '" y1="' + f(yy) + '" y2="' + f(yy) + '" stroke="#e4e4e4"/>' +
             '<text x="' + (LEFT - 4) + '" y="' + f(yy + 4) + '" text-anchor="end">' + (d < 4 ? Math.pow(10, d) : "1e" + d) + "</text>");
    }
    if (tols) {
      var a = LEFT + slot * tolX(tols[0]), b = LEFT + slot * tolX(tols[1]);
      if (b > a) o.push('<rect class="tolband" x="' + f(a) + '" y="' + TOP + '" width="' + f(b - a) + '" height="' + ph +
                        '" fill="#d62728" fill-opacity="0.08"/>');
      (b > a ? [a, b] : [a]).forEach(function (x) {
        o.push('<line class="tol" x1="' + f(x) + '" x2="' + f(x) + '" y1="' + TOP + '" y2="' + (TOP + ph) +
               '" stroke="#d62728" stroke-dasharray="4 3"/>');
      });
    }
    var live = [];
    hists.forEach(function (h, i) { if (h) live.push(i); });
    var bw = slot * 0.84 / Math.max(1, live.length);
    live.forEach(function (i, j) {
      o.push('<g class="bars" data-run="' + i + '" fill="' + colours[i] + '">');
      hists[i].forEach(function (n, k) {
        if (!n) return;
        var x = LEFT + slot * k + slot * 0.08 + bw * j, yy = y(n);
        o.push('<rect data-bucket="' + k + '" x="' + f(x) + '" y="' + f(yy) + '" width="' + f(bw) + '" height="' +
               f(TOP + ph - yy) + '"><title>' + (i + 1) + ": " + n + " at " + range(k) + "</title></rect>");
      });
      o.push("</g>");
      var lx = LEFT + pw - 34 * (live.length - j);  // legend: the run numbers of the page
      o.push('<rect x="' + (lx + 6) + '" y="' + (TOP + 5) + '" width="9" height="9" fill="' + colours[i] + '"/><text x="' +
             (lx + 18) + '" y="' + (TOP + 13) + '">' + (i + 1) + "</text>");
    });
    for (var k = 0; k < NB; k++)
      if (k <= 1 || k >= NB - 2 || ((k - 1) % 4 === 0 && k > 4 && k < NB - 3))
        o.push('<text x="' + f(LEFT + slot * (k + 0.5)) + '" y="' + (TOP + ph + 14) + '" text-anchor="middle">' + label(k) + "</text>");
    o.push("</svg>");
    return o.join("");
  }

  // Draws every figure.hist-fig[data-row] when it comes near the viewport.
  function lazy(D) {
    function draw(fig) {
      var r = D.rows[+fig.getAttribute("data-row")], plot = fig.querySelector(".plot");
      if (!plot.firstChild) plot.innerHTML = svg(r.op + " " + r.dtype, r.hist, r.tols, D.colours);
    }
    var figs = document.querySelectorAll("figure.hist-fig");
    if (!("IntersectionObserver" in window)) { figs.forEach(draw); return draw; }
    var io = new IntersectionObserver(function (es) {
      es.forEach(function (e) { if (e.isIntersecting) { draw(e.target); io.unobserve(e.target); } });
    }, { rootMargin: "400px" });
    figs.forEach(function (f) { io.observe(f); });
    return draw;
  }

  return { svg: svg, lazy: lazy, tolX: tolX, label: label };
})();
