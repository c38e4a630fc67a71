"""Offline and private, at build time: each page's Content-Security-Policy and the service worker.

``add_policy`` puts a ``<meta http-equiv="Content-Security-Policy">`` first in each page's head,
allowing the page's own inline scripts by their sha256 (Material's few small ones) and nothing
from any other origin. ``build_service_worker`` runs ``precache.cjs`` (Workbox's workbox-build,
from npm) over the built site, writing ``sw.js`` with a revision hash of every file.
Both run from ``followup_site.finish``, after the site's pages are written.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from . import BuildError

PRECACHE_SCRIPT = Path(__file__).resolve().parent / "precache.cjs"
SW_NAME = "sw.js"
# The service worker's source in the project: Workbox's runtime goes in front of it.
SW_SOURCE = Path("worksheet") / SW_NAME

# Everything from this site, nothing from anywhere else. `'wasm-unsafe-eval'` lets WebAssembly
# compile (Pyodide); it allows no JavaScript eval. Chromium gives a module worker the policy of
# its own response, not the page's, but a browser that applies the page's policy to the worker
# would otherwise stop Pyodide. Inline styles: Material sets `style` attributes from its scripts.
# A meta policy cannot carry frame-ancestors, report-uri or sandbox; those need HTTP headers.
POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "object-src": ["'none'"],
}
# <script> elements that run as JavaScript; `application/json` ones (Material's config) do not.
JS_TYPES = {"", "text/javascript", "application/javascript", "module"}
INLINE_SCRIPT = re.compile(
    r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.DOTALL | re.IGNORECASE
)
ATTR = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
META_CHARSET = re.compile(r"<meta\s+charset=[\"']?[\w-]+[\"']?\s*/?>", re.IGNORECASE)
# Tells offline.mjs that this is a development server (`mkdocs serve`): no service worker there.
DEV_MARKER = '<meta name="followup-offline" content="off">'


def inline_script_hashes(html: str) -> list[str]:
    """The CSP source (``'sha256-…'``) of each inline script in ``html``, in page order.

    The text is hashed as the browser sees it: HTML parsing turns CR LF into LF first.
    """
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs = {m[1].lower(): m[2] or m[3] or m[4] or "" for m in ATTR.finditer(match["attrs"])}
        if "src" in attrs or attrs.get("type", "").strip().lower() not in JS_TYPES:
            continue
        text = match["body"].replace("\r\n", "\n").replace("\r", "\n")
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
        source = f"'sha256-{digest}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def content_security_policy(html: str, *, dev: bool = False) -> str:
    """The policy for one page: POLICY plus the hashes of the page's own inline scripts.

    ``dev`` (``mkdocs serve``) allows inline scripts instead, because the server injects its
    live-reload script into every response, after the build.
    """
    extra = ["'unsafe-inline'"] if dev else inline_script_hashes(html)
    directives = {**POLICY, "script-src": [*POLICY["script-src"], *extra]}
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def add_policy(html: str, *, dev: bool = False) -> str:
    """``html`` with its CSP meta tag first in the head (right after ``<meta charset>``)."""
    policy = content_security_policy(html, dev=dev)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    if dev:
        tag += DEV_MARKER
    anchor = META_CHARSET.search(html) or re.search(r"<head[^>]*>", html, re.IGNORECASE)
    if anchor is None:
        raise BuildError("cannot add the Content-Security-Policy: the page has no <head>")
    return html[: anchor.end()] + tag + html[anchor.end() :]


@dataclass(frozen=True)
class Precache:
    """What ``sw.js`` precaches: how many files, how many bytes."""

    count: int
    size: int


def build_service_worker(site_dir: Path, root: Path) -> Precache:
    """Write ``site_dir/sw.js`` (Workbox, from the project at ``root``); return its precache."""
    node = shutil.which("node")
    if node is None:
        raise BuildError("Node.js is needed to write the service worker: run `make setup`")
    # workbox-build is the project's npm package, wherever this module is installed.
    env = {**os.environ, "NODE_PATH": str(root / "node_modules")}
    result = subprocess.run(
        [node, str(PRECACHE_SCRIPT), str(site_dir), str(root / SW_SOURCE)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        missing = "Cannot find module" in result.stderr
        hint = " (workbox-build is not installed: run `make setup`)" if missing else ""
        raise BuildError(f"writing the service worker failed{hint}: {result.stderr.strip()}")
    summary = json.loads(result.stdout)
    if summary["warnings"]:
        raise BuildError(f"workbox-build: {'; '.join(summary['warnings'])}")
    return Precache(count=int(summary["count"]), size=int(summary["size"]))
