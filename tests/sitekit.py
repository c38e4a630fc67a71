"""What the browser tests and the benchmark share: the site build, its MIME types, the CLI's drafts."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

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
}


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


@functools.cache
def cli_drafts(path: Path) -> list[list[str]]:
    """What ``followup draft FILE --format json`` (CPython) makes of an answers file:
    [kind, subject, body] per draft, in order."""
    out = subprocess.run(
        [sys.executable, "-m", "followup", "draft", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    return [[d["kind"], d["subject"], d["body"]] for d in json.loads(out)["drafts"]]
