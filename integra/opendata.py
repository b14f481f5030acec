"""Open data: every entry as JSON and CSV per language under /data/<lang>/, and an Atom feed of
new and updated entries per language.

A JSON file holds ``{"kind", "language", "schema", "entries": {id: entry}}``; each entry is the
entry's data with its translatable fields in that language, so it validates against the kind's
published JSON Schema (/schemas/). CSV files flatten lists with "; " for spreadsheets.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.sax.saxutils import escape

from .model import KINDS, Corpus
from .render import page_path, url_of

DATA_FILES = {"practice": "practices", "case-study": "case-studies", "recommendation": "recommendations", "chapter": "guide-chapters", "term": "glossary", "seminar": "seminars"}
LICENCE = "CC-BY-4.0"


def _flatten(value) -> str:
    if isinstance(value, list):
        return "; ".join(_flatten(v) for v in value)
    if isinstance(value, dict):
        return value.get("url") or json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "" if value is None else str(value)


def data_files(corpus: Corpus) -> dict[str, str]:
    """Relative path under the site -> text, for every open-data file."""
    out: dict[str, str] = {}
    for language in corpus.project.language_codes:
        for kind, name in DATA_FILES.items():
            entries = sorted(corpus.of(kind), key=lambda e: e.id)
            if not entries:
                continue
            localized = {e.id: corpus.translations.localized(language, e) for e in entries}
            document = {
                "kind": kind,
                "language": language,
                "licence": LICENCE,
                "schema": f"../../schemas/{KINDS[kind].schema_file}",
                "entries": localized,
            }
            out[f"data/{language}/{name}.json"] = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
            fields = list(corpus.schemas.properties(kind))
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow(["id", "translation", *fields])
            for entry in entries:
                state = corpus.translations.state(language, entry)
                writer.writerow([entry.id, state, *(_flatten(localized[entry.id].get(f)) for f in fields)])
            out[f"data/{language}/{name}.csv"] = buffer.getvalue()
        out[("" if language == corpus.project.default_language else f"{language}/") + "feed.xml"] = atom_feed(corpus, language)
    return out


def atom_feed(corpus: Corpus, language: str, limit: int = 50) -> str:
    """The newest entries (by last_reviewed) as an Atom feed, in one language."""
    from .render import language_helpers

    helpers = language_helpers(corpus, language)
    base = corpus.project.site_url.rstrip("/") + "/"
    default = corpus.project.default_language
    dated = [e for e in corpus.all() if KINDS[e.kind].page and e.data.get("last_reviewed")]
    dated.sort(key=lambda e: (str(e.data["last_reviewed"]), e.kind, e.id), reverse=True)
    dated = dated[:limit]
    updated = str(dated[0].data["last_reviewed"]) if dated else "2020-01-01"
    home = base + url_of("index.md", language, default)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{language}">',
        f"  <title>{escape(corpus.project.site_name)}</title>",
        f'  <link href="{escape(home)}"/>',
        f'  <link rel="self" href="{escape(home + "feed.xml")}"/>',
        f"  <id>{escape(home)}</id>",
        f"  <updated>{updated}T00:00:00Z</updated>",
        f"  <rights>{LICENCE}</rights>",
    ]
    for entry in dated:
        data = helpers["data"](entry)
        url = base + url_of(page_path(entry.kind, entry.id), language, default)
        title = data.get(KINDS[entry.kind].title_field, entry.id)
        summary = data.get("summary") or ""
        lines += [
            "  <entry>",
            f"    <title>{escape(str(title))}</title>",
            f'    <link href="{escape(url)}"/>',
            f"    <id>{escape(url)}</id>",
            f"    <updated>{entry.data['last_reviewed']}T00:00:00Z</updated>",
            f"    <author><name>{escape(corpus.project.site_name)}</name></author>",
            f"    <summary>{escape(str(summary))}</summary>" if summary else "",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(line for line in lines if line) + "\n"


def write_open_data(corpus: Corpus, site_dir: Path) -> int:
    files = data_files(corpus)
    for rel, text in files.items():
        path = site_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return len(files)
