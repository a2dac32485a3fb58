"""Reading wptreport files into one model: a Run holding its Cases by id.

Two kinds of file are read:
- ours (run-conformance --report json): one result per case, our status and numbers in
  "extra" (webnn_status, op, data_type, outputs[] with the ULP histogram);
- WPT's (a browser's wptreport from wptrunner or wpt.fyi, or our run over WPT-imported
  vectors with WPT's ids): results named like "/webnn/conformance_tests/add.https.any.html?cpu"
  with subtests; each subtest is one case, its id "TEST :: SUBTEST".
For WPT ids the op comes from the file name and the data type from the subtest name, never from
"extra", so that a browser's report and ours put the same case in the same row."""
import json
import math
import re
import time

STATUSES = ("PASS", "FAIL", "NOTSUPPORTED", "ERROR", "CRASH", "TIMEOUT", "NOTRUN")
BAD = frozenset(("FAIL", "ERROR", "CRASH", "TIMEOUT"))
# wptreport statuses that are not ours (PASS, FAIL, ERROR, CRASH, TIMEOUT are the same)
WPT_STATUS = {"PRECONDITION_FAILED": "NOTSUPPORTED", "INTERNAL-ERROR": "ERROR", "NOTRUN": "NOTRUN",
              "SKIP": "NOTRUN", "OK": "PASS"}
DTYPES = ("float32", "float16", "int32", "uint32", "int64", "uint64", "int8", "uint8", "int4", "uint4")
DTYPE_WORD = re.compile(r"\b(" + "|".join(DTYPES) + r")\b")
SUBTEST_SEP = " :: "
N_BUCKETS = 36  # WN_ULP_BUCKETS in reference/include/webnn/compare.h


class ReportError(Exception):
    """A file that cannot be used at all (the message names it)."""


class Output:
    __slots__ = ("name", "max_ulp", "max_abs", "n_bad", "n", "metric", "tol", "floor", "hist")

    def __init__(self, o):
        self.name = str(o.get("name", ""))
        self.max_ulp = number(o.get("max_ulp"))
        self.max_abs = number(o.get("max_abs"))
        self.n_bad = int(number(o.get("n_bad")) or 0)
        self.n = int(number(o.get("n_elements")) or 0)
        t = o.get("tolerance") if isinstance(o.get("tolerance"), dict) else {}
        self.metric = str(t.get("metric", ""))
        self.tol = number(t.get("value"))
        self.floor = number(t.get("absoluteFloor"))
        h = o.get("ulp_hist")
        self.hist = [int(c) for c in h[:N_BUCKETS] if isinstance(c, (int, float))] if isinstance(h, list) else None

    def tol_text(self):
        if not self.metric:
            return ""
        text = self.metric if self.metric == "exact" else f"{self.metric} {fmt(self.tol)}"
        return text + (f" or abs {fmt(self.floor)}" if self.floor else "")


class Case:
    __slots__ = ("id", "family", "op", "dtype", "status", "message", "outputs", "gap", "index")

    def worst_ulp(self):
        vals = [o.max_ulp for o in self.outputs if o.max_ulp is not None]
        return max(vals) if vals else None


class Run:
    def __init__(self, path):
        self.path = path
        self.cases = {}       # id -> Case, in report order
        self.warnings = []
        self.info = {}
        self.label = self.adapter = self.device = self.date = self.corpus_hash = ""
        self.time_start = None


def number(v):
    """A wptreport number: JSON numbers, or the strings our reports use for non-finite values."""
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, (int, float)):
        return v
    if isinstance(v, str):
        return {"Infinity": math.inf, "-Infinity": -math.inf, "NaN": math.nan}.get(v)
    return None


def fmt(v):
    if v is None:
        return ""
    if isinstance(v, float) and math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    return f"{v:.4g}" if isinstance(v, float) else str(v)


def camel(stem):
    parts = stem.split("_")
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])


def wpt_op(test):
    """'/webnn/conformance_tests/batch_normalization.https.any.html?gpu' -> 'batchNormalization'."""
    return camel(test.split("?", 1)[0].rsplit("/", 1)[-1].split(".", 1)[0])


def wpt_variant(test):
    return test.split("?", 1)[1] if "?" in test else ""


def status_of(s):
    s = str(s)
    return s if s in STATUSES else WPT_STATUS.get(s, "ERROR")


def read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except OSError as e:
        raise ReportError(f"{path}: cannot read: {e.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise ReportError(f"{path}: not JSON: {e}") from None


def load(path):
    doc = read_json(path)
    if not isinstance(doc, dict) or not isinstance(doc.get("results"), list):
        raise ReportError(f"{path}: not a wptreport (no \"results\" list)")
    return from_doc(doc, path)


def from_doc(doc, path):
    run = Run(path)
    info = doc.get("run_info") if isinstance(doc.get("run_info"), dict) else {}
    run.info = info
    run.corpus_hash = str(info.get("corpus_hash", ""))
    ts = doc.get("time_start")
    run.time_start = ts / 1000.0 if isinstance(ts, (int, float)) and not isinstance(ts, bool) else None
    run.date = time.strftime("%Y-%m-%d %H:%M", time.gmtime(run.time_start)) if run.time_start else ""
    variants = set()
    for i, r in enumerate(doc["results"]):
        where = f"{path}: results[{i}]"
        if not isinstance(r, dict) or not isinstance(r.get("test"), str):
            run.warnings.append(f"{where}: no test name, skipped")
            continue
        if r["test"].startswith("/"):
            variants.add(wpt_variant(r["test"]))
            add_wpt(run, r, where)
        else:
            add_ours(run, r, where)
    product = str(info.get("product", "")) or "?"
    if product == "webnn-cts":
        run.adapter = str(info.get("adapter", "")) or "?"
        run.device = str(info.get("device", ""))
    else:  # a browser: its name and version, the device variants its tests ran
        run.adapter = " ".join(x for x in (product, str(info.get("browser_version", ""))) if x)
        run.device = ",".join(sorted(v for v in variants if v)) or str(info.get("os", ""))
    run.label = " ".join(x for x in (run.adapter, run.device, run.date) if x)
    return run


def put(run, c, where):
    if c.id in run.cases:
        run.warnings.append(f"{where}: case \"{c.id}\" appears twice; the later result is used")
    run.cases[c.id] = c


def add_ours(run, r, where):
    x = r.get("extra") if isinstance(r.get("extra"), dict) else {}
    c = Case()
    c.id = r["test"]
    c.op = str(x.get("op", "")) or "?"
    c.family = str(x.get("family", "")) or "?"
    c.dtype = str(x.get("data_type", "")) or "other"
    c.status = status_of(x.get("webnn_status") or r.get("status"))
    c.message = r.get("message") if isinstance(r.get("message"), str) else ""
    outs = x.get("outputs") if isinstance(x.get("outputs"), list) else []
    c.outputs = [Output(o) for o in outs if isinstance(o, dict)]
    c.gap = bool(x.get("conformance_gap"))
    c.index = x.get("corpus_index") if isinstance(x.get("corpus_index"), int) else None
    put(run, c, where)


def wpt_case(test, name, status, message, extra):
    c = Case()
    c.id = test + SUBTEST_SEP + name if name is not None else test
    c.op = wpt_op(test)
    c.family = "wpt"
    m = DTYPE_WORD.search(name or "")
    c.dtype = m.group(1) if m else "other"
    c.status = status_of(status)
    c.message = message if isinstance(message, str) else ""
    outs = extra.get("outputs") if isinstance(extra, dict) and isinstance(extra.get("outputs"), list) else []
    c.outputs = [Output(o) for o in outs if isinstance(o, dict)]
    c.gap = bool(isinstance(extra, dict) and extra.get("conformance_gap"))
    c.index = None
    return c


def add_wpt(run, r, where):
    subs = r.get("subtests") if isinstance(r.get("subtests"), list) else []
    if not subs:  # the whole file is one result (a harness error, a crash, a timeout)
        put(run, wpt_case(r["test"], None, r.get("status"), r.get("message"), r.get("extra")), where)
        return
    for k, s in enumerate(subs):
        if not isinstance(s, dict) or not isinstance(s.get("name"), str):
            run.warnings.append(f"{where}.subtests[{k}]: no subtest name, skipped")
            continue
        put(run, wpt_case(r["test"], s["name"], s.get("status"), s.get("message"), s.get("extra")), f"{where}.subtests[{k}]")
