"""MkDocs adapter: small fixes to the theme's HTML so every page is valid HTML (Nu checker).

Material 9 writes ``autocomplete`` on checkboxes, empty ``tabindex`` values on navigation labels,
and a ``for="__toc"`` label on pages that are not in the navigation (entry pages), where the
matching control does not exist; its hreflang alternates are relative, where search engines want
full addresses. Each fix is one narrow substitution on the finished page.

Material's search plugin stays registered so the header keeps its search button, which opens the
hub's own form (overrides/partials/search.html, answered by Pagefind). Its index is never loaded,
so ``on_config`` unhooks the two events that build it (a tenth of the build time at 1,000 entries).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
_EMPTY_TABINDEX = re.compile(r' tabindex=""')
_TOC_LABEL = 'for="__toc"'
_ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]+)">')


def on_config(config):
    search = config.plugins.get("material/search")
    if search is not None:
        for event in ("page_context", "post_build"):
            config.plugins.events[event] = [m for m in config.plugins.events[event] if getattr(m, "__self__", None) is not search]
    return config


def on_post_page(output: str, page, config) -> str:
    output = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", output)
    output = _EMPTY_TABINDEX.sub("", output)
    if _TOC_LABEL in output and 'id="__toc"' not in output:
        output = output.replace(f' {_TOC_LABEL}', "")
    if config.site_url:  # hreflang alternates must be full addresses for search engines
        here = urljoin(config.site_url, page.url)
        output = _ALTERNATE.sub(lambda m: f'<link rel="alternate" href="{urljoin(here, m.group(1))}" hreflang="{m.group(2)}">', output)
    return output
