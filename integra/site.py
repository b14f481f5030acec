"""Writing the generated pages and the published schemas into docs/, only when they change.

Generated folders under docs/ belong to the generator (they are git-ignored): files there that no
longer correspond to an entry are removed. Writing only changed files keeps ``mkdocs serve`` from
rebuilding in a loop and keeps rebuilds after a one-entry edit small.
"""

from __future__ import annotations

from pathlib import Path

from .model import KINDS, Corpus
from .render import FIND_PAGE, OVERVIEW_PAGE, STATUS_PAGE, Page, Renderer

SCHEMAS_FOLDER = "schemas"


def generated_folders() -> list[str]:
    folders = {kind.folder.split("/")[0] for kind in KINDS.values() if kind.page}
    return sorted(folders | {SCHEMAS_FOLDER} | {page.split("/")[0] for page in (STATUS_PAGE, FIND_PAGE, OVERVIEW_PAGE)})


def write_if_changed(path: Path, text: str) -> bool:
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return True


def all_pages(corpus: Corpus, languages: tuple[str, ...] | None = None) -> list[Page]:
    pages = Renderer(corpus).pages(languages)
    pages += [Page(f"{SCHEMAS_FOLDER}/{name}", text) for name, text in corpus.schemas.published().items()]
    return pages


def write_vocabulary_schema(corpus: Corpus) -> bool:
    """Keep schemas/vocabularies.schema.json (made from vocabularies.yml) current for editors."""
    name = "vocabularies.schema.json"
    return write_if_changed(corpus.project.schemas_dir / name, corpus.schemas.published()[name])


def write_pages(corpus: Corpus, docs_dir: Path, only_language: str | None = None) -> tuple[int, int]:
    """Write every generated page; return (pages written, stale files removed).

    With ``only_language`` (a one-language preview) only that language and the default one are
    rendered, and the other languages' files are left as they are."""
    write_vocabulary_schema(corpus)
    languages = None
    if only_language:
        languages = tuple(dict.fromkeys((corpus.project.default_language, only_language)))
    pages = all_pages(corpus, languages)
    wanted = {page.path for page in pages}
    written = sum(write_if_changed(docs_dir / page.path, page.text) for page in pages)
    removed = 0
    for folder in generated_folders():
        root = docs_dir / folder
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*"), reverse=True):
            rel = path.relative_to(docs_dir).as_posix()
            if path.is_file() and rel not in wanted and (languages is None or _language_of(rel, corpus) in languages):
                path.unlink()
                removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return written, removed


def _language_of(rel: str, corpus: Corpus) -> str:
    """The language of a generated file from its suffix: page.fr.md is French, page.md the default."""
    parts = rel.rsplit(".", 2)
    if len(parts) == 3 and parts[1] in corpus.project.language_codes:
        return parts[1]
    return corpus.project.default_language
