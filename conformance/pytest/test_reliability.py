"""Reliability of run-conformance (issue 9): a hostile adapter that allocates without bound or
leaks, the tensor byte cap (--max-tensor-bytes), and every malformed vector file of
conformance/bad-inputs/ run through the runner together with good vectors."""
import json
import os
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BAD = os.path.join(ROOT, "conformance", "bad-inputs")
GOOD = os.path.join(ROOT, "vectors", "examples", "format-example.json")
SANITIZED = "libasan" in os.environ.get("LD_PRELOAD", "")


def run(build, *args, timeout=300):
    cmd = [os.path.join(build, "run-conformance"), "--quiet", "--journal", "none", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def results(build, tmp_path, *args):
    path = tmp_path / "report.json"
    p = run(build, "--report", f"json:{path}", *args)
    assert p.returncode in (0, 1), p.stderr
    return p, {r["test"]: r for r in json.loads(path.read_text())["results"]}


def binary_case(name, op, n):
    return {
        "name": name,
        "graph": {
            "inputs": {"a": {"descriptor": {"dataType": "float32", "shape": [n]}, "data": [1.0] * n},
                       "b": {"descriptor": {"dataType": "float32", "shape": [n]}, "data": [2.0] * n}},
            "operators": [{"name": op, "arguments": [{"a": "a"}, {"b": "b"}], "outputs": "c"}],
            "expectedOutputs": {"c": {"descriptor": {"dataType": "float32", "shape": [n]},
                                      "data": [3.0 if op == "add" else 2.0] * n}},
        },
    }


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("vectors")
    tests = [binary_case(f"add #{i}", "add", i + 1) for i in range(6)] + \
            [binary_case(f"mul #{i}", "mul", i + 1) for i in range(3)]
    (d / "ops.json").write_text(json.dumps({"format": "webnn-cts-vectors/1", "tests": tests}))
    return d


def hostile(build):
    return os.path.join(build, "adapters", "libwebnn_adapter_hostile.so")


# ---- hostile adapter: memory ----

@pytest.mark.skipif(SANITIZED, reason="a data-size limit would break the sanitizer's shadow memory")
def test_unbounded_allocation_is_contained_by_the_memory_cap(build, small_corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("WEBNN_HOSTILE", "alloc=mul")
    # touching 1 GiB page by page took 23 s on a 2-core machine at load 27: a generous case
    # timeout keeps the test about the cap, not about the machine's speed
    p, res = results(build, tmp_path, "--vectors", str(small_corpus), "--adapter", hostile(build),
                     "--jobs", "2", "--max-memory", "1024", "--timeout", "240")
    assert len(res) == 9, "every case is reported"
    for name, r in res.items():
        if name.startswith("ops.json/mul"):
            assert r["status"] == "ERROR", r
            assert "out of memory after" in r["message"], r["message"]
        else:
            assert r["status"] == "PASS", r


def test_a_leaking_adapter_still_gets_every_status_right(build, small_corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("WEBNN_HOSTILE", "leak=add")
    _, res = results(build, tmp_path, "--vectors", str(small_corpus), "--adapter", hostile(build), "--jobs", "2")
    assert len(res) == 9
    assert all(r["status"] == "PASS" for r in res.values()), [r for r in res.values() if r["status"] != "PASS"]


def test_memory_cap_is_shown_and_validated(build, small_corpus):
    p = run(build, "--vectors", str(small_corpus), "--max-memory", "300")
    assert p.returncode == 0, p.stderr
    p = subprocess.run([os.path.join(build, "run-conformance"), "--vectors", str(small_corpus), "--journal", "none",
                        "--max-memory", "300"], capture_output=True, text=True, timeout=120)
    if SANITIZED:  # the cap is refused: it would break the sanitizer's shadow memory
        assert "worker memory cap none" in p.stdout and "--max-memory is ignored" in p.stderr, p.stdout + p.stderr
    else:
        assert "worker memory cap 300 MiB" in p.stdout
    assert run(build, "--vectors", str(small_corpus), "--max-memory", "lots").returncode == 2
    assert run(build, "--vectors", str(small_corpus), "--max-tensor-bytes", "0").returncode == 2


# ---- --max-tensor-bytes ----

def test_tensor_cap_names_the_tensor_and_its_size(build, tmp_path):
    d = tmp_path / "vectors"
    d.mkdir()
    big_input = binary_case("big input", "add", 300)   # 1200-byte tensors
    small = binary_case("small", "add", 4)
    # a small input and output, but an intermediate result of 2000 floats
    expand_sum = {
        "name": "big intermediate",
        "graph": {
            "inputs": {"x": {"descriptor": {"dataType": "float32", "shape": [1]}, "data": [1.0]}},
            "operators": [{"name": "expand", "arguments": [{"input": "x"}, {"newShape": [2000]}], "outputs": "t"},
                          {"name": "reduceSum", "arguments": [{"input": "t"}], "outputs": "y"}],
            "expectedOutputs": {"y": {"descriptor": {"dataType": "float32", "shape": []}, "data": [2000.0]}},
        },
    }
    (d / "cap.json").write_text(json.dumps({"format": "webnn-cts-vectors/1",
                                            "tests": [big_input, small, expand_sum]}))
    _, res = results(build, tmp_path, "--vectors", str(d), "--max-tensor-bytes", "1024")
    assert res["cap.json/small"]["status"] == "PASS"
    r = res["cap.json/big input"]
    assert r["status"] == "ERROR"
    assert "cap.json: tests[0].graph.inputs.a.data" in r["message"], r["message"]
    assert "needs 1200 bytes, over the cap of 1024 bytes" in r["message"], r["message"]
    r = res["cap.json/big intermediate"]
    assert r["status"] == "ERROR"
    assert 'tensor "t" (intermediate result of operators[0] (expand)) float32[2000] has 8000 bytes, ' \
           'over the cap of 1024 bytes (--max-tensor-bytes)' in r["message"], r["message"]
    # without the cap, all three pass
    _, res = results(build, tmp_path, "--vectors", str(d))
    assert all(r["status"] == "PASS" for r in res.values()), res


# ---- conformance/bad-inputs through run-conformance ----

def expected_rows():
    rows = []
    with open(os.path.join(BAD, "EXPECTED.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t") + ["", "", ""]
            # an optional 6th column: the runner's wording where it differs from webnn-ref's
            sub = cols[5] if len(cols) > 5 and cols[5] else cols[2]
            rows.append((cols[0], cols[1], sub, int(cols[3] or 0), set(cols[4].split())))
    return rows


def test_every_bad_input_is_reported_and_the_run_goes_on(build, tmp_path):
    rows = expected_rows()
    files = [os.path.join(BAD, name) for name, *_ in rows]
    p, res = results(build, tmp_path, "--jobs", "2", "--vectors", GOOD, *sum((["--vectors", f] for f in files), []))
    assert p.returncode == 1  # the bad files are unexpected ERRORs
    problems = []
    # the good file's cases all ran and passed
    good = {n: r for n, r in res.items() if n.startswith("examples/format-example.json/")}
    if len(good) != 3 or any(r["status"] != "PASS" for r in good.values()):
        problems.append(f"format-example.json: {[(n, r['status']) for n, r in good.items()]}")
    for name, kind, sub, n_good, flags in rows:
        mine = {n: r for n, r in res.items() if n == name or n.startswith(name + "/")}
        if not mine:
            problems.append(f"{name}: not in the report")
            continue
        bad = [r for r in mine.values() if r["status"] != "PASS"]
        passed = len(mine) - len(bad)
        if "file" in flags and (set(mine) != {name} or bad[0]["status"] != "ERROR"):
            problems.append(f"{name}: expected the whole file as one ERROR, got {[(n, r['status']) for n, r in mine.items()]}")
        if passed != n_good:
            problems.append(f"{name}: {passed} cases PASS, expected {n_good}")
        if not any(r["status"] in ("ERROR", "FAIL") and sub in r.get("message", "") for r in bad):
            problems.append(f"{name}: no ERROR/FAIL says {sub!r}: {[r.get('message', '')[:160] for r in bad]}")
        for r in bad:  # a clear message: names the file, says what is wrong
            if name not in r.get("message", "") and "rejects this graph" not in r.get("message", ""):
                problems.append(f"{name}: message does not name the file: {r.get('message', '')[:160]!r}")
        if any(r["status"] in ("CRASH", "TIMEOUT") for r in mine.values()):
            problems.append(f"{name}: {[r['status'] for r in mine.values()]}")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
    assert len(rows) >= 60
