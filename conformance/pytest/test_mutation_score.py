"""conformance/mutation/score.py: equivalent mutants leave the score, nothing else does; a stale
or wrong equivalent entry is an error; the threshold sets the exit status."""
import json
import os
import subprocess

from conftest import ROOT

SCORE = os.path.join(ROOT, "conformance", "mutation", "score.py")


def mutant(i, outcome, line=2, col=11, orig="<", repl="<="):
    return {"id": i, "file": "src/a.c", "line": line, "column": col, "operator": "relational",
            "original": orig, "replacement": repl, "outcome": outcome}


def run(tmp_path, mutants, equivalent="", minimum="0.95"):
    (tmp_path / "src").mkdir(exist_ok=True)
    (tmp_path / "src" / "a.c").write_text("int f(int a)\n{   if (a < 3) return 1;\n    return a == 4;\n}\n")
    res = tmp_path / "target.json"
    res.write_text(json.dumps({"config": {"seed": 1}, "summary": {}, "mutants": mutants}))
    eq = tmp_path / "equivalent.txt"
    eq.write_text(equivalent)
    return subprocess.run(["/usr/bin/python3", SCORE, "--equivalent", str(eq), "--src", str(tmp_path),
                           "--min", minimum, str(res)], capture_output=True, text=True)


def test_score_counts_killed_over_judged(tmp_path):
    p = run(tmp_path, [mutant(i, "KILLED") for i in range(19)] + [mutant(19, "SURVIVED", line=3, col=14, orig="==",
                                                                          repl="!="), mutant(20, "STILLBORN")])
    assert p.returncode == 0, p.stdout + p.stderr
    assert "19 killed, 1 survived, 0 equivalent and 0 implementation-defined (excluded), 1 stillborn; score 0.950 (strict 0.950) (met 0.95)" in p.stdout
    assert "src/a.c:3:14 [relational] '==' -> '!='" in p.stdout


def test_equivalent_entries_leave_the_score(tmp_path):
    ms = [mutant(0, "KILLED", line=3, col=14, orig="==", repl="!="), mutant(1, "SURVIVED")]
    assert run(tmp_path, ms).returncode == 1  # 1 of 2: below 0.95
    p = run(tmp_path, ms, "src/a.c:2:11 '<' -> '<=' | a == 3 gives the same result either way\n")
    assert p.returncode == 0, p.stdout + p.stderr
    assert "1 killed, 0 survived, 1 equivalent and 0 implementation-defined (excluded)" in p.stdout


def test_a_stale_or_killed_entry_is_an_error(tmp_path):
    stale = run(tmp_path, [mutant(0, "SURVIVED")], "src/a.c:2:12 '<' -> '<=' | moved\n")
    assert stale.returncode == 2 and "no longer holds '<'" in stale.stdout
    killed = run(tmp_path, [mutant(0, "KILLED")], "src/a.c:2:11 '<' -> '<=' | wrong\n")
    assert killed.returncode == 2 and "the corpus kills it" in killed.stderr
    bad = run(tmp_path, [mutant(0, "KILLED")], "src/a.c:2:11 < -> <=\n")
    assert bad.returncode == 2 and "equivalent.txt:1" in bad.stderr


def test_implementation_defined_entries_leave_the_score_but_not_the_strict_one(tmp_path):
    ms = [mutant(0, "KILLED", line=3, col=14, orig="==", repl="!="), mutant(1, "SURVIVED")]
    (tmp_path / "impl.txt").write_text("src/a.c:2:11 '<' -> '<=' | a == 3: the spec leaves the answer open\n")
    (tmp_path / "src").mkdir(exist_ok=True)
    p = run(tmp_path, ms)  # writes src/a.c and the results file
    res = tmp_path / "target.json"
    p = subprocess.run(["/usr/bin/python3", SCORE, "--equivalent", str(tmp_path / "equivalent.txt"), "--impl-defined",
                        str(tmp_path / "impl.txt"), "--src", str(tmp_path), str(res)], capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "1 killed, 0 survived, 0 equivalent and 1 implementation-defined (excluded)" in p.stdout
    assert "score 1.000 (strict 0.500)" in p.stdout
