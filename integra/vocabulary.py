"""The controlled vocabularies (vocabularies.yml): terms entries may use, with labels per language.

Each vocabulary has a ``label`` (the field's name on the site) and ``terms``; every term has a
label in every site language. The JSON Schemas refer to the vocabularies by name
(``vocabularies.schema.json#/$defs/<name>``); ``as_schema`` writes that schema from this data, so
the list of allowed terms lives in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .loader import LoadError, load
from .problems import Problem


@dataclass(frozen=True)
class Vocabulary:
    name: str
    label: dict[str, str]
    terms: dict[str, dict[str, str]]

    def term_label(self, term: str, language: str, default_language: str = "en") -> str:
        labels = self.terms.get(term, {})
        return labels.get(language) or labels.get(default_language) or term


class Vocabularies(dict):
    """Vocabulary name to Vocabulary."""

    def label(self, name: str, term: str, language: str) -> str:
        return self[name].term_label(term, language)


def load_vocabularies(path: Path, rel: str, languages: tuple[str, ...]) -> tuple[Vocabularies, list[Problem]]:
    """Read vocabularies.yml; return the vocabularies and any problems (missing labels...)."""
    problems: list[Problem] = []
    vocabularies = Vocabularies()
    try:
        document = load(path, rel)
    except LoadError as err:
        return vocabularies, [err.problem]
    for name, body in document.data.items():
        where = document.line_of((name,))
        if not isinstance(body, dict) or not isinstance(body.get("terms"), dict) or not isinstance(body.get("label"), dict):
            problems.append(Problem(rel, where, name, "a vocabulary needs 'label' (one text per language) and 'terms'"))
            continue
        for language in languages:
            if not body["label"].get(language):
                problems.append(Problem(rel, where, f"{name}.label", f"label missing in '{language}' (every site language needs one)"))
        terms: dict[str, dict[str, str]] = {}
        for term, labels in body["terms"].items():
            line = document.line_of((name, "terms", term))
            if not isinstance(labels, dict):
                problems.append(Problem(rel, line, f"{name}.{term}", "a term needs a label per language: {en: ..., fr: ...}"))
                continue
            missing = [language for language in languages if not labels.get(language)]
            if missing:
                problems.append(Problem(rel, line, f"{name}.{term}", f"label missing in {', '.join(missing)} (every site language needs one)"))
            unknown = sorted(set(labels) - set(languages))
            if unknown:
                problems.append(Problem(rel, line, f"{name}.{term}", f"label in a language the site does not have: {', '.join(unknown)} (languages: {', '.join(languages)})"))
            terms[str(term)] = {str(k): str(v) for k, v in labels.items()}
        vocabularies[name] = Vocabulary(name=name, label={str(k): str(v) for k, v in body["label"].items()}, terms=terms)
    return vocabularies, problems


def as_schema(vocabularies: Vocabularies, languages: tuple[str, ...]) -> dict:
    """The JSON Schema that lists every vocabulary's terms (published as vocabularies.schema.json)."""
    defs: dict[str, dict] = {}
    for name, vocabulary in vocabularies.items():
        defs[name] = {
            "title": vocabulary.label.get(languages[0], name),
            "description": "One of: " + "; ".join(f"{term} ({labels.get(languages[0], term)})" for term, labels in vocabulary.terms.items()),
            "enum": list(vocabulary.terms),
            "x-vocabulary": name,
        }
    defs["languages"] = {"title": "Language", "enum": list(languages), "x-vocabulary": "languages"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "vocabularies.schema.json",
        "title": "Controlled vocabularies (generated from vocabularies.yml)",
        "$defs": defs,
    }
