"""MkDocs adapter: before MkDocs collects files, generate the hub's pages from content/.

The work is the core's (``integra``); this hook only calls it on ``on_config`` and turns content
problems into a build error (no traceback). mkdocs-static-i18n runs the build once per language;
the pages of every language are generated on the first run, and again only when an input changed.
"""

from __future__ import annotations

import logging
import os
from datetime import date, datetime, timezone
from pathlib import Path

from mkdocs.exceptions import PluginError

from integra.model import load_corpus
from integra.project import load_project
from integra.site import write_pages

log = logging.getLogger("mkdocs.hooks.integra")
_INPUTS = ("content", "translations", "schemas", "vocabularies.yml", "integra")
_last_fingerprint: tuple | None = None
_last_corpus = None


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
    written, removed = write_pages(corpus, Path(config.docs_dir))
    log.info("integra: %d generated pages written, %d stale removed", written, removed)
    _last_fingerprint = _fingerprint(root)
    _last_corpus = corpus
    return config


def on_post_build(config):
    """Once per build (in the default language's pass): make the PDFs into site/downloads/."""
    from integra.pdf import FontMissing, build_pdfs

    corpus = _last_corpus
    if corpus is None or config.theme.get("language") != corpus.project.default_language:
        return
    try:
        results = build_pdfs(corpus, Path(config.site_dir) / "downloads", corpus.project.root / ".cache" / "pdf")
    except FontMissing as err:
        raise PluginError(str(err)) from None
    rendered = [r for r in results if not r.cached]
    log.info("integra: %d PDFs (%d rendered, %d from cache)", len(results), len(rendered), len(results) - len(rendered))
