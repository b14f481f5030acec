"""Broken input: every message an author can meet, asserted whole (tests/samples/broken.expected).

The sample folder tests/samples/broken/ holds one file per kind of mistake. The full list of
messages is stored beside it, so a change to any message shows up here and documents itself.
"""

from __future__ import annotations

import re

from integra.model import load_corpus
from integra.project import load_project

from .conftest import SAMPLES, make_copy, run_cli

# Every message names a file, a line, and (after the line) a field or a file-level problem.
LINE = re.compile(r"^content/[a-z/-]+/[A-Za-z0-9_.-]+:\d+: .+$")


def broken_problems(tmp_path):
    root = make_copy(tmp_path, SAMPLES / "broken")
    corpus = load_corpus(load_project(root))
    return [str(p) for p in sorted(set(corpus.problems))]


def test_broken_samples_give_exactly_the_expected_messages(tmp_path):
    expected = (SAMPLES / "broken.expected").read_text(encoding="utf-8").splitlines()
    assert broken_problems(tmp_path) == expected


def test_every_message_names_file_and_line(tmp_path):
    for line in broken_problems(tmp_path):
        assert LINE.match(line), line


def test_check_command_reports_all_and_fails_without_traceback(tmp_path):
    root = make_copy(tmp_path, SAMPLES / "broken")
    result = run_cli(root, "check")
    expected = (SAMPLES / "broken.expected").read_text(encoding="utf-8").splitlines()
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == expected + [f"check failed: {len(expected)} problems"]


def test_entry_that_lost_its_title_names_path_line_and_field(tmp_path):
    root = make_copy(tmp_path)
    path = root / "content" / "practices" / "sample-mentoring.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Sample mentoring scheme\n", ""), encoding="utf-8")
    result = run_cli(root, "check")
    assert result.returncode == 1
    assert "content/practices/sample-mentoring.yml:1: title: is missing; this field is required" in result.stderr


def test_valid_samples_pass(tmp_path):
    root = make_copy(tmp_path)
    result = run_cli(root, "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("check passed: 2 practice, 1 case-study, 1 recommendation, 1 chapter, 2 term")


def test_case_studies_flag_personal_data(tmp_path):
    root = make_copy(tmp_path)
    path = root / "content/case-studies/sample-case.yml"
    text = "He wrote to jo.doe@mail.com, called +33 6 12 34 56 78, showed ID 850101-1234 and stayed at Kremikovci in 2019."
    path.write_text(path.read_text(encoding="utf-8").replace("A situation.", text), encoding="utf-8")
    problems = [str(p) for p in load_corpus(load_project(root)).problems]
    where = "content/case-studies/sample-case.yml:4: situation:"
    assert any(p.startswith(f"{where} looks like an e-mail address") for p in problems), problems
    assert any(p.startswith(f"{where} looks like a phone number") for p in problems), problems
    assert any(p.startswith(f"{where} looks like an ID number") for p in problems), problems
    assert any(p.startswith(f"{where} names 'Kremikovci'") for p in problems), problems


def test_ordinary_numbers_are_not_personal_data(tmp_path):
    root = make_copy(tmp_path)
    path = root / "content/case-studies/sample-case.yml"
    text = "In 2019, 65 officers from 4 countries met for 5 days; the unit held 20 places (2017-2020)."
    path.write_text(path.read_text(encoding="utf-8").replace("A situation.", text), encoding="utf-8")
    assert load_corpus(load_project(root)).problems == []


def test_oversized_file_is_refused(tmp_path):
    root = make_copy(tmp_path)
    path = root / "content/glossary/sample-term.yml"
    path.write_text(path.read_text(encoding="utf-8") + "# " + "x" * 300_000 + "\n", encoding="utf-8")
    problems = [str(p) for p in load_corpus(load_project(root)).problems]
    assert problems == ["content/glossary/sample-term.yml:1: file is 293 KB; at most 256 KB allowed (split the text or shorten it)"]


def test_ids_differing_only_in_case_are_duplicates(tmp_path):
    root = make_copy(tmp_path)
    source = root / "content/glossary/other-term.yml"
    (root / "content/glossary/Other-Term.yml").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    problems = [str(p) for p in load_corpus(load_project(root)).problems]
    assert "content/glossary/other-term.yml:1: id 'other-term' is used by 2 files of this kind; ids must be unique" in problems
    assert any(p.startswith("content/glossary/Other-Term.yml:1: file name 'Other-Term' is not a valid id") for p in problems)
