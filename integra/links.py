"""Outside links: every source URL of the content and every web link of the hand-written pages,
checked over the network. Run on demand (``make links``); it reports and never blocks CI, since
sites move and networks fail in ways that say nothing about the hub."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .model import Corpus
from .site import generated_folders

_URL = re.compile(r"https?://[^\s)<>\]\"']+")


def outside_links(corpus: Corpus) -> dict[str, list[str]]:
    """URL -> the files that cite it."""
    found: dict[str, list[str]] = {}
    for entry in corpus.all():
        for source in entry.data.get("sources") or []:
            if isinstance(source, dict) and isinstance(source.get("url"), str):
                found.setdefault(source["url"], []).append(entry.path)
    for page in sorted(corpus.project.docs_dir.rglob("*.md")):
        rel = corpus.project.relative(page)
        if rel.split("/")[1] in generated_folders():
            continue  # generated from content, already counted
        for url in _URL.findall(page.read_text(encoding="utf-8")):
            found.setdefault(url.rstrip(".,;"), []).append(rel)
    return found


def check(url: str, timeout: float = 10.0) -> str:
    """'ok', or what went wrong."""
    request = urllib.request.Request(url, method="HEAD", headers={"User-Agent": "integra-hub-linkcheck"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return "ok" if response.status < 400 else f"HTTP {response.status}"
    except urllib.error.HTTPError as err:
        if err.code in (403, 405):  # some sites refuse HEAD; try GET
            try:
                with urllib.request.urlopen(urllib.request.Request(url, headers={"User-Agent": "integra-hub-linkcheck"}), timeout=timeout) as response:
                    return "ok" if response.status < 400 else f"HTTP {response.status}"
            except Exception as inner:  # noqa: BLE001 - report whatever the network says
                return type(inner).__name__ + f": {inner}"
        return f"HTTP {err.code}"
    except Exception as err:  # noqa: BLE001 - report whatever the network says
        return type(err).__name__ + f": {getattr(err, 'reason', err)}"


def check_all(corpus: Corpus, workers: int = 8) -> list[tuple[str, str, list[str]]]:
    links = outside_links(corpus)
    with ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(check, links))
    return [(url, result, files) for (url, files), result in zip(links.items(), results)]
