"""The contributors' field reference, written from the JSON Schemas and the checks' rules.

CONTRIBUTING.md holds a copy between two marker comments; ``python -m integra reference`` rewrites
it and a test fails when the copy is out of date, so the documentation never drifts from the data.
"""

from __future__ import annotations

from .checks import RULES
from .model import KINDS, Corpus
from .scaffold import _resolve

START = "<!-- field-reference:start (written by `python -m integra reference`; do not edit by hand) -->"
END = "<!-- field-reference:end -->"


def field_reference(corpus: Corpus) -> str:
    lines = [START, ""]
    for kind in KINDS.values():
        schema = corpus.schemas.documents[kind.schema_file]
        required = set(schema.get("required", []))
        translatable = set(corpus.schemas.translatable(kind.name))
        lines += [f"#### {schema['title']} (`content/{kind.folder}/<id>.yml`)", "", schema.get("description", ""), ""]
        lines += ["| Field | Required | Translated | What it holds |", "| --- | --- | --- | --- |"]
        for name, raw in schema.get("properties", {}).items():
            spec, where = _resolve(corpus, raw, kind.schema_file)
            items = _resolve(corpus, spec["items"], where)[0] if isinstance(spec.get("items"), dict) else {}
            vocabulary = spec.get("x-vocabulary") or items.get("x-vocabulary")
            what = raw.get("description") or spec.get("description") or items.get("description") or ""
            if vocabulary:
                what = (what + " " if what and not what.startswith("One of") else "") + f"Terms of the `{vocabulary}` vocabulary (vocabularies.yml)."
            if raw.get("x-references") and not what:
                what = f"Ids of {raw['x-references']} entries."
            if not what and spec.get("type") == "array":
                what = "A list, one item per line."
            lines.append(f"| `{name}` | {'yes' if name in required else 'no'} | {'yes' if name in translatable else 'no'} | {what.strip()} |")
        lines.append("")
    lines += ["#### Rules checked beyond the schemas", ""]
    lines += [f"- {rule.__doc__.strip()}" for rule in RULES]
    lines += ["", END]
    return "\n".join(lines)


def update(text: str, corpus: Corpus) -> str:
    """``text`` with the part between the markers replaced by the current reference."""
    before, start, rest = text.partition(START)
    if not start:
        raise ValueError("CONTRIBUTING.md has no field-reference markers")
    _, end, after = rest.partition(END)
    return before + field_reference(corpus) + after
