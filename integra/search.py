"""The search index: Pagefind, run over the built site, one bundle per language.

Each language has its own bundle: ``/pagefind/`` for the default language, ``/<lang>/pagefind/``
for the others, indexing only that language's pages. A reader on /bg/ searches Bulgarian pages
only, the browser loads only the index chunks a query needs, and each language can be indexed as
soon as its pages are built (integra.build does that in the language's own process).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


class SearchIndexError(RuntimeError):
    pass


def bundle_folder(language: str, default_language: str) -> str:
    """Where a language's search bundle lives, from the site's root."""
    return "pagefind" if language == default_language else f"{language}/pagefind"


def index_language(site_dir: Path, language: str, languages: tuple[str, ...]) -> None:
    """Write the search bundle of one language (``languages[0]`` is the default language) from
    its HTML pages in site_dir; the other languages' folders may be there or not."""
    default = languages[0]
    if language == default:  # the root, without the other languages' folders
        names = sorted(p.name for p in site_dir.iterdir() if p.name not in languages and p.name != "pagefind")
        patterns = [f"{name}/**/*.html" if (site_dir / name).is_dir() else name for name in names if (site_dir / name).is_dir() or name.endswith(".html")]
        glob = "{" + ",".join(patterns) + "}"
    else:
        glob = f"{language}/**/*.html"
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--glob", glob,
               "--output-subdir", bundle_folder(language, default), "--silent"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index the '{language}' pages of {site_dir}: {result.stderr.strip() or result.stdout.strip()}")
    # Pagefind may list languages in a different order on each run: sort, so that the same input
    # gives the same bytes.
    entry = site_dir / bundle_folder(language, default) / "pagefind-entry.json"
    if entry.is_file():
        data = json.loads(entry.read_text(encoding="utf-8"))
        entry.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def index_site(site_dir: Path, languages: tuple[str, ...]) -> None:
    """Every language's search bundle (``languages[0]`` is the default language)."""
    for language in languages:
        index_language(site_dir, language, languages)
