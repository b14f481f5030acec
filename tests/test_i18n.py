"""Every language is real: no English interface text on the pages of another language, every
interface string and vocabulary label exists in every language, the whole guide exists in each."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from .conftest import LANGUAGES

MATERIAL_ENGLISH = ["Table of contents", "Back to top", "Select language", "Initializing search"]


class _VisibleText(HTMLParser):
    """Text of a page outside <script>/<style> and outside parts marked lang="en" (English shown
    on purpose, with a notice, where an entry is not yet translated)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, language: str):
        super().__init__()
        self.language = language
        self.stack: list[tuple[str, bool]] = []
        self.parts: list[str] = []

    def _skipping(self) -> bool:
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            attrs = dict(attrs)
            for name in ("placeholder", "aria-label", "title", "alt"):
                if attrs.get(name) and not self._skipping():
                    self.parts.append(attrs[name])
            return
        attrs = dict(attrs)
        skip = (tag in ("script", "style") or (attrs.get("lang") not in (None, self.language) and tag != "html")
                or attrs.get("hreflang") == "en" or "hub-sources" in (attrs.get("class") or ""))  # cited titles keep their language
        self.stack.append((tag, skip))
        for name in ("aria-label", "title", "alt"):
            if attrs.get(name) and not self._skipping():
                self.parts.append(attrs[name])

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not self._skipping():
            self.parts.append(data)


def _visible(path, language) -> tuple[str, set[str]]:
    """The page's visible text, and the set of its separate text pieces (headings, labels...)."""
    parser = _VisibleText(language)
    parser.feed(path.read_text(encoding="utf-8"))
    pieces = {" ".join(part.split()) for part in parser.parts}
    return " ".join(" ".join(parser.parts).split()), pieces


def test_every_interface_string_and_label_has_every_language(corpus):
    for key, labels in corpus.interface.strings.items():
        assert set(LANGUAGES) <= set(labels), key
    for name, vocabulary in corpus.vocabularies.items():
        assert set(LANGUAGES) <= set(vocabulary.label), name
        for term, labels in vocabulary.terms.items():
            assert set(LANGUAGES) <= set(labels), (name, term)


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_no_english_interface_text_on_other_languages_pages(built_site, corpus, language):
    english = {labels["en"] for labels in corpus.interface.strings.values() if labels["en"] != labels[language] and len(labels["en"]) > 3}
    english = {text.split("{")[0].strip() for text in english if text.split("{")[0].strip()}
    # vocabulary labels of two words or more (one-word ones such as a country also occur in names)
    english |= {labels["en"] for v in corpus.vocabularies.values() for labels in v.terms.values() if labels["en"] != labels[language] and " " in labels["en"]}
    english |= set(MATERIAL_ENGLISH)
    found: dict[str, list[str]] = {}
    pages = sorted((built_site / language).rglob("index.html"))
    assert len(pages) > 20
    for page in pages:
        text, pieces = _visible(page, language)
        # a phrase anywhere; a single word only as a whole label (it also occurs inside names,
        # such as "RAN Collection of Inspiring Practices")
        hits = sorted(s for s in english if (s in text if " " in s else s in pieces))
        if hits:
            found[str(page.relative_to(built_site))] = hits[:5]
    assert found == {}


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_the_whole_guide_is_translated(corpus, language):
    untranslated = [f"{e.kind}/{e.id}" for e in corpus.of("recommendation") + corpus.of("chapter") if corpus.translations.state(language, e) not in ("machine", "reviewed")]
    assert untranslated == []


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_translation_floor_per_language(corpus, language):
    def done(kind):
        return sum(corpus.translations.state(language, e) in ("machine", "reviewed") for e in corpus.of(kind))

    assert done("term") == len(corpus.of("term"))
    assert done("practice") >= 10
    assert done("case-study") >= 3


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_home_and_project_pages_are_translated(project, language):
    for page in ["index.md", "integra/index.md", "integra/state-of-the-art.md", "integra/risk-assessment.md", "integra/training-programme.md", "integra/mentoring-model.md", "integra/e-learning.md", "contribute.md"]:
        assert (project.docs_dir / page.replace(".md", f".{language}.md")).is_file(), page


def test_no_translation_is_left_in_english(corpus):
    """A translation file whose long texts equal the English is an unfinished scaffold."""
    untranslated = []
    for (language, kind, id_), translation in corpus.translations.files.items():
        for name, value in translation.fields.items():
            original = translation.entry.data.get(name)
            if name not in ("title", "term") and isinstance(value, str) and len(value) > 40 and value == original:  # names may stay
                untranslated.append(f"{language}/{kind}/{id_}: {name}")
    assert untranslated == []
