"""New-entry and new-translation files, written from the JSON Schemas.

``new_entry`` writes every field of a kind with its description and allowed terms as comments and
an empty value, so ``make check`` points at each field still to fill. ``new_translation`` copies
the English entry's translatable fields, records the source hash and marks the status ``machine``
until a person reviews it.
"""

from __future__ import annotations

from typing import Any

import yaml

from .model import KINDS, Corpus, Entry
from .translation import source_hash


def _resolve(corpus: Corpus, spec: dict, base: str) -> tuple[dict, str]:
    """Follow $refs and merge the local keywords over the target; return it and its file."""
    ref = spec.get("$ref")
    if not ref:
        return spec, base
    file_name, _, pointer = ref.partition("#")
    file_name = file_name or base
    target: Any = corpus.schemas.documents[file_name]
    for part in pointer.strip("/").split("/"):
        target = target[part]
    resolved, where = _resolve(corpus, target, file_name)
    return {**resolved, **{k: v for k, v in spec.items() if k != "$ref"}}, where


def _empty(spec: dict) -> str:
    kind = spec.get("type")
    if kind == "array":
        return "[]"
    if kind == "object":
        return "{}"
    if kind == "integer":
        return ""
    return '""'


def new_entry(corpus: Corpus, kind: str) -> str:
    """The text of a new, empty entry of ``kind`` with every field commented."""
    schema = corpus.schemas.documents[KINDS[kind].schema_file]
    required = set(schema.get("required", []))
    lines = [
        f"# New {schema.get('title', kind).lower()}. {schema.get('description', '')}",
        "# Fill in every required field; delete an optional field you do not need (its line, and the",
        "# indented lines below it). Then run `make check`: it lists what is still missing or wrong.",
        "# Markdown fields take several lines after `|`, indented by two spaces.",
        f"# yaml-language-server: $schema=../../schemas/{KINDS[kind].schema_file}" if "/" not in KINDS[kind].folder else f"# yaml-language-server: $schema=../../../schemas/{KINDS[kind].schema_file}",
        "",
    ]
    for name, raw in schema.get("properties", {}).items():
        spec, where = _resolve(corpus, raw, KINDS[kind].schema_file)
        items = _resolve(corpus, spec["items"], where)[0] if isinstance(spec.get("items"), dict) else {}
        notes = [spec.get("description") or items.get("description") or ""]
        enum = spec.get("enum") or items.get("enum")
        if enum:
            notes = [f"{'One or more' if items else 'One'} of: {', '.join(map(str, enum))}"]
        if raw.get("x-references"):
            notes.append(f"ids of {raw['x-references']} entries (file names without .yml)")
        status = "required" if name in required else "optional: delete the field if not needed"
        comment = "; ".join(n.rstrip(".") for n in notes if n)
        lines.append(f"# {name} ({status}){': ' + comment if comment else ''}")
        if name == "sources":
            lines += ["sources:", "  - url: \"\"", "    title: \"\"", "    accessed: \"\"  # YYYY-MM-DD"]
        elif raw.get("$ref", "").endswith("/markdown"):
            lines += [f"{name}: |", "  "]
        else:
            lines.append(f"{name}: {_empty(spec)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


class _Literal(str):
    pass


def _literal(dumper: yaml.SafeDumper, value: str):
    """Every text as a block under its field (| keeps lines, >- joins them): a translator can
    then write apostrophes, quotes and colons without YAML quoting rules."""
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else ">")


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_Literal, _literal)


def new_translation(corpus: Corpus, entry: Entry, language: str) -> str:
    """A translation file for ``entry`` in ``language``, pre-filled with the English to translate."""
    fields = {name: entry.data[name] for name in corpus.schemas.translatable(entry.kind) if name in entry.data}
    body: dict[str, Any] = {"translation": {"source": source_hash(corpus, entry), "status": "machine"}}
    for name, value in fields.items():
        body[name] = [_Literal(v) for v in value] if isinstance(value, list) else _Literal(value)
    header = (
        f"# {language} translation of content/{KINDS[entry.kind].folder}/{entry.id}.yml\n"
        "# Translate the texts below; keep the field names, and the indentation of each text under its\n"
        "# field (any characters are fine there: apostrophes, quotes, colons). Set status to reviewed\n"
        "# once a person has checked the translation. Countries, dates, links and vocabulary stay in\n"
        "# the English entry.\n"
    )
    return header + yaml.dump(body, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
