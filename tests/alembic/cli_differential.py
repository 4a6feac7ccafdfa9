#!/usr/bin/python3
"""Differential test of the read-only CLI: `retort VERB` against Debian's `alembic VERB`.

Generates seeded histories in Alembic's file shape (tests/bench/gen_history.py), runs Alembic's
own command functions in this process and `retort` as a child process on the same directory, and
compares what a person sees: stdout for heads, branches, history and show (plain and -v), or the
"FAILED: ..." message of an error.

Alembic prints sets (propagated branch labels, a branch point's children) in Python's hash order,
which is arbitrary; those comma lists and child lines are compared as sets.

Usage: cli_differential.py --retort PATH [--cases N] [--seed S]
Exit status 0 when everything matches; prints each mismatch with its seed and command.
"""

import argparse
import io
import os
import random
import re
import subprocess
import sys
import tempfile

from alembic import command, util
from alembic.config import Config

# Alembic 1.8.1 loads revision files in os.listdir() order, which depends on the file system;
# Alembic 1.10 and later sort them, and Retort does the same so every run gives the same heads
# and history. Give the oracle the sorted order of current Alembic.
from alembic.script.base import Script

_list_py_dir_unsorted = Script._list_py_dir.__func__
Script._list_py_dir = classmethod(lambda cls, scriptdir, path: sorted(
    _list_py_dir_unsorted(cls, scriptdir, path)))

# Alembic keeps a revision's normalized dependencies in a set, so which one a walk follows first
# depends on string hashing; pin them to the order the revision lists them, which is Retort's.
from alembic.script.revision import RevisionMap

_normalize_unpinned = RevisionMap._normalize_depends_on


def _normalize_pinned(self, revisions, map_):
    _normalize_unpinned(self, revisions, map_)
    for rev in revisions:
        if len(rev._normalized_resolved_dependencies) > 1:
            keep = set(rev._normalized_resolved_dependencies)
            rev._normalized_resolved_dependencies = tuple(
                d for d in rev._resolved_dependencies if d in keep)


RevisionMap._normalize_depends_on = _normalize_pinned

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.path.join(HERE, "..", "bench", "gen_history.py")


def normalize(text):
    """Make Alembic's set-ordered parts comparable."""
    def sort_group(match):
        items = match.group(1).split(", ")
        return "(" + ", ".join(sorted(items)) + ")"

    out = []
    for line in text.split("\n"):
        line = re.sub(r"\(([^()]*, [^()]*)\)", sort_group, line)
        for prefix in ("Branches into: ", "Branch names: "):
            if line.startswith(prefix):
                line = prefix + ", ".join(sorted(line[len(prefix):].split(", ")))
        out.append(line)
    # `branches`: the children of a branch point come out of a frozenset.
    result, block = [], []
    for line in out:
        if re.match(r"^ +-> ", line):
            block.append(line)
            continue
        result.extend(sorted(block))
        block = []
        result.append(line)
    result.extend(sorted(block))
    return "\n".join(result)


def alembic_output(ini, verb, args):
    buf = io.StringIO()
    cfg = Config(ini, stdout=buf)
    try:
        if verb == "heads":
            command.heads(cfg, verbose="-v" in args,
                          resolve_dependencies="--resolve-dependencies" in args)
        elif verb == "branches":
            command.branches(cfg, verbose="-v" in args)
        elif verb == "history":
            rev_range = args[args.index("-r") + 1] if "-r" in args else None
            command.history(cfg, rev_range=rev_range, verbose="-v" in args)
        elif verb == "show":
            command.show(cfg, args[0])
        else:
            raise ValueError(verb)
    except util.CommandError as e:
        return ("error", "FAILED: %s" % e)
    return ("ok", buf.getvalue())


def retort_output(retort, directory, verb, args):
    proc = subprocess.run([retort, "-d", directory, verb] + args, capture_output=True, text=True,
                          timeout=60)
    if proc.returncode == 0:
        return ("ok", proc.stdout)
    if proc.returncode == 1:
        failed = [l for l in proc.stderr.splitlines() if l.startswith("FAILED: ")]
        return ("error", failed[0] if failed else proc.stderr.strip())
    return ("exit %d" % proc.returncode, proc.stderr)


def commands_for(directory, rng):
    versions = os.path.join(directory, "versions")
    ids = sorted(f.split("_", 1)[0] for f in os.listdir(versions) if f.endswith(".py"))
    cmds = [("heads", []), ("heads", ["-v"]), ("heads", ["--resolve-dependencies"]),
            ("branches", []), ("branches", ["-v"]), ("history", []), ("history", ["-v"]),
            ("show", ["heads"]), ("show", ["base"]), ("show", ["head"]), ("show", ["nosuchrev"])]
    if ids:
        for _ in range(4):
            a, b = rng.choice(ids), rng.choice(ids)
            cmds.append(("history", ["-r", "%s:%s" % (a, b)]))
        a = rng.choice(ids)
        cmds += [("history", ["-r", "%s:" % a]), ("history", ["-r", ":%s" % a]),
                 ("history", ["-r", "%s:heads" % a]), ("show", [a]), ("show", [a[:3]]),
                 ("show", [a[:1]]), ("show", ["%s@head" % a]), ("show", ["heads-1"]) ]
    return cmds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--retort", required=True)
    parser.add_argument("--cases", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2026)
    opts = parser.parse_args()

    rng = random.Random(opts.seed)
    compared = mismatches = 0
    with tempfile.TemporaryDirectory(prefix="retort-clidiff-") as tmp:
        for case in range(opts.cases):
            seed = rng.randrange(1 << 30)
            count = rng.choice([1, 2, 5, 12, 25, 40, 60])
            branchiness = rng.choice([0.0, 0.2, 0.4, 0.7])
            extra = []
            if rng.random() < 0.6:
                extra.append("--labels")
            if rng.random() < 0.5:
                extra.append("--depends")
            directory = os.path.join(tmp, "case%d" % case)
            gen = [sys.executable, GENERATOR, "--count", str(count), "--seed", str(seed),
                   "--branchiness", str(branchiness), "--out", directory] + extra
            subprocess.run(gen, check=True, capture_output=True)
            ini = os.path.join(directory, "alembic.ini")
            for verb, args in commands_for(directory, random.Random(seed)):
                expected = alembic_output(ini, verb, args)
                actual = retort_output(opts.retort, directory, verb, args)
                compared += 1
                same = expected[0] == actual[0] and (
                    normalize(expected[1]) == normalize(actual[1]) if expected[0] == "ok"
                    else expected[1] == actual[1])
                if not same:
                    mismatches += 1
                    if mismatches <= 20:
                        print("MISMATCH case %d (gen %s) `%s %s`" % (case, " ".join(gen[2:]), verb,
                                                                     " ".join(args)))
                        print("  alembic: %s\n%s" % (expected[0], expected[1][:2000]))
                        print("  retort:  %s\n%s" % (actual[0], actual[1][:2000]))
    print("%d commands compared on %d histories, %d mismatches" % (compared, opts.cases, mismatches))
    print("%d passed, %d failed" % (compared - mismatches, mismatches))
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
