"""The printed PDFs, made by WeasyPrint from the real content: every language, checked with pypdf
and poppler (fonts), and reproducible byte for byte."""

from __future__ import annotations

import subprocess

import pytest
from pypdf import PdfReader

from integra.pdf import build_pdfs, jobs, render_html, write_pdf

from .conftest import LANGUAGES

SAMPLE_WORDS = {"en": "Contents", "fr": "Contenu", "pt": "Conteúdo", "bg": "Съдържание", "el": "Περιεχόμενα"}


@pytest.fixture(scope="module")
def pdfs(built_site):
    """The PDFs that the real build wrote into site/downloads/, with their page counts."""
    out = built_site / "downloads"
    return out, {path.name: PdfReader(path) for path in sorted(out.glob("*.pdf"))}


def test_guide_and_catalogue_exist_in_every_language(pdfs):
    out, results = pdfs
    for language in LANGUAGES:
        for name in (f"guide.{language}.pdf", f"catalog.{language}.pdf"):
            assert (out / name).is_file(), name
            assert len(results[name].pages) >= 3


def test_every_seminar_pack_exists_for_each_listed_language(pdfs, corpus):
    out, _ = pdfs
    for seminar in corpus.of("seminar"):
        for language in seminar.data["languages"]:
            assert (out / f"seminar-{seminar.id}.{language}.pdf").is_file()


@pytest.mark.parametrize("language", LANGUAGES)
def test_guide_structure_text_and_metadata(pdfs, corpus, language):
    out, results = pdfs
    reader = results[f"guide.{language}.pdf"]
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=1)  # A4
    text = "".join(page.extract_text() for page in reader.pages)
    assert SAMPLE_WORDS[language] in text
    assert "Erasmus+" in text
    outline_titles = [item.title for item in reader.outline if not isinstance(item, list)]
    chapters = corpus.of("chapter")
    assert len(outline_titles) >= len(chapters)
    meta = reader.metadata
    assert meta.title and meta.author
    assert reader.trailer["/Root"].get("/Lang") == language
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged PDF
    assert f"1 / {len(reader.pages)}" not in reader.pages[0].extract_text()  # no number on the cover
    assert f"2 / {len(reader.pages)}" in reader.pages[1].extract_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_every_practice_bookmarked(pdfs, corpus, language):
    out, _ = pdfs
    reader = PdfReader(out / f"catalog.{language}.pdf")

    def flatten(items):
        for item in items:
            yield from flatten(item) if isinstance(item, list) else [item]

    titles = [item.title for item in flatten(reader.outline)]
    assert len(titles) >= len(corpus.of("practice"))


@pytest.mark.parametrize("name", ["guide.bg.pdf", "guide.el.pdf", "catalog.fr.pdf"])
def test_fonts_are_embedded_and_cover_the_script(pdfs, name):
    out, _ = pdfs
    fonts = subprocess.run(["pdffonts", str(out / name)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts, "no font at all"
    for line in fonts:
        columns = line.split()
        assert "Noto" in columns[0], line
        assert columns[-5] == "yes", f"font not embedded: {line}"


def test_same_input_gives_same_bytes(corpus, tmp_path):
    job = next(j for j in jobs(corpus) if j.name == "guide.el.pdf")
    html = render_html(corpus, job)
    write_pdf(html, tmp_path / "a.pdf")
    write_pdf(render_html(corpus, job), tmp_path / "b.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_unchanged_pdf_comes_from_the_cache(corpus, tmp_path):
    only = {"guide.en.pdf"}
    first = build_pdfs(corpus, tmp_path / "out", tmp_path / "cache", only=only)
    second = build_pdfs(corpus, tmp_path / "out", tmp_path / "cache", only=only)
    assert [r.cached for r in first] == [False]
    assert [r.cached for r in second] == [True]
