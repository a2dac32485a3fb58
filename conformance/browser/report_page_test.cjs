// Renders a webnn-report side-by-side page in headless Chromium and checks it against the
// wptreport files it was made from: no console errors, one matrix row per op x data type of
// the reports and a column group per report, a click opens the row's cases with every run's
// status, the filter box and "only rows where runs differ" show the rows they should. Saves
// screenshots and prints the page's load time.
//   node report_page_test.cjs PAGE.html OUTDIR REPORT.json...   (NODE_PATH: playwright-core)
"use strict";
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const DTYPE = /\b(float32|float16|int32|uint32|int64|uint64|int8|uint8|int4|uint4)\b/;

// What the page must show, worked out from the reports themselves.
function expected(reports) {
  const rows = new Map(); // "family|op|dtype" -> Map(case id -> [status per report])
  const hists = new Map(); // "family|op|dtype" -> per report: bucket -> element count
  reports.forEach((doc, k) => {
    for (const r of doc.results) {
      const items = r.test.startsWith("/") && r.subtests.length
        ? r.subtests.map((s) => {
            const stem = r.test.split("?")[0].split("/").pop().split(".")[0];
            const op = stem.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
            const m = DTYPE.exec(s.name);
            return [`wpt|${op}|${m ? m[1] : "other"}`, `${r.test} :: ${s.name}`, s.status];
          })
        : [[`${r.extra.family || "?"}|${r.extra.op || "?"}|${r.extra.data_type || "other"}`, r.test,
            r.extra.webnn_status]];
      if (!r.test.startsWith("/")) {
        const key = items[0][0];
        if (!hists.has(key)) hists.set(key, reports.map(() => new Map()));
        for (const o of r.extra.outputs || [])
          (o.ulp_hist || []).forEach((n, b) => {
            const h = hists.get(key)[k];
            h.set(b, (h.get(b) || 0) + n);
          });
      }
      for (const [row, id, status] of items) {
        if (!rows.has(row)) rows.set(row, new Map());
        const cases = rows.get(row);
        if (!cases.has(id)) cases.set(id, new Array(reports.length).fill(null));
        cases.get(id)[k] = status;
      }
    }
  });
  const differ = [...rows.values()].filter((cases) =>
    [...cases.values()].some((st) => new Set(st).size > 1)).length;
  return { rows, differ, hists };
}

function check(ok, what) {
  if (!ok) throw new Error("check failed: " + what);
  console.log("ok - " + what);
}

async function main() {
  const [page_path, outdir, ...report_paths] = process.argv.slice(2);
  const reports = report_paths.map((p) => JSON.parse(fs.readFileSync(p, "utf8")));
  const want = expected(reports);
  fs.mkdirSync(outdir, { recursive: true });
  // a fresh profile (--user-data-dir) for every run, removed afterwards
  const profile = fs.mkdtempSync(path.join(require("os").tmpdir(), "webnn-report-chromium-"));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1400, height: 1000 });
    const errors = [], requests = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("request", (r) => { if (!r.url().startsWith("file:")) requests.push(r.url()); });
    await page.goto("file://" + path.resolve(page_path), { waitUntil: "load" });
    const timing = await page.evaluate(() => {
      const t = performance.getEntriesByType("navigation")[0];
      return { dcl: t.domContentLoadedEventEnd, load: t.loadEventEnd };
    });
    check(errors.length === 0, "no console errors" + (errors.length ? ": " + errors.join("; ") : ""));
    check(requests.length === 0, "the page fetches nothing" + (requests.length ? ": " + requests.join(" ") : ""));

    const rows = await page.$$eval("#matrix tbody tr", (trs) => trs.length);
    check(rows === want.rows.size, `${want.rows.size} matrix rows (op x data type), got ${rows}`);
    const groups = await page.$$eval("#matrix .fam:first-child thead tr:first-child th.run", (th) => th.map((x) => x.colSpan));
    check(groups.length === reports.length && groups.every((n) => n === 2),
      `a column group of 2 per run (${reports.length}), got ${JSON.stringify(groups)}`);
    const cells = await page.$eval("#matrix tbody tr", (tr) => tr.cells.length);
    check(cells === 3 + 2 * reports.length, `${3 + 2 * reports.length} cells per row, got ${cells}`);
    await page.screenshot({ path: path.join(outdir, "page.png") });

    // the row with the most cases that differ: click its first run's cell
    let pick = 0, best = -1;
    const keys = await page.$$eval("#matrix tbody tr", (trs) =>
      trs.map((tr) => [...tr.cells].slice(0, 3).map((c) => c.textContent).join("|")));
    keys.forEach((k, i) => {
      const cases = want.rows.get(k);
      const n = cases ? [...cases.values()].filter((s) => new Set(s).size > 1).length : -1;
      if (n > best) { best = n; pick = i; }
    });
    const key = keys[pick], cases = want.rows.get(key);
    const row = page.locator("#matrix tbody tr[data-row]").nth(pick);
    await row.locator("td.c").first().click();
    const panel = page.locator("#panel table.cases");
    await panel.waitFor();
    const listed = await panel.locator("tr").count();
    check(listed === cases.size + 1, `a click on ${key} lists its ${cases.size} cases, got ${listed - 1}`);
    const first = await panel.locator("tr").nth(1).locator("td").allTextContents();
    const statuses = cases.get(first[0]);
    check(statuses && first.length === 1 + reports.length, `case row "${first[0]}" has a cell per run`);
    const shown = first.slice(1).map((t) => t.split(" ")[0]);
    const ours = statuses.map((s) => s === null ? "\u2014" : s === "PRECONDITION_FAILED" ? "NOTSUPPORTED" : s);
    check(shown.every((s, k) => s.startsWith(ours[k])), `its statuses ${JSON.stringify(ours)} are shown`);
    await page.screenshot({ path: path.join(outdir, "cases.png") });
    await row.locator("td.c").first().click({ position: { x: 2, y: 2 } });
    check(await page.locator("#panel").isHidden(), "a second click on the row closes the case list");

    await page.check("#differ");
    const differ = await page.$$eval("#matrix tbody tr:not([hidden])", (t) => t.length);
    check(differ === want.differ, `"only rows where runs differ" shows ${want.differ} rows, got ${differ}`);
    await page.uncheck("#differ");
    const op = key.split("|")[1];
    await page.fill("#filter", op);
    const filtered = await page.$$eval("#matrix tbody tr:not([hidden])", (t) => t.map((tr) => tr.getAttribute("data-key")));
    const wantf = [...want.rows.keys()].filter((k) => k.replace(/\|/g, " ").toLowerCase().includes(op.toLowerCase())).length;
    check(filtered.length === wantf, `the filter "${op}" shows ${wantf} rows, got ${filtered.length}`);
    // the first histogram: drawn when scrolled to, one bar per non-empty bucket of each run,
    // the bar's count as the reports' ULP histograms add up
    const fig = page.locator("figure.hist-fig").first();
    await fig.scrollIntoViewIfNeeded();
    await fig.locator("svg.hist").waitFor();
    const frow = +(await fig.getAttribute("data-row"));
    const fkey = keys[frow];
    const bars = await fig.locator("g.bars rect").evaluateAll((rs) => rs.map((r) =>
      [+r.parentNode.getAttribute("data-run"), +r.getAttribute("data-bucket"), +r.textContent.split(" ")[1]]));
    const wantBars = [];
    want.hists.get(fkey).forEach((h, k) => h.forEach((n, b) => { if (n) wantBars.push([k, b, n]); }));
    const norm = (l) => JSON.stringify(l.map((x) => x.join(",")).sort());
    check(norm(bars) === norm(wantBars), `the ${fkey} histogram has the reports' ${wantBars.length} bars, got ${bars.length}`);
    await fig.screenshot({ path: path.join(outdir, "histogram.png") });
    const figs = await page.$$eval("figure.hist-fig", (s) => s.length);
    console.log(`histograms: ${figs}; page ${fs.statSync(page_path).size} bytes; DOMContentLoaded ` +
      `${timing.dcl.toFixed(0)} ms, load ${timing.load.toFixed(0)} ms`);
    check(errors.length === 0, "still no console errors after the clicks");
    const repeats = +(process.env.REPORT_LOAD_REPEATS || 0); // make report-loadtime: fresh loads, timed
    if (repeats) {
      const times = [];
      for (let i = 0; i < repeats; i++) {
        const p = await browser.newPage();
        await p.setViewportSize({ width: 1400, height: 1000 });
        await p.goto("file://" + path.resolve(page_path), { waitUntil: "load" });
        times.push(await p.evaluate(() => performance.getEntriesByType("navigation")[0].loadEventEnd));
        // the click's cost inside the page: the handler and the layout it causes
        times[i] = [times[i], await p.evaluate((k) => {
          const t0 = performance.now();
          document.querySelectorAll("#matrix tbody tr[data-row] td.c")[k].click();
          void document.getElementById("panel").offsetHeight;
          return performance.now() - t0;
        }, pick * reports.length)];
        await p.close();
      }
      // the renderer main thread's CPU time up to the load event: what the page costs, whatever
      // else the machine is doing (the wall times above include waiting for a CPU)
      const p = await browser.newPage();
      await p.setViewportSize({ width: 1400, height: 1000 });
      const cdp = await browser.newCDPSession(p), events = [];
      cdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
      const complete = new Promise((res) => cdp.once("Tracing.tracingComplete", res));
      await cdp.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline", transferMode: "ReportEvents" });
      await p.goto("file://" + path.resolve(page_path), { waitUntil: "load" });
      await cdp.send("Tracing.end");
      await complete;
      // the page's renderer: the main thread that parsed the HTML (other renderers may be traced too)
      const parser = events.find((e) => e.name === "ParseHTML");
      const cpu = events.filter((e) => parser && e.name === "RunTask" && e.ph === "X" && e.pid === parser.pid &&
        e.tid === parser.tid).reduce((t, e) => t + (e.tdur || 0), 0) / 1000;
      console.log(`renderer main thread CPU time to load: ${cpu.toFixed(0)} ms`);
      await p.close();
      const loads = times.map((t) => t[0]).sort((a, b) => a - b), clicks = times.map((t) => t[1]).sort((a, b) => a - b);
      console.log(`load event over ${repeats} fresh loads: min ${loads[0].toFixed(0)} ms, median ` +
        `${loads[repeats >> 1].toFixed(0)} ms; click to case list (${cases.size} cases): min ${clicks[0].toFixed(0)} ms, ` +
        `median ${clicks[repeats >> 1].toFixed(0)} ms`);
    }
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e.message || e); process.exit(1); });
