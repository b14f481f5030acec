"""The search index: Pagefind, run over the built site, one index per page language.

Pagefind reads ``<html lang>`` of every page, so a reader on /bg/ searches Bulgarian pages only,
and the browser loads only the index chunks a query needs.
"""

from __future__ import annotations

import json
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
    # Pagefind lists the languages in a different order on each run: sort them, so that the same
    # input gives the same bytes.
    entry = site_dir / "pagefind" / "pagefind-entry.json"
    if entry.is_file():
        data = json.loads(entry.read_text(encoding="utf-8"))
        entry.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
