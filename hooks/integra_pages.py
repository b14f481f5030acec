"""MkDocs adapter: the hub's pages, PDFs, open data and search index, from content/.

The work is the core's (``integra``); this hook only calls it at MkDocs events:
- ``on_config``: check the content (problems become a build error, no traceback) and generate the
  pages of every language into docs/ (again only when an input changed: mkdocs-static-i18n runs
  the build once per language);
- ``on_page_context``: interface strings of the page's language for the theme overrides;
- ``on_post_build``, once after the last language: PDFs, open data and the Pagefind index
  (skipped by ``mkdocs serve`` and by benchmarks with HUB_EXTRAS=0).
"""

from __future__ import annotations

import logging
import os
from datetime import date, datetime, timezone
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from integra.model import load_corpus
from integra.project import load_project
from integra.site import write_pages

log = logging.getLogger("mkdocs.hooks.integra")
_INPUTS = ("content", "translations", "schemas", "vocabularies.yml", "integra/templates")
_last_fingerprint: tuple | None = None
_last_corpus = None
_serving = False


def on_startup(command, dirty):
    """A live preview skips the PDFs, open data and search index: they are for the built site."""
    global _serving
    _serving = command == "serve"


def _fingerprint(root: Path) -> tuple:
    stats = []
    for name in _INPUTS:
        path = root / name
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        stats.extend((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    return tuple(stats)


def on_config(config):
    global _last_fingerprint, _last_corpus
    root = Path(config.config_file_path).parent
    fingerprint = _fingerprint(root)
    if fingerprint == _last_fingerprint:
        return config
    corpus = load_corpus(load_project(root))
    if corpus.problems:
        for problem in sorted(set(corpus.problems)):
            log.error(str(problem))
        raise PluginError(f"content check failed: {len(set(corpus.problems))} problems (run 'make check')")
    # Dates in the site (sitemap) come from the content, not the clock: same input, same site.
    newest = max((str(e.data["last_reviewed"]) for e in corpus.all() if e.data.get("last_reviewed")), default="2020-01-01")
    stamp = datetime.combine(date.fromisoformat(newest), datetime.min.time(), tzinfo=timezone.utc).timestamp()
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(stamp)))
    written, removed = write_pages(corpus, Path(config.docs_dir), os.environ.get("HUB_ONLY_LANG") or None)
    log.info("integra: %d generated pages written, %d stale removed", written, removed)
    _last_fingerprint = _fingerprint(root)
    _last_corpus = corpus
    return config




def on_page_context(context, page, config, nav):
    """Interface strings of the page's language for the theme overrides (footer)."""
    if _last_corpus is not None:
        language = config.theme.get("language") or _last_corpus.project.default_language
        context["hub_t"] = _last_corpus.interface.for_language(language)
        # the search page of the page's own language, relative to the page
        root = "../" * page.url.count("/")
        prefix = "" if language == _last_corpus.project.default_language else f"{language}/"
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
    """Once per build, after every language is built: the PDFs and the search index."""
    global _depth
    from integra.pdf import FontMissing, build_pdfs
    from integra.opendata import write_open_data
    from integra.search import SearchIndexError, index_site

    _depth -= 1
    if _depth > 0 or _last_corpus is None or _site_root is None:
        return
    corpus = _last_corpus
    if os.environ.get("HUB_EXTRAS") == "0" or _serving:  # benchmarks and previews skip these
        return
    try:
        if not os.environ.get("HUB_ONLY_LANG"):  # a one-language preview skips the PDFs
            results = build_pdfs(corpus, _site_root / "downloads", corpus.project.root / ".cache" / "pdf")
            rendered = [r for r in results if not r.cached]
            log.info("integra: %d PDFs (%d rendered, %d from cache)", len(results), len(rendered), len(results) - len(rendered))
        write_open_data(corpus, _site_root)
        # Material's search index is never loaded (the header form leads to Pagefind): drop it
        for unused in _site_root.glob("**/search/search_index.json"):
            unused.unlink()
        index_site(_site_root)
    except (FontMissing, SearchIndexError) as err:
        raise PluginError(str(err)) from None
    log.info("integra: search index written")
