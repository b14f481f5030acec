"""MkDocs adapter: the hub's pages, PDFs, open data and search index, from content/.

The work is the core's (``integra``); this hook only calls it at MkDocs events:
- ``on_config``: check the content (problems become a build error, no traceback) and generate the
  pages of every language into docs/ (again only when an input changed: mkdocs-static-i18n runs
  the build once per language);
- ``on_nav``: titles for the preview's navigation when only changed pages are rebuilt;
- ``on_serve``: the preview does not watch the generated pages (each rebuild writes them);
- ``on_page_markdown`` / ``on_page_content``: the HTML blocks of generated pages are set aside
  while MkDocs parses their Markdown, then put back (``integra.htmlblocks``);
- ``on_page_context``: interface strings of the page's language for the theme overrides;
- ``on_post_build``, once after the last language: PDFs, open data and the Pagefind index
  (skipped by ``mkdocs serve`` and by benchmarks with HUB_EXTRAS=0).

``python -m integra build`` (integra.build) runs one MkDocs process per language, with
``HUB_BUILD_LANG`` (build this language only, at its own address) and ``HUB_PREGENERATED`` (the
pages are written already); it makes the extras itself, once.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from integra import htmlblocks
from integra.build import BuildFailed, finish_site, source_date_epoch
from integra.model import load_corpus
from integra.project import load_project
from integra.site import generated_folders, write_pages
from integra.translation import load_interface

log = logging.getLogger("mkdocs.hooks.integra")
_INPUTS = ("content", "translations", "schemas", "vocabularies.yml", "integra/templates")
_last_fingerprint: tuple | None = None
_last_corpus = None
_interface = None
_default_language = "en"
_serving = False
_dirty = False
_GENERATED = frozenset(generated_folders())  # docs/ folders the core writes


class _DirtyNotice(logging.Filter):
    """`make serve` rebuilds only changed pages (--dirty); MkDocs warns about that at every
    rebuild, and in strict mode the warning would stop the preview."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_startup(command, dirty):
    """A live preview skips the PDFs, open data and search index: they are for the built site."""
    global _serving, _dirty
    _serving = command == "serve"
    _dirty = dirty
    if _serving and dirty:
        build_log = logging.getLogger("mkdocs.commands.build")
        if not any(isinstance(f, _DirtyNotice) for f in build_log.filters):
            build_log.addFilter(_DirtyNotice())


def on_serve(server, config, builder):
    """The preview watches the hand-written pages of docs/, not the generated ones: those are
    written by a rebuild, and writing them must not start another one."""
    docs = Path(config.docs_dir)
    server.unwatch(str(docs))
    server.watch(str(docs), recursive=False)
    for path in sorted(docs.iterdir()):
        if path.is_dir() and path.name not in _GENERATED:
            server.watch(str(path))
    return server


@event_priority(-110)  # after mkdocs-static-i18n has made the language's navigation
def on_nav(nav, config, files):
    """A preview rebuild reads only changed pages (--dirty), so the navigation would lose the
    titles of the others: read those pages' sources (cheap; their HTML is not made again)."""
    if _serving and _dirty:
        for page in nav.pages:
            if page.markdown is None:
                page.read_source(config)
    return nav


def _fingerprint(root: Path) -> tuple:
    stats = []
    for name in _INPUTS:
        path = root / name
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        stats.extend((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    return tuple(stats)


def _one_language(config, language: str) -> None:
    """Build only ``language``, at its usual address (not at the root as build_only_locale does):
    mkdocs-static-i18n starts with it and is told it is already building the others."""
    i18n = config.plugins.get("i18n")
    known = [lang.locale for lang in i18n.config.languages]
    if language not in known:
        raise PluginError(f"HUB_BUILD_LANG={language} is not a language of the site (allowed: {', '.join(known)})")
    if i18n.current_language is None:
        i18n.current_language = language
    i18n.building = True


def on_config(config):
    global _last_fingerprint, _last_corpus, _interface, _default_language
    root = Path(config.config_file_path).parent
    if os.environ.get("HUB_BUILD_LANG"):
        _one_language(config, os.environ["HUB_BUILD_LANG"])
    if os.environ.get("HUB_PREGENERATED") == "1":  # integra.build wrote the pages already
        if _interface is None:
            project = load_project(root)
            _interface, problems = load_interface(project)
            _default_language = project.default_language
            if problems:
                raise PluginError(f"translations/interface.yml has {len(problems)} problems (run 'make check')")
        return config
    fingerprint = _fingerprint(root)
    if fingerprint == _last_fingerprint:
        return config
    corpus = load_corpus(load_project(root))
    if corpus.problems:
        for problem in sorted(set(corpus.problems)):
            log.error(str(problem))
        raise PluginError(f"content check failed: {len(set(corpus.problems))} problems (run 'make check')")
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(source_date_epoch(corpus)))
    written, removed = write_pages(corpus, Path(config.docs_dir), os.environ.get("HUB_ONLY_LANG") or None)
    log.info("integra: %d generated pages written, %d stale removed", written, removed)
    _last_fingerprint = _fingerprint(root)
    _last_corpus = corpus
    _interface = corpus.interface
    _default_language = corpus.project.default_language
    return config


_set_aside: dict[str, list[str]] = {}  # page -> its HTML blocks, between the two page events


@event_priority(100)  # before the plugins that read the Markdown: they see only the Markdown
def on_page_markdown(markdown, page, config, files):
    """A generated page's HTML blocks, rendered by the core already, skip the Markdown parser."""
    if page.file.src_uri.split("/", 1)[0] not in _GENERATED:
        return markdown
    skeleton, blocks = htmlblocks.set_aside(markdown)
    if blocks:
        _set_aside[page.file.src_uri] = blocks
    return skeleton


@event_priority(100)  # before the plugins that read the HTML: they see the whole page
def on_page_content(html, page, config, files):
    blocks = _set_aside.pop(page.file.src_uri, None)
    if not blocks:
        return html
    try:
        html = htmlblocks.put_back(html, blocks)
    except ValueError as err:
        raise PluginError(f"{page.file.src_uri}: {err}") from None
    page.present_anchor_ids = (page.present_anchor_ids or set()) | htmlblocks.anchor_ids(blocks)
    return html


def on_page_context(context, page, config, nav):
    """Interface strings of the page's language for the theme overrides (footer)."""
    if _interface is not None:
        language = config.theme.get("language") or _default_language
        context["hub_t"] = _interface.for_language(language)
        # the search page of the page's own language, relative to the page
        root = "../" * page.url.count("/")
        at_root = language in (_default_language, os.environ.get("HUB_ONLY_LANG"))  # a one-language preview is at the root
        prefix = "" if at_root else f"{language}/"
        context["hub_find"] = f"{root}{prefix}find/"
    return context


# mkdocs-static-i18n builds the other languages from inside the default language's on_post_build,
# so builds nest: the outermost build ends last. Count the depth to act once, at the very end.
_depth = 0
_site_root: Path | None = None


def on_pre_build(config):
    global _depth, _site_root
    if _depth == 0:
        _site_root = Path(config.site_dir)
    _depth += 1


def on_build_error(error):
    global _depth
    _depth = 0


@event_priority(-110)  # after mkdocs-static-i18n (-100) has built the other languages
def on_post_build(config):
    """Once per build, after every language is built: the PDFs, open data and search index."""
    global _depth
    _depth -= 1
    if _depth > 0 or _last_corpus is None or _site_root is None:
        return
    if os.environ.get("HUB_EXTRAS") == "0" or _serving or os.environ.get("HUB_BUILD_LANG"):
        return  # benchmarks and previews skip these; integra.build makes them once for all languages
    try:
        # a one-language preview skips the PDFs
        finish_site(_last_corpus, _site_root, pdfs=not os.environ.get("HUB_ONLY_LANG"), log=lambda m: log.info("integra: %s", m))
    except BuildFailed as err:
        raise PluginError(str(err)) from None
