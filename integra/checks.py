"""Rules that span entries or that a schema cannot say. Each rule is a generator of Problems.

The rules, one per function (their docstrings are the rules as contributors read them):
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterator
from urllib.parse import urlsplit

from .loader import field_name
from .model import KINDS, Corpus, Entry
from .problems import Problem, allowed_list, suggest

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def ids_are_file_names(corpus: Corpus) -> Iterator[Problem]:
    """An entry's id is its file name: lower-case letters and digits joined by hyphens, unique."""
    seen: Counter[tuple[str, str]] = Counter()
    for entry in corpus.all():
        if not _ID.match(entry.id):
            better = re.sub(r"[^a-z0-9]+", "-", entry.id.lower()).strip("-")
            yield Problem(entry.path, 1, "", f"file name '{entry.id}' is not a valid id: use lower-case letters and digits joined by hyphens, e.g. '{better}.yml'")
        seen[(entry.kind, entry.id.lower())] += 1
    for (kind, id_), count in seen.items():
        if count > 1:
            for entry in corpus.of(kind):
                if entry.id.lower() == id_:
                    yield Problem(entry.path, 1, "", f"id '{id_}' is used by {count} files of this kind; ids must be unique")


def references_resolve(corpus: Corpus) -> Iterator[Problem]:
    """Every id listed in a reference field names an existing entry of the right kind, not itself."""
    for entry in corpus.all():
        fields = dict(corpus.schemas.references(entry.kind))
        for name, kind in fields.items():
            values = entry.data.get(name)
            if not isinstance(values, list | str):
                continue
            for index, target in enumerate(values if isinstance(values, list) else [values]):
                path = (name, index) if isinstance(values, list) else (name,)
                label = f"{name}[{index}]" if isinstance(values, list) else name
                if not isinstance(target, str):
                    continue
                if kind == entry.kind and target == entry.id:
                    yield Problem(entry.path, entry.line_of(*path), label, "an entry cannot refer to itself")
                elif corpus.get(kind, target) is None:
                    known = list(corpus.entries.get(kind, {}))
                    folder = KINDS[kind].folder
                    yield Problem(entry.path, entry.line_of(*path), label, f"no {kind} with id '{target}' (no file content/{folder}/{target}.yml){suggest(target, known)}")


def chapter_order_is_unique(corpus: Corpus) -> Iterator[Problem]:
    """Within a guide chapter, each recommendation has its own order number; chapters too."""
    places: dict[tuple, list[Entry]] = {}
    for entry in corpus.of("recommendation"):
        places.setdefault((entry.data.get("chapter"), entry.data.get("order")), []).append(entry)
    for (chapter, order), entries in places.items():
        if len(entries) > 1:
            for entry in entries:
                others = ", ".join(other.id for other in entries if other is not entry)
                yield Problem(entry.path, entry.line_of("order"), "order", f"order {order} in chapter '{chapter}' is also used by {others}; give each a different number")
    orders: dict[object, list[Entry]] = {}
    for entry in corpus.of("chapter"):
        orders.setdefault(entry.data.get("order"), []).append(entry)
    for order, entries in orders.items():
        if len(entries) > 1:
            for entry in entries:
                yield Problem(entry.path, entry.line_of("order"), "order", f"chapter order {order} is used by {len(entries)} chapters; give each a different number")


def years_are_ordered(corpus: Corpus) -> Iterator[Problem]:
    """A practice's end_year is not before its start_year."""
    for entry in corpus.of("practice"):
        start, end = entry.data.get("start_year"), entry.data.get("end_year")
        if isinstance(start, int) and isinstance(end, int) and end < start:
            yield Problem(entry.path, entry.line_of("end_year"), "end_year", f"{end} is before start_year {start}")


def urls_are_web_addresses(corpus: Corpus) -> Iterator[Problem]:
    """Every source URL is a complete http(s) address with a host and no spaces."""
    for entry in corpus.all():
        for index, source in enumerate(entry.data.get("sources") or []):
            url = source.get("url") if isinstance(source, dict) else None
            if not isinstance(url, str) or not url.startswith(("http://", "https://")):
                continue  # the schema reports it
            parts = urlsplit(url)
            if not parts.netloc or "." not in parts.netloc or any(c.isspace() for c in url):
                yield Problem(entry.path, entry.line_of("sources", index, "url"), f"sources[{index}].url", f"is not a complete web address: '{url}'")


def case_studies_say_composite(corpus: Corpus) -> Iterator[Problem]:
    """A case study's composite_statement says, in English, that it is an anonymised composite."""
    for entry in corpus.of("case-study"):
        statement = entry.data.get("composite_statement")
        if isinstance(statement, str) and statement.strip() and not ("composite" in statement.lower() and "anonymi" in statement.lower()):
            yield Problem(entry.path, entry.line_of("composite_statement"), "composite_statement", "must say that the case is an anonymised composite (use the words 'anonymised composite')")


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE = re.compile(r"(?<![\w-])(?:\+\d{1,3}[\s./-]?)?(?:\(?\d{2,4}\)?[\s./-]?){2,4}\d{2,4}(?![\w-])")
_ID_NUMBER = re.compile(r"\b(?:\d{6}[-/]?\d{4}|\d{3}-\d{2}-\d{4}|[A-Z]{2}\d{6,9}|\d{9,12})\b")


def _texts(value, path=()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, key))


def case_studies_hold_no_personal_data(corpus: Corpus) -> Iterator[Problem]:
    """A case study holds no e-mail address, phone number, ID number or listed name (personal-data.yml)."""
    names = corpus.personal_names
    name_pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE) if names else None
    for entry in corpus.of("case-study"):
        for path, text in _texts({k: v for k, v in entry.data.items() if k != "sources"}):
            where = entry.line_of(*path)
            field = field_name(path)
            text_no_years = re.sub(r"\b(19|20)\d{2}\b", "", text)
            for kind, pattern in (("an e-mail address", _EMAIL), ("a phone number", _PHONE), ("an ID number", _ID_NUMBER)):
                found = pattern.search(text_no_years if kind != "an e-mail address" else text)
                if found and len(re.sub(r"\D", "", found.group())) >= (7 if kind != "an e-mail address" else 0):
                    yield Problem(entry.path, where, field, f"looks like {kind} ('{found.group().strip()}'); case studies must hold no personal data")
            if name_pattern:
                found = name_pattern.search(text)
                if found:
                    yield Problem(entry.path, where, field, f"names '{found.group()}', which personal-data.yml lists as not allowed in case studies; describe it without the name")


RULES = (
    ids_are_file_names,
    references_resolve,
    chapter_order_is_unique,
    years_are_ordered,
    urls_are_web_addresses,
    case_studies_say_composite,
    case_studies_hold_no_personal_data,
)


def run(corpus: Corpus) -> Iterator[Problem]:
    for rule in RULES:
        yield from rule(corpus)


__doc__ += "".join(f"\n- {rule.__doc__}" for rule in RULES)
