"""End-to-end tests of build/run-conformance: isolation against hostile adapters, the journal
and --resume, reports, expectations, chunks, exit statuses. They use their own small corpus
of add/relu vectors (written to a temporary folder), so they do not depend on vectors/."""
import json
import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

import pytest

N_ADD, N_RELU, N_INVALID = 8, 4, 2


def add_case(i):
    n = i + 1
    a = [float(k) - 2.5 for k in range(n)]
    return {
        "name": f"add float32 [{n}] #{i}",
        "graph": {
            "inputs": {"a": {"descriptor": {"dataType": "float32", "shape": [n]}, "data": a},
                       "b": {"descriptor": {"dataType": "float32", "shape": [n]}, "data": [1.0] * n}},
            "operators": [{"name": "add", "arguments": [{"a": "a"}, {"b": "b"}], "outputs": "c"}],
            "expectedOutputs": {"c": {"descriptor": {"dataType": "float32", "shape": [n]},
                                      "data": [x + 1.0 for x in a]}},
        },
    }


def relu_case(i):
    x = [-1.0, 0.5, 2.0, -3.0][: i + 1]
    return {
        "name": f"relu float32 #{i}",
        "graph": {
            "inputs": {"x": {"descriptor": {"dataType": "float32", "shape": [len(x)]}, "data": x}},
            "operators": [{"name": "relu", "arguments": [{"input": "x"}], "outputs": "y"}],
            "expectedOutputs": {"y": {"descriptor": {"dataType": "float32", "shape": [len(x)]},
                                      "data": [max(v, 0.0) for v in x]}},
        },
    }


def invalid_case(i):
    return {
        "name": f"add rejects mixed types #{i}",
        "graph": {
            "inputs": {"a": {"descriptor": {"dataType": "float32", "shape": [2]}},
                       "b": {"descriptor": {"dataType": "int32", "shape": [2]}}},
            "operators": [{"name": "add", "arguments": [{"a": "a"}, {"b": "b"}], "outputs": "c"}],
        },
        "expectedError": "TypeError",
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("vectors")
    (d / "ops").mkdir()
    tests = [add_case(i) for i in range(N_ADD)] + [relu_case(i) for i in range(N_RELU)] + \
            [invalid_case(i) for i in range(N_INVALID)]
    (d / "ops" / "mixed.json").write_text(json.dumps({"format": "webnn-cts-vectors/1", "tests": tests}))
    (d / "broken.json").write_text('{"format": "webnn-cts-vectors/1", "tests": [')
    return d


ALL = N_ADD + N_RELU + N_INVALID + 1  # + the unreadable file


def runner(build, corpus, *args, env=None, timeout=60):
    cmd = [os.path.join(build, "run-conformance"), "--vectors", str(corpus), "--quiet", "--journal", "none", *args]
    e = dict(os.environ)
    e.pop("WEBNN_HOSTILE", None)
    e.update(env or {})
    return subprocess.run(cmd, capture_output=True, text=True, env=e, timeout=timeout)


def report(build, corpus, tmp_path, *args, env=None):
    path = tmp_path / "report.json"
    p = runner(build, corpus, "--report", f"json:{path}", *args, env=env)
    with open(path) as f:
        return p, json.load(f)


def statuses(rep):
    return {r["test"]: r["extra"]["webnn_status"] for r in rep["results"]}


def listed(build, corpus):
    p = runner(build, corpus, "--list")
    assert p.returncode == 0, p.stderr
    return p.stdout.splitlines()


def expect_by_kind(st, add, relu):
    for name, s in st.items():
        if name == "broken.json":
            assert s == "ERROR"
        elif "rejects" in name:
            assert s == "PASS", name
        elif "/add " in name:
            assert s == add, name
        else:
            assert s == relu, name


def test_reference_adapter_passes_everything_but_the_unreadable_file(build, corpus, tmp_path):
    p, rep = report(build, corpus, tmp_path, "--jobs", "3")
    assert p.returncode == 1  # broken.json is an unexpected ERROR
    st = statuses(rep)
    assert sorted(st) == sorted(listed(build, corpus))
    expect_by_kind(st, "PASS", "PASS")


@pytest.mark.parametrize("hostile,add,relu", [
    ("segv=relu,garbage=add", "FAIL", "CRASH"),
    ("abort=relu,shape=add", "FAIL", "CRASH"),
    ("exit=relu,nan=add", "FAIL", "CRASH"),
    ("hang=relu,overrun=add", "ERROR", "TIMEOUT"),
    ("builderr=add", "ERROR", "PASS"),
])
def test_hostile_adapter_costs_only_the_cases_it_breaks(build, corpus, tmp_path, hostile, add, relu):
    adapter = os.path.join(build, "adapters", "libwebnn_adapter_hostile.so")
    p, rep = report(build, corpus, tmp_path, "--adapter", adapter, "--jobs", "4", "--timeout", "1",
                    env={"WEBNN_HOSTILE": hostile})
    assert p.returncode == 1
    st = statuses(rep)
    names = listed(build, corpus)
    assert len(rep["results"]) == len(names) == ALL  # none lost, none twice
    assert sorted(st) == sorted(names)
    expect_by_kind(st, add, relu)
    for r in rep["results"]:
        if r["extra"]["webnn_status"] == "CRASH":
            assert "SIG" in r["message"] or "exited with status" in r["message"]
        if r["extra"]["webnn_status"] == "TIMEOUT":
            assert r["status"] == "TIMEOUT"


def test_crash_names_the_signal(build, corpus, tmp_path):
    adapter = os.path.join(build, "adapters", "libwebnn_adapter_hostile.so")
    # under ASan the sanitizer's own SIGSEGV handler would turn the signal into exit(1)
    asan = os.environ.get("ASAN_OPTIONS", "")
    _, rep = report(build, corpus, tmp_path, "--adapter", adapter, "--filter", "*relu*",
                    env={"WEBNN_HOSTILE": "segv=relu", "ASAN_OPTIONS": asan + ":handle_segv=0" if asan else ""})
    assert all("SIGSEGV" in r["message"] for r in rep["results"])


def test_wrong_values_and_shapes_carry_numbers(build, corpus, tmp_path):
    adapter = os.path.join(build, "adapters", "libwebnn_adapter_hostile.so")
    _, rep = report(build, corpus, tmp_path, "--adapter", adapter, "--filter", "*/add float32*",
                    env={"WEBNN_HOSTILE": "nan=add"})
    for r in rep["results"]:
        out = r["extra"]["outputs"][0]
        assert out["name"] == "c" and out["n_bad"] == out["n_elements"] > 0
        assert out["max_ulp"] == "Infinity" and out["tolerance"]["metric"] == "exact"
        assert "worst_expected" in out and out["worst_actual"] == "NaN"
    _, rep = report(build, corpus, tmp_path, "--adapter", adapter, "--filter", "*/add float32 ?2?*",
                    env={"WEBNN_HOSTILE": "shape=add"})
    out = rep["results"][0]["extra"]["outputs"][0]
    assert out["shape_ok"] is False and out["actual"] == "float32[1, 2]"


def test_wptreport_fields(build, corpus, tmp_path):
    _, rep = report(build, corpus, tmp_path)
    info = rep["run_info"]
    assert info["product"] == "webnn-cts" and info["adapter"] == "reference"
    assert len(info["corpus_hash"]) == 64 and info["abi_version"] == "1.0" and info["device"]
    assert isinstance(rep["time_start"], (int, float)) and rep["time_end"] >= rep["time_start"]
    wpt = {"PASS", "FAIL", "OK", "ERROR", "TIMEOUT", "CRASH", "PRECONDITION_FAILED", "SKIP"}
    for r in rep["results"]:
        assert {"test", "status", "message", "subtests", "duration", "extra"} <= set(r)
        assert r["status"] in wpt and r["subtests"] == []
    broken = [r for r in rep["results"] if r["test"] == "broken.json"][0]
    assert broken["expected"] == "PASS"  # unexpected results say what was expected


def test_notsupported_maps_to_precondition_failed_and_gaps_are_listed(build, corpus, tmp_path):
    example = os.path.join(build, "adapters", "libwebnn_adapter_example.so")
    p, rep = report(build, corpus, tmp_path, "--adapter", example, "--filter", "ops/*")
    assert p.returncode == 0, p.stdout  # the example adapter runs add and relu in float32
    int_corpus = tmp_path / "ints"
    int_corpus.mkdir()
    case = add_case(1)
    for io in list(case["graph"]["inputs"].values()) + list(case["graph"]["expectedOutputs"].values()):
        io["descriptor"]["dataType"] = "int32"
        io["data"] = [int(v) for v in io["data"]]
    (int_corpus / "add.json").write_text(json.dumps({"format": "webnn-cts-vectors/1", "tests": [case]}))
    p, rep = report(build, int_corpus, tmp_path, "--adapter", example)
    r = rep["results"][0]
    assert r["status"] == "PRECONDITION_FAILED" and r["extra"]["webnn_status"] == "NOTSUPPORTED"
    assert r["extra"]["conformance_gap"] is True  # int32 add is required by the spec
    assert p.returncode == 1 and "Conformance gaps" in p.stdout


def test_junit_and_html_reports(build, corpus, tmp_path):
    j, h = tmp_path / "r.xml", tmp_path / "r.html"
    adapter = os.path.join(build, "adapters", "libwebnn_adapter_hostile.so")
    runner(build, corpus, "--adapter", adapter, "--report", f"junit:{j}", "--report", f"html:{h}",
           env={"WEBNN_HOSTILE": "garbage=add,segv=relu"})
    root = ET.parse(j).getroot()
    cases = root.findall(".//testcase")
    assert len(cases) == ALL
    assert len(root.findall(".//failure")) == N_ADD and len(root.findall(".//error")) == N_RELU + 1
    page = h.read_text()
    assert "<table class=\"matrix\">" in page and "href=\"#op-relu\"" in page and "max ULP" in page
    assert "http" not in page.replace("https://www.w3.org", "")  # self-contained


def test_expectations_turn_known_failures_into_success(build, corpus, tmp_path):
    exp = tmp_path / "expected.txt"
    exp.write_text("# known\nERROR broken.json\nCRASH ops/mixed.json/relu*\nFAIL ops/mixed.json/add float32*\n")
    adapter = os.path.join(build, "adapters", "libwebnn_adapter_hostile.so")
    p = runner(build, corpus, "--adapter", adapter, "--expectations", str(exp),
               env={"WEBNN_HOSTILE": "garbage=add,segv=relu"})
    assert p.returncode == 0, p.stdout
    # an unexpected pass is reported too
    p = runner(build, corpus, "--expectations", str(exp))
    assert p.returncode == 1 and "PASS (expected FAIL)" in p.stdout


def test_pytest_driver_judges_with_the_same_expectations(build, corpus, tmp_path):
    """conformance/pytest/test_vectors.py --expectations: expected failures are xfails, an
    unexpected status fails, as in run-conformance."""
    exp = tmp_path / "expected.txt"
    exp.write_text("ERROR broken.json\nCRASH ops/mixed.json/relu*\nFAIL ops/mixed.json/add float32*\n")
    here = os.path.dirname(os.path.abspath(__file__))
    env = dict(os.environ, WEBNN_HOSTILE="garbage=add,segv=relu")

    def driver(*extra):
        return subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
             "--rootdir", tmp_path, os.path.join(here, "test_vectors.py"), "--build", build, "--vectors", str(corpus),
             "--adapter", os.path.join(build, "adapters", "libwebnn_adapter_hostile.so"), *extra],
            capture_output=True, text=True, env=env, timeout=300)
    p = driver("--expectations", str(exp))
    assert p.returncode == 0, p.stdout[-3000:]
    assert f"{N_INVALID} passed, {N_ADD + N_RELU + 1} xfailed" in p.stdout, p.stdout[-3000:]  # + the unreadable file
    p = driver()
    assert p.returncode == 1 and "(expected NOTSUPPORTED,PASS)" in p.stdout, p.stdout[-3000:]


def test_chunks_split_the_cases_without_overlap(build, corpus):
    all_names = listed(build, corpus)
    parts = [runner(build, corpus, "--list", "--chunk", f"{i}/3").stdout.splitlines() for i in (1, 2, 3)]
    assert sorted(sum(parts, [])) == sorted(all_names)


def test_usage_errors_exit_2(build, corpus, tmp_path):
    assert runner(build, corpus, "--jobs", "zero").returncode == 2
    assert runner(build, corpus, "--report", "pdf:x").returncode == 2
    assert runner(build, tmp_path / "missing").returncode == 2
    p = runner(build, corpus, "--adapter", os.path.join(build, "adapters", "libwebnn_adapter_badabi.so"))
    assert p.returncode == 2 and "major versions differ" in p.stderr
    assert runner(build, corpus, "--help").returncode == 0


def test_device_tensors_path_gives_the_same_results(build, corpus, tmp_path):
    _, a = report(build, corpus, tmp_path)
    _, b = report(build, corpus, tmp_path, "--device-tensors")
    assert statuses(a) == statuses(b)


def normalised(rep):
    out = []
    for r in rep["results"]:
        r = dict(r)
        r.pop("duration")
        r["extra"] = {k: v for k, v in r["extra"].items() if k != "resumed"}
        out.append(r)
    return sorted(out, key=lambda r: r["test"])


def test_kill_and_resume_gives_the_same_report(build, tmp_path):
    d = tmp_path / "slow"
    d.mkdir()
    tests = [add_case(i % 8) | {"name": f"slow add {i}"} for i in range(30)] + [invalid_case(0)]
    (d / "slow.json").write_text(json.dumps({"format": "webnn-cts-vectors/1", "tests": tests}))
    adapter = os.path.join(build, "adapters", "libwebnn_adapter_hostile.so")
    env = dict(os.environ, WEBNN_HOSTILE="slow=add")
    exe = os.path.join(build, "run-conformance")
    base = [exe, "--vectors", str(d), "--adapter", adapter, "--jobs", "2", "--quiet"]

    full = tmp_path / "full.json"
    subprocess.run(base + ["--journal", "none", "--report", f"json:{full}"], env=env, check=True,
                   capture_output=True)

    journal = tmp_path / "run.journal"
    p = subprocess.Popen(base + ["--journal", str(journal)], env=env, start_new_session=True,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 20
    while time.time() < deadline:  # wait until some but not all cases are recorded
        if journal.exists() and len(journal.read_text().splitlines()) > 8:
            break
        time.sleep(0.01)
    os.killpg(p.pid, signal.SIGKILL)
    p.wait()
    recorded = len(journal.read_text().splitlines()) - 1
    assert 0 < recorded < len(tests)

    resumed = tmp_path / "resumed.json"
    r = subprocess.run(base + ["--resume", str(journal), "--report", f"json:{resumed}"], env=env,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    a, b = json.load(open(full)), json.load(open(resumed))
    assert normalised(a) == normalised(b)
    assert sum(x["extra"]["resumed"] for x in b["results"]) >= recorded - 1
    # every case is in the journal exactly once after the resume
    names = []
    for line in journal.read_text().splitlines()[1:]:
        try:
            names.append(json.loads(line)["test"])
        except ValueError:
            pass  # the line torn by the kill
    assert sorted(names) == sorted(x["test"] for x in a["results"])


def test_fail_fast_stops_after_the_first_unexpected_result(build, corpus, tmp_path):
    # the corpus has one unexpected result (broken.json, an ERROR); expected everywhere else
    exp = tmp_path / "exp.txt"
    exp.write_text("")
    p_all, rep_all = report(build, corpus, tmp_path, "--jobs", "1")
    p, rep = report(build, corpus, tmp_path, "--jobs", "1", "--fail-fast")
    assert p_all.returncode == 1 and p.returncode == 1
    st = statuses(rep)
    assert "broken.json" in st and st["broken.json"] == "ERROR"
    assert len(st) < len(statuses(rep_all)) == ALL  # broken.json sorts first: the rest is not run
    assert "--fail-fast: stopped after the first unexpected result; %d cases not run" % (ALL - len(st)) in p.stdout
    # nothing unexpected: --fail-fast runs everything
    only_ops = corpus / "ops"
    p2 = subprocess.run([os.path.join(build, "run-conformance"), "--vectors", str(only_ops), "--quiet", "--journal",
                         "none", "--fail-fast"], capture_output=True, text=True, timeout=60)
    assert p2.returncode == 0 and "--fail-fast" not in p2.stdout
