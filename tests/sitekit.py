"""What the tests and the benchmark share: the site build, the server it is tested on, its MIME
types, Chromium's flags and the CLI's drafts."""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import types
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from followup import cli

ROOT = Path(__file__).resolve().parent.parent
# Where the site is served, as GitHub Pages serves a project site: any URL that is not relative
# misses the sub-path and shows up as a 404.
PREFIX = "/interview-follow-up/"

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Without the background-networking flags Chromium calls Google; the closed network refuses that.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# What a static host must send for module workers, WebAssembly and wheels to load.
MIME_TYPES = {
    **http.server.SimpleHTTPRequestHandler.extensions_map,
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".webmanifest": "application/manifest+json",
}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves ``server.root`` under PREFIX only, with the types module workers and wasm need."""

    extensions_map = MIME_TYPES
    server: SiteServer

    def __init__(self, request: Any, client_address: Any, server: SiteServer) -> None:
        # The root is read per request: a test may deploy another build at the same address.
        super().__init__(request, client_address, server, directory=str(server.root))

    def translate_path(self, path: str) -> str:
        if not path.startswith(PREFIX):
            return str(self.server.root / "__outside_the_sub_path__")
        return super().translate_path("/" + path[len(PREFIX) :])

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep the output quiet


class PagesHandler(SiteHandler):
    """``SiteHandler`` that answers a missing path under PREFIX with the site's ``404.html``
    (status 404), at any depth, as GitHub Pages does."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self.server.root / "404.html"
        if code != 404 or not self.path.startswith(PREFIX) or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class SiteServer(http.server.ThreadingHTTPServer):
    """A built site on a free loopback port under PREFIX; bound at once (a build can know its
    address), serving from ``start()`` or ``with`` until ``stop()``; ``root`` may change."""

    daemon_threads = True

    def __init__(self, root: Path, handler: type[SiteHandler] = SiteHandler) -> None:
        self.root = root
        super().__init__(("127.0.0.1", 0), handler)
        self.origin = f"http://127.0.0.1:{self.server_address[1]}"
        self.url = self.origin + PREFIX
        self._thread: threading.Thread | None = None

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that closes mid-download (its test ended) is no error worth printing."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    def start(self) -> SiteServer:
        if self._thread is None:
            self._thread = threading.Thread(target=self.serve_forever, daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket; safe to call twice."""
        if self._thread is not None:
            self.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self.server_close()

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def build_site(out: Path, site_url: str, project: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` as ``make build`` runs it, with ``SITE_URL`` as the Pages workflow
    sets it (sitemap filled, instant navigation on). The caller decides what a failure means."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    return subprocess.run(
        [str(mkdocs), "build", "--strict", "-d", str(out)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


# What a copy of the project needs for a Zensical build: copied (Zensical wants the pages inside
# the project's folder, and a symlink's target is not), or linked (the macros' module, whose own
# path still leads to this checkout's examples, engine and worksheet).
ZENSICAL_COPIED = ("mkdocs.yml", "docs", "overrides")
ZENSICAL_LINKED = ("macros",)


def build_site_zensical(
    project: Path, site_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    """``make build-zensical`` in ``project``, a fresh copy of this checkout's pages: ``zensical
    build --clean --strict``, then ``python -m followup_site finish site`` as any builder's second
    step. Its site is ``project/site``. Without ``site_url``, as a local build."""
    project.mkdir(parents=True, exist_ok=True)
    for name in ZENSICAL_COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, dirs_exist_ok=True)
        else:
            shutil.copyfile(source, project / name)
    for name in ZENSICAL_LINKED:
        if not (project / name).exists():
            (project / name).symlink_to(ROOT / name)
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    if site_url:
        env["SITE_URL"] = site_url
    zensical = Path(sys.executable).with_name("zensical")
    built = subprocess.run(
        [str(zensical), "build", "--clean", "--strict"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if built.returncode:
        return built
    return subprocess.run(
        [sys.executable, "-m", "followup_site", "--root", str(ROOT), "finish", "site"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def precached(site_dir: Path) -> set[str]:
    """The files ``site_dir/sw.js`` precaches (its manifest's URLs, relative to the site)."""
    text = (site_dir / "sw.js").read_text(encoding="utf-8")
    match = re.search(r"const MANIFEST = (\[.*?\]);", text, re.DOTALL)
    if match is None:
        raise AssertionError("no precache manifest in sw.js")
    return {entry["url"] for entry in json.loads(match.group(1))}


class MacroEnv:
    """The little of the macros plugin's ``env`` that macros/main.py uses: ``macro`` and ``page``."""

    def __init__(self, page: str) -> None:
        self.page = types.SimpleNamespace(path=page)  # Zensical's shape; MkDocs' has .file
        self.macros: dict[str, Callable[..., str]] = {}

    def macro(self, fn: Callable[..., str], name: str) -> None:
        self.macros[name] = fn


def guide_macros(page: str = "index.md") -> dict[str, Callable[..., str]]:
    """The guide's macros by name, as ``define_env`` registers them, called from ``page``."""
    from macros.main import define_env

    env = MacroEnv(page)
    define_env(env)
    return env.macros


def cli_json(*args: str | Path) -> dict[str, Any]:
    """What ``followup ARGS --format json`` prints, run in this process (``cli.main``)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main([*map(str, args), "--format", "json"])
    if code != 0:
        raise RuntimeError(f"followup {' '.join(map(str, args))} exited {code}: {err.getvalue()}")
    result: dict[str, Any] = json.loads(out.getvalue())
    return result


@functools.cache
def cli_drafts(path: Path) -> list[list[str]]:
    """What ``followup draft FILE --format json`` (CPython) makes of an answers file:
    [kind, subject, body] per draft, in order."""
    return [[d["kind"], d["subject"], d["body"]] for d in cli_json("draft", path)["drafts"]]
