"""What pyxform reads from XLSForm workbooks, reduced to what onsite compares.

Usage: python3 pyxform_view.py FILE.xlsx...  Prints one JSON object per file, in order:
{"file", "error"} when pyxform refuses the file, else {"file", "groups", "questions"}:
top-level groups (name, label), and every question (nested groups are listed as "note"
headings, as onsite reads them) with its type, required flag, the relevant expressions
that apply to it (enclosing groups first), its group, and its choices (name, label).
Labels are maps of language code -> text ("" for a text without a language).
"""
import json
import re
import sys

from pyxform.xls2json import parse_file_to_json

NAMES = {"english": "en", "vietnamese": "vi", "tiếng việt": "vi", "french": "fr",
         "chinese": "zh", "spanish": "es"}

TYPES = {"select one": "select_one", "select all that apply": "select_multiple",
         "integer": "integer", "decimal": "decimal", "text": "text", "date": "date",
         "note": "note"}


def code(lang):
    m = re.search(r"\(([^()]+)\)\s*$", lang)
    if m:
        return m.group(1).strip().lower()
    low = lang.strip().lower()
    return NAMES.get(low, low)


def label(v):
    if v is None:
        return {}
    if isinstance(v, dict):
        return {code(k): t for k, t in v.items()}
    return {"": str(v)}


def required(v):
    return str(v).strip().lower() in ("yes", "true", "true()", "1", "y")


def walk(children, group, relevants, depth, out):
    for c in children:
        t = c.get("type")
        if c.get("name") == "meta" and t == "group":
            continue
        bind = c.get("bind", {})
        rel = relevants + ([bind["relevant"]] if bind.get("relevant") else [])
        if t == "group":
            if depth == 0:
                out["groups"].append({"name": c["name"], "label": label(c.get("label"))})
                walk(c.get("children", []), c["name"], rel, depth + 1, out)
            else:
                out["questions"].append({"name": c["name"], "type": "note", "required": False,
                                         "relevant": rel, "group": group, "choices": []})
                walk(c.get("children", []), group, rel, depth + 1, out)
            continue
        out["questions"].append({
            "name": c.get("name"),
            "type": TYPES.get(t, t),
            "required": required(bind.get("required", "")),
            "relevant": rel,
            "group": group,
            "choices": [{"name": o["name"], "label": label(o.get("label"))}
                        for o in c.get("choices", [])],
        })


def view(path):
    try:
        d = parse_file_to_json(path)
    except Exception as e:  # pyxform refuses the form
        return {"file": path, "error": str(e)}
    out = {"file": path, "groups": [], "questions": []}
    walk(d.get("children", []), None, [], 0, out)
    return out


if __name__ == "__main__":
    print(json.dumps([view(p) for p in sys.argv[1:]], ensure_ascii=False))
