"""Generated data is lazy (vectors/FORMAT.md, "Generated data"): the loader keeps a generator
object as a descriptor, like a fill, so loading and --list never make the tensor; its bytes are
made in the worker when the case runs, and arrive at an adapter bit for bit as
vectors/gen/generated.py makes them."""
import json
import os
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from test_generated_data import literal, num  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "vectors", "gen"))
import generated  # noqa: E402

SANITIZED = "libasan" in os.environ.get("LD_PRELOAD", "")
BIG = [12000, 12000]  # float32: 576 MB each for the input and the constant


def runner(build, *args, timeout=120):
    cmd = [os.path.join(build, "run-conformance"), "--quiet", "--journal", "none", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def peak_rss_mb(cmd):
    """Peak RSS of cmd in MB, measured in a fresh Python whose only child is cmd."""
    probe = ("import resource, subprocess, sys\n"
             "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
             "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, timeout=120,
                         check=True).stdout.split()
    assert out[0] == "0", out
    return int(out[1]) / 1024


def results(build, tmp_path, *args):
    path = tmp_path / "report.json"
    p = runner(build, "--report", f"json:{path}", *args)
    assert p.returncode in (0, 1), p.stdout[-2000:] + p.stderr[-2000:]
    return {r["test"]: r for r in json.loads(path.read_text())["results"]}


def big_case(name, shape):
    desc = {"dataType": "float32", "shape": shape}
    return {"name": name,
            "graph": {"inputs": {"x": {"descriptor": desc, "data": generated.spec(1, -1.0, 1.0)},
                                 "w": {"descriptor": desc, "data": generated.spec(2, -1.0, 1.0), "constant": True}},
                      "operators": [{"name": "add", "arguments": [{"a": "x"}, {"b": "w"}], "outputs": "y"}],
                      "expectedOutputs": {"y": {"descriptor": desc, "data": 0.0}}}}


def small_case():
    desc = {"dataType": "float32", "shape": [2]}
    return {"name": "small",
            "graph": {"inputs": {"a": {"descriptor": desc, "data": [1.0, 2.0]}},
                      "operators": [{"name": "add", "arguments": [{"a": "a"}, {"b": "a"}], "outputs": "c"}],
                      "expectedOutputs": {"c": {"descriptor": desc, "data": [2.0, 4.0]}}}}


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("lazy")
    tests = [big_case("big", BIG), big_case("huge", [40000, 40000]), small_case()]
    (d / "lazy.json").write_text(json.dumps({"format": "webnn-cts-vectors/1", "tests": tests}))
    return d


def test_list_makes_no_generated_tensor(build, big_corpus):
    # expanded at load, "big" alone would take 1152 MB; "huge" (6.4 GB each) is over the
    # default tensor byte cap, which the loader checks as if it were expanded
    cmd = [os.path.join(build, "run-conformance"), "--vectors", str(big_corpus), "--list"]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stdout.split() == ["lazy.json/big", "lazy.json/huge", "lazy.json/small"]
    assert peak_rss_mb(cmd) < 100


def test_over_the_cap_is_an_error_only_of_that_case_when_run(build, big_corpus, tmp_path):
    res = results(build, tmp_path, "--vectors", str(big_corpus), "--filter", "*/huge", "--filter", "*/small")
    assert res["lazy.json/small"]["status"] == "PASS"
    r = res["lazy.json/huge"]
    assert r["status"] == "ERROR"
    assert "tests[1].graph.inputs.x.data: tensor float32[40000, 40000] needs 6400000000 bytes, over the cap" \
        in r["message"], r["message"]


@pytest.mark.skipif(SANITIZED, reason="a data-size limit would break the sanitizer's shadow memory")
def test_generated_data_is_made_in_the_worker_when_the_case_runs(build, big_corpus, tmp_path):
    # under the tensor byte cap, so the loader accepts it; the worker's memory cap refuses
    # the expansion: an ERROR naming the tensor, and the other case still passes
    res = results(build, tmp_path, "--vectors", str(big_corpus), "--filter", "*/big", "--filter", "*/small",
                  "--max-memory", "256")
    assert res["lazy.json/small"]["status"] == "PASS"
    r = res["lazy.json/big"]
    assert r["status"] == "ERROR"
    assert 'cannot load this case: constant "w": out of memory allocating 576000000 bytes for float32[12000, 12000]' \
        in r["message"], r["message"]


DTYPES = {"float32": (-3.0, 5.0), "float16": (-100.0, 100.0), "int8": (-128, 127), "uint8": (0, 255),
          "int32": (-2 ** 31, 2 ** 31 - 1), "uint32": (0, 2 ** 32 - 1), "int64": (-2 ** 63, 2 ** 63 - 1),
          "uint64": (0, 2 ** 64 - 1)}
SHAPE = [37, 129]


def identity_cases():
    tests = []
    for seed, (dt, (lo, hi)) in enumerate(DTYPES.items(), start=11):
        desc = {"dataType": dt, "shape": SHAPE}
        want = {"y": literal(generated.generate(dt, SHAPE, generated.spec(seed, lo, hi))),
                "z": literal(generated.generate(dt, SHAPE, generated.spec(seed + 100, lo, hi)))}
        tests.append({"name": dt,
                      "graph": {"inputs": {"x": {"descriptor": desc, "data": generated.spec(seed, num(lo), num(hi))},
                                           "w": {"descriptor": desc, "constant": True,
                                                 "data": generated.spec(seed + 100, num(lo), num(hi))}},
                                "operators": [{"name": "identity", "arguments": [{"input": "x"}], "outputs": "y"},
                                              {"name": "identity", "arguments": [{"input": "w"}], "outputs": "z"}],
                                "expectedOutputs": {k: {"descriptor": desc, "data": v} for k, v in want.items()}}})
    return tests


@pytest.mark.parametrize("adapter", ["reference", "openblas"])
def test_generated_input_and_constant_reach_the_adapter_bit_for_bit(build, tmp_path, adapter):
    if adapter != "reference" and not os.path.exists(os.path.join(build, "adapters", f"libwebnn_adapter_{adapter}.so")):
        pytest.skip(f"{adapter} adapter not built")
    d = tmp_path / "vectors"
    d.mkdir()
    (d / "ids.json").write_text(json.dumps({"format": "webnn-cts-vectors/1", "tests": identity_cases()}))
    res = results(build, tmp_path, "--adapter", adapter, "--vectors", str(d))
    assert len(res) == len(DTYPES)
    for name, r in res.items():
        # the expected values are exact (no tolerance): PASS means every bit arrived; an
        # adapter may lack identity for a data type (PRECONDITION_FAILED), never be wrong
        assert r["status"] in ("PASS", "PRECONDITION_FAILED"), (name, r)
    assert res["ids.json/float32"]["status"] == "PASS"
    if adapter == "reference":
        assert all(r["status"] == "PASS" for r in res.values())

