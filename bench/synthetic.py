"""A synthetic corpus for benchmarks: N valid entries of every kind, with translations, written
into a copy of the hub's configuration. Deterministic: the same N gives the same files."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

from integra.loader import load
from tests.conftest import make_copy
from integra.model import load_corpus
from integra.project import load_project
from integra.translation import source_hash

WORDS = ("prison probation community mentor release family staff training assessment risk needs "
         "cooperation agency support exit dialogue trust reintegration supervision officer plan "
         "review evidence practice service transition network safety listening").split()


def _text(rng: random.Random, words: int) -> str:
    sentences = []
    while sum(len(s.split()) for s in sentences) < words:
        n = rng.randint(8, 16)
        sentences.append(" ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + ".")
    return " ".join(sentences)


def _para(rng: random.Random, words: int) -> str:
    return "\n\n".join(_text(rng, words // 3) for _ in range(3)) + "\n"


def make_project(root: Path, n: int, hub: Path, translate_share: float = 0.3) -> Path:
    """Write a project with about n entries (60% practices) into root; return root."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    make_copy(root, content=None)  # the hub's configuration, with an empty content/ to fill
    vocab = load(hub / "vocabularies.yml", "vocabularies.yml").data  # the hub's loader: NO stays Norway
    terms = {name: list(v["terms"]) for name, v in vocab.items()}
    rng = random.Random(n)
    counts = {"practice": int(n * 0.6), "case-study": int(n * 0.15), "recommendation": int(n * 0.15), "term": n - int(n * 0.6) - 2 * int(n * 0.15)}
    content = root / "content"
    for folder in ("practices", "case-studies", "policy/chapters", "glossary"):
        (content / folder).mkdir(parents=True)
    source = [{"url": "https://example.org/source", "title": "A source", "accessed": "2026-11-26"}]
    practices = [f"practice-{i:05d}" for i in range(counts["practice"])]
    cases = [f"case-{i:05d}" for i in range(counts["case-study"])]
    chapters = [f"chapter-{i}" for i in range(1, 10)]
    for index, chapter in enumerate(chapters, start=1):
        _dump(content / "policy/chapters" / f"{chapter}.yml", {"title": f"Chapter {index}", "order": index, "introduction": _para(rng, 150)})

    def pick(name, low=1, high=3):
        return rng.sample(terms[name], rng.randint(low, min(high, len(terms[name]))))

    for pid in practices:
        _dump(content / "practices" / f"{pid}.yml", {
            "title": _text(rng, 5)[:80], "summary": _text(rng, 25)[:380], "description": _para(rng, 300),
            "countries": pick("countries", 1, 2), "organisation": _text(rng, 4)[:60], "organisation_type": rng.choice(terms["organisation_types"]),
            "settings": pick("settings"), "target_groups": pick("target_groups"), "approaches": pick("approaches"),
            "pathway_stages": pick("pathway_stages"), "ideologies": pick("ideologies", 1, 2), "prevention_level": rng.choice(terms["prevention_levels"]),
            "evidence": _para(rng, 60), "evidence_tier": rng.choice(terms["evidence_tiers"]), "transferability": _para(rng, 60),
            "start_year": rng.randint(2000, 2020), "sources": source, "last_reviewed": "2026-11-26",
            "related": rng.sample([p for p in practices if p != pid], min(3, len(practices) - 1)),
        })
    for cid in cases:
        _dump(content / "case-studies" / f"{cid}.yml", {
            "title": _text(rng, 5)[:80], "summary": _text(rng, 20)[:380], "composite_statement": "An anonymised composite for benchmarks.",
            "situation": _para(rng, 180), "red_flags": [_text(rng, 8) for _ in range(4)], "response": _para(rng, 120), "outcome": _para(rng, 60),
            "lessons": [_text(rng, 10) for _ in range(3)], "settings": pick("settings"), "pathway_stages": pick("pathway_stages"),
            "practices": rng.sample(practices, min(2, len(practices))), "last_reviewed": "2026-11-26",
        })
    per_chapter: dict[str, int] = {}
    for i in range(counts["recommendation"]):
        chapter = chapters[i % len(chapters)]
        per_chapter[chapter] = per_chapter.get(chapter, 0) + 1
        _dump(content / "policy" / f"rec-{i:05d}.yml", {
            "title": _text(rng, 6)[:100], "chapter": chapter, "order": per_chapter[chapter], "recommendation": _text(rng, 30),
            "rationale": _para(rng, 120), "actions": [_text(rng, 10) for _ in range(4)], "audiences": pick("audiences"),
            "levels": pick("levels", 1, 2), "priority": rng.choice(terms["priorities"]), "practices": rng.sample(practices, min(3, len(practices))),
            "case_studies": rng.sample(cases, min(1, len(cases))), "last_reviewed": "2026-11-26",
        })
    for i in range(counts["term"]):
        _dump(content / "glossary" / f"term-{i:05d}.yml", {"term": f"Term {i} " + _text(rng, 2)[:30], "definition": _text(rng, 60), "sources": source})
    # translations: a share of every kind, in every other language, made from the current English
    corpus = load_corpus(load_project(root))
    assert not corpus.problems, corpus.problems[:5]
    for language in corpus.project.language_codes[1:]:
        for entry in corpus.all():
            if rng.random() >= translate_share:
                continue
            # a stand-in translation: the English marked with the language (the check refuses
            # a translation that is still the English)
            fields = {name: _mark(entry.data[name], language) for name in corpus.schemas.translatable(entry.kind) if name in entry.data}
            body = {"translation": {"source": source_hash(corpus, entry), "status": "machine"}, **fields}
            folder = {"practice": "practices", "case-study": "case-studies", "recommendation": "policy", "chapter": "policy/chapters", "term": "glossary"}[entry.kind]
            _dump(root / "translations" / language / folder / f"{entry.id}.yml", body)
    return root


def _mark(value, language: str):
    return [f"({language}) {item}" for item in value] if isinstance(value, list) else f"({language}) {value}"


def _dump(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
