"""make bench: build synthetic corpora of N entries and report time, size, memory and search cost.

For each N it reports: the content step (load, check, generate pages), the site build with
MkDocs (total and per language), the search index (Pagefind), PDFs (seconds per page), output
size and page count, peak memory, and the bytes a first search query downloads. It also builds the
same generated pages with plain Material and mkdocs-static-i18n, without the hub's hooks, and
reports the ratio. Results go to docs/performance.md and to the terminal.

Usage: python bench/run.py [N ...]   (default: 250 500 1000 2000)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
HUB = HERE.parent
sys.path.insert(0, str(HUB))

from bench.synthetic import make_project  # noqa: E402

WORK = Path(os.environ.get("BENCH_DIR", "/tmp/integra-bench"))
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(HUB), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
ENV.pop("HUB_ONLY_LANG", None)


def run(command: list[str], cwd: Path, env: dict | None = None, lines: list | None = None) -> tuple[float, int, float]:
    """Run a command; return (seconds, peak resident memory in MB of the largest process of its
    tree, CPU seconds of the whole tree: the command and every process it waited for)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env or ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in process.stdout:
        if lines is not None:
            lines.append((time.perf_counter() - start, line.rstrip()))
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = "\n".join(text for _, text in (lines or [])[-20:])
        raise SystemExit(f"failed: {' '.join(command)}\n{tail}")
    return time.perf_counter() - start, usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), sum(1 for p in files if p.suffix == ".html")


def parse_build_log(lines: list[tuple[float, str]]) -> dict:
    """The figures `python -m integra build` prints: check, content step, each language."""
    out: dict = {"per_language": {}}
    for _, text in lines:
        if m := re.search(r"^checked .* in ([\d.]+)s", text):
            out["check_s"] = float(m.group(1))
        elif m := re.search(r"^generated pages: .* in ([\d.]+)s", text):
            out["content_s"] = float(m.group(1))
        elif m := re.search(r"^'(\w+)' pages built in ([\d.]+)s \(MkDocs: ([\d.]+)s of CPU\)", text):
            out["per_language"][m.group(1)] = (float(m.group(2)), float(m.group(3)))
        elif m := re.search(r"^\d+ languages and their search indexes built in ([\d.]+)s", text):
            out["languages_s"] = float(m.group(1))
    return out


def search_payload(site: Path, word: str = "mentor") -> int:
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, LAUNCH_ARGS, serve

    sizes = []
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = browser.new_page()
        page.on("response", lambda r: sizes.append(len(r.body())) if "/pagefind/" in r.url and r.ok else None)
        page.goto(f"{url}find/?q={word}")
        page.locator("#hub-find-results li").first.wait_for(timeout=30000)
        page.wait_for_load_state("networkidle")
        browser.close()
    return sum(sizes)


def baseline(project: Path, out: Path) -> tuple[float, float]:
    """The same generated pages built by plain Material + mkdocs-static-i18n, no hooks, in one
    process as MkDocs does it; returns (seconds, CPU seconds)."""
    plain = project.parent / (project.name + "-plain")
    shutil.rmtree(plain, ignore_errors=True)
    shutil.copytree(project / "docs", plain / "docs")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", config)
    config = config.replace("  custom_dir: overrides\n", "")
    config = re.sub(r"\nwatch:\n(  - .*\n)+", "\n", config)
    config = config.replace("strict: true", "strict: false")  # the plain build has no PDFs or data files to link to
    (plain / "mkdocs.yml").write_text(config, encoding="utf-8")
    seconds, _, cpu = run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(out)], plain)
    return seconds, cpu


def bench(n: int) -> dict:
    project = make_project(WORK / f"n{n}", n, HUB)
    row: dict = {"n": n, "entries": sum(1 for _ in (project / "content").rglob("*.yml")), "translations": sum(1 for _ in (project / "translations").rglob("*/*.yml"))}
    site = project / "site"
    # the real build, as `make build` runs it, without the PDFs (measured below, apart); best of
    # RUNS builds from nothing, as five processes sharing two cores make single runs noisy
    from integra.site import generated_folders

    runs = []
    for _ in range(int(os.environ.get("BENCH_RUNS", "3"))):
        for folder in generated_folders():
            shutil.rmtree(project / "docs" / folder, ignore_errors=True)
        shutil.rmtree(site, ignore_errors=True)
        lines: list = []
        seconds, peak, cpu = run([sys.executable, "-m", "integra", "build", "--no-pdf"], project, lines=lines)
        runs.append((seconds, peak, cpu, lines))
    row["site_s"], row["peak_mb"], row["cpu_s"], lines = min(runs, key=lambda r: r[0])
    row["runs_s"] = [r[0] for r in runs]
    row.update(parse_build_log(lines))
    row["bytes"], row["pages"] = folder_size(site)
    row["search_kb"] = search_payload(site) / 1024
    row["baseline_s"], row["baseline_cpu_s"] = baseline(project, WORK / f"n{n}-plain-site")
    row["ratio"] = row["site_s"] / row["baseline_s"]
    row["cpu_ratio"] = row["cpu_s"] / row["baseline_cpu_s"]
    if n <= int(os.environ.get("BENCH_PDF_MAX", "1000")):
        pdf_lines: list = []
        seconds, row["pdf_mb"], _ = run([sys.executable, "-m", "integra", "pdf", "guide.en.pdf", "catalog.en.pdf"], project, lines=pdf_lines)
        pages = sum(int(m.group(1)) for _, text in pdf_lines if (m := re.search(r": (\d+) pages", text)))
        row["pdf_s"], row["pdf_pages"] = seconds, pages
    shutil.rmtree(WORK / f"n{n}-plain", ignore_errors=True)
    shutil.rmtree(WORK / f"n{n}-plain-site", ignore_errors=True)
    return row


def table(rows: list[dict]) -> str:
    out = ["| N entries | translations | HTML pages | check | content step | 5 languages and search | MkDocs CPU per language | **site build** (best run; all runs) | CPU time | plain Material + i18n | **ratio** | CPU ratio | output | peak memory | first query | PDF (en guide + catalogue) |",
           "| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for r in rows:
        langs = ", ".join(f"{k} {cpu:.0f}s" for k, (_, cpu) in r["per_language"].items())
        runs = ", ".join(f"{x:.0f}s" for x in r["runs_s"])
        pdf = f"{r['pdf_pages']} pages, {r['pdf_s']:.0f}s ({1000 * r['pdf_s'] / max(1, r['pdf_pages']):.0f} ms/page)" if "pdf_s" in r else "not run"
        out.append(f"| {r['entries']} | {r['translations']} | {r['pages']} | {r.get('check_s', 0):.1f}s | {r.get('content_s', 0):.1f}s | {r.get('languages_s', 0):.1f}s | {langs} | **{r['site_s']:.1f}s** ({runs}) | {r['cpu_s']:.0f}s | {r['baseline_s']:.1f}s | **{r['ratio']:.2f}** | {r['cpu_ratio']:.2f} | {r['bytes'] / 1e6:.0f} MB | {r['peak_mb']} MB | {r['search_kb']:.0f} KB | {pdf} |")
    growth = []
    for a, b in zip(rows, rows[1:]):
        if b["n"] == 2 * a["n"]:
            growth.append(f"| {a['n']} → {b['n']} | {b['site_s'] / a['site_s']:.2f} | {b['cpu_s'] / a['cpu_s']:.2f} | {b['bytes'] / a['bytes']:.2f} | {b['pages'] / a['pages']:.2f} |")
    if growth:
        out += ["", "Growth when N doubles (linear is 2.0; the targets are at most 2.2 for time and 2.1 for size):", "",
                "| N → 2N | site build | CPU time | output size | pages |", "| --- | ---: | ---: | ---: | ---: |", *growth]
    checks = []
    for r in rows:
        if r["n"] == 1000:
            checks.append(f"| 1,000 entries in five languages build in under 90 s | {r['site_s']:.1f}s | {'met' if r['site_s'] < 90 else 'NOT met'} |")
    worst = max(rows, key=lambda r: r["ratio"])
    checks.append(f"| the hub adds at most 15% to plain Material + i18n (site build / plain build, worst N) | {worst['ratio']:.2f} (N={worst['n']}) | {'met' if worst['ratio'] <= 1.15 else 'NOT met'} |")
    if growth:
        pairs = [(a, b) for a, b in zip(rows, rows[1:]) if b["n"] == 2 * a["n"]]
        time_growth = max(b["site_s"] / a["site_s"] for a, b in pairs)
        size_growth = max(b["bytes"] / a["bytes"] for a, b in pairs)
        checks.append(f"| time(2N) / time(N) at most 2.2 (worst) | {time_growth:.2f} | {'met' if time_growth <= 2.2 else 'NOT met'} |")
        checks.append(f"| size(2N) / size(N) at most 2.1 (worst) | {size_growth:.2f} | {'met' if size_growth <= 2.1 else 'NOT met'} |")
    out += ["", "Targets:", "", "| target | measured | |", "| --- | ---: | --- |", *checks]
    return "\n".join(out)


PAGE_BUDGET_KB = 150


def page_weights(site: Path, pages: dict[str, str]) -> list[dict]:
    """Bytes a first visit downloads per page type, by kind of file, as sent and gzip-compressed
    (what any static host with compression transfers)."""
    import gzip

    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, LAUNCH_ARGS, serve

    def category(url: str, content_type: str) -> str:
        if "/pagefind/" in url:
            return "search"
        for key, name in (("text/html", "html"), ("css", "css"), ("javascript", "js"), ("font", "fonts"), ("image", "images")):
            if key in content_type:
                return name
        return "other"

    rows = []
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        for name, path in pages.items():
            context = browser.new_context()  # empty cache: a first visit
            page = context.new_page()
            seen: list[tuple[str, int, int]] = []

            def record(response):
                if response.url.startswith("data:") or not response.ok:
                    return
                body = response.body()
                seen.append((category(response.url, response.headers.get("content-type", "")), len(body), len(gzip.compress(body, 6))))

            page.on("response", record)
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
            row = {"page": name, "raw": sum(s[1] for s in seen), "gzip": sum(s[2] for s in seen)}
            for kind in ("html", "css", "js", "fonts", "images", "search", "other"):
                row[kind] = sum(s[2] for s in seen if s[0] == kind)
            rows.append(row)
            context.close()
        browser.close()
    return rows


def weight_table(rows: list[dict]) -> str:
    out = [f"Budget: an entry page under {PAGE_BUDGET_KB} KB transferred on a first visit (gzip, as static hosts serve it).", "",
           "| page type | HTML | CSS | JS | fonts | images | search | total (gzip) | total (uncompressed) | within budget |",
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for r in rows:
        kb = lambda v: f"{v / 1024:.0f} KB"  # noqa: E731
        if r["search"]:  # the search page: its own limit, 300 KB for the search files of a first query
            ok = "yes (search files under 300 KB)" if r["search"] / 1024 < 300 else "NO (search files over 300 KB)"
        else:
            ok = "yes" if r["gzip"] / 1024 < PAGE_BUDGET_KB else "NO"
        out.append(f"| {r['page']} | {kb(r['html'])} | {kb(r['css'])} | {kb(r['js'])} | {kb(r['fonts'])} | {kb(r['images'])} | {kb(r['search'])} | {kb(r['gzip'])} | {kb(r['raw'])} | {ok} |")
    return "\n".join(out)


def real_site_weights() -> str:
    """Page weights of the hub's own site (built with make build)."""
    site = HUB / "site"
    if not (site / "index.html").is_file():
        run([sys.executable, "-m", "integra", "build"], HUB)
    from integra.model import load_corpus
    from integra.project import load_project

    corpus = load_corpus(load_project(HUB))
    first = {kind: sorted(e.id for e in corpus.of(kind))[0] for kind in ("practice", "case-study", "recommendation", "term") if corpus.of(kind)}
    pages = {"home": "", "practice catalogue": "practices/", "practice (fr)": f"fr/practices/{first.get('practice', '')}/",
             "case study (bg)": f"bg/case-studies/{first.get('case-study', '')}/", "guide (el)": "el/policy/",
             "glossary term (pt)": f"pt/glossary/{first.get('term', '')}/", "search, first query (fr)": "fr/find/?q=prison"}
    return weight_table(page_weights(site, pages))


def pdf_cache() -> str:
    """On a copy of the hub's real content: make every PDF, edit one practice, make them again,
    and count the PDFs rendered again (the others come from the cache, keyed by their HTML)."""
    from bench.preview import copy_hub

    root = copy_hub(WORK / "pdf-cache")
    if (HUB / ".cache" / "pdf").is_dir():  # start from this clone's cache, if it has one
        shutil.copytree(HUB / ".cache" / "pdf", root / ".cache" / "pdf")
    command = [sys.executable, "-m", "integra", "--root", str(root), "pdf"]
    first: list = []
    first_s, _, _ = run(command, root, lines=first)
    practice = sorted((root / "content" / "practices").glob("*.yml"))[0]
    text = practice.read_text(encoding="utf-8")
    practice.write_text(text.replace("\nsummary: ", "\nsummary: Edited. ", 1), encoding="utf-8")
    second: list = []
    second_s, _, _ = run(command, root, lines=second)
    done = [m for _, t in second if (m := re.search(r"\] (\S+\.pdf): (\d+) pages, (cached|[\d.]+s)", t))]
    again = [m.group(1) for m in done if m.group(3) != "cached"]
    pages = sum(int(m.group(2)) for m in done if m.group(3) != "cached")
    return (f"PDF cache, on this hub's own content: all {len(done)} PDFs in {first_s:.0f}s (from an empty or warm cache), then, after "
            f"editing the summary of one practice ({practice.stem}), {len(again)} PDFs made again ({', '.join(again)}; "
            f"{pages} pages) and {len(done) - len(again)} taken from the cache, in {second_s:.0f}s.")


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [250, 500, 1000, 2000]
    rows = []
    for n in sizes:
        print(f"bench: N={n} ...", flush=True)
        rows.append(bench(n))
        print(table(rows[-1:]).splitlines()[2], flush=True)
    text = table(rows)
    if not os.environ.get("BENCH_NO_PDF_CACHE"):
        text += "\n\n" + pdf_cache()
    if not os.environ.get("BENCH_NO_WEIGHTS"):
        text += "\n\n### Page weight of this site\n\n" + real_site_weights()
    print(text)
    page = HUB / "docs" / "performance.md"
    head = page.read_text(encoding="utf-8").split("<!-- bench:start -->")[0] if page.exists() else ""
    tail = page.read_text(encoding="utf-8").split("<!-- bench:end -->")[1] if page.exists() and "<!-- bench:end -->" in page.read_text(encoding="utf-8") else "\n"
    page.write_text(head + "<!-- bench:start -->\n" + text + "\n<!-- bench:end -->" + tail, encoding="utf-8")
    print(f"bench: results written to {page.relative_to(HUB)}")


if __name__ == "__main__":
    main()
