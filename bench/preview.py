"""How fast the preview shows an edit: start `python -m integra serve --lang pt` on a copy of the
hub, edit entries as a contributor would, and time until the served page shows the change.

It measures, at the real corpus size (a copy of this repository's content and translations):
- the first build, until the preview answers;
- an edit of a Portuguese translation, until its page shows the new text;
- an edit of an English entry with no Portuguese translation (the Portuguese page falls back);
- a new practice file, until its page exists.
Each edit is timed from the moment the file is saved to the moment the page served shows it.

Usage: python bench/preview.py [ROUNDS]   (default 3; prints a table, writes nothing in the repo)
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HUB = Path(__file__).resolve().parent.parent
WORK = Path(os.environ.get("BENCH_DIR", "/tmp/integra-bench")) / "preview"
LANGUAGE = "pt"


def copy_hub(destination: Path = WORK) -> Path:
    """A copy of the hub's committed files (content and translations included)."""
    shutil.rmtree(destination, ignore_errors=True)
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=HUB, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, tracked):
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(HUB / name, target)
    return destination


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, text: str, since: float, limit: float = 120.0) -> float:
    """Seconds from ``since`` until the page at ``url`` contains ``text``."""
    while time.perf_counter() - since < limit:
        body = fetch(url)
        if body is not None and text in body:
            return time.perf_counter() - since
        time.sleep(0.05)
    raise SystemExit(f"preview: {url} did not show '{text}' within {limit:.0f}s")


def edit_summary(path: Path, marker: str) -> float:
    """Put ``marker`` at the start of the entry's summary, as an author would type it (plain,
    quoted or folded YAML); return the moment the file was saved."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for index, line in enumerate(lines):
        if line.startswith("summary:"):
            value = line[len("summary:"):].strip()
            if value[:1] in (">", "|"):  # folded or literal: the text starts on the next line
                following = lines[index + 1]
                indent = len(following) - len(following.lstrip())
                lines[index + 1] = following[:indent] + marker + " " + following[indent:]
            elif value[:1] in ("'", '"'):
                lines[index] = f"summary: {value[0]}{marker} {value[1:]}"
            else:
                lines[index] = f"summary: {marker} {value}"
            break
    else:
        raise SystemExit(f"{path}: no summary line")
    path.write_text("\n".join(lines), encoding="utf-8")
    return time.perf_counter()


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    root = copy_hub()
    sys.path.insert(0, str(HUB))
    from integra.model import load_corpus
    from integra.project import load_project

    corpus = load_corpus(load_project(root))
    translated = sorted(key[2] for key in corpus.translations.files if key[:2] == (LANGUAGE, "practice"))
    untranslated = sorted(e.id for e in corpus.of("practice") if (LANGUAGE, "practice", e.id) not in corpus.translations.files)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"  # a one-language preview serves that language at the root
    env = {**os.environ, "PYTHONPATH": str(HUB), "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    log = open(WORK.parent / "preview.log", "w")
    start = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "integra", "--root", str(root), "serve", "--lang", LANGUAGE, "--port", str(port)],
                              cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    results: dict[str, list[float]] = {"first build, until the preview answers": [], f"edit a {LANGUAGE} translation": [],
                                       f"edit an English entry shown in {LANGUAGE}": [], "add a new practice": []}
    try:
        first = wait_for(base, "<html", start, limit=300)
        results["first build, until the preview answers"].append(first)
        time.sleep(2)  # let the watcher settle after the first build
        for n in range(rounds):
            entry = translated[n % len(translated)]
            path = root / "translations" / LANGUAGE / "practices" / f"{entry}.yml"
            marker = f"Marcador{n}x{os.getpid()}"
            saved = edit_summary(path, marker)
            results[f"edit a {LANGUAGE} translation"].append(wait_for(f"{base}practices/{entry}/", marker, saved))
            time.sleep(1)
            entry = untranslated[n % len(untranslated)]
            path = root / "content" / "practices" / f"{entry}.yml"
            marker = f"Marker{n}x{os.getpid()}"
            saved = edit_summary(path, marker)
            results[f"edit an English entry shown in {LANGUAGE}"].append(wait_for(f"{base}practices/{entry}/", marker, saved))
            time.sleep(1)
            new_id = f"new-practice-{n}"
            text = (root / "content" / "practices" / f"{untranslated[0]}.yml").read_text(encoding="utf-8")
            (root / "content" / "practices" / f"{new_id}.yml").write_text(text, encoding="utf-8")
            saved = time.perf_counter()
            results["add a new practice"].append(wait_for(f"{base}practices/{new_id}/", "<h1", saved))
            time.sleep(1)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=30)
        log.close()
    print(f"Preview of one language (python -m integra serve --lang {LANGUAGE}), {len(list(corpus.all()))} entries, "
          f"{len(corpus.translations.files)} translations; {rounds} rounds")
    print()
    print("| what | median | slowest |")
    print("| --- | ---: | ---: |")
    for name, values in results.items():
        print(f"| {name} | {statistics.median(values):.1f} s | {max(values):.1f} s |")


if __name__ == "__main__":
    main()
