"""The process adapter (--adapter process:COMMAND, adapters/PROCESS.md): the Python example
passes what the in-process example passes, and a hostile child (conformance/test-adapters/
hostile_process.py) costs only the cases it breaks: death is CRASH, silence TIMEOUT, garbage
ERROR naming the bytes; the runner restarts the child and goes on. Same small corpus as
test_run_conformance.py."""
import os
import time

import pytest

from test_run_conformance import ALL, corpus, expect_by_kind, listed, report, statuses  # noqa: F401

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = f"process:/usr/bin/python3 {ROOT}/adapters/process/example_adapter.py"
# under `make asan` pytest runs with libasan in LD_PRELOAD; the child (not the code under test)
# would inherit it, and ASan's SIGSEGV handler would turn the child's signal death into exit 1
HOSTILE = f"process:env -u LD_PRELOAD /usr/bin/python3 {ROOT}/conformance/test-adapters/hostile_process.py"


def run(build, corpus, tmp_path, adapter, *args, env=None, timeout=30):
    # a generous timeout: the first case of a worker starts Python, slow on a loaded machine
    p, rep = report(build, corpus, tmp_path, "--adapter", adapter, "--jobs", "2", "--timeout", str(timeout), *args, env=env)
    st = statuses(rep)
    assert sorted(st) == sorted(listed(build, corpus)) and len(rep["results"]) == ALL  # none lost, none twice
    return p, rep, st


def messages(rep, status):
    return [r["message"] for r in rep["results"] if r["extra"]["webnn_status"] == status and r["test"] != "broken.json"]


def test_example_process_adapter_passes_add_and_relu(build, corpus, tmp_path):
    p, rep, st = run(build, corpus, tmp_path, EXAMPLE)
    expect_by_kind(st, "PASS", "PASS")
    assert rep["run_info"]["adapter_path"].startswith("process:")


def test_device_tensors_through_the_protocol_give_the_same_results(build, corpus, tmp_path):
    p, rep, st = run(build, corpus, tmp_path, EXAMPLE, "--device-tensors")
    expect_by_kind(st, "PASS", "PASS")


@pytest.mark.parametrize("action,status,words", [
    ("midframe", "CRASH", "exited with status 3 in the middle of a frame (7 of the 16 prefix bytes sent)"),
    ("segv", "CRASH", "was killed by SIGSEGV before replying"),
    ("closeout", "CRASH", "closed its stdout"),
    ("hang", "TIMEOUT", "no result within 5 s"),
    ("garbage", "ERROR", '68 65 6c 6c 6f 2c 20 74 68 69 73 20 69 73 20 6e ("hello, this is n")'),
    ("oversize", "ERROR", "oversized frame: a body of 1099511627776 bytes"),
    ("badjson", "ERROR", 'header starts 6e 6f 74 20 6a 73 6f 6e ("not json")'),
])
def test_hostile_child_costs_only_the_cases_it_breaks(build, corpus, tmp_path, action, status, words):
    pidfile = tmp_path / "pids"
    p, rep, st = run(build, corpus, tmp_path, HOSTILE, timeout=5 if action == "hang" else 30,
                     env={"WEBNN_PROCESS_HOSTILE": f"{action}=relu", "WEBNN_PROCESS_HOSTILE_PIDFILE": str(pidfile)})
    assert p.returncode == 1
    expect_by_kind(st, "PASS", status)  # add cases after a relu one ran in a restarted child
    for m in messages(rep, status):
        assert words in m, m
    # every child is gone after the run: killed, or taken along by its killed worker
    pids = [int(x) for x in pidfile.read_text().split()]
    assert len(pids) > 2  # restarted
    deadline = time.time() + 5
    while time.time() < deadline and any(os.path.exists(f"/proc/{pid}") for pid in pids):
        time.sleep(0.05)
    assert not [pid for pid in pids if os.path.exists(f"/proc/{pid}")]


def test_incompatible_protocol_major_is_refused(build, corpus, tmp_path):
    p, rep, st = run(build, corpus, tmp_path, HOSTILE, env={"WEBNN_PROCESS_HOSTILE_PROTOCOL": "2"})
    for m in messages(rep, "ERROR"):
        assert "speaks protocol 2.0, incompatible with this runner's 1.0" in m, m


def test_a_command_that_cannot_start_is_an_error_per_case(build, corpus, tmp_path):
    p, rep, st = run(build, corpus, tmp_path, "process:/nonexistent/adapter --flag")
    assert set(st.values()) <= {"ERROR", "PASS"}  # validation cases pass on the runner's builder
    assert any("exited with status 127 before replying (hello)" in m for m in messages(rep, "ERROR"))
