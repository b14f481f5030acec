"""Printed PDFs with WeasyPrint: the guide, the practice catalogue and seminar packs, per language.

Each PDF is an HTML document made from the print templates (integra/templates/print/) and
print.css: A4, a cover with edition date and Erasmus+ attribution, a table of contents with page
numbers, bookmarks for chapters and entries, running headers, pages numbered n / N, internal links,
embedded Noto fonts (Latin, Greek, Cyrillic), title/author/language metadata and PDF tags.

Same input, same bytes: the edition date comes from the content (the newest ``last_reviewed`` of
the entries printed, or the seminar's date), never from the clock. A PDF whose HTML did not change
is copied from a cache instead of being rendered again.
"""

from __future__ import annotations

import hashlib
import shutil
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Callable

from .model import Corpus, Entry
from .render import language_helpers, make_environment

AUTHOR = "INTEGRA knowledge hub contributors"
FONT_FAMILY = "Noto Sans"


@dataclass
class PdfJob:
    """One PDF to make: its file name, template, language and what goes in it."""

    name: str
    template: str
    language: str
    title: str
    subtitle: str
    entries: list[Entry]
    values: dict[str, Any] = field(default_factory=dict)
    edition: str = ""


@dataclass
class PdfResult:
    name: str
    pages: int
    seconds: float
    cached: bool


def _edition(entries: list[Entry]) -> str:
    dates = [str(e.data["last_reviewed"]) for e in entries if e.data.get("last_reviewed")]
    return max(dates) if dates else ""


def _numbers(corpus: Corpus) -> dict[str, str]:
    chapters = {c.id: c.data.get("order") for c in corpus.of("chapter")}
    return {r.id: f"{chapters.get(r.data.get('chapter'), '?')}.{r.data.get('order')}" for r in corpus.of("recommendation")}


def jobs(corpus: Corpus, only: set[str] | None = None) -> list[PdfJob]:
    """Every PDF of the hub: guide and catalogue per language, and each seminar pack per listed language."""
    from .render import Renderer

    renderer = Renderer(corpus)
    out: list[PdfJob] = []
    for language in corpus.project.language_codes:
        t = language_helpers(corpus, language)["t"]
        recs = renderer.sorted_entries("recommendation", language)
        chapters = [(c, [r for r in recs if r.data.get("chapter") == c.id]) for c in renderer.sorted_entries("chapter", language)]
        cited = sorted({pid for r in recs for pid in r.data.get("practices", [])})
        annex = sorted((corpus.get("practice", pid) for pid in cited), key=lambda e: str(corpus.translations.localized(language, e)["title"]).casefold())
        out.append(PdfJob(
            name=f"guide.{language}.pdf", template="print/guide.html.j2", language=language,
            title=t("guide_title"), subtitle=t("guide_subtitle"),
            entries=[c for c, _ in chapters] + recs + annex,
            values={"chapters": chapters, "annex": annex},
            edition=_edition(recs),
        ))
        practices = renderer.sorted_entries("practice", language)
        out.append(PdfJob(
            name=f"catalog.{language}.pdf", template="print/catalogue.html.j2", language=language,
            title=t("catalogue_title"), subtitle=t("catalogue_subtitle"),
            entries=practices, values={"practices": practices}, edition=_edition(practices),
        ))
    numbers = _numbers(corpus)
    for seminar in corpus.of("seminar"):
        for language in seminar.data.get("languages", []):
            t = language_helpers(corpus, language)["t"]
            picked = {
                kind: [corpus.get(kind_name, i) for i in seminar.data.get(kind, [])]
                for kind, kind_name in (("practices", "practice"), ("case_studies", "case-study"), ("recommendations", "recommendation"), ("terms", "term"))
            }
            data = corpus.translations.localized(language, seminar)
            out.append(PdfJob(
                name=f"seminar-{seminar.id}.{language}.pdf", template="print/seminar.html.j2", language=language,
                title=str(data["title"]), subtitle=t("seminar_pack"),
                entries=[seminar, *[e for group in picked.values() for e in group]],
                values={**picked, "seminar": seminar, "numbers": numbers,
                        "cover_facts": [(t("date"), seminar.data["date"]), (t("place"), data["place"])]},
                edition=str(seminar.data["date"]),
            ))
    if only:
        out = [job for job in out if job.name in only or job.language in only]
    return out


def _anchor(entry: Entry) -> str:
    return f"{entry.kind}-{entry.id}"


def _toc(job: PdfJob, corpus: Corpus) -> list[tuple[int, str, str]]:
    helpers = language_helpers(corpus, job.language)
    data, t = helpers["data"], helpers["t"]
    toc: list[tuple[int, str, str]] = []
    if job.template.endswith("guide.html.j2"):
        numbers = _numbers(corpus)
        for chapter, recs in job.values["chapters"]:
            toc.append((1, f"chapter-{chapter.id}", f"{chapter.data['order']}. {data(chapter)['title']}"))
            toc.extend((2, _anchor(r), f"{numbers[r.id]} {data(r)['title']}") for r in recs)
        if job.values["annex"]:
            toc.append((1, "annex", t("annex_practices")))
    elif job.template.endswith("catalogue.html.j2"):
        toc.extend((2, _anchor(e), data(e)["title"]) for e in job.values["practices"])
    else:
        toc.append((1, "introduction", data(job.values["seminar"])["title"]))
        for key, title_key, field_name in (("practices", "practices", "title"), ("case_studies", "case_studies", "title"), ("recommendations", "recommendations", "title"), ("terms", "glossary", "term")):
            if job.values.get(key):
                toc.append((1, key.replace("_", "-") if key != "terms" else "glossary", t(title_key)))
                if key != "terms":
                    toc.extend((2, _anchor(e), data(e)[field_name]) for e in job.values[key])
    return toc


def render_html(corpus: Corpus, job: PdfJob) -> str:
    """The print HTML of one PDF (deterministic: same content, same text)."""
    env = make_environment()
    helpers = language_helpers(corpus, job.language)
    included = {(e.kind, e.id) for e in job.entries}
    states = {helpers["state_of"](e) for e in job.entries}
    css = resources.files("integra").joinpath("templates/print/print.css").read_text(encoding="utf-8")
    return env.get_template(job.template).render(
        **helpers,
        **{"cover_facts": [], **job.values},
        anchor=lambda e: _anchor(e) if (e.kind, e.id) in included else "",
        title=job.title,
        subtitle=job.subtitle,
        author=AUTHOR,
        edition=job.edition,
        language_title=helpers["language_name"][job.language],
        site_name=corpus.project.site_name,
        toc=_toc(job, corpus),
        css=css,
        machine_parts=job.language != corpus.project.default_language and "machine" in states,
        untranslated_parts=job.language != corpus.project.default_language and bool(states & {"missing", "outdated"}),
    )


class FontMissing(RuntimeError):
    pass


def check_fonts() -> None:
    """Stop with a clear message when the print font is not installed."""
    import subprocess

    try:
        found = subprocess.run(["fc-list", f":family={FONT_FAMILY}", "family"], capture_output=True, text=True, check=False).stdout
    except FileNotFoundError:
        found = ""
    if FONT_FAMILY not in found:
        raise FontMissing(f"the font '{FONT_FAMILY}' is not installed: install the Debian package fonts-noto-core (apt-get install fonts-noto-core)")


def write_pdf(html: str, target: Path) -> int:
    """Render print HTML to a PDF file; return its number of pages."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=str(target.parent)).render()
    document.write_pdf(target, pdf_tags=True, pdf_identifier=hashlib.md5(html.encode("utf-8")).digest())
    return len(document.pages)


def build_pdfs(corpus: Corpus, out_dir: Path, cache_dir: Path, only: set[str] | None = None,
               progress: Callable[[str], None] | None = None) -> list[PdfResult]:
    """Make every PDF into ``out_dir``; reuse a cached PDF when its HTML is unchanged."""
    check_fonts()
    out_dir.mkdir(parents=True, exist_ok=True)
    cache_dir.mkdir(parents=True, exist_ok=True)
    results: list[PdfResult] = []
    all_jobs = jobs(corpus, only)
    for index, job in enumerate(all_jobs, start=1):
        start = time.perf_counter()
        html = render_html(corpus, job)
        key = hashlib.sha256(html.encode("utf-8")).hexdigest()[:20]
        cached = cache_dir / f"{job.name[:-4]}.{key}.pdf"
        pages_file = cached.with_suffix(".pages")
        target = out_dir / job.name
        if cached.is_file() and pages_file.is_file():
            shutil.copyfile(cached, target)
            result = PdfResult(job.name, int(pages_file.read_text()), time.perf_counter() - start, True)
        else:
            for old in cache_dir.glob(f"{job.name[:-4]}.*"):
                old.unlink()
            tmp = cache_dir / f".{job.name}.tmp"
            pages = write_pdf(html, tmp)
            tmp.replace(cached)
            pages_file.write_text(str(pages))
            shutil.copyfile(cached, target)
            result = PdfResult(job.name, pages, time.perf_counter() - start, False)
        results.append(result)
        if progress:
            how = "cached" if result.cached else f"{result.seconds:.1f}s"
            progress(f"[{index}/{len(all_jobs)}] {job.name}: {result.pages} pages, {how}")
    return results
