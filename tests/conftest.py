"""Shared fixtures: the real project, throw-away copies of it, and one real site build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from integra.model import load_corpus
from integra.project import load_project

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = Path(__file__).resolve().parent / "samples"
LANGUAGES = ("en", "fr", "pt", "bg", "el")


@pytest.fixture(scope="session")
def project():
    return load_project(ROOT)


@pytest.fixture(scope="session")
def corpus(project):
    return load_corpus(project)


def make_copy(tmp: Path, content: Path | None = SAMPLES / "valid", translations: Path | None = None) -> Path:
    """A copy of the hub's configuration with the given content: a project of its own."""
    for name in ("mkdocs.yml", "vocabularies.yml", "personal-data.yml"):
        shutil.copy(ROOT / name, tmp / name)
    for name in ("schemas", "hooks", "overrides"):
        shutil.copytree(ROOT / name, tmp / name)
    (tmp / "integra").symlink_to(ROOT / "integra")
    (tmp / "translations").mkdir()
    shutil.copy(ROOT / "translations" / "interface.yml", tmp / "translations" / "interface.yml")
    if translations is not None:
        shutil.copytree(translations, tmp / "translations", dirs_exist_ok=True)
    shutil.copytree(ROOT / "docs", tmp / "docs", ignore=shutil.ignore_patterns("practices", "case-studies", "policy", "glossary", "seminars", "schemas", "translation-status", "find", "overview"))
    # Hand-written pages link to real entries; the small sample corpus has other ids.
    for page in (tmp / "docs").rglob("*.md"):
        page.write_text("# " + page.stem.replace("-", " ").title() + "\n\nA page of the hub.\n", encoding="utf-8")
    if content is not None:
        shutil.copytree(content, tmp / "content")
    else:
        (tmp / "content").mkdir()
    return tmp


@pytest.fixture
def sample_project(tmp_path):
    """A writable project holding the small valid sample corpus."""
    return make_copy(tmp_path)


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "integra", "--root", str(root), *args], capture_output=True, text=True, env=env, cwd=root)


def mkdocs_build(root: Path, out: Path, only_language: str | None = None) -> subprocess.CompletedProcess:
    """Build the site of ``root`` with MkDocs in strict mode into ``out``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    env.pop("SOURCE_DATE_EPOCH", None)
    if only_language:
        env["HUB_ONLY_LANG"] = only_language
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)], cwd=root, capture_output=True, text=True, env=env)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real site, built once as `make build` does (one strict MkDocs build per language, in
    parallel, then PDFs, open data and search index) into a temporary folder."""
    out = tmp_path_factory.mktemp("built") / "site"
    env_date = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        result = run_cli(ROOT, "build", "--site-dir", str(out))
    finally:
        if env_date is not None:
            os.environ["SOURCE_DATE_EPOCH"] = env_date
    assert result.returncode == 0, result.stdout + result.stderr
    return out
