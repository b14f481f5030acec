"""The built site in Debian's Chromium, driven by Playwright, served over HTTP on localhost."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from .browser import CHROMIUM, LAUNCH_ARGS, serve
from .conftest import LANGUAGES


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), "Debian's chromium is required: apt-get install chromium (make test installs it as root)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def site_url(built_site):
    with serve(built_site) as url:
        yield url


def _first(corpus, kind):
    return sorted(corpus.of(kind), key=lambda e: e.id)[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_entry_page_loads_without_outside_requests(browser, site_url, corpus, language):
    page = browser.new_page()
    outside: list[str] = []
    failed: list[str] = []
    page.on("request", lambda request: outside.append(request.url) if not request.url.startswith(site_url) and not request.url.startswith("data:") else None)
    page.on("response", lambda response: failed.append(f"{response.status} {response.url}") if response.status >= 400 else None)
    entry = _first(corpus, "practice")
    prefix = "" if language == "en" else f"{language}/"
    response = page.goto(f"{site_url}{prefix}practices/{entry.id}/")
    assert response.ok
    assert page.locator("h1").first.inner_text().strip() != ""
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator(".hub-meta").count() == 1
    page.wait_for_load_state("networkidle")
    page.close()
    assert outside == []
    assert failed == [], "every request of a page view succeeds (no wasted 404s)"


def test_language_switcher_stays_on_the_same_entry(browser, site_url, corpus):
    page = browser.new_page()
    entry = _first(corpus, "practice")
    page.goto(f"{site_url}practices/{entry.id}/")
    for language in LANGUAGES[1:]:
        link = page.locator(f'.md-select__link[hreflang="{language}"]')
        href = link.get_attribute("href")
        assert href.rstrip("/").endswith(f"{language}/practices/{entry.id}"), href
    page.locator(".md-header__option .md-select").hover()
    page.locator('.md-select__link[hreflang="el"]').click()
    page.wait_for_url(f"**/el/practices/{entry.id}/")
    back = page.locator('.md-select__link[hreflang="en"]').get_attribute("href")
    assert back.rstrip("/").endswith(f"practices/{entry.id}") and "/el/" not in back
    page.close()


def test_catalogue_links_lead_to_entries(browser, site_url, corpus):
    page = browser.new_page()
    page.goto(f"{site_url}practices/")
    links = page.locator(".hub-card__title a")
    assert links.count() == len(corpus.of("practice"))
    links.first.click()
    page.wait_for_load_state()
    assert "/practices/" in page.url and page.url.rstrip("/") != f"{site_url}practices"
    page.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_filters_narrow_the_catalogue_and_live_in_the_url(browser, site_url, corpus, language):
    prefix = "" if language == "en" else f"{language}/"
    expected = sum("prison" in e.data["settings"] for e in corpus.of("practice"))
    both = sum("prison" in e.data["settings"] and "mentoring" in e.data["approaches"] for e in corpus.of("practice"))
    page = browser.new_page()
    page.goto(f"{site_url}{prefix}practices/")
    page.locator(".hub-facets summary").click()
    page.locator('.hub-facets input[name="settings"][value="prison"]').check()
    assert page.locator(".hub-filterable:visible").count() == expected
    assert "settings=prison" in page.url
    page.locator('.hub-facets input[name="approaches"][value="mentoring"]').check()
    assert page.locator(".hub-filterable:visible").count() == both
    shared = page.url
    page.goto(shared)  # the same view from a shared link
    assert page.locator(".hub-filterable:visible").count() == both
    assert page.locator('.hub-facets input[name="settings"][value="prison"]').is_checked()
    page.close()


def test_without_javascript_the_full_list_is_there(built_site, corpus):
    html = (built_site / "practices/index.html").read_text(encoding="utf-8")
    assert html.count('class="hub-card hub-filterable"') == len(corpus.of("practice"))
