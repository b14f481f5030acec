"""The whole site build: content once, one MkDocs process per language in parallel, then extras.

``build_site`` is what ``make build`` (``python -m integra build``) runs:

1. write the generated pages of every language into docs/ from the checked content (once; the
   languages rendered in forked processes at once);
2. build each language with MkDocs in its own process (``HUB_BUILD_LANG``), one process per
   core at a time, each into its own folder, then its Pagefind search bundle there; the hook
   skips the content step (``HUB_PREGENERATED``). Meanwhile this process writes the open data;
3. put the languages together into one site: the default language's build is the site's root,
   every other language's build adds its own ``<lang>/`` folder, and the sitemaps are merged;
4. the PDFs (from their cache where their HTML did not change);
5. replace site/ only when all of this succeeded.

The engine is a command run here (``python -m mkdocs build``), never imported: the core keeps
working when the engine under it is replaced. ``finish_site`` and ``source_date_epoch`` are also
used by the MkDocs hook for a plain ``mkdocs build``.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Callable

from .model import Corpus


class BuildFailed(RuntimeError):
    """A step of the build failed; the message says which and why (site/ is left as it was)."""


@dataclass
class BuildReport:
    content_s: float = 0.0
    languages_s: dict[str, float] = field(default_factory=dict)  # language -> seconds of its MkDocs build and search index
    languages_cpu_s: dict[str, float] = field(default_factory=dict)  # language -> CPU seconds of its MkDocs
    pdf_s: float = 0.0
    pdf_pages: int = 0
    pdf_rendered: int = 0
    pdf_cached: int = 0
    extras_s: float = 0.0  # open data and search index


def source_date_epoch(corpus: Corpus) -> int:
    """Dates in the site (sitemap) come from the content, not the clock: same input, same site."""
    newest = max((str(e.data["last_reviewed"]) for e in corpus.all() if e.data.get("last_reviewed")), default="2020-01-01")
    return int(datetime.combine(date.fromisoformat(newest), datetime.min.time(), tzinfo=timezone.utc).timestamp())


def finish_site(corpus: Corpus, site: Path, pdfs: bool = True, report: BuildReport | None = None,
                log: Callable[[str], None] = lambda message: None) -> None:
    """The parts made once for all languages: PDFs (unless ``pdfs`` is false), open data and the
    Pagefind search index. Raises BuildFailed (fonts missing, Pagefind failing)."""
    from .opendata import write_open_data
    from .search import SearchIndexError, index_site

    report = report or BuildReport()
    if pdfs:
        finish_pdfs(corpus, site, report, log)
    try:
        start = time.perf_counter()
        # Material's own search index is never loaded (the header form leads to Pagefind)
        shutil.rmtree(site / "search", ignore_errors=True)
        write_open_data(corpus, site)
        index_site(site, corpus.project.language_codes)
        report.extras_s = time.perf_counter() - start
        log(f"open data and search index in {report.extras_s:.1f}s")
    except SearchIndexError as err:
        raise BuildFailed(str(err)) from None


def finish_pdfs(corpus: Corpus, site: Path, report: BuildReport, log: Callable[[str], None]) -> None:
    """The PDFs into site/downloads/, from the cache where their HTML did not change."""
    from .pdf import FontMissing, build_pdfs

    start = time.perf_counter()
    try:
        results = build_pdfs(corpus, site / "downloads", corpus.project.root / ".cache" / "pdf")
    except FontMissing as err:
        raise BuildFailed(str(err)) from None
    report.pdf_s = time.perf_counter() - start
    report.pdf_pages = sum(r.pages for r in results)
    report.pdf_rendered = sum(1 for r in results if not r.cached)
    report.pdf_cached = len(results) - report.pdf_rendered
    log(f"{len(results)} PDFs ({report.pdf_rendered} rendered, {report.pdf_cached} from cache) in {report.pdf_s:.1f}s")


def workers(languages: int) -> int:
    """Processes run at once: one per core (HUB_WORKERS=N sets another number; 1 builds one
    language after the other). More processes than cores only share the cores: each runs slower
    as they push each other's memory out of the processor caches, more so as the site grows."""
    value = os.environ.get("HUB_WORKERS", "")
    count = int(value) if value.isdigit() else (os.cpu_count() or 1)
    return max(1, min(count, languages))


def _build_language(root: Path, language: str, out: Path, env: dict[str, str]) -> tuple[str, float, float, str]:
    """One language's pages with MkDocs into ``out``. Returns (language, seconds, CPU seconds of
    its MkDocs process, MkDocs' warnings)."""
    start = time.perf_counter()
    # not --quiet: strict mode counts warnings only when they are logged
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    process = subprocess.Popen(command, cwd=root, env={**env, "HUB_BUILD_LANG": language}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = process.stdout.read()
    process.stdout.close()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    shown = _without_info(output)
    if process.returncode != 0:
        raise BuildFailed(f"the '{language}' pages did not build:\n{shown}")
    return language, time.perf_counter() - start, usage.ru_utime + usage.ru_stime, shown


def _index_language(out: Path, language: str, languages: tuple[str, ...]) -> float:
    """One language's Pagefind search bundle, in its build folder ``out``; returns seconds."""
    from .search import SearchIndexError, index_language

    start = time.perf_counter()
    try:
        index_language(out, language, languages)
    except SearchIndexError as err:
        raise BuildFailed(str(err)) from None
    return time.perf_counter() - start


def _without_info(output: str) -> str:
    """MkDocs' warnings and errors, without its INFO messages (and their indented lines)."""
    kept, info = [], False
    for line in output.splitlines():
        if line[:1].isspace() and info:
            continue
        info = line.startswith("INFO")
        if not info and line.strip():
            kept.append(line)
    return "\n".join(kept)


def merge_languages(parts: dict[str, Path], default: str, site: Path, epoch: int) -> None:
    """One site from the per-language builds: the default language's build is the root; every
    other language contributes its own folder and its addresses in the sitemap."""
    merge_sitemaps([folder / "sitemap.xml" for folder in parts.values()], parts[default] / "sitemap.xml", epoch)
    parts[default].rename(site)
    for language, folder in parts.items():
        if language == default:
            continue
        own = folder / language
        if not own.is_dir():
            raise BuildFailed(f"the '{language}' build wrote no {language}/ folder")
        own.rename(site / language)
        shutil.rmtree(folder)


def merge_sitemaps(sitemaps: list[Path], out: Path, epoch: int) -> None:
    """One sitemap.xml (and .gz) with the addresses of every language, in the languages' order."""
    head, tail, bodies = "", "", []
    for path in sitemaps:
        text = path.read_text(encoding="utf-8")
        start = text.index(">", text.index("<urlset")) + 1
        end = text.rindex("</urlset>")
        head, tail = text[:start], text[end:]
        bodies.append(text[start:end].strip("\n"))
    text = head + "\n" + "\n".join(body for body in bodies if body) + "\n" + tail
    out.write_text(text, encoding="utf-8")
    with open(out.with_name(out.name + ".gz"), "wb") as raw, gzip.GzipFile(fileobj=raw, filename=str(out) + ".gz", mode="wb", mtime=epoch) as packed:
        packed.write(text.encode("utf-8"))


def build_site(corpus: Corpus, pdfs: bool = True, site: Path | None = None, log: Callable[[str], None] = print) -> BuildReport:
    """Build ``site`` (default: site/) from a checked corpus (see the module's docstring); raise
    BuildFailed, leaving ``site`` as it was."""
    from .opendata import write_open_data
    from .site import write_pages

    report = BuildReport()
    project = corpus.project
    root = project.root
    site = (site or root / "site").resolve()
    new, old = (site.with_name(site.name + suffix) for suffix in (".new", ".old"))
    parts_dir = root / ".cache" / "languages"
    for leftover in (new, old, parts_dir):
        shutil.rmtree(leftover, ignore_errors=True)
    started = time.perf_counter()
    languages = project.language_codes
    written, removed = write_pages(corpus, project.docs_dir, processes=workers(len(languages)))
    report.content_s = time.perf_counter() - started
    log(f"generated pages: {written} written, {removed} removed in {report.content_s:.1f}s")

    env = {**os.environ, "HUB_PREGENERATED": "1", "SOURCE_DATE_EPOCH": str(source_date_epoch(corpus)), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("HUB_ONLY_LANG", None)
    parts = {language: parts_dir / language for language in languages}
    pool = ThreadPoolExecutor(max_workers=workers(len(languages)))
    try:
        # the languages' MkDocs builds queue first, each one's search index after it: the last
        # builds run beside the first indexes, and no core waits
        builds = [pool.submit(_build_language, root, language, parts[language], env) for language in languages]
        # meanwhile, in this process: the open data (the same for every build of the pages)
        extra = parts_dir / "open-data"
        write_open_data(corpus, extra)
        indexes = {}
        for job in as_completed(builds):
            language, seconds, cpu, output = job.result()
            report.languages_s[language] = seconds
            report.languages_cpu_s[language] = cpu
            log(f"'{language}' pages built in {seconds:.1f}s (MkDocs: {cpu:.1f}s of CPU)" + (f"\n{output}" if output else ""))
            indexes[language] = pool.submit(_index_language, parts[language], language, languages)
        for language in languages:
            report.languages_s[language] += indexes[language].result()
        log(f"{len(languages)} languages and their search indexes built in {time.perf_counter() - started - report.content_s:.1f}s")
        merge_languages(parts, project.default_language, new, int(env["SOURCE_DATE_EPOCH"]))
        shutil.copytree(extra, new, dirs_exist_ok=True)
        if pdfs:
            finish_pdfs(corpus, new, report, log)
    except BuildFailed:
        shutil.rmtree(new, ignore_errors=True)
        raise
    finally:
        pool.shutdown(cancel_futures=True)  # after a failure, the builds still queued do not start
        shutil.rmtree(parts_dir, ignore_errors=True)
    if site.exists():
        site.rename(old)
    new.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    return report
