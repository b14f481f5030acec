"""Content translations: status, outdated detection, fallbacks and the errors authors can meet."""

from __future__ import annotations

from pathlib import Path

from integra.model import load_corpus
from integra.project import load_project
from integra.translation import source_hash

from .conftest import SAMPLES, make_copy, run_cli

FR = "translations/fr/practices/sample-mentoring.yml"


def _with_translation(tmp_path: Path, text: str | None = None, rel: str = FR) -> Path:
    root = make_copy(tmp_path)
    corpus = load_corpus(load_project(root))
    entry = corpus.get("practice", "sample-mentoring")
    body = text if text is not None else (SAMPLES / "valid-translations/fr/practices/sample-mentoring.yml").read_text(encoding="utf-8")
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body.replace("PLACEHOLDER", source_hash(corpus, entry)), encoding="utf-8")
    return root


def test_translation_is_used_and_marked_machine(tmp_path):
    corpus = load_corpus(load_project(_with_translation(tmp_path)))
    assert corpus.problems == []
    entry = corpus.get("practice", "sample-mentoring")
    assert corpus.translations.state("fr", entry) == "machine"
    assert corpus.translations.localized("fr", entry)["title"] == "Exemple de programme de mentorat"
    assert corpus.translations.localized("fr", entry)["countries"] == ["DK", "SE"]
    assert corpus.translations.state("pt", entry) == "missing"
    assert corpus.translations.localized("pt", entry)["title"] == "Sample mentoring scheme"


def test_changed_english_makes_translation_outdated(tmp_path):
    root = _with_translation(tmp_path)
    path = root / "content/practices/sample-mentoring.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("A **test** description", "A changed description"), encoding="utf-8")
    corpus = load_corpus(load_project(root))
    entry = corpus.get("practice", "sample-mentoring")
    assert corpus.translations.state("fr", entry) == "outdated"
    result = run_cli(root, "translations")
    assert result.returncode == 0, result.stderr
    assert "outdated  practice/sample-mentoring (update the text, then set source: " in result.stdout


def test_changing_untranslated_fields_keeps_translation_current(tmp_path):
    root = _with_translation(tmp_path)
    path = root / "content/practices/sample-mentoring.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("countries: [DK, SE]", "countries: [DK]"), encoding="utf-8")
    corpus = load_corpus(load_project(root))
    assert corpus.translations.state("fr", corpus.get("practice", "sample-mentoring")) == "machine"


def _problems(root: Path) -> list[str]:
    return [str(p) for p in sorted(set(load_corpus(load_project(root)).problems))]


def test_translation_errors(tmp_path):
    root = _with_translation(tmp_path)
    good = (root / FR).read_text(encoding="utf-8")
    (root / FR).write_text(good + "countries: [FR]\ncolour: blue\n", encoding="utf-8")
    (root / "translations/fr/practices/no-such-entry.yml").write_text(good, encoding="utf-8")
    (root / "translations/de/practices").mkdir(parents=True)
    (root / "translations/de/practices/sample-mentoring.yml").write_text(good, encoding="utf-8")
    (root / "translations/fr/practises").mkdir(parents=True)
    (root / "translations/fr/practises/sample-mentoring.yml").write_text(good, encoding="utf-8")
    problems = _problems(root)
    assert problems == [
        "translations/de/practices/sample-mentoring.yml:1: 'de' is not a translation language of the site (allowed: fr, pt, bg, el); languages are configured in mkdocs.yml",
        "translations/fr/practices/no-such-entry.yml:1: translates 'no-such-entry', but there is no content/practices/no-such-entry.yml",
        "translations/fr/practices/sample-mentoring.yml:10: countries: is not translated: it stays in the English entry only (translatable fields: title, summary, description, evidence, transferability, caveats)",
        "translations/fr/practices/sample-mentoring.yml:11: colour: is not a field of a practice (translatable fields: title, summary, description, evidence, transferability, caveats)",
        "translations/fr/practises/sample-mentoring.yml:1: 'practises' is not a kind of entry (allowed folders: practices, case-studies, policy, policy/chapters, glossary, seminars); did you mean 'practices'?",
    ]


def test_translation_without_status_or_with_missing_field(tmp_path):
    root = _with_translation(tmp_path, "title: Titre\nsummary: Résumé\ndescription: Texte\n")
    problems = _problems(root)
    assert any(p.startswith(f"{FR}:1: translation: is missing") for p in problems), problems
    assert any(p == f"{FR}:1: evidence: is missing: translate every translatable field the English has" for p in problems), problems


def test_translation_follows_the_schema_rules(tmp_path):
    root = _with_translation(tmp_path)
    path = root / FR
    path.write_text(path.read_text(encoding="utf-8").replace("title: Exemple de programme de mentorat", "title: " + "x" * 150), encoding="utf-8")
    assert f"{FR}:4: title: is 150 characters long; at most 140 allowed" in _problems(root)


def test_scaffolded_translation_takes_apostrophes_and_is_refused_until_translated(tmp_path):
    """`make new ... LANG=fr` writes each text as a YAML block: a French translator can type
    apostrophes and colons with no quoting rules. Left untranslated, the check says so."""
    root = make_copy(tmp_path)
    result = run_cli(root, "new", "practice", "sample-mentoring", "--lang", "fr")
    assert result.returncode == 0, result.stderr
    path = root / FR
    assert _problems(root) == [f"{FR}:9: title: is still the English text, like every field of this file: translate it (or delete the file until it is translated)"]
    text = path.read_text(encoding="utf-8")
    assert "title: >-\n  Sample mentoring scheme\n" in text
    text = text.replace("  Sample mentoring scheme\n", "  L'exemple : un programme « de mentorat »\n")
    path.write_text(text, encoding="utf-8")
    assert _problems(root) == []
    corpus = load_corpus(load_project(root))
    assert corpus.translations.localized("fr", corpus.get("practice", "sample-mentoring"))["title"] == "L'exemple : un programme « de mentorat »"
