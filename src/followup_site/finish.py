"""The build steps that come after the pages: ``finish(site_dir, root)`` on a built folder.

In order: the worksheet's scripts into ``app/``, the Pyodide runtime (assembled offline from the
prepared cache) into ``app/pyodide/``, ``404.html`` made to work under any sub-path when the build
had no ``site_url`` (``notfound``), then every HTML page gets labelled checklist boxes, the
worksheet's stylesheet and script where it has a worksheet (and nowhere else), and its
Content-Security-Policy, and last ``sw.js``, which hashes every file of the finished site. Running
it twice gives the same site.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from . import BuildError, form, notfound, offline, runtime

# Where the worksheet's files live in the built site: scripts in app/, the runtime in app/pyodide/.
APP_DEST = "app"
# What is copied from the project's worksheet/ folder (its README and sw.js source stay behind).
APP_SOURCES = ("*.mjs", "*.css")
WORKSHEET = "worksheet"

# A task-list item as pymdownx.tasklist writes it: a checkbox with no name, then the item's text.
TASK_ITEM = re.compile(
    r'<li class="task-list-item">(<input type="checkbox"[^>]*>)(.*?)</li>', re.DOTALL
)
# Content a <label> must not wrap (other controls, blocks, nested lists).
NOT_IN_LABEL = re.compile(
    r"<(?:ul|ol|li|p|div|label|input|select|textarea|button)\b", re.IGNORECASE
)
HAS_POLICY = '<meta http-equiv="Content-Security-Policy"'
# The worksheet's root element (followup_site.form), after which its assets go.
WORKSHEET_ROOT = re.compile(r"<div\b[^>]*\sdata-fw-root\b[^>]*>")


@dataclass(frozen=True)
class Finished:
    """What ``finish`` did, for the builder's log."""

    pages: int
    app_files: int
    runtime_files: int
    precache: offline.Precache


def label_task_items(html: str) -> str:
    """Each checklist box labelled by its item's text, so a screen reader says what it is for."""

    def label(match: re.Match[str]) -> str:
        box, text = match.groups()
        if NOT_IN_LABEL.search(text):
            return match.group(0)
        return f'<li class="task-list-item"><label>{box}{text}</label></li>'

    return TASK_ITEM.sub(label, html)


def add_worksheet_assets(html: str, to_root: str = "") -> str:
    """A page with a worksheet, with the worksheet's stylesheet, script and module preloads
    first inside it (``to_root``: the relative URL of the site's root from the page, ``../``
    for most).

    Inside the page's content, not in its head: Material's instant navigation inserts them with
    the content and re-runs the script element (a module runs once per document and follows
    ``document$`` from then on: worksheet.mjs), and guide pages never load them. Added here, not
    by the ``worksheet()`` macro, because builders rewrite relative URLs in pages differently
    (Zensical resolves them from the Markdown file, MkDocs leaves raw HTML alone).
    """
    found = WORKSHEET_ROOT.search(html)
    script = f"{to_root}{APP_DEST}/worksheet.mjs"
    if found is None or f'src="{script}"' in html:
        return html
    assets = (
        f'<link rel="stylesheet" href="{to_root}{APP_DEST}/worksheet.css">'
        f'<script type="module" src="{script}"></script>'
        + "".join(
            f'<link rel="modulepreload" href="{to_root}{APP_DEST}/{name}">' for name in form.MODULES
        )
    )
    return html[: found.end()] + assets + html[found.end() :]


def finish_page(html: str, *, dev: bool = False, to_root: str = "") -> str:
    """One built page as it ships: checklist labels, the worksheet's assets if it has one, then
    its policy (once)."""
    html = add_worksheet_assets(label_task_items(html), to_root)
    return html if HAS_POLICY in html else offline.add_policy(html, dev=dev)


def copy_app(root: Path, site_dir: Path) -> list[Path]:
    """The worksheet's own scripts and stylesheet, from ``root/worksheet`` into ``app/``."""
    dest = site_dir / APP_DEST
    dest.mkdir(parents=True, exist_ok=True)
    copied = []
    for pattern in APP_SOURCES:
        for source in sorted((root / WORKSHEET).glob(pattern)):
            shutil.copyfile(source, dest / source.name)
            copied.append(dest / source.name)
    return copied


def copy_runtime(root: Path, site_dir: Path) -> list[Path]:
    """The Pyodide runtime, assembled into the project's cache, then copied into ``app/pyodide/``."""
    built = runtime.assemble(root, runtime.runtime_dir(root))
    dest = site_dir / APP_DEST / "pyodide"
    dest.mkdir(parents=True, exist_ok=True)
    for path in built:
        shutil.copyfile(path, dest / path.name)
    return [dest / path.name for path in built]


def finish_pages(site_dir: Path, *, dev: bool = False) -> int:
    """Every HTML file of the site through ``finish_page``; returns how many there are."""
    pages = sorted(site_dir.rglob("*.html"))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        to_root = "../" * (len(path.relative_to(site_dir).parts) - 1)
        done = finish_page(html, dev=dev, to_root=to_root)
        if done != html:
            path.write_text(done, encoding="utf-8")
    return len(pages)


def finish(
    site_dir: Path, root: Path, *, dev: bool = False, site_url: str | None = None
) -> Finished:
    """Make the pages a builder wrote in ``site_dir`` into the whole site, from the project at
    ``root``. ``dev``: for a development server (no policy hashes, no service worker use).
    ``site_url``: the address the build was made for, if any (then ``404.html`` already knows
    where the site's files are)."""
    if not (site_dir / "index.html").is_file():
        raise BuildError(f"{site_dir} has no index.html: build the pages first")
    if not (root / WORKSHEET).is_dir():
        raise BuildError(f"{root} has no {WORKSHEET}/ folder: is it the project's root?")
    app = copy_app(root, site_dir)
    pyodide = copy_runtime(root, site_dir)
    if not dev and not site_url:
        notfound.relocate_site(site_dir)
    pages = finish_pages(site_dir, dev=dev)
    precache = offline.build_service_worker(site_dir, root)  # last: it hashes every file
    return Finished(pages, len(app), len(pyodide), precache)
