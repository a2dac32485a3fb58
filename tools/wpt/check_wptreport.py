#!/usr/bin/python3
"""Checks a wptreport of imported WPT cases: every test id is a WPT URL with a device variant,
subtests are named and carry WPT's subtest statuses, and no subtest is unexpected.

usage: check_wptreport.py WPTREPORT.json
"""
import json
import re
import sys

ID = re.compile(r"^/webnn/conformance_tests/[^/]+\.https\.any\.html\?(cpu|gpu|npu)$")
STATUSES = {"PASS", "FAIL", "TIMEOUT", "NOTRUN", "PRECONDITION_FAILED"}


def main(path):
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    bad, subtests = [], 0
    for t in report["results"]:
        if not ID.match(t["test"]):
            bad.append(f"test id {t['test']!r} is not a WPT webnn conformance URL")
            continue
        names = set()
        for s in t["subtests"]:
            subtests += 1
            if not s.get("name") or s["name"] in names:
                bad.append(f"{t['test']}: subtest name {s.get('name')!r} missing or repeated")
            names.add(s.get("name"))
            if s["status"] not in STATUSES:
                bad.append(f"{t['test']}: {s['name']}: status {s['status']} is not a WPT subtest status")
            if "expected" in s:
                bad.append(f"{t['test']}: {s['name']}: unexpected {s['status']} (expected {s['expected']})")
    for b in bad[:20]:
        print(f"{path}: {b}")
    if bad:
        sys.exit(1)
    print(f"  {path}: {len(report['results'])} WPT tests, {subtests} subtests, all with WPT ids, none unexpected")


if __name__ == "__main__":
    main(sys.argv[1])
