"""INTEGRA knowledge hub command line.

Usage: python -m integra COMMAND

  check          validate every entry, translation and vocabulary; print all problems
  generate       check, then write the generated pages into docs/ (only changed files)
  build [--no-pdf] [--site-dir DIR]
                 check, generate, then build the site into site/: one MkDocs process per
                 language, as many at once as there are cores; then PDFs, open data and the
                 search index. The old site/ stays until the new one is complete
  serve [--lang L] [--port P]
                 preview at http://127.0.0.1:8000, rebuilt on every saved edit; with --lang
                 only that language is built (served at the root), which is much faster
  pdf            make the PDFs (guide, catalogue, seminar packs) into site/downloads/
  new KIND ID [--lang L]
                 write a new entry (or a translation of an existing one) with every field
  links          check every outside link (sources, pages) over the network; reports only
  reference      rewrite the field reference in CONTRIBUTING.md from the schemas
  translations   print, per language, the share translated and the missing and outdated entries

Problems are printed as ``path:line: field: what is wrong (what is allowed)``; the exit code is 1
when there are any. No command prints a traceback for bad content.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .model import load_corpus
from .problems import report
from .project import load_project


def _corpus(root: Path | None):
    project = load_project(root)
    return load_corpus(project)


def cmd_check(args: argparse.Namespace) -> int:
    corpus = _corpus(args.root)
    if report(corpus.problems, sys.stderr):
        return 1
    counts = ", ".join(f"{len(corpus.of(kind))} {kind}" for kind in corpus.entries)
    translations = len(corpus.translations.files)
    print(f"check passed: {counts}; {translations} translations")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from .site import write_pages

    start = time.perf_counter()
    corpus = _corpus(args.root)
    if report(corpus.problems, sys.stderr):
        return 1
    written, removed = write_pages(corpus, corpus.project.docs_dir)
    print(f"generated: {written} pages written, {removed} stale removed in {time.perf_counter() - start:.2f}s")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from .build import BuildFailed, build_site

    start = time.perf_counter()
    corpus = _corpus(args.root)
    if report(corpus.problems, sys.stderr):
        print("build stopped: site/ was left as it was", file=sys.stderr)
        return 1
    print(f"checked {sum(1 for _ in corpus.all())} entries and {len(corpus.translations.files)} translations in {time.perf_counter() - start:.1f}s")
    try:
        build_site(corpus, pdfs=not args.no_pdf, site=args.site_dir)
    except BuildFailed as err:
        print(f"error: {err}\nbuild failed: site/ was left as it was", file=sys.stderr)
        return 1
    print(f"built site/ in {time.perf_counter() - start:.1f}s")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import os
    import subprocess

    project = load_project(args.root)
    env = os.environ.copy()
    env.pop("HUB_ONLY_LANG", None)
    if args.lang:
        if args.lang not in project.language_codes:
            print(f"error: LANG must be one of {', '.join(project.language_codes)}, not '{args.lang}'", file=sys.stderr)
            return 2
        env["HUB_ONLY_LANG"] = args.lang
    # --dirty: after the first build, only pages whose source changed are built again (entry pages
    # are not in the navigation, and the generated pages are written only when they change)
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{args.port}"]
    try:
        return subprocess.run(command, cwd=project.root, env=env).returncode
    except KeyboardInterrupt:
        return 0


def cmd_pdf(args: argparse.Namespace) -> int:
    from .pdf import FontMissing, build_pdfs

    corpus = _corpus(args.root)
    if report(corpus.problems, sys.stderr):
        return 1
    root = corpus.project.root
    start = time.perf_counter()
    try:
        results = build_pdfs(corpus, root / "site" / "downloads", root / ".cache" / "pdf", only=set(args.only or []) or None, progress=print)
    except FontMissing as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    pages = sum(r.pages for r in results)
    print(f"pdf: {len(results)} PDFs, {pages} pages in {time.perf_counter() - start:.1f}s into site/downloads/")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from .model import KINDS
    from .scaffold import new_entry, new_translation

    kinds = {"practice": "practice", "case-study": "case-study", "recommendation": "recommendation", "chapter": "chapter", "term": "term", "seminar": "seminar"}
    if args.kind not in kinds:
        print(f"error: KIND must be one of {', '.join(kinds)}, not '{args.kind}'", file=sys.stderr)
        return 2
    import re

    if not re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", args.id or ""):
        print(f"error: ID must be lower-case letters and digits joined by hyphens (e.g. back-on-track), not '{args.id}'", file=sys.stderr)
        return 2
    corpus = _corpus(args.root)
    project = corpus.project
    kind = KINDS[args.kind]
    if args.lang:
        if args.lang not in project.language_codes[1:]:
            print(f"error: LANG must be one of {', '.join(project.language_codes[1:])}, not '{args.lang}'", file=sys.stderr)
            return 2
        entry = corpus.get(args.kind, args.id)
        if entry is None:
            print(f"error: there is no content/{kind.folder}/{args.id}.yml to translate", file=sys.stderr)
            return 2
        path = project.translations_dir / args.lang / kind.folder / f"{args.id}.yml"
        text = new_translation(corpus, entry, args.lang)
    else:
        path = project.content_dir / kind.folder / f"{args.id}.yml"
        text = new_entry(corpus, args.kind)
    if path.exists():
        print(f"error: {project.relative(path)} exists already; edit it instead", file=sys.stderr)
        return 2
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {project.relative(path)}: fill it in, then run 'make check'")
    return 0


def cmd_links(args: argparse.Namespace) -> int:
    from .links import check_all

    corpus = _corpus(args.root)
    results = check_all(corpus)
    broken = [(url, result, files) for url, result, files in results if result != "ok"]
    for url, result, files in broken:
        print(f"{files[0]}: {url}: {result}" + (f" (and {len(files) - 1} more files)" if len(files) > 1 else ""))
    print(f"links: {len(results) - len(broken)} of {len(results)} outside links answered")
    return 0  # informational: outside sites must not block the hub's checks


def cmd_reference(args: argparse.Namespace) -> int:
    from .reference import update
    from .site import write_if_changed

    corpus = _corpus(args.root)
    path = corpus.project.root / "CONTRIBUTING.md"
    changed = write_if_changed(path, update(path.read_text(encoding="utf-8"), corpus))
    print(f"CONTRIBUTING.md field reference {'updated' if changed else 'already current'}")
    return 0


def cmd_translations(args: argparse.Namespace) -> int:
    from .translation import status_table

    corpus = _corpus(args.root)
    if report(corpus.problems, sys.stderr):
        return 1
    for language, row in status_table(corpus).items():
        done = row["reviewed"] + row["machine"]
        print(f"{language}: {row['share']}% translated ({done} of {row['total']}: {row['reviewed']} reviewed, {row['machine']} machine), {len(row['outdated'])} outdated, {len(row['missing'])} missing")
        for item in row["outdated"]:
            kind, _, id_ = item.partition("/")
            new_source = corpus.translations.current_hash(corpus.get(kind, id_))
            print(f"  outdated  {item} (update the text, then set source: {new_source})")
        if args.verbose:
            for item in row["missing"]:
                print(f"  missing   {item}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m integra", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=None, help="the hub's folder (default: the one holding mkdocs.yml above here)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate everything").set_defaults(func=cmd_check)
    sub.add_parser("generate", help="write generated pages into docs/").set_defaults(func=cmd_generate)
    build = sub.add_parser("build", help="check, generate and build site/")
    build.add_argument("--no-pdf", action="store_true", help="leave the PDFs out (faster)")
    build.add_argument("--site-dir", type=Path, default=None, help="build into this folder instead of site/")
    build.set_defaults(func=cmd_build)
    serve = sub.add_parser("serve", help="preview the site, rebuilt on every edit")
    serve.add_argument("--lang", default="", help="build only this language (faster)")
    serve.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000)")
    serve.set_defaults(func=cmd_serve)
    pdf = sub.add_parser("pdf", help="make the PDFs into site/downloads/")
    pdf.add_argument("only", nargs="*", help="only these files or languages (e.g. guide.fr.pdf, el)")
    pdf.set_defaults(func=cmd_pdf)
    new = sub.add_parser("new", help="write a new entry or translation file to fill in")
    new.add_argument("kind", help="practice, case-study, recommendation, chapter, term or seminar")
    new.add_argument("id", help="the new entry's id (its file name)")
    new.add_argument("--lang", default="", help="write a translation of an existing entry into this language")
    new.set_defaults(func=cmd_new)
    sub.add_parser("links", help="check outside links (never fails)").set_defaults(func=cmd_links)
    sub.add_parser("reference", help="rewrite the field reference in CONTRIBUTING.md").set_defaults(func=cmd_reference)
    translations = sub.add_parser("translations", help="translation status per language")
    translations.add_argument("-v", "--verbose", action="store_true", help="list missing entries too")
    translations.set_defaults(func=cmd_translations)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except FileNotFoundError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
