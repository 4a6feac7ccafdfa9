#!/usr/bin/python3
"""Checks gen_history.py: same seed, same bytes; and the real Alembic reads what it writes and
finds exactly the heads the generator reports. Exit status 0 on success, 1 with a reason."""

import argparse
import filecmp
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_history  # noqa: E402


def generate(out, *extra):
    argv = ["--out", out] + list(extra)
    return gen_history.generate(gen_history.parse_args(argv))


def tree(directory):
    files = []
    for root, dirs, names in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        files += [os.path.relpath(os.path.join(root, n), directory) for n in sorted(names)]
    return files


def same_tree(a, b):
    fa, fb = tree(a), tree(b)
    if fa != fb:
        return "file lists differ: %s" % sorted(set(fa) ^ set(fb))[:5]
    _, mismatch, errors = filecmp.cmpfiles(a, b, fa, shallow=False)
    if mismatch or errors:
        return "contents differ: %s" % (mismatch + errors)[:5]
    return None


def alembic_heads(alembic, directory):
    proc = subprocess.run([alembic, "-c", os.path.join(directory, "alembic.ini"), "heads"],
                          cwd=directory, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        raise RuntimeError("alembic heads failed in %s (exit %d):\n%s"
                           % (directory, proc.returncode, proc.stderr.decode("utf-8", "replace")))
    # Each line: "<rev> [(labels)] (head)".
    return sorted(line.split()[0] for line in proc.stdout.decode().splitlines() if line.strip())


def main(argv):
    p = argparse.ArgumentParser()
    p.add_argument("--alembic", default="/usr/bin/alembic")
    p.add_argument("--work", required=True)
    args = p.parse_args(argv)
    shutil.rmtree(args.work, ignore_errors=True)
    failures = []

    # 1. Determinism, in both formats and with every feature on.
    for fmt in ("python", "sql"):
        opts = ["--count", "120", "--seed", "11", "--branchiness", "0.3", "--labels", "--depends",
                "--format", fmt]
        a, b = os.path.join(args.work, fmt + "_a"), os.path.join(args.work, fmt + "_b")
        generate(a, *opts)
        generate(b, *opts)
        diff = same_tree(a, b)
        if diff:
            failures.append("%s: same seed gave different output: %s" % (fmt, diff))
        other = os.path.join(args.work, fmt + "_other")
        generate(other, *(opts[:3] + ["12"] + opts[4:]))
        if same_tree(a, other) is None:
            failures.append("%s: a different seed gave the same output" % fmt)

    # 2. The real Alembic agrees on the heads.
    cases = [
        ("count 30 branchiness 0.3", ["--count", "30", "--seed", "1", "--branchiness", "0.3"], None),
        ("straight line", ["--count", "40", "--seed", "2", "--branchiness", "0"], 1),
        ("labels and depends_on", ["--count", "200", "--seed", "3", "--branchiness", "0.3",
                                   "--labels", "--depends"], None),
    ]
    for name, opts, expected_count in cases:
        directory = os.path.join(args.work, "alembic_" + name.replace(" ", "_"))
        manifest = generate(directory, *opts)
        with open(os.path.join(directory, gen_history.MANIFEST), encoding="utf-8") as f:
            if json.load(f) != manifest:
                failures.append("%s: manifest on disk differs from the generator's" % name)
        try:
            heads = alembic_heads(args.alembic, directory)
        except (OSError, RuntimeError) as e:
            failures.append("%s: %s" % (name, e))
            continue
        if heads != sorted(manifest["heads"]):
            failures.append("%s: alembic heads %s, generator says %s"
                            % (name, heads, manifest["heads"]))
        if expected_count is not None and len(heads) != expected_count:
            failures.append("%s: %d heads, expected %d" % (name, len(heads), expected_count))
        versions = os.listdir(os.path.join(directory, "versions"))
        if len([v for v in versions if v.endswith(".py")]) != manifest["count"]:
            failures.append("%s: wrong number of revision files" % name)
        print("%s: alembic heads = %s" % (name, " ".join(heads)))

    for f in failures:
        print("FAIL: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
