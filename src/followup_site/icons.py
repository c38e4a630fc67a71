"""The site's PNG images (app icons, the link-preview card), drawn from SVG by Chromium.

Run by hand after changing a drawing: ``make icons`` (``python -m followup_site icons``). The
PNGs are committed (a few KB each), so building the site needs no browser and no image library,
and nothing is fetched from a service. The drawings: ``docs/images/icon.svg`` (also the favicon)
and, for rendering only, ``art/icon-maskable.svg`` (full-bleed, for platforms that cut icons to
their own shape; also Apple's touch icon, which may not be transparent) and
``art/social-card.svg`` (``og:image``, 1200 x 630).
"""

from __future__ import annotations

import base64
import shutil
from dataclasses import dataclass
from pathlib import Path

ART = Path(__file__).resolve().parent / "art"
IMAGES = Path("docs") / "images"


@dataclass(frozen=True)
class Image:
    """One PNG: its drawing, its size in pixels and its file name in ``docs/images/``."""

    source: str
    width: int
    height: int
    name: str


def images(root: Path) -> list[Image]:
    """Every PNG the site uses (the manifest, overrides/main.html), from the project at ``root``."""
    icon = str(root / IMAGES / "icon.svg")
    maskable, card = str(ART / "icon-maskable.svg"), str(ART / "social-card.svg")
    return [
        Image(icon, 192, 192, "icon-192.png"),
        Image(icon, 512, 512, "icon-512.png"),
        Image(maskable, 512, 512, "icon-maskable-512.png"),
        Image(maskable, 180, 180, "apple-touch-icon.png"),
        Image(card, 1200, 630, "social-card.png"),
    ]


def render(root: Path) -> list[Path]:
    """Draw every image into ``root/docs/images/``; return the files written."""
    from playwright.sync_api import sync_playwright  # a test dependency: only this step needs it

    chromium = shutil.which("chromium")
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            for image in images(root):
                page = browser.new_page(viewport={"width": image.width, "height": image.height})
                svg = base64.b64encode(Path(image.source).read_bytes()).decode()
                page.set_content(
                    '<body style="margin:0"><img alt="" style="display:block;width:100vw;'
                    f'height:100vh" src="data:image/svg+xml;base64,{svg}"></body>'
                )
                page.wait_for_function("() => document.images[0].complete")
                target = root / IMAGES / image.name
                page.screenshot(path=target, omit_background=True)
                page.close()
                written.append(target)
        finally:
            browser.close()
    return written
