"""Whole builds: same input gives byte-identical sites and PDFs; a failed build keeps the old site."""

from __future__ import annotations

import hashlib
import shutil

from .conftest import make_copy, mkdocs_build, run_cli


def _digest(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path):
    (tmp_path / "project").mkdir()
    root = make_copy(tmp_path / "project")
    first, second = tmp_path / "one", tmp_path / "two"
    assert mkdocs_build(root, first).returncode == 0
    shutil.rmtree(root / ".cache", ignore_errors=True)  # render the PDFs again, not from the cache
    assert mkdocs_build(root, second).returncode == 0
    a, b = _digest(first), _digest(second)
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []
    assert any(name.endswith(".pdf") for name in a)


def test_failed_build_keeps_the_previous_site(tmp_path):
    root = make_copy(tmp_path)
    assert run_cli(root, "build").returncode == 0
    before = _digest(root / "site")
    path = root / "content/practices/sample-mentoring.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("settings: [prison, transition]", "settings: [prisons]"), encoding="utf-8")
    result = run_cli(root, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "content/practices/sample-mentoring.yml:11: settings[0]: 'prisons' is not a term" in result.stderr
    assert _digest(root / "site") == before
    assert not (root / "site.new").exists()


def test_failed_mkdocs_step_keeps_the_previous_site(tmp_path):
    root = make_copy(tmp_path)
    assert run_cli(root, "build").returncode == 0
    before = _digest(root / "site")
    (root / "docs" / "index.md").write_text("# Home\n\n[broken](no-such-page.md)\n", encoding="utf-8")
    result = run_cli(root, "build")
    assert result.returncode == 1
    assert "site/ was left as it was" in result.stderr
    assert _digest(root / "site") == before
