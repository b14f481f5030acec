"""The repository's own files for contributors: field reference, workflows, editor settings."""

from __future__ import annotations

import json
import subprocess
import sys

from integra.model import KINDS
from integra.reference import update

from .conftest import ROOT


def test_contributing_field_reference_is_current(corpus):
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert update(text, corpus) == text, "run: python -m integra reference"


def test_github_workflow_and_issue_forms_are_valid():
    checks = [
        ("vendor.github-workflows", sorted((ROOT / ".github/workflows").glob("*.yml"))),
        ("vendor.github-issue-forms", sorted(p for p in (ROOT / ".github/ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")),
    ]
    for schema, files in checks:
        assert files
        result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_editor_settings_map_every_kind_to_its_schema():
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    for kind in KINDS.values():
        assert settings[f"./schemas/{kind.schema_file}"] == f"content/{kind.folder}/*.yml"
        assert (ROOT / "schemas" / kind.schema_file).is_file()


def test_codeowners_names_an_owner_per_translation_language(project):
    owners = (ROOT / ".github/CODEOWNERS").read_text(encoding="utf-8")
    for language in project.language_codes[1:]:
        assert f"/translations/{language}/" in owners
