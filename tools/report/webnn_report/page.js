// The side-by-side page: filter box, "only rows where runs differ", and a click on a row's
// cell opens that row's cases with every run's status and numbers (built from the embedded data).
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("data").textContent);
  var matrix = document.getElementById("matrix");
  var rows = Array.prototype.slice.call(matrix.querySelectorAll("tbody tr"));
  var fams = Array.prototype.slice.call(matrix.querySelectorAll(".fam"));
  var filter = document.getElementById("filter"), differ = document.getElementById("differ");
  var shown = document.getElementById("shown");
  var draw = WebnnHist.lazy(D);

  function text(tag, s, cls) {
    var e = document.createElement(tag);
    if (s !== undefined && s !== null) e.textContent = s;
    if (cls) e.className = cls;
    return e;
  }

  function apply() {
    var terms = filter.value.toLowerCase().split(/\s+/).filter(Boolean), n = 0;
    rows.forEach(function (tr) {
      var key = tr.getAttribute("data-key").toLowerCase();
      var ok = terms.every(function (t) { return key.indexOf(t) >= 0; }) &&
               (!differ.checked || tr.classList.contains("differ"));
      tr.hidden = !ok;
      n += ok;
    });
    fams.forEach(function (f) { f.classList.toggle("empty", !f.querySelector("tbody tr:not([hidden])")); });
    shown.textContent = n + " of " + rows.length + " rows";
  }

  function runCell(e) {
    var td = document.createElement("td");
    td.className = "s";
    if (!e) { td.textContent = "\u2014"; td.title = "not in this run"; return td; }
    td.appendChild(text("span", D.statuses[e[0]], "st " + D.statuses[e[0]]));
    var nums = [];
    if (e[1] !== null) nums.push(e[1] + " ULP");
    if (e[2] !== null && e[2] !== 0) nums.push("abs " + e[2]);
    if (e[4]) nums.push(e[3] + "/" + e[4] + " out");
    if (nums.length) td.appendChild(document.createTextNode(" " + nums.join(", ")));
    if (D.strings[e[5]]) td.appendChild(text("span", "tol " + D.strings[e[5]], "msg"));
    if (D.strings[e[6]]) td.appendChild(text("span", D.strings[e[6]], "msg"));
    return td;
  }

  // The case list opens in a side panel, outside the matrix: changing it never lays the
  // matrix out again (with hundreds of rows that is what would make a click slow).
  var aside = document.getElementById("panel"), openRow = null;

  function fill(tr) {
    var r = D.rows[+tr.getAttribute("data-row")];
    var body = document.createElement("div");
    body.appendChild(text("h3", r.op + " " + r.dtype + " (" + r.family + "): " + r.cases.length + " cases"));
    var fig = document.getElementById("hist-" + tr.getAttribute("data-row"));
    if (fig) {
      var copy = fig.cloneNode(true);
      copy.removeAttribute("id");
      copy.className = "hist-copy";
      draw(copy);
      body.appendChild(copy);
    }
    var t = text("table", null, "cases"), head = document.createElement("tr");
    head.appendChild(text("th", "case"));
    D.runs.forEach(function (run) { head.appendChild(text("th", run)); });
    t.appendChild(head);
    var order = r.cases.slice().sort(function (a, b) { return D.cases[b][2] - D.cases[a][2]; });
    order.forEach(function (ci) {
      var c = D.cases[ci], row = document.createElement("tr");
      if (c[2]) row.className = "differ";
      row.appendChild(text("td", c[0]));
      for (var k = 0; k < D.runs.length; k++) row.appendChild(runCell(c[1][k]));
      t.appendChild(row);
    });
    body.appendChild(t);
    aside.querySelector(".body").replaceChildren(body);
    aside.scrollTop = 0;
  }

  function close() {
    if (openRow) openRow.classList.remove("open");
    openRow = null;
    aside.hidden = true;
  }

  matrix.addEventListener("click", function (ev) {
    var tr = ev.target.closest("tr");
    if (!tr || !tr.hasAttribute("data-row")) return;
    if (tr === openRow) return close();
    close();
    fill(tr);
    openRow = tr;
    tr.classList.add("open");
    aside.hidden = false;
  });
  aside.querySelector("button.close").addEventListener("click", close);
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") close(); });
  filter.addEventListener("input", apply);
  differ.addEventListener("change", apply);
  apply();
})();
