"""Translations: the interface strings and the content translations, with their status.

- ``translations/interface.yml``: every label the hub adds (headings, field names, notices), one
  key with a text per site language.
- ``translations/<lang>/<kind folder>/<id>.yml``: one file per entry and language, holding only
  the entry's translatable fields (``x-translatable`` in its schema) and a ``translation`` block:
  ``source`` (the hash of the English fields it was made from) and ``status`` (machine or
  reviewed). Countries, dates, links and vocabulary terms stay in the English entry only.

When the English changes, its hash changes and the translation is reported outdated.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from .loader import Document, LoadError, load
from .model import KINDS, Corpus, Entry
from .problems import Problem, allowed_list, suggest
from .project import Project

STATUSES = ("machine", "reviewed")
META = "translation"


# --- interface strings -------------------------------------------------------------------------

@dataclass
class Interface:
    strings: dict[str, dict[str, str]]
    default_language: str

    def text(self, key: str, language: str) -> str:
        labels = self.strings.get(key)
        if labels is None:
            raise KeyError(f"interface string '{key}' is not in translations/interface.yml")
        return labels.get(language) or labels[self.default_language]

    def for_language(self, language: str) -> dict[str, str]:
        return {key: self.text(key, language) for key in self.strings}


def load_interface(project: Project) -> tuple[Interface, list[Problem]]:
    path = project.translations_dir / "interface.yml"
    rel = project.relative(path)
    languages = project.language_codes
    empty = Interface({}, project.default_language)
    if not path.is_file():
        return empty, [Problem(rel, 1, "", "file is missing: it holds the interface strings")]
    try:
        document = load(path, rel)
    except LoadError as err:
        return empty, [err.problem]
    problems: list[Problem] = []
    strings: dict[str, dict[str, str]] = {}
    for key, labels in document.data.items():
        line = document.line_of((key,))
        if not isinstance(labels, dict):
            problems.append(Problem(rel, line, key, "needs one text per language: {en: ..., fr: ...}"))
            continue
        missing = [language for language in languages if not isinstance(labels.get(language), str) or not labels.get(language)]
        if missing:
            problems.append(Problem(rel, line, key, f"text missing in {', '.join(missing)} (every site language needs one)"))
        unknown = sorted(set(labels) - set(languages))
        if unknown:
            problems.append(Problem(rel, line, key, f"text in a language the site does not have: {', '.join(unknown)} (languages: {', '.join(languages)})"))
        strings[key] = {str(k): str(v) for k, v in labels.items() if v is not None}
    return Interface(strings, project.default_language), problems


# --- content translations ----------------------------------------------------------------------

def translatable_values(corpus: Corpus, entry: Entry) -> dict[str, Any]:
    return {name: entry.data[name] for name in corpus.schemas.translatable(entry.kind) if name in entry.data}


def source_hash(corpus: Corpus, entry: Entry) -> str:
    """A short hash of the entry's translatable English fields: a translation records it."""
    text = json.dumps(translatable_values(corpus, entry), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


@dataclass
class Translation:
    language: str
    entry: Entry
    document: Document
    status: str
    source: str
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass
class Translations:
    corpus: Corpus
    files: dict[tuple[str, str, str], Translation]  # (language, kind, id) -> translation
    _hashes: dict[tuple[str, str], str] = field(default_factory=dict)
    _merged: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict)

    def current_hash(self, entry: Entry) -> str:
        key = (entry.kind, entry.id)
        if key not in self._hashes:
            self._hashes[key] = source_hash(self.corpus, entry)
        return self._hashes[key]

    def get(self, language: str, entry: Entry) -> Translation | None:
        return self.files.get((language, entry.kind, entry.id))

    def state(self, language: str, entry: Entry) -> str:
        """source (the default language), missing, outdated, machine or reviewed."""
        if language == self.corpus.project.default_language:
            return "source"
        found = self.get(language, entry)
        if found is None:
            return "missing"
        if found.source != self.current_hash(entry):
            return "outdated"
        return found.status

    def localized(self, language: str, entry: Entry) -> dict[str, Any]:
        """The entry's data with its translatable fields in ``language`` where translated."""
        found = self.get(language, entry)
        if found is None or language == self.corpus.project.default_language:
            return entry.data
        key = (language, entry.kind, entry.id)
        if key not in self._merged:
            self._merged[key] = {**entry.data, **found.fields}
        return self._merged[key]


def load_translations(corpus: Corpus) -> tuple[Translations, list[Problem]]:
    project = corpus.project
    problems: list[Problem] = []
    files: dict[tuple[str, str, str], Translation] = {}
    folders = {kind.folder: kind for kind in KINDS.values()}
    root = project.translations_dir
    if not root.is_dir():
        return Translations(corpus, files), problems
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.parent == root or path.name.startswith(".") or path.name == "README.md":
            continue
        rel = project.relative(path)
        parts = path.relative_to(root).parts
        language, folder = parts[0], "/".join(parts[1:-1])
        if language not in project.language_codes or language == project.default_language:
            allowed = [code for code in project.language_codes if code != project.default_language]
            problems.append(Problem(rel, 1, "", f"'{language}' is not a translation language of the site (allowed: {allowed_list(allowed)}){suggest(language, allowed)}; languages are configured in mkdocs.yml"))
            continue
        kind = folders.get(folder)
        if kind is None:
            problems.append(Problem(rel, 1, "", f"'{folder}' is not a kind of entry (allowed folders: {allowed_list(folders)}){suggest(folder, list(folders))}"))
            continue
        if path.suffix != ".yml":
            problems.append(Problem(rel, 1, "", "only .yml files belong here"))
            continue
        entry = corpus.get(kind.name, path.stem)
        if entry is None:
            known = list(corpus.entries.get(kind.name, {}))
            problems.append(Problem(rel, 1, "", f"translates '{path.stem}', but there is no content/{kind.folder}/{path.stem}.yml{suggest(path.stem, known)}"))
            continue
        try:
            document = load(path, rel)
        except LoadError as err:
            problems.append(err.problem)
            continue
        translation, found = _read_translation(corpus, language, entry, document)
        problems.extend(found)
        if translation is not None:
            files[(language, kind.name, entry.id)] = translation
    return Translations(corpus, files), problems


def _read_translation(corpus: Corpus, language: str, entry: Entry, document: Document) -> tuple[Translation | None, list[Problem]]:
    problems: list[Problem] = []
    rel = document.path
    data = document.data
    translatable = corpus.schemas.translatable(entry.kind)
    meta = data.get(META)
    status, source = "machine", ""
    if not isinstance(meta, dict):
        problems.append(Problem(rel, document.line_of((META,)), META, f"is missing: write 'translation: {{source: {source_hash(corpus, entry)}, status: machine}}' (status: machine or reviewed)"))
    else:
        status = meta.get("status")
        if status not in STATUSES:
            problems.append(Problem(rel, document.line_of((META, "status")), f"{META}.status", f"'{status}' is not allowed (allowed: {', '.join(STATUSES)})"))
            status = "machine"
        source = str(meta.get("source", ""))
        if not source:
            problems.append(Problem(rel, document.line_of((META,)), f"{META}.source", f"is missing: the hash of the English it translates ('make translations' prints it; now {source_hash(corpus, entry)})"))
        for key in meta:
            if key not in ("status", "source"):
                problems.append(Problem(rel, document.line_of((META, key)), f"{META}.{key}", "is not allowed (allowed: source, status)"))
    fields: dict[str, Any] = {}
    for name, value in data.items():
        if name == META:
            continue
        line = document.line_of((name,))
        if name not in translatable:
            if name in corpus.schemas.properties(entry.kind):
                problems.append(Problem(rel, line, name, f"is not translated: it stays in the English entry only (translatable fields: {', '.join(translatable)})"))
            else:
                problems.append(Problem(rel, line, name, f"is not a field of a {entry.kind} (translatable fields: {', '.join(translatable)}){suggest(name, translatable)}"))
            continue
        original = entry.data.get(name)
        if original is None:
            problems.append(Problem(rel, line, name, "the English entry has no such field; remove it"))
            continue
        if isinstance(original, list):
            if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
                problems.append(Problem(rel, line, name, "must be a list of texts, like the English"))
                continue
            if len(value) != len(original):
                problems.append(Problem(rel, line, name, f"has {len(value)} items but the English has {len(original)}; translate item by item"))
                continue
        elif not isinstance(value, str) or not value.strip():
            problems.append(Problem(rel, line, name, "must be a text, like the English"))
            continue
        fields[name] = value
    for name in translatable:
        if name in entry.data and name not in data:
            problems.append(Problem(rel, 1, name, "is missing: translate every translatable field the English has"))
    if fields and all(fields[name] == entry.data.get(name) for name in fields):
        first = next(iter(fields))
        problems.append(Problem(rel, document.line_of((first,)), first, "is still the English text, like every field of this file: translate it (or delete the file until it is translated)"))
    # the same rules as the English (lengths, non-empty texts), reported on the translation's lines
    from .schema import validate

    merged = Document(path=rel, data={**entry.data, **fields}, lines=document.lines)
    problems.extend(p for p in validate(corpus.schemas, entry.kind, merged) if p.field.split("[")[0].split(".")[0] in fields)
    if problems:
        return None, problems
    return Translation(language=language, entry=entry, document=document, status=status, source=source, fields=fields), problems


def status_table(corpus: Corpus) -> dict[str, dict[str, Any]]:
    """Per language: counts of entries by state, the share translated, missing and outdated ids."""
    table: dict[str, dict[str, Any]] = {}
    entries = list(corpus.all())
    for language in corpus.project.language_codes[1:]:
        row: dict[str, Any] = {"total": len(entries), "reviewed": 0, "machine": 0, "outdated": [], "missing": []}
        for entry in entries:
            state = corpus.translations.state(language, entry)
            if state in ("reviewed", "machine"):
                row[state] += 1
            else:
                row[state].append(f"{entry.kind}/{entry.id}")
        done = row["reviewed"] + row["machine"]
        row["share"] = round(100 * done / len(entries)) if entries else 100
        table[language] = row
    return table
