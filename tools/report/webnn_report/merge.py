"""Merging the reports of `run-conformance --chunk I/N` runs into the report of one full run.

Each chunk report names its chunk (run_info.chunk: index, count, cases_in_all_chunks) and each
case its corpus position (extra.corpus_index). The merge requires one corpus (same hash), one
adapter and device, every chunk 1..N exactly once, no case twice and every case present; it
puts the cases back in corpus order and keeps everything else as the runs wrote it. The run
times become the earliest start and the latest end."""
from .load import ReportError, read_json

SAME = ("product", "corpus_hash", "adapter", "adapter_version", "device", "abi_version", "vector_files")


def read(path):
    doc = read_json(path)
    info = doc.get("run_info") if isinstance(doc, dict) else None
    if not isinstance(info, dict) or not isinstance(doc.get("results"), list):
        raise ReportError(f"{path}: not a wptreport (no run_info and results)")
    ch = info.get("chunk")
    if not isinstance(ch, dict) or not all(isinstance(ch.get(k), int) for k in ("index", "count", "cases_in_all_chunks")):
        raise ReportError(f"{path}: not a chunk report (run_info.chunk is missing: run with --chunk I/N)")
    return doc


def position(r):
    """A result's place in the corpus: its corpus_index, or its first subtest's."""
    x = r.get("extra") if isinstance(r.get("extra"), dict) else {}
    if isinstance(x.get("corpus_index"), int):
        return x["corpus_index"]
    subs = [position(s) for s in r.get("subtests") or () if isinstance(s, dict)]
    return min(subs, default=1 << 62)


def join_subtests(first, again, where):
    """A test in two chunks is an error, unless it is a WPT test whose subtests (the cases) the
    chunks split: then its subtests are joined (none may come twice)."""
    a, b = first.get("subtests"), again.get("subtests")
    if not (isinstance(a, list) and a and isinstance(b, list) and b):
        raise ReportError(f"{where}: {first['test']!r} is in two chunks")
    names = {s.get("name") for s in a}
    twice = [s.get("name") for s in b if s.get("name") in names]
    if twice:
        raise ReportError(f"{where}: {first['test']!r} subtest {twice[0]!r} is in two chunks")
    a.extend(b)
    if again.get("status") not in (None, "OK") and first.get("status") in (None, "OK"):
        first["status"], first["message"] = again.get("status"), again.get("message")  # a harness error wins


def merge(paths):
    if not paths:
        raise ReportError("merge needs the chunk reports")
    docs = [(p, read(p)) for p in paths]
    p0, d0 = docs[0]
    i0, c0 = d0["run_info"], d0["run_info"]["chunk"]
    by_index = {}
    for p, d in docs:
        info, ch = d["run_info"], d["run_info"]["chunk"]
        for k in SAME:
            if info.get(k) != i0.get(k):
                raise ReportError(f"{p}: run_info.{k} is {info.get(k)!r}, but {p0} has {i0.get(k)!r}: "
                                  "not chunks of one run")
        if (ch["count"], ch["cases_in_all_chunks"]) != (c0["count"], c0["cases_in_all_chunks"]):
            raise ReportError(f"{p}: chunk {ch['index']}/{ch['count']} of {ch['cases_in_all_chunks']} cases, but {p0} "
                              f"is of {c0['count']} chunks and {c0['cases_in_all_chunks']} cases")
        if ch["index"] in by_index:
            raise ReportError(f"chunk {ch['index']}/{ch['count']} is given twice: {by_index[ch['index']]} and {p}")
        by_index[ch["index"]] = p
    missing = [str(i) for i in range(1, c0["count"] + 1) if i not in by_index]
    if missing:
        raise ReportError(f"chunk{'s' if len(missing) > 1 else ''} {', '.join(missing)} of {c0['count']} missing "
                          f"(given: {', '.join(str(i) for i in sorted(by_index))})")
    results, seen, joined = [], {}, set()
    for p, d in docs:
        for k, r in enumerate(d["results"]):
            test = r.get("test") if isinstance(r, dict) else None
            if not isinstance(test, str):
                raise ReportError(f"{p}: results[{k}]: no test name")
            if test in seen:
                join_subtests(seen[test], r, f"{p}: results[{k}]")
                joined.add(test)
                continue
            seen[test] = r
            results.append(r)
    for test in joined:  # a WPT test split over chunks: its subtests back in corpus order
        seen[test]["subtests"].sort(key=position)
    n_cases = sum(len(r.get("subtests") or ()) or 1 for r in results)
    if n_cases != c0["cases_in_all_chunks"]:
        raise ReportError(f"the chunks hold {n_cases} cases, the run selected {c0['cases_in_all_chunks']}: "
                          "a chunk report is incomplete")

    results.sort(key=position)  # stable: reports without corpus_index keep chunk order
    info = {k: v for k, v in i0.items() if k != "chunk"}
    out = {"run_info": info}
    starts = [d["time_start"] for _, d in docs if isinstance(d.get("time_start"), (int, float))]
    ends = [d["time_end"] for _, d in docs if isinstance(d.get("time_end"), (int, float))]
    if starts:
        out["time_start"] = min(starts)
    if ends:
        out["time_end"] = max(ends)
    out["results"] = results
    return out
