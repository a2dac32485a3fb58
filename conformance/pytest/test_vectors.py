"""Every vector case as a pytest test, judged by the runner's C code (webnncts.py), with the
same expectations as run-conformance (--expectations FILE, or the default: PASS, or
NOTSUPPORTED unless it is a conformance gap). An expected PASS passes; an expected
NOTSUPPORTED skips; an expected FAIL, ERROR, CRASH or TIMEOUT is an xfail; any unexpected
status fails with the runner's message and numbers (a conformance gap says so)."""
import json
import os

import pytest

from webnncts import Suite

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def build_dir(config):
    b = config.getoption("--build")
    return b if os.path.isabs(b) else os.path.join(ROOT, b)


_suite = None


def suite(config):
    global _suite
    if _suite is None:
        build = build_dir(config)
        adapter = config.getoption("--adapter") or os.path.join(build, "adapters", "libwebnn_adapter_reference.so")
        vectors = config.getoption("--vectors") or [os.path.join(ROOT, "vectors")]
        _suite = Suite(os.path.join(build, "libwebnncts.so"), adapter, config.getoption("--device"), vectors)
        _suite.set_expectations(config.getoption("--expectations"))
    return _suite


def pytest_generate_tests(metafunc):
    if "case" in metafunc.fixturenames:
        names = suite(metafunc.config).names
        metafunc.parametrize("case", names, ids=names)


BATCH = 200
_order = None


def next_batch(request, case):
    """This case and the following ones this process will run (one fork for all of them)."""
    global _order
    if _order is None:
        names = [i.callspec.params["case"] for i in request.session.items
                 if hasattr(i, "callspec") and "case" in i.callspec.params]
        _order = (names, {n: k for k, n in enumerate(names)})
    names, pos = _order
    k = pos[case]
    return names[k:k + BATCH]


def test_vector(case, request):
    s = suite(request.config)
    r = s.cached(case, next_batch(request, case), request.config.getoption("--case-timeout"))
    status = r["status"]
    expected = s.expected(r)
    if status in expected:
        if status == "PASS":
            return
        if status == "NOTSUPPORTED":
            pytest.skip(r["message"])
        pytest.xfail(f"expected {status}: {r['message']}")
    numbers = json.dumps(r.get("outputs", []), indent=1) if r.get("outputs") else ""
    what = "conformance gap: NOTSUPPORTED inside the spec's required types and ranks" if r.get("gap") else status
    pytest.fail(f"{what} (expected {','.join(sorted(expected))}): {r['message']}\n{numbers}", pytrace=False)
