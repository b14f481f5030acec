"""Rendering entries into pages through Jinja2 templates (integra/templates/).

Pages are Markdown files with embedded HTML that MkDocs (or any engine reading Markdown) turns into
the site. Every text from content is escaped by Jinja's autoescape, and every Markdown field is
rendered to HTML here and cleaned by nh3's allow-list, so nothing in content runs in a browser.
Links between generated pages are relative ``.md`` links, which MkDocs checks and localises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Any

import markdown as markdown_lib
import nh3
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from .model import KINDS, Corpus, Entry
from .search import bundle_folder

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "a", "blockquote", "code", "pre", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td", "abbr", "sup", "sub", "hr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto"}


_MARKDOWN = markdown_lib.Markdown(extensions=["sane_lists", "tables"], output_format="html")


@lru_cache(maxsize=8192)
def markdown_to_html(text: str) -> str:
    """Markdown from content to clean HTML: an allow-list of tags; only http(s) and mailto links."""
    html = _MARKDOWN.reset().convert(text)
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel="noopener noreferrer")


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")


def markdown_inline(text: Any) -> Markup:
    """Plain text placed in Markdown: HTML-escaped and with Markdown's special characters escaped."""
    return Markup(_MD_SPECIAL.sub(r"\\\1", str(escape(text))))


STATUS_PAGE = "translation-status/index.md"
FIND_PAGE = "find/index.md"
OVERVIEW_PAGE = "overview/index.md"


def page_path(kind: str, id: str | None = None) -> str:
    """The Markdown source path of a generated page (default language), e.g. practices/x.md"""
    folder = KINDS[kind].folder
    return f"{folder}/{id}.md" if id else f"{folder}/index.md"


@lru_cache(maxsize=65536)
def relative_link(from_page: str, to_page: str) -> str:
    """Relative link between two source paths, as MkDocs expects in Markdown."""
    start = PurePosixPath(from_page).parent
    target = PurePosixPath(to_page)
    parts_from, parts_to = start.parts, target.parts
    common = 0
    while common < min(len(parts_from), len(parts_to) - 1) and parts_from[common] == parts_to[common]:
        common += 1
    return "/".join([".."] * (len(parts_from) - common) + list(parts_to[common:]))


def url_of(source_path: str, language: str, default_language: str) -> str:
    """Site URL (relative to the site root, directory style) of a page in a language."""
    stem = source_path[: -len(".md")]
    stem = stem[: -len("index")] if stem.endswith("index") else stem + "/"
    return stem if language == default_language else f"{language}/{stem}"


def language_helpers(corpus: Corpus, language: str) -> dict[str, Any]:
    """What every template needs to write in one language: interface strings, vocabulary
    labels, translated entry data and translation states."""
    default = corpus.project.default_language

    strings = corpus.interface.for_language(language)

    def t(key: str, **values: Any) -> str:
        text = strings[key]
        return text.format(**values) if values else text

    def label(vocabulary: str, term: str) -> str:
        return corpus.vocabularies.label(vocabulary, term, language)

    def meta(rows: list[tuple[str, Any]]) -> Markup:
        """The metadata panel: a definition list of (label, value) rows."""
        cells = (Markup('<div class="hub-meta__row"><dt>%s</dt> <dd>%s</dd></div>') % (name, value) for name, value in rows)
        return Markup('<dl class="hub-meta">\n') + Markup("\n").join(cells) + Markup("\n</dl>")

    def chips(vocabulary: str, terms: list[str]) -> Markup:
        return Markup(" ").join(Markup('<span class="hub-chip">%s</span>') % label(vocabulary, term) for term in terms)

    def vocab_title(vocabulary: str) -> str:
        labels = corpus.vocabularies[vocabulary].label
        return labels.get(language) or labels[default]

    def original(text: Any) -> Markup:
        """A text kept as written in the entry (a name): marked with the source's language."""
        if language == default:
            return Markup("%s") % text
        return Markup('<span lang="%s">%s</span>') % (default, text)

    return {
        "t": t,
        "original": original,
        "label": label,
        "chips": chips,
        "meta": meta,
        "vocab_title": vocab_title,
        "data": lambda entry: corpus.translations.localized(language, entry),
        "state_of": lambda entry: corpus.translations.state(language, entry),
        "entry_by_id": corpus.get,
        "language": language,
        "default_language": default,
        "language_name": {lang.code: lang.name for lang in corpus.project.languages},
    }


def make_environment() -> Environment:
    """The Jinja2 environment of every template: autoescape on, undefined names are errors."""
    env = Environment(
        loader=PackageLoader("integra", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = lambda text: Markup(markdown_to_html(str(text))) if text else Markup("")
    env.filters["mdinline"] = markdown_inline
    return env


@dataclass
class Page:
    """One generated page: where it goes (relative to docs/) and its Markdown text."""

    path: str
    text: str


class Renderer:
    """Renders every generated page of the corpus, in every language."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.project = corpus.project
        self.backlinks = corpus.backlinks()
        self.env = make_environment()
        self._helpers: dict[str, dict[str, Any]] = {}

    def helpers(self, language: str) -> dict[str, Any]:
        """language_helpers, made once per language (not once per page)."""
        if language not in self._helpers:
            self._helpers[language] = language_helpers(self.corpus, language)
        return self._helpers[language]

    # -- helpers handed to templates --------------------------------------------------------

    def context(self, language: str, source_path: str) -> dict[str, Any]:
        default = self.project.default_language

        def link(entry: Entry) -> str:
            return relative_link(source_path, page_path(entry.kind, entry.id))

        root = "../" * url_of(source_path, language, default).count("/")
        corpus = self.corpus

        def facet_counts(entries: list[Entry], field: str, vocabulary: str) -> list[tuple[str, int]]:
            from .charts import counts_by

            order = [c.id for c in self.sorted_entries("chapter", language)] if vocabulary == "chapters" else list(corpus.vocabularies[vocabulary].terms)
            found = [(c.key, c.value) for c in counts_by(entries, field, dict.fromkeys(order, "")) if c.value]
            if vocabulary == "countries":  # by name in the reader's language, not by code
                found.sort(key=lambda item: corpus.vocabularies.label("countries", item[0], language))
            return found

        def chapter_title(id: str) -> str:
            chapter = corpus.get("chapter", id)
            return f"{chapter.data.get('order')}. {corpus.translations.localized(language, chapter)['title']}"

        return {
            **self.helpers(language),
            "facet_counts": facet_counts,
            "chapter_title": chapter_title,
            "link": link,
            "root": root,
            "search_bundle": f"{root}{bundle_folder(language, default)}/",
            "page_url": url_of(source_path, language, default),
            "english_url": root + url_of(source_path, default, default),
        }

    def _suffix(self, language: str) -> str:
        return "" if language == self.project.default_language else f".{language}"

    def _render(self, template: str, language: str, source_path: str, **values: Any) -> Page:
        out_path = source_path[: -len(".md")] + self._suffix(language) + ".md"
        text = self.env.get_template(template).render(**self.context(language, source_path), **values)
        return Page(out_path, text)

    def sorted_entries(self, kind: str, language: str) -> list[Entry]:
        entries = self.corpus.of(kind)
        if kind in ("recommendation",):
            chapters = {c.id: c.data.get("order", 0) for c in self.corpus.of("chapter")}
            return sorted(entries, key=lambda e: (chapters.get(e.data.get("chapter"), 0), e.data.get("order", 0), e.id))
        if kind == "chapter":
            return sorted(entries, key=lambda e: (e.data.get("order", 0), e.id))
        title_field = KINDS[kind].title_field
        def key(e: Entry) -> tuple[str, str]:
            title = str(self.corpus.translations.localized(language, e).get(title_field, e.id))
            return title.lstrip("\"'«„“‘(").casefold(), e.id

        return sorted(entries, key=key)

    # -- pages ------------------------------------------------------------------------------

    def entry_page(self, entry: Entry, language: str) -> Page:
        translations = self.corpus.translations
        state = translations.state(language, entry)
        cited = self.backlinks.get((entry.kind, entry.id), [])
        return self._render(
            f"{entry.kind}.md.j2",
            language,
            page_path(entry.kind, entry.id),
            entry=entry,
            d=translations.localized(language, entry),
            state=state,
            cited=cited,
            similar=self.corpus.similar(entry) if entry.kind in ("practice", "case-study") else [],
            chapter=self.corpus.get("chapter", entry.data.get("chapter", "")) if entry.kind == "recommendation" else None,
        )

    def catalogue_page(self, kind: str, language: str) -> Page:
        template = {"recommendation": "guide.md.j2"}.get(kind, f"catalogue-{kind}.md.j2")
        values: dict[str, Any] = {"entries": self.sorted_entries(kind, language), "kind": kind}
        if kind == "recommendation":
            values["chapters"] = [
                (chapter, [r for r in values["entries"] if r.data.get("chapter") == chapter.id])
                for chapter in self.sorted_entries("chapter", language)
            ]
            states = {self.corpus.translations.state(language, e) for e in values["entries"] + self.corpus.of("chapter")}
            values["guide_state"] = next((s for s in ("missing", "outdated", "machine") if s in states), "reviewed")
        return self._render(template, language, page_path(kind), **values)

    def status_page(self, language: str) -> Page:
        from .translation import status_table

        return self._render("translation-status.md.j2", language, STATUS_PAGE, table=status_table(self.corpus))

    def overview_page(self, language: str) -> Page:
        from .charts import bar_chart, counts_by, tile_map

        t = self.helpers(language)["t"]
        practices = self.corpus.of("practice")
        vocab = self.corpus.vocabularies

        def labels(name: str) -> dict[str, str]:
            return {term: vocab.label(name, term, language) for term in vocab[name].terms}

        countries = [c for c in counts_by(practices, "countries", labels("countries")) if c.value]
        countries.sort(key=lambda c: (-c.value, c.label))
        settings = counts_by(practices, "settings", labels("settings"))
        approaches = sorted(counts_by(practices, "approaches", labels("approaches")), key=lambda c: -c.value)
        pictures = [
            ("map", t("map_title"), tile_map(counts_by(practices, "countries", labels("countries")), t("map_title"), "map"), countries, t("map_note")),
            ("settings", t("chart_settings"), bar_chart(settings, t("chart_settings"), "settings"), [c for c in settings if c.value], ""),
            ("approaches", t("chart_approaches"), bar_chart(approaches, t("chart_approaches"), "approaches"), [c for c in approaches if c.value], ""),
        ]
        first = {"map": vocab["countries"].label.get(language, ""), "settings": vocab["settings"].label.get(language, ""), "approaches": vocab["approaches"].label.get(language, "")}
        return self._render("overview.md.j2", language, OVERVIEW_PAGE, pictures=pictures, first_column=first)

    def pages(self, languages: tuple[str, ...] | None = None) -> list[Page]:
        """Every generated page in every language (or only in ``languages``)."""
        out: list[Page] = []
        for language in languages or self.project.language_codes:
            out.append(self.status_page(language))
            out.append(self._render("find.md.j2", language, FIND_PAGE))
            out.append(self.overview_page(language))
            for kind in KINDS.values():
                if not kind.page:
                    continue
                out.append(self.catalogue_page(kind.name, language))
                for entry in self.corpus.of(kind.name):
                    out.append(self.entry_page(entry, language))
        return out
