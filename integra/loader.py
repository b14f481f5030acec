"""Safe YAML reading that remembers the line of every field.

Content comes from many partners, so reading is strict and never executes anything: only plain
YAML (mappings, lists, strings, numbers, booleans, null) is accepted. Tags that would build
objects, anchors and aliases (which can expand without end), duplicate keys, tabs used for
indentation, files that are not UTF-8, empty files and files over ``MAX_BYTES`` are refused with a
Problem naming the file and line. Dates stay strings: the schema checks they are real dates, and
only ``true``/``false`` are booleans (``NO``, Norway's country code, stays a text).

Parsing uses libyaml (CSafeLoader) when present: about 30 times faster than pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML wheels ship libyaml
    _Loader = yaml.SafeLoader

MAX_BYTES = 256 * 1024

Path_ = tuple  # a field path: ("sources", 0, "url")

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}
_constructor = yaml.constructor.SafeConstructor()


class LoadError(Exception):
    """A file could not be read as plain YAML; ``problem`` says where and why."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class Document:
    """One YAML file's data, with the line where each field path starts."""

    path: str
    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)

    def line_of(self, path: tuple = ()) -> int:
        """Line of the field at ``path``, or of its nearest parent that has one."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def field_name(path: tuple) -> str:
    """Write a field path as authors see it: sources[0].url"""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def read_text(path: Path, rel: str) -> str:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise LoadError(Problem(rel, 1, "", f"file is {size // 1024} KB; at most {MAX_BYTES // 1024} KB allowed (split the text or shorten it)"))
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise LoadError(Problem(rel, line, "", "file is not UTF-8 text; save it as UTF-8 (in most editors: Save with encoding, UTF-8)")) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def parse(text: str, rel: str) -> Document:
    """Parse YAML text into a Document, or raise LoadError."""
    if not text.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        raise LoadError(Problem(rel, 1, "", "file is empty; it must hold the entry's fields"))
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            raise LoadError(Problem(rel, number, "", "a tab is used for indentation; YAML allows only spaces (replace the tab with spaces)"))
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        what = err.problem or "not valid YAML"
        if err.context and err.context_mark is not None:
            what = f"{err.context} (from line {err.context_mark.line + 1}): {what}"
        hint = ""
        if "quoted scalar" in what and "end of stream" in what:
            hint = " (a quotation mark is not closed)"
        if "mapping values are not allowed" in what:
            hint = " (a text containing ': ' must be put in quotes)"
        elif "found character '\\t'" in what:
            hint = " (replace the tab with spaces)"
        raise LoadError(Problem(rel, line, "", f"YAML syntax error: {what}{hint}")) from None
    except yaml.YAMLError as err:
        raise LoadError(Problem(rel, 1, "", f"YAML syntax error: {err}")) from None
    if node is None:
        raise LoadError(Problem(rel, 1, "", "file is empty; it must hold the entry's fields"))
    document = Document(path=rel, data=None)
    document.data = _convert(node, (), document, set())
    if not isinstance(document.data, dict):
        raise LoadError(Problem(rel, 1, "", "the file must be a list of fields (name: value), not a single value or a list"))
    return document


def load(path: Path, rel: str) -> Document:
    """Read and parse one file."""
    return parse(read_text(path, rel), rel)


def _convert(node: yaml.Node, path: tuple, document: Document, seen: set[int]) -> Any:
    line = node.start_mark.line + 1
    document.lines.setdefault(path, line)
    name = field_name(path) or "file"
    if id(node) in seen:
        raise LoadError(Problem(document.path, document.lines.get(path, line), name, "YAML anchors and aliases (& and *) are not allowed; write the value out"))
    seen.add(id(node))
    if node.tag not in _PLAIN_TAGS:
        raise LoadError(Problem(document.path, line, name, f"YAML tag '{node.tag}' is not allowed; write plain text, numbers, lists and fields only"))
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise LoadError(Problem(document.path, key_node.start_mark.line + 1, name, "YAML merge keys (<<) are not allowed; write the fields out"))
            if not isinstance(key_node, yaml.ScalarNode):
                raise LoadError(Problem(document.path, key_node.start_mark.line + 1, name, "a field name must be a plain word"))
            key = key_node.value
            key_line = key_node.start_mark.line + 1
            if key in result:
                first = document.lines.get((*path, key), "?")
                raise LoadError(Problem(document.path, key_line, field_name((*path, key)), f"field is written twice (first on line {first}); keep one"))
            document.lines[(*path, key)] = key_line
            result[key] = _convert(value_node, (*path, key), document, seen)
            document.lines[(*path, key)] = key_line
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*path, index), document, seen) for index, item in enumerate(node.value)]
    if node.tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
        return node.value
    if node.tag == "tag:yaml.org,2002:bool" and node.value.lower() not in ("true", "false"):
        return node.value  # YAML 1.1 reads yes/no/on/off as booleans: NO is Norway here
    try:
        return _constructor.construct_object(node)
    except (yaml.YAMLError, ValueError) as err:
        raise LoadError(Problem(document.path, line, name, f"cannot read this value: {err}")) from None
