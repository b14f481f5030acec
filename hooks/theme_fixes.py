"""MkDocs adapter: small fixes to the theme's HTML so every page is valid HTML (Nu checker).

Material 9 writes ``autocomplete`` on checkboxes, empty ``tabindex`` values on navigation labels,
and a ``for="__toc"`` label on pages that are not in the navigation (entry pages), where the
matching control does not exist; its hreflang alternates are relative, where search engines want
full addresses. Each fix is one narrow substitution on the finished page.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
_EMPTY_TABINDEX = re.compile(r' tabindex=""')
_TOC_LABEL = 'for="__toc"'
_ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]+)">')


def on_post_page(output: str, page, config) -> str:
    output = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", output)
    output = _EMPTY_TABINDEX.sub("", output)
    if _TOC_LABEL in output and 'id="__toc"' not in output:
        output = output.replace(f' {_TOC_LABEL}', "")
    if config.site_url:  # hreflang alternates must be full addresses for search engines
        here = urljoin(config.site_url, page.url)
        output = _ALTERNATE.sub(lambda m: f'<link rel="alternate" href="{urljoin(here, m.group(1))}" hreflang="{m.group(2)}">', output)
    return output
