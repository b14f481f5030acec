"""Every entry file of the real corpus, each its own test, plus the counts."""

from __future__ import annotations

import pytest

from integra.model import KINDS, entry_files
from integra.project import load_project

from .conftest import ROOT

PROJECT = load_project(ROOT)
FILES = [path for kind in KINDS.values() for path in entry_files(PROJECT, kind)]


@pytest.mark.parametrize("path", FILES, ids=[PROJECT.relative(p) for p in FILES])
def test_entry_has_no_problem(corpus, path):
    rel = PROJECT.relative(path)
    problems = [str(p) for p in corpus.problems if p.path == rel]
    assert problems == []


def test_every_file_is_an_entry(corpus):
    assert len(list(corpus.all())) == len(FILES)


def test_corpus_has_no_problem_anywhere(corpus):
    assert [str(p) for p in corpus.problems] == []


def test_corpus_counts(corpus):
    """The corpus floors: 30 practices, 8 case studies, 25 recommendations, 40 terms, 2 packs."""
    assert len(corpus.of("practice")) >= 30
    assert len(corpus.of("case-study")) >= 8
    assert len(corpus.of("recommendation")) >= 25
    assert len(corpus.of("term")) >= 40
    assert len(corpus.of("seminar")) >= 2


@pytest.mark.parametrize("path", [p for p in FILES if "/practices/" in p.as_posix()], ids=lambda p: p.stem)
def test_practice_description_length(corpus, path):
    words = len(corpus.get("practice", path.stem).data["description"].split())
    assert 150 <= words <= 400, words


def test_foundation_minimum_content(corpus):
    assert len(corpus.of("practice")) >= 6
    assert len(corpus.of("case-study")) >= 2
    assert len(corpus.of("recommendation")) >= 6
    assert len(corpus.of("term")) >= 10


def test_committed_vocabulary_schema_is_current(corpus):
    """schemas/vocabularies.schema.json is made from vocabularies.yml (make build refreshes it)."""
    committed = (ROOT / "schemas" / "vocabularies.schema.json").read_text(encoding="utf-8")
    assert committed == corpus.schemas.published()["vocabularies.schema.json"]
