"""Browser fixtures: the site built once, served under a sub-path, and Debian's Chromium.

The site is served at ``http://127.0.0.1:PORT/interview-follow-up/`` (as GitHub Pages serves a
project site), so any URL that is not relative shows up as a 404 in the tests.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sitekit import CHROMIUM, CHROMIUM_ARGS, MIME_TYPES, build_site

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "/interview-follow-up/"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Launch Debian's Chromium when there is one; else Playwright's own (``playwright install``)."""
    args = {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    if Path(CHROMIUM).exists():
        args["executable_path"] = CHROMIUM
    return args


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site under PREFIX only, with the types module workers and wasm need."""

    extensions_map = MIME_TYPES

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
    result = build_site(out, f"http://127.0.0.1:{site_server.server_address[1]}{PREFIX}")
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
