"""The built guide: every page there, every macro rendered, links whole, nothing from elsewhere."""

from __future__ import annotations

import json
import re
import struct
import tomllib
from functools import cache
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from sitekit import cli_json, guide_macros

from followup import KINDS
from macros.main import ANSWERS

ROOT = Path(__file__).resolve().parent.parent
MACROS = tuple(guide_macros())
CLI_COMMANDS = ("draft", "plan", "check", "example")


class Page(HTMLParser):
    """What one built HTML page links to, loads and names."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.loads: list[str] = []
        self.drafts: list[dict[str, str]] = []
        self._part: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        for attr in ("src", "srcset", "poster", "data"):
            if attr in a:
                self.loads.append(a[attr])
        if tag == "link" and "href" in a:
            # rel=canonical names the page's own published address (site_url): nothing loads it.
            (self.links if a.get("rel") == "canonical" else self.loads).append(a["href"])
        if "data-draft-kind" in a:
            self.drafts.append(
                {k.removeprefix("data-"): v for k, v in a.items() if k.startswith("data-")}
            )
        if "data-draft-part" in a:
            self._part, self._text = a["data-draft-part"], []

    def handle_data(self, data: str) -> None:
        if self._part:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._part and tag in ("span", "pre"):
            self.drafts[-1][self._part] = "".join(self._text)
            self._part = None


@pytest.fixture(scope="session")
def site(any_site: Path) -> Path:
    """Every test here runs on both builds of the same pages (tests/conftest.py: ``any_site``)."""
    return any_site


@pytest.fixture(scope="session")
def rooted(builder: str) -> tuple[str, ...]:
    """The pages that may use root-absolute URLs: 404.html, when the build knew its address."""
    return ROOTED if builder == "mkdocs" else ()


@pytest.fixture(scope="session")
def pages(site) -> dict[str, Page]:
    parsed = {}
    for path in site.rglob("*.html"):
        page = Page()
        page.feed(path.read_text(encoding="utf-8"))
        parsed[str(path.relative_to(site))] = page
    return parsed


def nav_files() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)

    def walk(node) -> list[str]:
        if isinstance(node, str):
            return [node] if node.endswith(".md") else []
        if isinstance(node, list):
            return [f for item in node for f in walk(item)]
        if isinstance(node, dict):
            return [f for value in node.values() for f in walk(value)]
        return []

    return walk(config["nav"])


def built_path(md: str) -> str:
    stem = md.removesuffix(".md")
    return "index.html" if stem == "index" else f"{stem.removesuffix('/index')}/index.html"


def test_every_page_in_the_nav_is_built(site):
    files = nav_files()
    assert len(files) >= 20
    for md in files:
        assert (site / built_path(md)).is_file(), md
    # and every Markdown page is in the nav (no orphan pages)
    docs = {str(p.relative_to(ROOT / "docs")) for p in (ROOT / "docs").rglob("*.md")}
    assert docs <= set(files), docs - set(files)


def test_no_shortcode_left_unrendered(site):
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"<!--\s*[a-z-]+(:|\s*-->)", text), path
        # nor a macro call: a page whose macros did not run shows them as text
        assert not re.search(rf"\{{\{{\s*({'|'.join(MACROS)})\(", text), path


def test_every_macro_is_used_in_the_guide():
    used = set()
    for page in (ROOT / "docs").rglob("*.md"):
        used |= set(re.findall(r"\{\{\s*([a-z_]+)\(", page.read_text(encoding="utf-8")))
    assert used == set(MACROS)


def text_of(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))


def test_every_draft_kind_and_cli_command_appears_in_the_guide(site, pages):
    shown = {d["draft-kind"] for page in pages.values() for d in page.drafts}
    assert shown == set(KINDS)
    text = text_of(site)
    for command in CLI_COMMANDS:
        assert f"followup {command}" in text, command


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc) and parts.scheme not in ("data", "blob", "mailto")


# 404.html is served for any missing path, so it cannot use URLs relative to itself: with a
# site_url, the builder roots it there (the Pages workflow passes the real base URL through
# SITE_URL); without one, followup_site.notfound makes it relative to the site's root.
ROOTED = ("404.html",)


def test_nothing_is_loaded_from_another_origin_and_every_url_is_relative(site, pages, rooted):
    for name, page in pages.items():
        for url in page.loads:
            assert not is_external(url), f"{name} loads {url}"
            if name not in rooted:
                assert not url.startswith("/"), f"{name} uses a root-absolute URL {url}"
        for url in page.links:
            if not is_external(url) and name not in rooted:
                assert not url.startswith("/"), f"{name} links root-absolute {url}"
    for path in [*site.rglob("*.css")]:
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", path.read_text(encoding="utf-8")):
            assert not is_external(url), f"{path} loads {url}"
        assert "@import url(http" not in path.read_text(encoding="utf-8")
    for path in site.rglob("*.js"):
        text = path.read_text(encoding="utf-8", errors="replace")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path


def test_every_internal_link_and_anchor_resolves(site, pages, rooted):
    checked = 0
    for name, page in pages.items():
        if name in rooted:
            continue
        base = (site / name).parent
        for url in page.links:
            if is_external(url) or url.startswith("mailto:"):
                continue
            parts = urlsplit(url)
            target = (base / unquote(parts.path)).resolve() if parts.path else site / name
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{name}: broken link {url}"
            if parts.fragment and target.suffix == ".html":
                key = str(target.relative_to(site.resolve()))
                assert parts.fragment in pages[key].ids, f"{name}: no #{parts.fragment} in {key}"
            checked += 1
    assert checked > 100


# The guide's examples are planned from no particular day (the rules alone) unless a card says
# otherwise; a "today" long before every interview does the same for the CLI.
BEFORE_EVERYTHING = "2000-01-01"


@cache
def cli_drafts(answers: str, tone: str, channel: str, today: str) -> list[dict[str, Any]]:
    path = ANSWERS / f"{answers}.json"
    argv = ("draft", path, "--tone", tone, "--channel", channel, "--today", today)
    drafts: list[dict[str, Any]] = cli_json(*argv)["drafts"]
    return drafts


def test_each_example_equals_what_the_cli_prints(pages):
    compared = 0
    for name, page in pages.items():
        for shown in page.drafts:
            drafts = [
                d
                for d in cli_drafts(
                    shown["answers"],
                    shown["tone"],
                    shown["channel"],
                    shown.get("today", BEFORE_EVERYTHING),
                )
                if d["kind"] == shown["draft-kind"]
            ]
            expected = drafts[int(shown["index"])]
            assert shown["body"] == expected["body"], name
            assert shown.get("subject", "") == expected["subject"], name
            compared += 1
    assert compared >= 20


# --- site basics: licence, repository, installable app, link previews ------------------------------


def test_the_licence_is_the_one_pyproject_names():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")


def png_size(path: Path) -> tuple[int, int]:
    """A PNG's width and height, from its IHDR chunk."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_web_app_manifest_and_its_icons(site):
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == yaml.load(
        (ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader
    )["site_name"]
    assert manifest["display"] == "standalone" and manifest["start_url"] == "./"
    sizes = set()
    for icon in manifest["icons"]:
        path = site / icon["src"]
        assert path.is_file(), icon["src"]
        if icon["type"] == "image/png":
            width, height = png_size(path)
            assert icon["sizes"] == f"{width}x{height}", icon["src"]
            sizes.add((width, icon.get("purpose", "any")))
    # what Chromium wants before it offers to install: 192 and 512 pixels; and a maskable one
    assert {(192, "any"), (512, "any"), (512, "maskable")} <= sizes
    assert png_size(site / "images" / "apple-touch-icon.png") == (180, 180)


def head_tags(html: str) -> dict[str, str]:
    """The page's <meta property|name=... content=...> and <link rel=... href=...> values."""
    tags = {}
    for attrs in re.findall(r"<(?:meta|link)\s([^>]*)>", html[: html.find("</head>")]):
        a = dict(re.findall(r'([\w:-]+)="([^"]*)"', attrs))
        key = a.get("property") or a.get("name") or (f"rel={a['rel']}" if "rel" in a else "")
        if key:
            tags[key] = unescape(a.get("content", a.get("href", "")))
    return tags


def test_every_page_links_the_manifest_and_its_own_icon_and_logo(site):
    def target(page: Path, url: str) -> Path:
        return (page.parent / url).resolve().relative_to(site.resolve())

    for path in site.rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        tags = head_tags(html)
        assert target(path, tags["rel=manifest"]) == Path("manifest.webmanifest"), path
        assert target(path, tags["rel=icon"]) == Path("images/icon.svg"), path
        assert target(path, tags["rel=apple-touch-icon"]) == Path("images/apple-touch-icon.png")
        logo = re.search(r'<img src="([^"]*)"[^>]*>', html[html.find('class="md-header'):])
        assert logo and target(path, logo.group(1)) == Path("images/logo.svg"), path


def test_link_previews_are_described_from_each_page(site, builder):
    """Open Graph, made at build time: title and description everywhere; the address and the
    picture (absolute URLs) only where the build knew its address (the MkDocs build here)."""
    for path in site.rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        tags = head_tags(html)
        title = re.search(r"<title>([^<]*)</title>", html)
        assert title and tags["og:title"] == unescape(title.group(1)), path  # as the tab says
        assert tags["og:description"] == tags["description"], path
    page = head_tags((site / "thank-you" / "index.html").read_text(encoding="utf-8"))
    assert page["og:title"] == "Send a thank-you note - Interview Follow-Up Guide"
    if builder == "mkdocs":
        assert page["og:url"] == page["rel=canonical"] and page["og:url"].endswith("/thank-you/")
        image = page["og:image"]
        assert image == page["og:url"].removesuffix("thank-you/") + "images/social-card.png"
        assert png_size(site / "images" / "social-card.png") == (1200, 630)
        assert page["twitter:card"] == "summary_large_image"
    else:
        assert "og:image" not in page and "og:url" not in page


def test_the_repository_is_linked_without_asking_its_api(site):
    """repo_url and edit_uri in the header and on each page; Material's request to the GitHub
    API for stars is taken out (overrides/partials/source.html)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    assert config["edit_uri"] == "edit/main/docs/"
    html = (site / "thank-you" / "index.html").read_text(encoding="utf-8")
    repo = re.search(r'<a href="(https://github\.com/[^"]+)"[^>]*class="md-source"', html)
    assert repo, "no repository link"
    assert f'href="{repo.group(1)}/edit/main/docs/thank-you.md"' in html
    assert 'data-md-component="source"' not in html
