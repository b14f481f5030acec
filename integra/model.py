"""Entry kinds, entries, and the corpus: every entry loaded, validated and cross-checked.

One file per entry; the file name without ``.yml`` is the entry's id. ``load_corpus`` reads
everything once (vocabularies, schemas, entries, translations, interface strings), runs every check
and returns the Corpus with the full list of problems: callers decide whether problems stop them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from .loader import Document, LoadError, load
from .problems import Problem
from .project import Project
from .schema import Schemas, load_schemas, validate
from .vocabulary import Vocabularies, load_vocabularies


@dataclass(frozen=True)
class Kind:
    name: str  # singular, as in schemas/<name>.schema.json
    folder: str  # content/<folder>/ and translations/<lang>/<folder>/
    title_field: str
    page: bool = True  # has a page of its own at /<folder>/<id>/

    @property
    def schema_file(self) -> str:
        return f"{self.name}.schema.json"


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("practice", "practices", "title"),
        Kind("case-study", "case-studies", "title"),
        Kind("recommendation", "policy", "title"),
        Kind("chapter", "policy/chapters", "title", page=False),
        Kind("term", "glossary", "term"),
        Kind("seminar", "seminars", "title"),
    )
}


@dataclass
class Entry:
    kind: str
    id: str
    document: Document

    @property
    def data(self) -> dict[str, Any]:
        return self.document.data

    @property
    def path(self) -> str:
        return self.document.path

    @property
    def title(self) -> str:
        return str(self.data.get(KINDS[self.kind].title_field, self.id))

    def line_of(self, *path: Any) -> int:
        return self.document.line_of(tuple(path))


@dataclass
class Corpus:
    project: Project
    vocabularies: Vocabularies
    schemas: Schemas
    entries: dict[str, dict[str, Entry]]
    problems: list[Problem] = field(default_factory=list)
    translations: Any = None  # translation.Translations, set by load_corpus
    interface: Any = None  # translation.Interface
    personal_names: list[str] = field(default_factory=list)  # from personal-data.yml
    _similar: dict = field(default_factory=dict, repr=False)  # (kind, id) -> similar entries
    _index: dict = field(default_factory=dict, repr=False)  # kind -> (ids, positions, term -> bits)

    def all(self) -> Iterator[Entry]:
        for kind in KINDS:
            yield from self.entries.get(kind, {}).values()

    def get(self, kind: str, id: str) -> Entry | None:
        return self.entries.get(kind, {}).get(id)

    def of(self, kind: str) -> list[Entry]:
        return list(self.entries.get(kind, {}).values())

    def references(self, entry: Entry) -> Iterator[tuple[str, str, Entry]]:
        """(field, kind, target) for every resolvable reference an entry makes."""
        for name, kind in self.schemas.references(entry.kind).items():
            for target_id in entry.data.get(name) or []:
                target = self.get(kind, target_id) if isinstance(target_id, str) else None
                if target is not None:
                    yield name, kind, target
        if entry.kind == "recommendation":
            chapter = self.get("chapter", entry.data.get("chapter", ""))
            if chapter is not None:
                yield "chapter", "chapter", chapter

    def similar(self, entry: Entry, limit: int = 5) -> list[Entry]:
        """Entries of the same kind sharing the most vocabulary terms with ``entry`` (at least two),
        the closest first, then by id; explicit links are left to the page's other lists.

        Computed once per entry (not per language). Each term holds the set of entries that use it
        as the bits of one integer (entry i is bit i, in id order); the shared-term counts of all
        entries are added at once, as binary digits held in a few such integers. The work per
        entry is a few dozen operations on integers of N bits, done in C, so the whole step stays
        well under a second at thousands of entries although every entry is compared with every
        other."""
        key = (entry.kind, entry.id)
        if key not in self._similar:
            ids, position, bits = self._term_index(entry.kind)
            digits: list[int] = []  # digits[k]: the entries whose count of shared terms has bit k set
            for term in self._terms(entry):
                carry = bits.get(term, 0)
                for k, digit in enumerate(digits):
                    digits[k], carry = digit ^ carry, digit & carry
                    if not carry:
                        break
                else:
                    if carry:
                        digits.append(carry)
            everyone = (1 << len(ids)) - 1
            left_out = sum(1 << position[other] for other in {entry.id, *(entry.data.get("related") or [])} if other in position)
            found: list[str] = []
            for count in range(2 ** len(digits) - 1, 1, -1):  # at least two shared terms
                match = everyone & ~left_out
                for k, digit in enumerate(digits):
                    match &= digit if count >> k & 1 else ~digit
                while match and len(found) < limit:
                    lowest = match & -match
                    found.append(ids[lowest.bit_length() - 1])
                    match ^= lowest
                if len(found) == limit:
                    break
            self._similar[key] = [self.entries[entry.kind][other_id] for other_id in found]
        return self._similar[key]

    def _vocabulary_fields(self, kind: str) -> list[str]:
        return [name for name, spec in self.schemas.properties(kind).items() if "vocabularies.schema.json" in str(spec)]

    def _terms(self, entry: Entry) -> set[tuple[str, str]]:
        out = set()
        for name in self._vocabulary_fields(entry.kind):
            value = entry.data.get(name)
            for term in value if isinstance(value, list) else [value] if value else []:
                if isinstance(term, str):
                    out.add((name, term))
        return out

    def _term_index(self, kind: str) -> tuple[list[str], dict[str, int], dict[tuple[str, str], int]]:
        """(the ids of a kind in order, id -> its position, term -> bits of the entries using it)."""
        if kind not in self._index:
            ids = sorted(self.entries.get(kind, {}))
            position = {entry_id: i for i, entry_id in enumerate(ids)}
            bits: dict[tuple[str, str], int] = {}
            for entry_id in ids:
                for term in self._terms(self.entries[kind][entry_id]):
                    bits[term] = bits.get(term, 0) | 1 << position[entry_id]
            self._index[kind] = (ids, position, bits)
        return self._index[kind]

    def backlinks(self) -> dict[tuple[str, str], list[Entry]]:
        """(kind, id) -> entries that reference it, computed once for the whole corpus."""
        links: dict[tuple[str, str], list[Entry]] = {}
        for entry in self.all():
            for _, kind, target in self.references(entry):
                sources = links.setdefault((kind, target.id), [])
                if entry not in sources:
                    sources.append(entry)
        return links


def entry_files(project: Project, kind: Kind) -> list[Path]:
    folder = project.content_dir / kind.folder
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir() if path.is_file() and not path.name.startswith(".") and path.name != "README.md")


def _personal_names(project: Project) -> tuple[list[str], list[Problem]]:
    path = project.root / "personal-data.yml"
    if not path.is_file():
        return [], []
    try:
        document = load(path, project.relative(path))
    except LoadError as err:
        return [], [err.problem]
    names = document.data.get("names") or []
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        return [], [Problem(document.path, document.line_of(("names",)), "names", "must be a list of names, one per line")]
    return [n.strip() for n in names], []


def load_corpus(project: Project) -> Corpus:
    """Load and check everything; the problems are in ``corpus.problems``."""
    from . import checks, translation  # local: these modules import this one

    languages = project.language_codes
    vocabularies, problems = load_vocabularies(project.vocabulary_file, project.relative(project.vocabulary_file), languages)
    schemas = load_schemas(project.schemas_dir, list(KINDS), vocabularies, languages)
    entries: dict[str, dict[str, Entry]] = {}
    for kind in KINDS.values():
        entries[kind.name] = {}
        for path in entry_files(project, kind):
            rel = project.relative(path)
            if path.suffix != ".yml":
                hint = " (rename it to end in .yml)" if path.suffix in (".yaml", ".YML") else ""
                problems.append(Problem(rel, 1, "", f"only .yml files belong in content/{kind.folder}/{hint}"))
                continue
            try:
                document = load(path, rel)
            except LoadError as err:
                problems.append(err.problem)
                continue
            entry = Entry(kind=kind.name, id=path.stem, document=document)
            problems.extend(validate(schemas, kind.name, document))
            entries[kind.name][entry.id] = entry
    corpus = Corpus(project=project, vocabularies=vocabularies, schemas=schemas, entries=entries, problems=problems)
    corpus.personal_names, name_problems = _personal_names(project)
    problems.extend(name_problems)
    problems.extend(checks.run(corpus))
    corpus.interface, interface_problems = translation.load_interface(project)
    problems.extend(interface_problems)
    corpus.translations, translation_problems = translation.load_translations(corpus)
    problems.extend(translation_problems)
    return corpus
