"""MkDocs adapter: small fixes to the theme's HTML so every page is valid HTML (Nu checker).

Material 9 writes ``autocomplete`` on checkboxes, empty ``tabindex`` values on navigation labels,
and a ``for="__toc"`` label on pages that are not in the navigation (entry pages), where the
matching control does not exist. Each fix is one narrow substitution on the finished page.
"""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
_EMPTY_TABINDEX = re.compile(r' tabindex=""')
_TOC_LABEL = 'for="__toc"'


def on_post_page(output: str, page, config) -> str:
    output = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", output)
    output = _EMPTY_TABINDEX.sub("", output)
    if _TOC_LABEL in output and 'id="__toc"' not in output:
        output = output.replace(f' {_TOC_LABEL}', "")
    return output
