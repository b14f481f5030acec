"""HTML blocks set aside: the Markdown engine parses only a generated page's Markdown.

A generated entry page is mostly HTML that the core rendered already (the summary, the facts
table, the texts, the notices) around a few Markdown headings and link lists. A Markdown engine
that parses such a page spends most of its time reading that HTML again, only to copy it out
unchanged. ``set_aside`` swaps each such block for a one-word paragraph before the engine runs;
``put_back`` swaps the blocks back into the engine's HTML after it. The page comes out byte for
byte as the engine alone would make it (tests/test_build.py holds that).

A block is set aside only when the engine would pass it through unchanged: it starts a paragraph
at the left margin with a block-level tag, ends with that tag's closing tag, opens and closes it
equally often. Anything else is left to the engine, and so is a page that asks for Markdown inside
its HTML anywhere (``markdown="1"``).
"""

from __future__ import annotations

import re

# block-level tags the core writes; Markdown engines pass blocks that start with one as raw HTML
BLOCK_TAGS = frozenset({"aside", "blockquote", "details", "div", "dl", "figure", "footer", "form", "header", "nav", "ol", "p", "section", "table", "ul"})
_SEPARATOR = re.compile(r"(\n(?:[ \t]*\n)+)")
_OPENING = re.compile(r"<([a-z][a-z0-9]*)[\s>]")
_ID = re.compile(r"""\sid=["']([^"']+)["']""")


def _placeholder(number: int) -> str:
    return f"HUBHTMLBLOCK{number}X"


def _raw_block(chunk: str) -> bool:
    """Whether a Markdown engine would copy this paragraph out as it is."""
    match = _OPENING.match(chunk)
    if not match or match.group(1) not in BLOCK_TAGS:
        return False
    tag = match.group(1)
    if not chunk.rstrip().endswith(f"</{tag}>"):
        return False
    return len(re.findall(rf"<{tag}[\s>]", chunk)) == chunk.count(f"</{tag}>")


def set_aside(markdown: str) -> tuple[str, list[str]]:
    """(the page with each raw HTML block replaced by a placeholder paragraph, the blocks)."""
    if "HUBHTMLBLOCK" in markdown or "markdown=" in markdown:
        # left whole: a page that quotes the placeholders, or one with Markdown inside its HTML
        # (the engine reads the HTML blocks nested there in its own way)
        return markdown, []
    parts = _SEPARATOR.split(markdown)
    blocks: list[str] = []
    for index in range(0, len(parts), 2):  # even items are paragraphs, odd ones separators
        chunk = parts[index]
        if _raw_block(chunk):
            trailing = chunk[len(chunk.rstrip()):]
            parts[index] = _placeholder(len(blocks)) + trailing
            blocks.append(chunk.rstrip())
    return "".join(parts), blocks


def put_back(html: str, blocks: list[str]) -> str:
    """The engine's HTML with the blocks back in place of their placeholder paragraphs; raises
    ValueError if one of them is missing (the engine changed it)."""
    ends_with_block = html.endswith(f"<p>{_placeholder(len(blocks) - 1)}</p>") if blocks else False
    for number, block in enumerate(blocks):
        placeholder = f"<p>{_placeholder(number)}</p>"
        if html.count(placeholder) != 1:
            raise ValueError(f"HTML block {number} lost its place in the page ({placeholder} found {html.count(placeholder)} times)")
        html = html.replace(placeholder, block + "\n", 1)  # the engine leaves a blank line after a raw block
    return html[:-1] if ends_with_block else html  # but not at the end: it strips its output


def anchor_ids(blocks: list[str]) -> set[str]:
    """The ids the blocks hold: links to them from other pages are valid."""
    return {match.group(1) for block in blocks for match in _ID.finditer(block)}
