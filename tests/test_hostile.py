"""Hostile content: script payloads in every free-text field never run in a reader's browser."""

from __future__ import annotations

import pytest
import yaml
from playwright.sync_api import sync_playwright

from .browser import CHROMIUM, LAUNCH_ARGS, serve
from .conftest import make_copy, mkdocs_build

PAYLOADS = [
    "<script>alert('s1')</script>",
    "<img src=x onerror=alert('s2')>",
    "[click me](javascript:alert('s3'))",
    "\"><svg onload=alert('s4')>",
    "<a href=\"javascript:alert('s5')\">link</a>",
    "<iframe src=\"javascript:alert('s6')\"></iframe>",
    "<details open ontoggle=alert('s7')>x</details>",
    "Title { onclick=alert('s8') }",
    "{{ 7*7 }} {% raw %}",
    "<style>body{display:none}</style>",
]
PAYLOAD = " ".join(PAYLOADS)
SHORT = "<script>alert('t1')</script><img src=x onerror=alert(2)>[x](javascript:alert(3)){ onclick=alert(4) }"
SHORT_FIELDS = {"title", "term"}


def _poison(root, rel, fields, list_fields=()):
    path = root / rel
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for name in fields:
        data[name] = SHORT if name in SHORT_FIELDS else PAYLOAD
    for name in list_fields:
        data[name] = [PAYLOAD, PAYLOAD]
    for source in data.get("sources", []):
        source["title"] = PAYLOAD
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = make_copy(tmp_path_factory.mktemp("hostile"))
    _poison(root, "content/practices/sample-mentoring.yml", ["title", "summary", "description", "organisation", "evidence", "transferability", "caveats"])
    _poison(root, "content/case-studies/sample-case.yml", ["title", "summary", "situation", "response", "outcome"], ["red_flags", "lessons"])
    (root / "content/case-studies/sample-case.yml").write_text(
        (root / "content/case-studies/sample-case.yml").read_text(encoding="utf-8").replace("composite_statement:", "composite_statement: 'anonymised composite. <script>alert(1)</script>'\nx_old_statement:"), encoding="utf-8")
    data = yaml.safe_load((root / "content/case-studies/sample-case.yml").read_text(encoding="utf-8"))
    data.pop("x_old_statement")
    (root / "content/case-studies/sample-case.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _poison(root, "content/policy/sample-recommendation.yml", ["title", "recommendation", "rationale"], ["actions"])
    _poison(root, "content/glossary/sample-term.yml", ["term", "definition"])
    out = tmp_path_factory.mktemp("hostile-site")
    result = mkdocs_build(root, out, only_language=None)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


PAGES = ["practices/sample-mentoring/", "practices/", "case-studies/sample-case/", "policy/", "policy/sample-recommendation/", "glossary/", "glossary/sample-term/", "fr/practices/sample-mentoring/"]


def test_payloads_do_not_run_or_inject_markup(hostile_site):
    with serve(hostile_site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in PAGES:
            page.goto(url + path)
            page.wait_for_load_state("load")
            content = page.locator("article.md-content__inner")
            assert content.count() == 1
            found = page.evaluate(
                """() => {
                  const root = document.querySelector('article.md-content__inner');
                  const bad = [];
                  const ours = (el) => el.matches('script[src$="assets/hub-facets.js"], script[src$="assets/hub-search.js"], details.hub-facets, details.hub-table, svg.hub-chart, svg.hub-chart *');
                  for (const el of root.querySelectorAll('*')) {
                    if (ours(el)) continue;
                    if (['SCRIPT', 'IFRAME', 'STYLE', 'SVG', 'IMG', 'DETAILS', 'OBJECT', 'EMBED'].includes(el.tagName.toUpperCase())) bad.push(el.tagName);
                    for (const attr of el.attributes) {
                      if (attr.name.startsWith('on')) bad.push(el.tagName + ' ' + attr.name);
                      if (/^\\s*javascript:/i.test(attr.value)) bad.push(el.tagName + ' ' + attr.name + '=' + attr.value);
                    }
                  }
                  return bad;
                }"""
            )
            assert found == [], (path, found)
        browser.close()
    assert dialogs == []


def test_payload_text_is_shown_as_text(hostile_site):
    html = (hostile_site / "practices/sample-mentoring/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;s1&#39;)&lt;/script&gt;" in html or "&lt;script&gt;alert('s1')&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html and "49" not in html.split("{{ 7*7 }}")[0][-5:]
