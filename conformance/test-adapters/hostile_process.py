#!/usr/bin/python3
"""A hostile process adapter (adapters/PROCESS.md) for the runner's tests: the Python example
adapter, misbehaving in compute of chosen ops as WEBNN_PROCESS_HOSTILE=ACTION=OP,... says:

  midframe  send 7 bytes of a reply frame, then exit with status 3
  segv      die by SIGSEGV before replying
  hang      never reply
  garbage   write text that is not a frame ("hello, this is not a frame")
  oversize  a frame prefix declaring a 1 TiB body
  badjson   a well-framed reply whose header is not JSON
  closeout  close stdout and keep running
Also WEBNN_PROCESS_HOSTILE_PIDFILE=FILE: append this process's pid to FILE at start;
WEBNN_PROCESS_HOSTILE_PROTOCOL=MAJOR: announce that protocol major version in hello."""
import os
import signal
import struct
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "adapters", "process"))
import example_adapter  # noqa: E402

ACTIONS = dict(item.split("=", 1) for item in os.environ.get("WEBNN_PROCESS_HOSTILE", "").split(",") if "=" in item)


def misbehave(action):
    out = sys.stdout.buffer
    if action == "midframe":
        out.write(b"WNNP\x10\x00\x00")
        out.flush()
        os._exit(3)
    if action == "segv":
        os.kill(os.getpid(), signal.SIGSEGV)
    if action == "hang":
        while True:
            time.sleep(60)
    if action == "garbage":
        out.write(b"hello, this is not a frame\n")
    if action == "oversize":
        out.write(struct.pack("<4sIQ", b"WNNP", 2, 1 << 40) + b"{}")
    if action == "badjson":
        out.write(struct.pack("<4sIQ", b"WNNP", 8, 0) + b"not json")
    if action == "closeout":
        out.close()
        os.close(1)
        while True:
            time.sleep(60)
    out.flush()
    # the stream is now out of step; wait to be killed
    while True:
        time.sleep(60)


def main():
    pidfile = os.environ.get("WEBNN_PROCESS_HOSTILE_PIDFILE")
    if pidfile:
        with open(pidfile, "a") as f:
            f.write(f"{os.getpid()}\n")
    adapter = example_adapter.Adapter()
    ops = {}  # graph id -> op names

    def handle(h, body):
        if h["type"] == "hello" and "WEBNN_PROCESS_HOSTILE_PROTOCOL" in os.environ:
            return {"protocol": {"major": int(os.environ["WEBNN_PROCESS_HOSTILE_PROTOCOL"]), "minor": 0},
                    "name": "hostile", "version": "1"}, ()
        reply = adapter.handle(h, body)
        if h["type"] == "build":
            ops[reply[0]["graph"]] = {op["op"] for op in h["graph"]["operations"]}
        if h["type"] == "compute":
            for action, op in ACTIONS.items():
                if op in ops.get(h["graph"], ()):
                    misbehave(action)
        return reply

    example_adapter.serve(handle)


if __name__ == "__main__":
    main()
