"""Checks a webnn-bench results.json for shape, never for timings (make bench-smoke)."""
import json
import sys


def main(path):
    with open(path) as f:
        d = json.load(f)
    errors = []
    for key in ("system", "method", "adapters", "rows"):
        if key not in d:
            errors.append(f"missing {key}")
    sysinfo = d.get("system", {})
    for key in ("openblas_config", "openblas_num_threads", "openblas_corename", "env", "cpu_model", "nproc"):
        if key not in sysinfo:
            errors.append(f"system.{key} missing")
    sections = {row.get("section") for row in d.get("rows", [])}
    for s in ("matmul", "conv2d", "depthwise", "elementwise"):
        if s not in sections:
            errors.append(f"no {s} rows")
    names = [a["name"] for a in d.get("adapters", [])]
    if "reference" not in names:
        errors.append("no reference adapter column")
    measured = 0
    for row in d.get("rows", []):
        for name, cell in row.get("adapters", {}).items():
            if name not in names:
                errors.append(f"{row['name']}: unknown adapter {name}")
            if cell.get("state") == "ok":
                measured += 1
                if not cell.get("median_ms", -1) >= 0 or cell.get("repeats", 0) < 1:
                    errors.append(f"{row['name']}/{name}: ok without a median")
    if measured == 0:
        errors.append("no adapter cell was measured")
    if errors:
        sys.exit(f"{path}: " + "; ".join(errors))
    print(f"{path}: {len(d['rows'])} rows, {measured} adapter cells measured (timings not checked)")


if __name__ == "__main__":
    main(sys.argv[1])
