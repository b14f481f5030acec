"""The real site, built with MkDocs in strict mode: every page in every language, links resolve,
nothing is loaded from outside the site."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest

from .conftest import LANGUAGES

KIND_FOLDERS = {"practice": "practices", "case-study": "case-studies", "recommendation": "policy", "term": "glossary"}


def _page(site: Path, language: str, path: str) -> Path:
    prefix = "" if language == "en" else f"{language}/"
    return site / f"{prefix}{path}" / "index.html"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_has_a_page_in_every_language(built_site, corpus, language):
    missing = []
    for kind, folder in KIND_FOLDERS.items():
        if not _page(built_site, language, folder).is_file():
            missing.append(f"{folder}/ catalogue")
        for entry in corpus.of(kind):
            if not _page(built_site, language, f"{folder}/{entry.id}").is_file():
                missing.append(f"{folder}/{entry.id}")
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_declare_their_language_and_alternates(built_site, corpus, language):
    html = _page(built_site, language, "practices").read_text(encoding="utf-8")
    assert f'<html lang="{language}"' in html
    entry = sorted(corpus.of("practice"), key=lambda e: e.id)[0]
    page = _page(built_site, language, f"practices/{entry.id}").read_text(encoding="utf-8")
    for other in LANGUAGES:
        prefix = "" if other == "en" else f"{other}/"
        assert f'<link rel="alternate" href="https://integra-hub.example.org/{prefix}practices/{entry.id}/" hreflang="{other}">' in page, other
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f'hreflang="{language}" href="https://integra-hub.example.org/{"" if language == "en" else language + "/"}practices/{entry.id}/"' in sitemap


def test_catalogue_lists_every_practice(built_site, corpus):
    html = _page(built_site, "en", "practices").read_text(encoding="utf-8")
    for entry in corpus.of("practice"):
        assert f'href="{entry.id}/"' in html


def test_practice_lists_recommendations_that_cite_it(built_site, corpus):
    checked = 0
    for rec in corpus.of("recommendation"):
        for practice_id in rec.data.get("practices", []):
            html = _page(built_site, "en", f"practices/{practice_id}").read_text(encoding="utf-8")
            assert f"policy/{rec.id}/" in html, (practice_id, rec.id)
            checked += 1
    assert checked > 0


def test_schemas_are_published(built_site):
    names = {p.name for p in (built_site / "schemas").glob("*.json")}
    assert {"practice.schema.json", "case-study.schema.json", "recommendation.schema.json", "term.schema.json", "vocabularies.schema.json"} <= names


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name):
                self.links.append((tag, attrs[name]))


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_internal_links_and_anchors_resolve(built_site):
    pages = sorted(built_site.rglob("*.html"))
    parsed = {page: _parse(page) for page in pages}
    broken = []
    for page, links in parsed.items():
        for tag, link in links.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith(("//", "mailto:")):
                continue
            target_url, fragment = urldefrag(link)
            if target_url.startswith("/"):  # the 404 page links from the site root
                target = (built_site / unquote(target_url).lstrip("/")).resolve()
            else:
                target = (page.parent / unquote(target_url)).resolve() if target_url else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)} -> {link}")
            elif fragment and target.suffix == ".html" and fragment not in parsed.get(target, _parse(target)).ids:
                broken.append(f"{page.relative_to(built_site)} -> {link} (no anchor)")
    assert broken == []


def test_no_page_loads_anything_from_outside(built_site):
    outside = []
    for page in built_site.rglob("*.html"):
        for tag, link in _parse(page).links:
            if tag in ("script", "img", "link", "iframe", "source", "video", "audio") and re.match(r"^(https?:)?//", link):
                if tag == "link" and _is_alternate_or_canonical(page, link):
                    continue
                outside.append(f"{page.relative_to(built_site)}: <{tag}> {link}")
    assert outside == []


def _is_alternate_or_canonical(page: Path, link: str) -> bool:
    text = page.read_text(encoding="utf-8")
    return bool(re.search(r'<link[^>]+rel="(canonical|alternate)"[^>]+href="' + re.escape(link) + '"', text) or re.search(r'<link[^>]+href="' + re.escape(link) + '"[^>]+rel="(canonical|alternate)"', text))


@pytest.mark.parametrize("language", LANGUAGES)
def test_facts_read_as_words_where_tags_are_dropped(built_site, corpus, language):
    """Search excerpts and text readers join the text of neighbouring elements as it is: each
    label of an entry's facts panel is followed by a space before its value ("Date 2020", not
    "Date2020")."""
    entry = corpus.of("practice")[0]
    html = _page(built_site, language, f"practices/{entry.id}").read_text(encoding="utf-8")
    panel = html[html.index('<dl class="hub-meta">'):html.index("</dl>", html.index('<dl class="hub-meta">'))]
    text = re.sub(r"<[^>]+>", "", panel)
    labels = re.findall(r"<dt>([^<]+)</dt>", panel)
    assert len(labels) >= 8
    for label in labels:
        assert re.search(re.escape(label) + r"\s", text), label
