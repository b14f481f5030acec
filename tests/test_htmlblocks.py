"""HTML blocks set aside while the Markdown engine runs come back exactly where and as the engine
would have written them, on every generated page of every language."""

from __future__ import annotations

import markdown
import pytest
import yaml

from integra import htmlblocks
from integra.site import write_pages

from .conftest import ROOT


class _AnyTag(yaml.SafeLoader):
    """mkdocs.yml with its !ENV tags read as plain values."""


_AnyTag.add_multi_constructor("!", lambda loader, suffix, node: None)


def _engine() -> markdown.Markdown:
    """Python-Markdown with the extensions mkdocs.yml configures."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTag)
    names, options = [], {}
    for item in config["markdown_extensions"]:
        if isinstance(item, dict):
            (name, settings), = item.items()
            names.append(name)
            options[name] = settings or {}
        else:
            names.append(item)
    return markdown.Markdown(extensions=names, extension_configs=options)


@pytest.fixture(scope="module")
def generated_pages(corpus, tmp_path_factory):
    docs = tmp_path_factory.mktemp("docs")
    write_pages(corpus, docs)
    return sorted(docs.rglob("*.md"))


def test_every_generated_page_comes_out_as_the_engine_alone_makes_it(generated_pages):
    assert len(generated_pages) > 500
    set_aside_somewhere = 0
    for path in generated_pages:
        text = path.read_text(encoding="utf-8")
        alone = _engine().convert(text)
        skeleton, blocks = htmlblocks.set_aside(text)
        set_aside_somewhere += bool(blocks)
        assert htmlblocks.put_back(_engine().convert(skeleton), blocks) == alone, path
    # nearly every page is mostly HTML: the entries, catalogues and overviews
    assert set_aside_somewhere > 0.9 * len(generated_pages)


def test_the_engine_reads_a_fraction_of_an_entry_page(generated_pages):
    before = after = 0
    entries = [p for p in generated_pages if p.parent.name in ("practices", "case-studies", "glossary") and not p.name.startswith("index.")]
    assert len(entries) > 300
    for path in entries:
        text = path.read_text(encoding="utf-8")
        before += len(text)
        after += len(htmlblocks.set_aside(text)[0])
    assert after < 0.3 * before  # headings and link lists; the rest is HTML already


def test_blocks_the_engine_would_change_are_left_to_it():
    page = "# Title\n\n<div class=\"a\">\n<p>open</p>\n\n<p>still inside</p>\n</div>\n\n<span>inline</span>\n\n<div>x</div> and text\n\n    <div>code</div>\n"
    skeleton, blocks = htmlblocks.set_aside(page)
    assert blocks == []
    assert skeleton == page


def test_a_page_with_markdown_inside_html_is_left_whole():
    page = "# T\n\n<div class=\"hub-text\">\n<p>plain</p>\n</div>\n\n<div markdown=\"1\">\n\n**bold**\n\n</div>\n"
    assert htmlblocks.set_aside(page) == (page, [])


def test_blocks_come_back_with_their_anchors():
    page = "# T\n\n<div id=\"one\">\n<p>a</p>\n</div>\n\n## Next\n\n<p class=\"x\" id='two'>b</p>\n"
    skeleton, blocks = htmlblocks.set_aside(page)
    assert len(blocks) == 2 and "<div" not in skeleton and "## Next" in skeleton
    assert htmlblocks.anchor_ids(blocks) == {"one", "two"}
    html = htmlblocks.put_back(_engine().convert(skeleton), blocks)
    assert html == _engine().convert(page)


def test_a_lost_block_is_an_error():
    skeleton, blocks = htmlblocks.set_aside("# T\n\n<div>a</div>\n")
    with pytest.raises(ValueError, match="block 0"):
        htmlblocks.put_back("<h1>T</h1>", blocks)
