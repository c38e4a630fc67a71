"""The "page not found" page of a build that does not know its address (no ``SITE_URL``).

A host serves ``404.html`` for every missing path, at any depth, so its URLs cannot be relative
to itself; builders root them at ``site_url``, or at ``/`` when it is unset, which breaks under a
sub-path (``https://USER.github.io/REPO/``). The Pages workflow sets ``SITE_URL`` and needs none
of this. For a local build, ``relocate`` makes the page's URLs relative to the site's root and
puts a small script first in its head that moves the page's address to the root (``ROOT/404.html``,
with ``history.replaceState``, before anything loads), so every URL resolves there and Material's
scripts agree (they read ``location``). The root is found in the browser, in this order:

1. the folder of the service worker that controls the page (exact; always so offline, where the
   service worker itself answers with this page);
2. the path up to the first segment that names a top-level entry of this site
   (``/REPO/situations/gone/`` → ``/REPO/``);
3. a project site's first segment (``/REPO/typo/`` → ``/REPO/``), or ``/`` for one segment.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

NAME = "404.html"
MARKER = "data-followup-root"
# An attribute value that starts at the server's root: "/x" but not "//host/x".
ROOTED_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")/(?!/)([^"]*)"')
# What Material (and Zensical's copy of it) write into a page rooted at "/".
ROOTED_SCRIPT = (
    ('new URL("/",location)', 'new URL(".",location)'),
    ('"base": "/"', '"base": "."'),
    ('"base":"/"', '"base":"."'),
    ('"search": "/', '"search": "'),
    ('"search":"/', '"search":"'),
)
META_CHARSET = re.compile(r"<meta\s+charset=[\"']?[\w-]+[\"']?\s*/?>", re.IGNORECASE)

SCRIPT = """(() => {
  const known = new Set(%s);
  const worker = navigator.serviceWorker && navigator.serviceWorker.controller;
  let root;
  if (worker) root = new URL(".", worker.scriptURL).pathname;
  else {
    const parts = location.pathname.split("/").filter(Boolean);
    const at = parts.findIndex((part) => known.has(decodeURIComponent(part)));
    const depth = at >= 0 ? at : parts.length > 1 ? 1 : 0;
    root = "/" + parts.slice(0, depth).map((part) => part + "/").join("");
  }
  if (location.pathname !== root + "%s") history.replaceState(null, "", root + "%s");
})()"""


def is_rooted(html: str) -> bool:
    """Whether the page's URLs start at the server's root (a build without ``site_url``)."""
    return bool(re.search(r'\s(?:href|src)="/assets/', html))


def relocate(html: str, entries: list[str]) -> str:
    """``html`` (a ``404.html`` rooted at ``/``) with URLs relative to the site's root and the
    script that moves the page there; ``entries``: the site's top-level files and folders."""
    if MARKER in html or not is_rooted(html):
        return html

    def relative(match: re.Match[str]) -> str:
        return f'{match.group(1)}{match.group(2) or "./"}"'

    html = ROOTED_ATTRIBUTE.sub(relative, html)
    for rooted, relative_form in ROOTED_SCRIPT:
        html = html.replace(rooted, relative_form)
    known = json.dumps(sorted(name for name in entries if name != NAME))
    script = f"<script {MARKER}>{SCRIPT % (known, NAME, NAME)}</script>"
    anchor = META_CHARSET.search(html) or re.search(r"<head[^>]*>", html, re.IGNORECASE)
    if anchor is None:
        return html
    return html[: anchor.end()] + script + html[anchor.end() :]


def relocate_site(site_dir: Path) -> bool:
    """Relocate ``site_dir/404.html`` if it is rooted at ``/``; True when it was changed."""
    page = site_dir / NAME
    if not page.is_file():
        return False
    html = page.read_text(encoding="utf-8")
    entries = [path.name for path in site_dir.iterdir()]
    done = relocate(html, entries)
    if done != html:
        page.write_text(done, encoding="utf-8")
    return done != html
