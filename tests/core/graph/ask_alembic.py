#!/usr/bin/python3
"""Asks Debian's Alembic what it does on a small hand-made graph, to fill the expected columns of
the tst_resolver / tst_history / tst_planner tables.

Usage: PYTHONHASHSEED=0 /usr/bin/python3 ask_alembic.py GRAPH QUERY...
  GRAPH  revisions separated by spaces, each "id:down1,down2:labels:deps" (as the tests' parse())
  QUERY  one of
         revisions=IDENT        RevisionMap.get_revisions
         revision=IDENT         RevisionMap.get_revision
         up=CURRENT/TARGET      RevisionMap._parse_upgrade_target (CURRENT comma-separated)
         down=CURRENT/TARGET    RevisionMap._parse_downgrade_target
         history=BASE:HEAD      ScriptDirectory.walk_revisions
         upgrade=CURRENT/TARGET, downgrade=CURRENT/TARGET, stamp=CURRENT/T1,T2[/purge]
                                the steps and version-table statements of those commands
Prints one line per query: the query, then the answer or "error Kind: message".
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "alembic"))

from alembic.script.base import ScriptDirectory  # noqa: E402
from alembic.script.revision import RevisionMap  # noqa: E402

import oracle  # noqa: E402


def parse(graph):
    specs = []
    for spec in graph.split():
        parts = (spec.split(":") + ["", "", ""])[:4]
        specs.append({"id": parts[0], "down": [x for x in parts[1].split(",") if x],
                      "labels": [x for x in parts[2].split(",") if x],
                      "deps": [x for x in parts[3].split(",") if x]})
    return specs


def show(value):
    if value is None:
        return "None"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(show(v) for v in value) + "]"
    if isinstance(value, str):
        return value
    return oracle.rev_out(value)


def plan_text(result):
    lines = []
    for s in result["steps"]:
        ops = "; ".join("%s %s->%s" % (o[0], o[1], o[2]) for o in s["ops"])
        lines.append("    %s %s from=%s to=%s ops=[%s] heads=%s" % (
            "up" if s["up"] else "down", s["rev"] or "stamp", ",".join(s["from"]), ",".join(s["to"]),
            ops, ",".join(s["heads"])))
    lines.append("    heads after: " + ",".join(result["heads"]))
    return "\n" + "\n".join(lines)


def answer(rm, sd, query):
    verb, _, arg = query.partition("=")
    cur, _, rest = arg.partition("/")
    current = tuple(x for x in cur.split(",") if x)
    if verb == "revisions":
        return show(rm.get_revisions(arg))
    if verb == "revision":
        return show(rm.get_revision(arg))
    if verb == "up":
        return show(rm._parse_upgrade_target(current, rest, True))
    if verb == "down":
        label, target = rm._parse_downgrade_target(current, rest, True)
        return "label=%s target=%s" % (label, show(target))
    if verb == "history":
        lo, _, hi = arg.partition(":")
        return show([r.revision for r in sd.walk_revisions(lo or "base", hi or "heads")])
    if verb == "upgrade":
        return plan_text(oracle.run_plan(sd, lambda h: sd._upgrade_revs(rest, tuple(h)), current))
    if verb == "downgrade":
        return plan_text(oracle.run_plan(sd, lambda h: sd._downgrade_revs(rest, tuple(h)), current))
    if verb == "stamp":
        targets, _, purge = rest.partition("/")
        tg = tuple(x for x in targets.split(",") if x)
        return plan_text(oracle.run_plan(sd, lambda h: sd._stamp_revs(tg, tuple(h)), current, purge == "purge"))
    raise SystemExit("unknown query " + query)


def main():
    revs = [oracle.Rev(s) for s in parse(sys.argv[1])]
    rm = RevisionMap(lambda: revs)
    rm._revision_map
    sd = ScriptDirectory.__new__(ScriptDirectory)
    sd.revision_map = rm
    for query in sys.argv[2:]:
        try:
            print(query, "->", answer(rm, sd, query))
        except Exception as e:  # noqa: BLE001 - an error is an answer too
            info = oracle.err(e)
            print(query, "-> error %s: %s%s" % (info["kind"], info["message"],
                                                " [command: %s]" % info["command"] if "command" in info else ""))


if __name__ == "__main__":
    main()
