"""The worksheet's generated HTML (followup_site/form.py) against the engine's model, without a browser."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from followup import model
from followup_site import finish, form


class Elements(HTMLParser):
    """Every start tag with its attributes; template rows kept apart from the live form."""

    def __init__(self) -> None:
        super().__init__()
        self.live: list[tuple[str, dict[str, str]]] = []
        self.template: list[tuple[str, dict[str, str]]] = []
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        (self.template if self.depth else self.live).append((tag, {k: v or "" for k, v in attrs}))
        if tag == "template":
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "template":
            self.depth -= 1


def leaf_paths(node: dict[str, Any], index: str = "0") -> list[str]:
    """Every field's answers path, with the first row of each list."""
    if node["type"] == "field":
        return [node["path"]]
    if node["repeat"]:
        prefix = node["path"]
        return [
            f"{prefix}.{index}" + (f".{m['name']}" if m["name"] else "") for m in node["members"]
        ]
    return [p for m in node["members"] for p in leaf_paths(m, index)]


@pytest.fixture(scope="module")
def parsed() -> Elements:
    parser = Elements()
    parser.feed(form.render(""))
    return parser


def test_every_field_has_a_control_named_by_its_path(parsed: Elements) -> None:
    names = [
        a["name"]
        for tag, a in parsed.live
        if tag in ("input", "select", "textarea") and "name" in a
    ]
    assert names == leaf_paths(model.schema())


def test_template_rows_carry_the_index_placeholder(parsed: Elements) -> None:
    names = [a["name"] for tag, a in parsed.template if "name" in a]
    assert names == [p for p in leaf_paths(model.schema(), form.INDEX) if form.INDEX in p]


def test_labels_help_and_errors_are_tied_to_their_controls(parsed: Elements) -> None:
    ids = {a["id"] for _, a in parsed.live if "id" in a}
    labelled = {a["for"] for tag, a in parsed.live if tag == "label" and "for" in a}
    for tag, attrs in parsed.live:
        if tag in ("input", "select", "textarea") and "name" in attrs:
            assert attrs["id"] in labelled, attrs["name"]
            described = attrs["aria-describedby"].split()
            assert f"{attrs['id']}-error" in described
            assert set(described) <= ids, attrs["name"]


def test_required_fields_are_marked(parsed: Elements) -> None:
    required = sorted(a["name"] for tag, a in parsed.live if "required" in a)
    assert required == ["company.name", "interview.date", "role"]


def test_choices_offer_every_value_and_a_blank(parsed: Elements) -> None:
    html = form.render("")
    for value in (*model.TONES, *model.CHANNELS, *model.STAGES, *model.FORMATS):
        assert f'<option value="{value}">' in html
    # The engine's own default names the blank choice of the tone.
    assert '<select id="fw-preferences-tone"' in html
    assert '<option value="">Formal</option>' in html


def test_the_html_is_one_markdown_block(parsed: Elements) -> None:
    html = form.render("")
    assert "\n\n" not in html
    assert html.startswith("<div") and html.endswith("</div>")
    labels = [a.get("for") for tag, a in parsed.live if tag == "label"]
    assert "fw-import" in labels


def test_the_preloaded_modules_are_the_ones_the_worksheet_imports() -> None:
    """controller.mjs and its static imports, and client.mjs (engine.mjs imports it at start)."""
    folder = Path(__file__).resolve().parents[1] / "worksheet"
    found: set[str] = set()

    def walk(name: str) -> None:
        if name in found:
            return
        found.add(name)
        source = (folder / name).read_text(encoding="utf-8")
        for imported in re.findall(r'^import [^;]*?"\./([a-z]+\.mjs)";', source, re.M | re.S):
            walk(imported)

    walk("controller.mjs")
    walk("client.mjs")
    assert set(form.MODULES) == found
    page = finish.add_worksheet_assets(f"<main>{form.render()}</main>", "../")
    links = re.findall(r'<link rel="modulepreload" href="([^"]+)">', page)
    assert links == [f"../app/{name}" for name in form.MODULES]


def test_an_argument_is_refused() -> None:
    with pytest.raises(ValueError, match="no argument"):
        form.render("tone=warm")
