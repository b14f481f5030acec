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
    assert run_cli(root, "build", "--site-dir", str(first)).returncode == 0
    shutil.rmtree(root / ".cache", ignore_errors=True)  # render the PDFs again, not from the cache
    assert run_cli(root, "build", "--site-dir", str(second)).returncode == 0
    a, b = _digest(first), _digest(second)
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []
    assert any(name.endswith(".pdf") for name in a)


def test_languages_built_in_parallel_give_the_same_site_as_one_mkdocs_build(tmp_path):
    """`make build` runs one MkDocs process per language and puts them together; a plain
    `mkdocs build` (mkdocs-static-i18n building the languages one after the other) must give the
    same site. The only difference allowed: the plain build leaves the last language's 404 page at
    the root, the parallel one the default language's."""
    (tmp_path / "project").mkdir()
    root = make_copy(tmp_path / "project")
    parallel, plain = tmp_path / "parallel", tmp_path / "plain"
    result = run_cli(root, "build", "--site-dir", str(parallel))
    assert result.returncode == 0, result.stderr
    assert mkdocs_build(root, plain).returncode == 0
    a, b = _digest(parallel), _digest(plain)
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == ["404.html"]
    assert '<html lang="en"' in (parallel / "404.html").read_text(encoding="utf-8")
    sitemap = (parallel / "sitemap.xml").read_text(encoding="utf-8")
    for language in ("fr", "pt", "bg", "el"):
        assert f"<loc>https://integra-hub.example.org/{language}/practices/</loc>" in sitemap
    assert not (parallel / "search").exists()  # Material's unused index is not published


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
