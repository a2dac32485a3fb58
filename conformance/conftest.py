"""Command-line options of the conformance pytest driver (conformance/pytest/). They live here
so that `python3 -m pytest conformance/ --adapter PATH` knows them."""
import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def pytest_addoption(parser):
    g = parser.getgroup("webnn-cts")
    g.addoption("--adapter", default=None,
                help="adapter shared library (default: the reference adapter in BUILD/adapters)")
    g.addoption("--device", default="default", help="device kind for the adapter's context")
    g.addoption("--vectors", action="append", default=None,
                help="vector file or folder, repeatable (default: the repository's vectors/)")
    g.addoption("--build", default=os.environ.get("WEBNN_CTS_BUILD", "build"),
                help="build folder holding libwebnncts.so, run-conformance and the adapters")
    g.addoption("--case-timeout", type=float, default=30.0, help="seconds per case")
    g.addoption("--expectations", default=None,
                help="the adapter's known results (run-conformance's format): expected FAIL/ERROR/... "
                     "become xfail, expected NOTSUPPORTED skips, anything else unexpected fails")


def pytest_sessionfinish(session, exitstatus):
    # no vectors yet is not a failure of the suite
    if exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
        session.exitstatus = pytest.ExitCode.OK
