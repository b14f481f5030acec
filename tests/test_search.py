"""Search in the browser: Pagefind returns only pages in the reader's language, and finds words
that exist only in that language."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from playwright.sync_api import sync_playwright

from .browser import CHROMIUM, LAUNCH_ARGS, serve
from .conftest import LANGUAGES


@pytest.fixture(scope="module")
def page_on_site(built_site):
    with serve(built_site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = browser.new_page()
        outside: list[str] = []
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(url) and not r.url.startswith("data:") else None)
        yield page, url
        browser.close()
        assert outside == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_words_of_the_language_and_only_its_pages(page_on_site, corpus, language):
    page, url = page_on_site
    word = corpus.vocabularies["settings"].terms["prison"][language]  # on every practice page of that language
    prefix = "" if language == "en" else f"{language}/"
    page.goto(f"{url}{prefix}find/?q={quote(word)}")
    results = page.locator("#hub-find-results li a")
    results.first.wait_for(timeout=15000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert hrefs
    others = [code for code in LANGUAGES if code != language and code != "en"]
    for href in hrefs:
        path = href.split("://")[-1].split("/", 1)[-1] if "://" in href else href.lstrip("/")
        if language == "en":
            assert not any(path.startswith(f"{code}/") for code in others), href
        else:
            assert path.startswith(f"{language}/"), href


def test_header_search_box_leads_to_results(page_on_site, corpus):
    page, url = page_on_site
    page.goto(f"{url}el/")
    page.fill("#hub-search-input", corpus.vocabularies["settings"].terms["prison"]["el"])
    page.press("#hub-search-input", "Enter")
    page.wait_for_url("**/el/find/?q=*")
    page.locator("#hub-find-results li").first.wait_for(timeout=15000)
    assert page.locator("#hub-find-status").inner_text().strip()
