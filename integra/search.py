"""The search index: Pagefind, run over the built site, one index per page language.

Pagefind reads ``<html lang>`` of every page, so a reader on /bg/ searches Bulgarian pages only,
and the browser loads only the index chunks a query needs.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


class SearchIndexError(RuntimeError):
    pass


def index_site(site_dir: Path) -> None:
    """Write site_dir/pagefind/ (the search bundle) from the HTML pages in site_dir."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index {site_dir}: {result.stderr.strip() or result.stdout.strip()}")
