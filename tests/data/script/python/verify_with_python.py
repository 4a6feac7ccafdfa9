#!/usr/bin/python3
"""Cross-checks the golden expectations against Python itself.

Imports every input.py that Python can run (with Debian's alembic / sqlalchemy on the path) and
compares what Alembic would read (revision, down_revision, branch_labels, depends_on, doc,
longdoc) with expected.json. Cases that Python cannot import must expect no revision or report
a problem. Run with /usr/bin/python3 from anywhere; exit status 1 on a mismatch.
"""
import ast
import importlib.util
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent


def as_list(value):
    # alembic.util.to_tuple semantics
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


def main():
    failures = 0
    for case in sorted(p for p in ROOT.iterdir() if p.is_dir()):
        expected = json.loads((case / "expected.json").read_text())
        spec = importlib.util.spec_from_file_location("case_" + case.name, case / "input.py")
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
        except Exception as exc:  # noqa: BLE001 - any failure means Alembic cannot load it
            ok = expected["revision"] is None or expected["problems"]
            print(("ok  " if ok else "FAIL") + f" {case.name}: Python fails ({type(exc).__name__})")
            failures += not ok
            continue
        rev = expected["revision"]
        if not hasattr(module, "revision") or not hasattr(module, "down_revision"):
            ok = rev is None
            print(("ok  " if ok else "FAIL") + f" {case.name}: Alembic cannot load it")
            failures += not ok
            continue
        if rev is None:
            ok = bool(expected["problems"])
            print(("ok  " if ok else "FAIL") + f" {case.name}: loads in Python, rejected with "
                  "a problem")
            failures += not ok
            continue
        doc = (module.__doc__ or "").strip()
        actual = {
            "id": module.revision,
            "downRevisions": as_list(module.down_revision),
            "branchLabels": as_list(getattr(module, "branch_labels", None)),
            "dependsOn": as_list(getattr(module, "depends_on", None)),
            "message": re.split("\n\n", doc)[0],
            "longDoc": doc,
        }
        # Function ranges: Python's def line, and at least through its last statement.
        tree = ast.parse((case / "input.py").read_bytes())
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name in ("upgrade", "downgrade"):
                first, last = rev[node.name + "Lines"]
                if first != node.lineno or last < node.end_lineno:
                    actual[node.name + "Lines"] = [node.lineno, node.end_lineno]
        diffs = [k for k, v in actual.items() if rev.get(k) != v]
        # Values reported as unreadable are expected to differ from Python's.
        unreadable = {p["message"].split(" ")[0] for p in expected["problems"]
                      if p["kind"] == "UnreadableValue"}
        names = {"branchLabels": "branch_labels", "dependsOn": "depends_on"}
        diffs = [k for k in diffs if names.get(k) not in unreadable]
        if diffs:
            failures += 1
            print(f"FAIL {case.name}: " + ", ".join(
                f"{k}: expected {rev.get(k)!r}, Python {actual[k]!r}" for k in diffs))
        else:
            print(f"ok   {case.name}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
