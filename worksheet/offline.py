"""Offline and private, at build time: each page's Content-Security-Policy and the service worker.

``add_policy`` puts a ``<meta http-equiv="Content-Security-Policy">`` first in each page's head,
allowing the page's own inline scripts by their sha256 (Material's few small ones) and nothing
from any other origin. ``build_service_worker`` runs ``precache.cjs`` (Workbox's workbox-build,
from npm) over the built site, writing ``sw.js`` with a revision hash of every file.
Both are called from ``macros/hooks.py`` (``on_post_page`` and ``on_post_build``).
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.offline")

ROOT = Path(__file__).resolve().parent.parent
PRECACHE_SCRIPT = ROOT / "worksheet" / "precache.cjs"
SW_NAME = "sw.js"

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
# Tells offline.mjs that this is `mkdocs serve`: no service worker there (see `serving`).
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
    live-reload script into every response, after this hook ran.
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
        raise PluginError("cannot add the Content-Security-Policy: the page has no <head>")
    return html[: anchor.end()] + tag + html[anchor.end() :]


def serving(config: MkDocsConfig) -> bool:
    """True under ``mkdocs serve``, which sets ``site_url`` to its own address (serve.py).

    This project leaves ``site_url`` unset, so a published build never matches.
    """
    if not config.site_url:
        return False
    url = urlsplit(config.site_url)
    host, port = config.dev_addr
    return url.scheme == "http" and url.hostname == host.strip("[]") and url.port == port


def add_policy_to_static_pages(config: MkDocsConfig) -> None:
    """The theme's own pages (404.html) skip ``on_post_page``; give them the same policy."""
    site = Path(config.site_dir)
    for name in config.theme.static_templates:
        path = site / name
        if name.endswith(".html") and path.is_file():
            html = path.read_text(encoding="utf-8")
            if "Content-Security-Policy" not in html:
                path.write_text(add_policy(html, dev=serving(config)), encoding="utf-8")


def build_service_worker(site_dir: Path) -> dict[str, int]:
    """Write ``site_dir/sw.js`` with Workbox; return the precache's file count and bytes."""
    node = shutil.which("node")
    if node is None:
        raise PluginError("Node.js is needed to write the service worker: run `make setup`")
    started = time.perf_counter()
    result = subprocess.run(
        [node, str(PRECACHE_SCRIPT), str(site_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        missing = "Cannot find module" in result.stderr
        hint = " (workbox-build is not installed: run `make setup`)" if missing else ""
        raise PluginError(f"writing the service worker failed{hint}: {result.stderr.strip()}")
    summary = json.loads(result.stdout)
    if summary["warnings"]:
        raise PluginError(f"workbox-build: {'; '.join(summary['warnings'])}")
    log.info(
        "Offline copy: %d files, %.1f MB precached by %s (%.2f s)",
        summary["count"],
        summary["size"] / 1e6,
        SW_NAME,
        time.perf_counter() - started,
    )
    return {"count": summary["count"], "size": summary["size"]}


def post_page(output: str, config: MkDocsConfig) -> str:
    """``on_post_page``: the page with its Content-Security-Policy."""
    return add_policy(output, dev=serving(config))


def post_build(config: MkDocsConfig) -> None:
    """``on_post_build``: the theme's static pages get their policy, then the service worker."""
    add_policy_to_static_pages(config)
    build_service_worker(Path(config.site_dir))
