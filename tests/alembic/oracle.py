#!/usr/bin/python3
"""Differential-test oracle: seeded random revision graphs run through Debian's real Alembic.

Usage: /usr/bin/python3 oracle.py SEED COUNT OUT.json

For each graph it records what Alembic's RevisionMap, ScriptDirectory and HeadMaintainer say:
heads, bases, flags, history order, identifier resolution (results or errors), and upgrade /
downgrade / stamp plans with the version-table statements. Run with PYTHONHASHSEED=0.

Alembic keeps a few things in Python sets, so their order depends on string hashing. Two are
pinned here to the order a revision lists them in (normalized dependencies); the rest are
marked in the output ("deterministic": false) so the comparison checks only what is stable.
"""
import json
import random
import re
import sys
import types
import warnings

from alembic.script.base import ScriptDirectory
from alembic.script.revision import Revision, RevisionMap
from alembic.runtime.migration import HeadMaintainer
from sqlalchemy import Column, MetaData, String, Table

warnings.simplefilter("ignore")


def noop(**kw):
    return None


class Rev(Revision):
    """A Revision with the few Script attributes migration steps read."""

    def __init__(self, spec):
        super().__init__(spec["id"], tuple(spec["down"]) or None,
                         dependencies=tuple(spec["deps"]) or None,
                         branch_labels=tuple(spec["labels"]) or None)
        self.module = types.SimpleNamespace(upgrade=noop, downgrade=noop)
        self.doc = spec["id"]


ALPHA = "0123456789abcdef"


def make_id(rng, used, prefixes):
    while True:
        if prefixes and rng.random() < 0.3:
            rid = rng.choice(prefixes) + "".join(rng.choice(ALPHA) for _ in range(rng.randint(1, 8)))
        else:
            rid = "".join(rng.choice(ALPHA) for _ in range(rng.choice([4, 6, 12, 12])))
        if rid not in used:
            used.add(rid)
            return rid


def generate(rng, n):
    used, prefixes = set(), ["ab", "abc", "a1b2", "ff"]
    specs, heads = [], []
    label_no = 0
    p_base = rng.choice([0.0, 0.05, 0.15])
    p_branch = rng.choice([0.05, 0.2, 0.4])
    p_merge = rng.choice([0.0, 0.1, 0.25])
    p_label = rng.choice([0.0, 0.05, 0.15])
    p_dep = rng.choice([0.0, 0.05, 0.15])
    for i in range(n):
        rid = make_id(rng, used, prefixes)
        spec = {"id": rid, "down": [], "labels": [], "deps": []}
        if i == 0 or rng.random() < p_base:
            pass
        elif len(heads) > 1 and rng.random() < p_merge:
            spec["down"] = rng.sample(heads, rng.choice([2, 2, 3]) if len(heads) > 2 else 2)
        elif rng.random() < p_branch:
            spec["down"] = [rng.choice(specs)["id"]]
        else:
            spec["down"] = [rng.choice(heads)] if heads else []
        if rng.random() < p_label or (not spec["down"] and rng.random() < 0.5 and p_label):
            label_no += 1
            spec["labels"] = ["lbl%d" % label_no] + (["alt%d" % label_no] if rng.random() < 0.2 else [])
        if specs and rng.random() < p_dep:
            target = rng.choice(specs)
            if target["labels"] and rng.random() < 0.5:
                spec["deps"] = [target["labels"][0]]
            else:
                spec["deps"] = [target["id"]]
        for d in spec["down"]:
            if d in heads:
                heads.remove(d)
        heads.append(rid)
        specs.append(spec)
    order = list(specs)
    if rng.random() < 0.7:
        rng.shuffle(order)
    return order


def break_graph(rng, specs):
    kind = rng.choice(["dup_label", "missing_parent", "self_loop", "dep_self_loop", "illegal",
                       "label_is_id", "missing_dep", "cycle", "dup_id"])
    s = rng.choice(specs)
    if kind == "dup_label" and len(specs) > 1:
        a, b = rng.sample(specs, 2)
        a["labels"] = ["dup"]
        b["labels"] = ["dup"]
    elif kind == "missing_parent":
        s["down"] = s["down"] + ["deadbeef0000"]
    elif kind == "self_loop":
        s["down"] = [s["id"]]
    elif kind == "dep_self_loop":
        s["deps"] = [s["id"]]
    elif kind == "illegal":
        s["id"] = s["id"][:2] + rng.choice("@-+") + s["id"][2:]
    elif kind == "label_is_id" and len(specs) > 1:
        a, b = rng.sample(specs, 2)
        a["labels"] = [b["id"]]
    elif kind == "missing_dep":
        s["deps"] = ["nosuchthing"]
    elif kind == "cycle" and len(specs) > 1:
        # point the first revision in load order at a descendant-free later one
        a, b = specs[0], specs[-1]
        if not a["down"]:
            a["down"] = [b["id"]]
        b["down"] = [a["id"]]
    elif kind == "dup_id" and len(specs) > 1:
        specs.append(dict(rng.choice(specs)))
    return kind


def err(e):
    # CommandError wraps the RevisionError that says what went wrong
    is_command = type(e).__name__ == "CommandError"
    cause = e.__cause__ if is_command and e.__cause__ is not None else e
    out = {"kind": type(cause).__name__, "message": str(cause)}
    if cause is not e:
        out["command"] = str(e)
    return out


def rev_out(r):
    if r is None:
        return None
    if isinstance(r, str):
        return "<base>"
    return r.revision


def capture(fn):
    try:
        return {"ok": fn()}
    except Exception as e:  # noqa: BLE001 - every failure is data for the comparison
        return {"error": err(e)}


class FakeImpl:
    def __init__(self):
        self.ops = []

    def _exec(self, stmt):
        text = str(stmt.compile(compile_kwargs={"literal_binds": True}))
        values = re.findall(r"'([^']*)'", text)
        if text.startswith("INSERT"):
            self.ops.append(["insert", None, values[0]])
        elif text.startswith("UPDATE"):
            self.ops.append(["update", values[1], values[0]])
        else:
            self.ops.append(["delete", values[0], None])
        return types.SimpleNamespace(rowcount=1)


def run_plan(sd, steps_fn, heads, purge=False):
    impl = FakeImpl()
    ctx = types.SimpleNamespace(
        impl=impl, as_sql=True, version_table="alembic_version",
        _version=Table("alembic_version", MetaData(), Column("version_num", String(32))))
    if purge:
        heads = ()
    steps = steps_fn(heads)
    hm = HeadMaintainer(ctx, heads)
    out = []
    for step in steps:
        impl.ops = []
        hm.update_to_step(step)
        is_stamp = not hasattr(step, "revision")
        out.append({"up": step.is_upgrade, "rev": None if is_stamp else step.revision.revision,
                    "from": list(step.from_revisions_no_deps), "to": list(step.to_revisions_no_deps),
                    "ops": impl.ops, "heads": sorted(hm.heads)})
    return {"steps": out, "heads": sorted(hm.heads)}


def identifiers(rng, specs, rm):
    ids = [s["id"] for s in specs]
    labels = [l for s in specs for l in s["labels"]]
    out = ["head", "heads", "base", "-1", "-2", "+1", "nosuch", "abc", "ab", "abcd", "a1b2", "ffff", "", "@head"]
    for rid in rng.sample(ids, min(6, len(ids))):
        out += [rid, rid[:4], rid[:5], rid[:2], rid + "+1", rid + "-1", "x" + rid]
    for label in rng.sample(labels, min(4, len(labels))):
        out += [label, label[:4], label + "@head", label + "@heads", label + "@base", label + "@-1",
                label + "@+1", label + "@" + rng.choice(ids), label + "@" + rng.choice(ids)[:5]]
    if ids:
        out.append(rng.choice(ids) + "@head")
        out.append("nosuch@" + rng.choice(ids))
    return out


def one_graph(rng, index):
    n = rng.randint(1, 60) if rng.random() < 0.8 else rng.randint(1, 8)
    specs = generate(rng, n)
    broken = break_graph(rng, specs) if rng.random() < 0.12 else None
    g = {"index": index, "broken": broken, "revisions": specs}
    try:
        revs = [Rev(s) for s in specs]
        rm = RevisionMap(lambda: revs)
        rm._revision_map
    except Exception as e:  # noqa: BLE001
        g["build_error"] = err(e)
        if broken == "dup_label":
            g["build_error"]["deterministic"] = False
        return g
    # pin the one hash-ordered tuple that steers walks: normalized dependencies in listed order
    for r in revs:
        if len(r._normalized_resolved_dependencies) > 1:
            r._normalized_resolved_dependencies = tuple(
                d for d in r._resolved_dependencies if d in set(r._normalized_resolved_dependencies))
    sd = ScriptDirectory.__new__(ScriptDirectory)
    sd.revision_map = rm
    ids = [s["id"] for s in specs]
    g["heads"] = list(rm.heads)
    g["realHeads"] = list(rm._real_heads)
    g["bases"] = list(rm.bases)
    g["realBases"] = list(rm._real_bases)
    g["flags"] = {r.revision: {"head": r.is_head, "realHead": r._is_real_head, "base": r.is_base,
                               "branchPoint": r.is_branch_point, "mergePoint": r.is_merge_point,
                               "labels": sorted(r.branch_labels)} for r in revs}
    g["history"] = capture(lambda: [r.revision for r in sd.walk_revisions()])
    ranges = []
    for _ in range(3):
        a, b = rng.choice(ids), rng.choice(ids)
        for lo, hi in ((a, b), ("base", a), (a, "heads"), ("-1", "heads")):
            ranges.append({"base": lo, "head": hi,
                           "result": capture(lambda lo=lo, hi=hi: [r.revision for r in sd.walk_revisions(lo, hi)])})
    g["ranges"] = ranges
    idents = []
    for ident in identifiers(rng, specs, rm):
        many = capture(lambda i=ident: [rev_out(r) for r in rm.get_revisions(i)])
        one = capture(lambda i=ident: rev_out(rm.get_revision(i)))
        idents.append({"id": ident, "revisions": many, "revision": one})
    g["identifiers"] = idents
    currents = [[], list(rm._real_heads), [rng.choice(ids)], rng.sample(ids, min(2, len(ids)))]
    labels = [l for s in specs for l in s["labels"]]
    plans = []
    for cur in currents:
        rid = rng.choice(ids)
        ups = ["heads", "head", rid, rid[:5], "+1", "+2", rid + "+1", "base+1"]
        downs = ["base", "-1", "-2", rid, rid + "-1", "heads"]
        if labels:
            label = rng.choice(labels)
            ups += [label + "@head", label + "@heads", label + "@+1"]
            downs += [label + "@base", label + "@-1", label + "@" + rid]
        for t in ups:
            plans.append({"op": "upgrade", "current": cur, "target": t,
                          "result": capture(lambda t=t, cur=cur: run_plan(
                              sd, lambda h: sd._upgrade_revs(t, tuple(h)), tuple(cur)))})
        for t in downs:
            plans.append({"op": "downgrade", "current": cur, "target": t,
                          "result": capture(lambda t=t, cur=cur: run_plan(
                              sd, lambda h: sd._downgrade_revs(t, tuple(h)), tuple(cur)))})
        stamps = [[rid], ["heads"], ["base"], rng.sample(ids, min(2, len(ids)))]
        for targets in stamps:
            for purge in (False, True):
                plans.append({"op": "stamp", "current": cur, "targets": targets, "purge": purge,
                              "result": capture(lambda tg=targets, cur=cur, p=purge: run_plan(
                                  sd, lambda h: sd._stamp_revs(tuple(tg), tuple(h)), tuple(cur), p))})
    g["plans"] = plans
    return g


def main():
    seed, count, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = random.Random(seed)
    graphs = [one_graph(rng, i) for i in range(count)]
    with open(out, "w") as f:
        json.dump({"seed": seed, "graphs": graphs}, f)


if __name__ == "__main__":
    main()
