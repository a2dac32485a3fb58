"""webnn-report (tools/report) on real run-conformance reports of a slice of vectors/: chunk
reports merge into the full run's report, the baseline diff finds what changed between real
runs (reference, OpenBLAS, the hostile adapter breaking one op), the page and the terminal form
show the rows the reports hold, and a browser's wptreport (WPT ids, subtests) lines up with ours
case by case. The page in a real browser: conformance/browser (make report-browser)."""
import copy
import json
import os
import re
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = os.path.join(ROOT, "tools", "report", "webnn-report")
sys.path.insert(0, os.path.join(ROOT, "tools", "report"))
from webnn_report import baseline, load, matrix  # noqa: E402

SLICE = [os.path.join(ROOT, "vectors", d) for d in ("activation", "matmul", "examples")]


def conformance(build, out, adapter="reference", *args, env=None):
    cmd = [os.path.join(build, "run-conformance"), "--adapter", adapter, "--jobs", "2", "--journal", "none",
           "--quiet", "--report", f"json:{out}", *args]
    for v in SLICE:
        cmd += ["--vectors", v]
    e = dict(os.environ)
    e.pop("WEBNN_HOSTILE", None)
    e.update(env or {})
    p = subprocess.run(cmd, capture_output=True, text=True, env=e, timeout=300)
    assert p.returncode in (0, 1), p.stderr
    return str(out)


def report_tool(*args):
    return subprocess.run([sys.executable, TOOL, *map(str, args)], capture_output=True, text=True, timeout=300)


def read(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def runs(build, tmp_path_factory):
    d = tmp_path_factory.mktemp("runs")
    return {
        "reference": conformance(build, d / "reference.json"),
        "openblas": conformance(build, d / "openblas.json", os.path.join(build, "adapters", "libwebnn_adapter_openblas.so")),
        "hostile": conformance(build, d / "hostile.json", "hostile", env={"WEBNN_HOSTILE": "nan=relu"}),
    }


def without_times(doc):
    doc = copy.deepcopy(doc)
    doc.pop("time_start", None)
    doc.pop("time_end", None)
    for r in doc["results"]:
        r.pop("duration", None)
    return doc


def test_every_output_carries_a_histogram_of_all_its_elements(runs):
    doc = read(runs["openblas"])
    outputs = [o for r in doc["results"] for o in r["extra"]["outputs"] if o["shape_ok"]]
    assert outputs
    for o in outputs:
        assert sum(o["ulp_hist"]) == o["n_elements"]
        assert not o["ulp_hist"] or o["ulp_hist"][-1] > 0  # trimmed
    assert any(len(o["ulp_hist"]) > 1 for o in outputs)  # OpenBLAS is not exact everywhere
    idx = [r["extra"]["corpus_index"] for r in doc["results"]]
    assert idx == sorted(set(idx))


def test_four_merged_chunks_equal_the_full_run(build, runs, tmp_path):
    adapter = os.path.join(build, "adapters", "libwebnn_adapter_openblas.so")
    chunks = [conformance(build, tmp_path / f"chunk{i}.json", adapter, "--chunk", f"{i}/4") for i in range(1, 5)]
    for i, c in enumerate(chunks, 1):
        doc = read(c)
        assert doc["results"], f"chunk {i} is empty"
        assert doc["run_info"]["chunk"]["index"] == i
    p = report_tool("merge", "-o", tmp_path / "merged.json", *reversed(chunks))
    assert p.returncode == 0, p.stderr
    assert without_times(read(tmp_path / "merged.json")) == without_times(read(runs["openblas"]))


def test_merge_rejects_a_missing_a_duplicated_and_a_foreign_chunk(build, runs, tmp_path):
    chunks = [conformance(build, tmp_path / f"c{i}.json", "reference", "--chunk", f"{i}/3") for i in (1, 2, 3)]
    out = tmp_path / "m.json"
    p = report_tool("merge", "-o", out, chunks[0], chunks[2])
    assert p.returncode == 2 and "chunk 2 of 3 missing" in p.stderr
    p = report_tool("merge", "-o", out, *chunks, chunks[1])
    assert p.returncode == 2 and "chunk 2/3 is given twice" in p.stderr
    p = report_tool("merge", "-o", out, *chunks, runs["reference"])
    assert p.returncode == 2 and "not a chunk report" in p.stderr
    other = tmp_path / "other.json"
    cmd = [os.path.join(build, "run-conformance"), "--vectors", SLICE[0], "--journal", "none", "--quiet",
           "--chunk", "3/3", "--report", f"json:{other}"]
    subprocess.run(cmd, capture_output=True, timeout=120, check=True)
    p = report_tool("merge", "-o", out, chunks[0], chunks[1], other)
    assert p.returncode == 2 and "corpus_hash" in p.stderr
    cut = read(chunks[2])
    cut["results"].pop()
    (tmp_path / "cut.json").write_text(json.dumps(cut))
    p = report_tool("merge", "-o", out, chunks[0], chunks[1], tmp_path / "cut.json")
    assert p.returncode == 2 and "incomplete" in p.stderr
    twice = read(chunks[1])
    twice["results"].append(read(chunks[0])["results"][0])
    (tmp_path / "twice.json").write_text(json.dumps(twice))
    p = report_tool("merge", "-o", out, chunks[0], tmp_path / "twice.json", chunks[2])
    assert p.returncode == 2 and "is in two chunks" in p.stderr
    assert not out.exists()


def test_merge_joins_the_subtests_of_a_wpt_test_split_over_chunks(tmp_path):
    test = "/webnn/conformance_tests/add.https.any.html?cpu"
    names = ["add float32 1D", "add float16 2D", "add int32 scalar", "add float32 4D"]

    def chunk(i, picks):
        subs = [{"name": names[k], "status": "PASS", "message": None, "extra": {"corpus_index": k}} for k in picks]
        return {"run_info": {"product": "webnn-cts", "corpus_hash": "h", "adapter": "a",
                             "chunk": {"index": i, "count": 2, "cases_in_all_chunks": 4}},
                "results": [{"test": test, "status": "OK", "message": None, "subtests": subs}]}
    (tmp_path / "1.json").write_text(json.dumps(chunk(1, [0, 3])))
    (tmp_path / "2.json").write_text(json.dumps(chunk(2, [1, 2])))
    p = report_tool("merge", "-o", tmp_path / "m.json", tmp_path / "1.json", tmp_path / "2.json")
    assert p.returncode == 0, p.stderr
    merged = read(tmp_path / "m.json")
    assert [s["name"] for s in merged["results"][0]["subtests"]] == names
    assert "chunk" not in merged["run_info"]


def statuses(path):
    return {r["test"]: r["extra"]["webnn_status"] for r in read(path)["results"]}


def test_diff_finds_new_failures_and_fixes_between_real_runs(runs, tmp_path):
    ref, bad = statuses(runs["reference"]), statuses(runs["hostile"])
    broken = sorted(t for t in bad if bad[t] == "FAIL" and ref[t] == "PASS")
    assert broken and all("relu" in t for t in broken)
    p = report_tool("diff", "--all", "--json", tmp_path / "d.json", runs["reference"], runs["hostile"])
    assert p.returncode == 1, p.stdout + p.stderr
    d = read(tmp_path / "d.json")
    assert sorted(re.match(r"FAIL (.*) \(was PASS\)", x).group(1) for x in d["new_failures"]) == broken
    assert not d["fixed"] and not d["status_changes"] and d["regression"]
    assert "verdict: REGRESSION" in p.stdout
    p = report_tool("diff", "--json", tmp_path / "f.json", runs["hostile"], runs["reference"])
    assert p.returncode == 0 and "verdict: no regression" in p.stdout
    assert len(read(tmp_path / "f.json")["fixed"]) == len(broken)
    assert report_tool("diff", runs["reference"], runs["reference"]).returncode == 0


def test_diff_finds_status_changes_and_grown_errors(runs, tmp_path):
    base, new = load.load(runs["reference"]), load.load(runs["openblas"])
    d = baseline.compare(base, new)
    lost = [c for c in new.cases if base.cases[c].status == "PASS" and new.cases[c].status == "NOTSUPPORTED"]
    assert lost and d.lost_passes == len(lost) and len(d.changed) == len(lost) and d.regressed()
    grew = [c for c in new.cases if new.cases[c].status == base.cases[c].status and any(
        o.max_ulp > b.max_ulp for o, b in zip(new.cases[c].outputs, base.cases[c].outputs)
        if o.metric != "ATOL")]
    assert grew and len(d.error_grew) >= len(grew)
    # error growth alone is a regression only when asked
    doc = read(runs["reference"])
    target = next(r for r in doc["results"] if r["extra"]["outputs"] and r["extra"]["outputs"][0]["tolerance"]["metric"] == "ULP")
    target["extra"]["outputs"][0]["max_ulp"] += 3
    (tmp_path / "grown.json").write_text(json.dumps(doc))
    p = report_tool("diff", runs["reference"], tmp_path / "grown.json")
    assert p.returncode == 0 and "error grew (1)" in p.stdout and target["test"] in p.stdout
    assert report_tool("diff", "--error-growth-fails", runs["reference"], tmp_path / "grown.json").returncode == 1


def expected_rows(paths):
    keys = {}
    for n, p in enumerate(paths):
        for r in read(p)["results"]:
            x = r["extra"]
            keys.setdefault((x["family"] or "?", x["op"] or "?", x["data_type"] or "other"), {}).setdefault(
                r["test"], [None] * len(paths))[n] = x["webnn_status"]
    return keys


def page_data(path):
    text = open(path, encoding="utf-8").read()
    m = re.search(r'<script id="data" type="application/json">(.*?)</script>', text, re.S)
    return text, json.loads(m.group(1))


def test_page_has_a_row_per_op_and_data_type_and_a_column_group_per_run(runs, tmp_path):
    paths = [runs["reference"], runs["openblas"], runs["hostile"]]
    p = report_tool("html", "-o", tmp_path / "page.html", *paths)
    assert p.returncode == 0, p.stderr
    text, data = page_data(tmp_path / "page.html")
    want = expected_rows(paths)
    got = {(r["family"], r["op"], r["dtype"]): r for r in data["rows"]}
    assert set(got) == set(want)
    head = text[text.index('<table class="matrix"'):text.index("</thead>")]
    assert head.count('<th class="run"') == 3 and len(data["runs"]) == 3  # a column group per run
    families = {k[0] for k in want}
    assert text.count('<table class="matrix"') == len(families)
    for key, cases in want.items():
        ids = [data["cases"][i][0] for i in got[key]["cases"]]
        assert sorted(ids) == sorted(cases)
        for i in got[key]["cases"]:
            cid, entries, differs = data["cases"][i]
            assert [data["statuses"][e[0]] for e in entries] == cases[cid]
            assert differs == (len(set(cases[cid])) > 1)
    differ_rows = sum(1 for cases in want.values() if any(len(set(s)) > 1 for s in cases.values()))
    assert text.count('class="differ"') == differ_rows
    assert not re.search(r"https?://|\bsrc=|<link\b|@import", text), "the page must load nothing"
    # the histograms' data: per run, the sum of the row's output histograms
    row = next(r for r in data["rows"] if r["hist"])
    for n, path in enumerate(paths):
        sums = [0] * 36
        for r in read(path)["results"]:
            x = r["extra"]
            if (x["family"], x["op"], x["data_type"] or "other") == (row["family"], row["op"], row["dtype"]):
                for o in x["outputs"]:
                    for k, c in enumerate(o.get("ulp_hist", [])):
                        sums[k] += c
        h = row["hist"][n] or []
        assert h == sums[:len(h)] and not any(sums[len(h):])


def test_terminal_form_shows_the_same_rows(runs):
    paths = [runs["reference"], runs["hostile"]]
    want = expected_rows(paths)
    differ = {k for k, cases in want.items() if any(len(set(s)) > 1 for s in cases.values())}
    p = report_tool("text", "--differ", *paths)
    assert p.returncode == 0, p.stderr
    assert f"{len(differ)} of {len(want)} rows shown" in p.stdout
    assert all("relu" in k[1] for k in differ)
    p = report_tool("text", "--filter", "matmul", *paths)
    assert sum(1 for line in p.stdout.splitlines() if " matmul " in line) == sum(1 for k in want if k[1] == "matmul")


def wpt_results(statuses_by_subtest, extra=False):
    """A wptreport in WPT's shape: one test per file and device variant, its cases as subtests."""
    tests = {}
    for (test, name), status in statuses_by_subtest.items():
        s = {"name": name, "status": status, "message": None if status == "PASS" else "assert_true failed"}
        if extra:
            s["extra"] = {"outputs": []}
        tests.setdefault(test, []).append(s)
    return [{"test": t, "status": "OK", "message": None, "subtests": s} for t, s in tests.items()]


def test_a_browser_report_lines_up_with_ours_case_by_case(tmp_path):
    add, bn = "/webnn/conformance_tests/add.https.any.html?cpu", "/webnn/conformance_tests/batch_normalization.https.any.html?cpu"
    cases = {(add, "add float32 1D constant tensors"): "PASS", (add, "add float16 4D tensors"): "PASS",
             (bn, "batchNormalization float32 4D tensor options.axis=1"): "PASS"}
    browser = dict(cases)
    browser[(add, "add float16 4D tensors")] = "FAIL"
    (tmp_path / "chrome.json").write_text(json.dumps({
        "run_info": {"product": "chrome", "browser_version": "140.0"}, "time_start": 1759000000000,
        "results": wpt_results(browser)}))
    (tmp_path / "ours.json").write_text(json.dumps({
        "run_info": {"product": "webnn-cts", "adapter": "openblas", "device": "cpu"}, "results": wpt_results(cases, True)}))
    ours, chrome = load.load(tmp_path / "ours.json"), load.load(tmp_path / "chrome.json")
    assert chrome.label.startswith("chrome 140.0 cpu")
    assert set(ours.cases) == set(chrome.cases) == {f"{t} :: {n}" for t, n in cases}
    rows = {r.key: r for r in matrix.build([ours, chrome])}
    assert set(rows) == {("wpt", "add", "float32"), ("wpt", "add", "float16"), ("wpt", "batchNormalization", "float32")}
    assert [r.key for r in rows.values() if r.differs] == [("wpt", "add", "float16")]
    d = baseline.compare(ours, chrome)
    assert d.new_failures == [f"FAIL {add} :: add float16 4D tensors (was PASS): assert_true failed"]


def test_unusable_input_is_named_and_bad_entries_are_skipped(runs, tmp_path):
    (tmp_path / "junk.json").write_text("{not json")
    p = report_tool("text", runs["reference"], tmp_path / "junk.json")
    assert p.returncode == 2 and "junk.json: not JSON" in p.stderr
    doc = read(runs["reference"])
    doc["results"].insert(3, {"status": "PASS"})
    (tmp_path / "odd.json").write_text(json.dumps(doc))
    p = report_tool("text", tmp_path / "odd.json")
    assert p.returncode == 0 and "odd.json: results[3]: no test name, skipped" in p.stderr
