# Renders script templates with Debian's real Mako the way Alembic does (template_to_file:
# render_unicode with the revision's variables and format_as_comma), for comparison.
# Input: a JSON list of {"template": path, "vars": {name: encoded value}}; output: a JSON list
# of {"text": rendered} or {"error": exception}.
import datetime
import json
import sys

from alembic.util import format_as_comma
from mako.template import Template


def decode(value):
    if "none" in value:
        return None
    if "str" in value:
        return value["str"]
    if "tuple" in value:
        return tuple(value["tuple"])
    if "list" in value:
        return list(value["list"])
    if "datetime" in value:
        return datetime.datetime.fromisoformat(value["datetime"])
    raise ValueError(value)


results = []
with open(sys.argv[1], encoding="utf-8") as f:
    cases = json.load(f)
for case in cases:
    kw = {name: decode(value) for name, value in case["vars"].items()}
    kw["comma"] = format_as_comma
    try:
        results.append({"text": Template(filename=case["template"]).render_unicode(**kw)})
    except Exception as error:  # what Mako says is the comparison's answer
        results.append({"error": "%s: %s" % (type(error).__name__, error)})
sys.stdout.write(json.dumps(results))
