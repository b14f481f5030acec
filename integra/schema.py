"""The JSON Schemas (schemas/*.schema.json, draft 2020-12) and plain-language schema messages.

Each entry kind has one schema, kept as data; vocabularies come from vocabularies.yml through the
generated ``vocabularies.schema.json``. Validation is jsonschema's; this module only turns its
errors into ``field: what is wrong (what is allowed)`` messages with the field's line.
Schema properties may carry two hub keywords: ``x-translatable`` (the field is translated in
translations/) and ``x-references`` (the field holds ids of entries of that kind).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .loader import Document, field_name
from .problems import Problem, allowed_list, suggest
from .vocabulary import Vocabularies, as_schema

_PYTHON_TYPES = {dict: "a list of fields", list: "a list", str: "a text", int: "a whole number", float: "a number", bool: "true or false", type(None): "empty"}
_SCHEMA_TYPES = {"object": "a list of fields (name: value)", "array": "a list (- item per line, or [a, b])", "string": "a text", "integer": "a whole number", "number": "a number", "boolean": "true or false"}


@dataclass
class Schemas:
    """Every kind's schema, ready to validate."""

    documents: dict[str, dict]  # file name -> schema
    validators: dict[str, Draft202012Validator]  # kind -> validator

    def properties(self, kind: str) -> dict[str, dict]:
        return self.documents[f"{kind}.schema.json"].get("properties", {})

    def translatable(self, kind: str) -> list[str]:
        return [name for name, spec in self.properties(kind).items() if spec.get("x-translatable")]

    def references(self, kind: str) -> dict[str, str]:
        return {name: spec["x-references"] for name, spec in self.properties(kind).items() if "x-references" in spec}

    def published(self) -> dict[str, str]:
        """File name -> JSON text, as published under /schemas/ for editors."""
        return {name: json.dumps(schema, indent=2, ensure_ascii=False) + "\n" for name, schema in sorted(self.documents.items())}


def load_schemas(folder: Path, kinds: list[str], vocabularies: Vocabularies, languages: tuple[str, ...]) -> Schemas:
    documents = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.schema.json"))}
    # Always made afresh from vocabularies.yml; the committed copy only serves editors.
    documents["vocabularies.schema.json"] = as_schema(vocabularies, languages)
    registry = Registry().with_resources(
        (name, Resource.from_contents(schema, default_specification=DRAFT202012)) for name, schema in documents.items()
    )
    validators = {
        kind: Draft202012Validator(inline_references(documents, f"{kind}.schema.json"), registry=registry, format_checker=FormatChecker(formats=["date"]))
        for kind in kinds
    }
    return Schemas(documents=documents, validators=validators)


def inline_references(documents: dict[str, dict], name: str) -> dict:
    """The schema ``name`` with every ``$ref`` to the schema files replaced by what it points to
    (beside other keywords, as ``allOf``: the same meaning). Validation then needs no lookups: it
    is three times faster. A reference that would loop is left to the registry."""

    def resolve(node, base: str, seen: tuple[str, ...]):
        if isinstance(node, list):
            return [resolve(item, base, seen) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if not isinstance(ref, str):
            return {key: resolve(value, base, seen) for key, value in node.items()}
        file, _, pointer = ref.partition("#")
        file = file or base
        target = documents.get(file)
        for part in pointer.strip("/").split("/") if pointer.strip("/") else []:
            target = target.get(part) if isinstance(target, dict) else None
        key = f"{file}#{pointer}"
        if target is None or key in seen:
            return {k: resolve(v, base, seen) if k != "$ref" else v for k, v in node.items()}
        inner = resolve(target, file, (*seen, key))
        rest = {k: resolve(v, base, seen) for k, v in node.items() if k != "$ref"}
        return {"allOf": [inner], **rest} if rest else inner

    return resolve(documents[name], name, ())


def validate(schemas: Schemas, kind: str, document: Document) -> Iterator[Problem]:
    """Yield one Problem per schema error in the document, with its field and line."""
    for error in schemas.validators[kind].iter_errors(document.data):
        yield _problem(error, document)


def _problem(error, document: Document) -> Problem:
    path = tuple(error.absolute_path)
    name = field_name(path)
    line = document.line_of(path)
    value = error.instance
    schema = error.schema
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else str(error.validator_value)
        return Problem(document.path, line, field_name((*path, missing)), "is missing; this field is required" + _describe(error.schema.get("properties", {}).get(missing, {})))
    if kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        extras = [key for key in value if key not in allowed]
        extra = extras[0] if extras else "?"
        return Problem(document.path, document.line_of((*path, extra)), field_name((*path, extra)), f"is not a field of this kind of entry (allowed: {allowed_list(allowed)}){suggest(extra, allowed)}")
    if kind == "enum":
        allowed = [str(v) for v in error.validator_value]
        vocabulary = schema.get("x-vocabulary")
        what = f"is not a term of the '{vocabulary}' vocabulary" if vocabulary else "is not allowed"
        return Problem(document.path, line, name, f"'{value}' {what} (allowed: {allowed_list(allowed)}){suggest(value, allowed)}")
    if kind == "type":
        expected = _SCHEMA_TYPES.get(error.validator_value, str(error.validator_value))
        if value is None:
            return Problem(document.path, line, name, f"is empty: write {expected} (or delete the line if the field is optional)")
        got = _PYTHON_TYPES.get(type(value), type(value).__name__)
        hint = " (put the text in quotes if it looks like a number or a date)" if expected == "a text" else ""
        return Problem(document.path, line, name, f"must be {expected}, not {got}: {_short(value)}{hint}")
    if kind == "minLength":
        return Problem(document.path, line, name, "must not be empty")
    if kind == "maxLength":
        return Problem(document.path, line, name, f"is {len(value)} characters long; at most {error.validator_value} allowed")
    if kind == "minItems":
        return Problem(document.path, line, name, f"needs at least {error.validator_value} item{'s' if error.validator_value != 1 else ''}" + _describe(schema))
    if kind == "uniqueItems":
        seen, twice = set(), None
        for item in value:
            key = json.dumps(item, sort_keys=True)
            if key in seen:
                twice = item
                break
            seen.add(key)
        return Problem(document.path, line, name, f"lists {_short(twice)} twice; keep one")
    if kind == "pattern":
        if "https?" in error.validator_value:
            return Problem(document.path, line, name, f"must be a web address starting with http:// or https://: {_short(value)}")
        if "a-z0-9" in error.validator_value:
            return Problem(document.path, line, name, f"must be an id: lower-case letters and digits joined by hyphens, e.g. back-on-track: {_short(value)}")
        return Problem(document.path, line, name, f"does not have the expected form ({error.validator_value}): {_short(value)}")
    if kind == "format":
        return Problem(document.path, line, name, f"must be a real date written YYYY-MM-DD: {_short(value)}")
    if kind in ("minimum", "maximum"):
        word = "at least" if kind == "minimum" else "at most"
        return Problem(document.path, line, name, f"must be {word} {error.validator_value}: {_short(value)}")
    return Problem(document.path, line, name, error.message)


def _describe(spec: dict) -> str:
    text = spec.get("description")
    return f" ({text})" if text and len(text) < 160 else ""


def _short(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "...'"
