"""Browser fixtures: the site built once, served under a sub-path, and Debian's Chromium.

The site is served at ``http://127.0.0.1:PORT/interview-follow-up/`` (as GitHub Pages serves a
project site), so any URL that is not relative shows up as a 404 in the tests.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "/interview-follow-up/"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Without the background-networking flags Chromium calls Google; the test network refuses that.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Launch Debian's Chromium when there is one; else Playwright's own (``playwright install``)."""
    args = {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    if Path(CHROMIUM).exists():
        args["executable_path"] = CHROMIUM
    return args


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site under PREFIX only, with the types module workers and wasm need."""

    extensions_map = {  # noqa: RUF012 (the base class declares it as a plain class attribute)
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".whl": "application/zip",
        ".zip": "application/zip",
    }

    def translate_path(self, path: str) -> str:
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "__outside_the_sub_path__")
        return super().translate_path("/" + path[len(PREFIX) :])

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep the test output quiet


class QuietServer(http.server.ThreadingHTTPServer):
    """A browser that closes mid-download (the test ended) is no error worth printing."""

    daemon_threads = True
    site_root: Path

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def site_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[QuietServer]:
    """The loopback server, bound first so the build can know its address; closed at the end."""
    root = tmp_path_factory.mktemp("build") / "site"
    server = QuietServer(("127.0.0.1", 0), functools.partial(SiteHandler, directory=str(root)))
    server.site_root = root
    try:
        yield server
    finally:
        server.server_close()


@pytest.fixture(scope="session")
def built_site(site_server: QuietServer) -> Path:
    """The site, built once per test session with the same command as ``make build``.

    ``SITE_URL`` is the address it is served at, as the Pages workflow passes the real one: the
    sitemap is then filled in and Material's instant navigation is on, as in production.
    """
    out = site_server.site_root
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": f"http://127.0.0.1:{site_server.server_address[1]}{PREFIX}",
    }
    mkdocs = Path(sys.executable).with_name("mkdocs")
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "-d", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        pytest.fail(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return out


@pytest.fixture(scope="session")
def site_url(site_server: QuietServer, built_site: Path) -> Iterator[str]:
    """Base URL of the served site, ending in ``/``; the server stops when the session ends."""
    thread = threading.Thread(target=site_server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{site_server.server_address[1]}{PREFIX}"
    finally:
        site_server.shutdown()
        thread.join(timeout=5)
