"""The live preview (`make serve LANG=fr`, i.e. `python -m integra serve --lang fr`): it serves the
language, shows a saved edit, keeps its navigation whole after rebuilding only the changed pages,
and survives a mistake. How fast is measured by bench/preview.py, not here."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

from bench.preview import fetch

from .conftest import ROOT, SAMPLES, make_copy


def _wait_for(url: str, text: str, limit: float = 90.0) -> str:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        body = fetch(url)
        if body is not None and text in body:
            return body
        time.sleep(0.1)
    raise AssertionError(f"{url} did not show {text!r} within {limit:.0f}s")


def test_preview_shows_edits_and_keeps_its_navigation(tmp_path):
    root = make_copy(tmp_path, translations=SAMPLES / "valid-translations")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    log = open(tmp_path / "serve.log", "w")
    server = subprocess.Popen([sys.executable, "-m", "integra", "--root", str(root), "serve", "--lang", "fr", "--port", str(port)],
                              cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}/"  # one language: served at the root
    try:
        page = _wait_for(f"{base}practices/sample-mentoring/", "Exemple de programme de mentorat")
        assert '<html lang="fr"' in page
        before = page.count('class="md-ellipsis"')
        time.sleep(1.5)  # let the watcher settle after the first build

        # an edit of the French translation
        path = root / "translations/fr/practices/sample-mentoring.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("Exemple de programme de mentorat", "Programme de mentorat modifié"), encoding="utf-8")
        page = _wait_for(f"{base}practices/sample-mentoring/", "Programme de mentorat modifié")
        # only changed pages were built again, yet every navigation title is still there
        assert page.count('class="md-ellipsis"') == before
        assert "None" not in page
        catalogue = _wait_for(f"{base}practices/", "Programme de mentorat modifié")
        assert "None" not in catalogue

        # a mistake stops the rebuild without stopping the preview; fixing it resumes
        entry = root / "content/practices/sample-exit.yml"
        good = entry.read_text(encoding="utf-8")
        entry.write_text(good.replace("settings: [", "settings: [prisons, "), encoding="utf-8")
        time.sleep(3)
        assert server.poll() is None
        entry.write_text(good.replace("\nsummary: ", "\nsummary: Edited after a mistake. "), encoding="utf-8")
        _wait_for(f"{base}practices/sample-exit/", "Edited after a mistake.")
    finally:
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=30)
        log.close()
    output = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert "'prisons' is not a term of the 'settings' vocabulary" in output
    assert "Traceback" not in output
