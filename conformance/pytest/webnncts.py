"""ctypes binding of build/libwebnncts.so: the runner's own loading, isolation and comparison
code, so pytest judges every vector exactly as run-conformance does."""
import ctypes
import json
import os


class Suite:
    def __init__(self, lib_path, adapter, device, vectors):
        self.lib = ctypes.CDLL(os.path.abspath(lib_path))
        lib = self.lib
        lib.wncts_open.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p]
        lib.wncts_error.restype = ctypes.c_char_p
        lib.wncts_count.restype = ctypes.c_uint
        lib.wncts_name.argtypes = [ctypes.c_uint]
        lib.wncts_name.restype = ctypes.c_char_p
        lib.wncts_corpus_hash.restype = ctypes.c_char_p
        lib.wncts_run.argtypes = [ctypes.c_uint, ctypes.c_double]
        lib.wncts_run.restype = ctypes.c_void_p
        lib.wncts_free.argtypes = [ctypes.c_void_p]
        lib.wncts_run_batch.argtypes = [ctypes.POINTER(ctypes.c_uint), ctypes.c_uint, ctypes.c_double]
        lib.wncts_run_batch.restype = ctypes.c_void_p
        lib.wncts_set_expectations.argtypes = [ctypes.c_char_p]
        lib.wncts_expected.argtypes = [ctypes.c_char_p]
        lib.wncts_expected.restype = ctypes.c_char_p
        self.cache = {}
        paths = "\n".join(vectors).encode()
        if lib.wncts_open((adapter or "").encode(), (device or "").encode(), paths) != 0:
            raise RuntimeError(lib.wncts_error().decode(errors="replace"))
        self.names = [lib.wncts_name(i).decode(errors="replace") for i in range(lib.wncts_count())]
        self.index = {n: i for i, n in enumerate(self.names)}
        self.corpus_hash = lib.wncts_corpus_hash().decode()

    def set_expectations(self, path):
        """Judge results against an expectations file (runner/expectations.h), as
        run-conformance --expectations does."""
        if self.lib.wncts_set_expectations((path or "").encode()) != 0:
            raise RuntimeError(self.lib.wncts_error().decode(errors="replace"))

    def expected(self, result):
        """The set of statuses expected for a result dict."""
        s = self.lib.wncts_expected(json.dumps(result).encode())
        if s is None:
            raise RuntimeError("unreadable result for " + result.get("test", "?"))
        return set(s.decode().split(","))

    def run_batch(self, names, timeout=30.0):
        """Results of many cases, run one after the other in one forked worker."""
        idx = (ctypes.c_uint * len(names))(*[self.index[n] for n in names])
        ptr = self.lib.wncts_run_batch(idx, len(names), timeout)
        if not ptr:
            raise RuntimeError("batch run failed")
        try:
            lines = ctypes.string_at(ptr).decode(errors="replace").splitlines()
        finally:
            self.lib.wncts_free(ptr)
        for n, line in zip(names, lines):
            self.cache[n] = json.loads(line)

    def cached(self, name, batch, timeout=30.0):
        """The result of name, running it and the next cases of this process's batch if needed."""
        if name not in self.cache:
            self.run_batch(batch, timeout)
        return self.cache.pop(name)

    def run(self, name, timeout=30.0):
        """The result of one case (run in a forked worker) as a dict."""
        ptr = self.lib.wncts_run(self.index[name], timeout)
        if not ptr:
            raise RuntimeError("no result for " + name)
        try:
            return json.loads(ctypes.string_at(ptr).decode(errors="replace"))
        finally:
            self.lib.wncts_free(ptr)
