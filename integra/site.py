"""Writing the generated pages and the published schemas into docs/, only when they change.

Generated folders under docs/ belong to the generator (they are git-ignored): files there that no
longer correspond to an entry are removed. Writing only changed files keeps ``mkdocs serve`` from
rebuilding in a loop and keeps rebuilds after a one-entry edit small.
"""

from __future__ import annotations

import multiprocessing
import os
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


def write_vocabulary_schema(corpus: Corpus) -> bool:
    """Keep schemas/vocabularies.schema.json (made from vocabularies.yml) current for editors."""
    name = "vocabularies.schema.json"
    return write_if_changed(corpus.project.schemas_dir / name, corpus.schemas.published()[name])


_RENDERING: tuple[Renderer, Path] | None = None  # set by write_pages; inherited by forked renderers


def _render_and_write(language: str) -> tuple[int, list[str]]:
    """Render one language's pages and write the changed ones (here, or in a forked process)."""
    renderer, docs_dir = _RENDERING
    pages = renderer.pages((language,))
    return sum(write_if_changed(docs_dir / page.path, page.text) for page in pages), [page.path for page in pages]


def write_pages(corpus: Corpus, docs_dir: Path, only_language: str | None = None, processes: int = 1) -> tuple[int, int]:
    """Write every generated page; return (pages written, stale files removed).

    With ``only_language`` (a one-language preview) only that language is rendered, and the other
    languages' files are left as they are. With ``processes`` > 1 the languages are rendered in
    that many forked processes at once (where the system can fork)."""
    global _RENDERING
    write_vocabulary_schema(corpus)
    languages = None
    if only_language:
        languages = (only_language,)
    todo = languages or corpus.project.language_codes
    shared = [Page(f"{SCHEMAS_FOLDER}/{name}", text) for name, text in corpus.schemas.published().items()]
    written = sum(write_if_changed(docs_dir / page.path, page.text) for page in shared)
    wanted = {page.path for page in shared}
    _RENDERING = (Renderer(corpus), docs_dir)
    try:
        if processes > 1 and len(todo) > 1 and "fork" in multiprocessing.get_all_start_methods():
            for entry in corpus.all():  # computed once here, inherited by every forked renderer
                corpus.similar(entry)
            with multiprocessing.get_context("fork").Pool(min(processes, len(todo), os.cpu_count() or 1)) as pool:
                results = pool.map(_render_and_write, todo, chunksize=1)
        else:
            results = [_render_and_write(language) for language in todo]
    finally:
        _RENDERING = None
    for count, paths in results:
        written += count
        wanted.update(paths)
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
