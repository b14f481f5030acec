"""Where the project's files are, and which languages the site has.

The languages are configured once, in mkdocs.yml (the i18n plugin's ``languages``); this module
reads them without importing MkDocs, so a new language is configuration and translation files only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose !ENV and !!python/name tags mean nothing here."""


def _ignore_tag(loader, suffix, node):  # noqa: ARG001 - signature fixed by PyYAML
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_LenientLoader.add_multi_constructor("!", _ignore_tag)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


@dataclass(frozen=True)
class Language:
    code: str
    name: str


@dataclass(frozen=True)
class Project:
    root: Path
    languages: tuple[Language, ...]
    site_name: str = "INTEGRA knowledge hub"
    site_url: str = ""
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def default_language(self) -> str:
        return self.languages[0].code

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def translations_dir(self) -> Path:
        return self.root / "translations"

    @property
    def schemas_dir(self) -> Path:
        return self.root / "schemas"

    @property
    def vocabulary_file(self) -> Path:
        return self.root / "vocabularies.yml"

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    def relative(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


def find_root(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` that holds mkdocs.yml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise FileNotFoundError("no mkdocs.yml found here or above: run this from the hub's folder")


def load_project(root: Path | None = None) -> Project:
    root = find_root(root)
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_LenientLoader)
    languages: list[Language] = []
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for entry in plugin["i18n"].get("languages") or []:
                language = Language(code=entry["locale"], name=entry.get("name", entry["locale"]))
                if entry.get("default"):
                    languages.insert(0, language)
                else:
                    languages.append(language)
    if not languages:
        languages = [Language("en", "English")]
    return Project(
        root=root,
        languages=tuple(languages),
        site_name=config.get("site_name", "INTEGRA knowledge hub"),
        site_url=config.get("site_url") or "",
        extra=config.get("extra") or {},
    )
