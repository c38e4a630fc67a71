"""MkDocs hooks: render the guide's shortcodes with the engine, and add the worksheet's files.

Shortcodes are HTML comments alone on a line, e.g. ``<!-- example: thank_you answers=panel -->``.
An unknown shortcode or a bad argument fails the build and names the page. The hooks stay thin:
every draft, date and finding comes from the ``followup`` package.
"""

from __future__ import annotations

import contextlib
import html
import importlib.util
import io
import itertools
import os
import posixpath
import re
import shlex
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import ModuleType

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import followup
from followup import cli, kinds, model
from followup.render import Draft
from followup.review import CHECKS, reviewed_drafts
from followup_site import cards

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = ROOT / "docs" / "answers"
SHORTCODE = re.compile(r"^<!--\s*([a-z][a-z-]*)\s*(?::\s*(.*?))?\s*-->[ \t]*$", re.MULTILINE)


class ShortcodeError(ValueError):
    """A shortcode the guide cannot render; the build stops and names the page."""


@cache
def _answers(name: str) -> model.Answers:
    path = ANSWERS / f"{name}.json"
    if not re.fullmatch(r"[a-z0-9-]+", name) or not path.is_file():
        known = ", ".join(sorted(p.stem for p in ANSWERS.glob("*.json")))
        raise ShortcodeError(f"no answers named {name!r} (known: {known})")
    return model.parse(path.read_bytes())


def _args(
    text: str, allowed: dict[str, tuple[str, ...] | None]
) -> tuple[list[str], dict[str, str]]:
    """Split ``word key=value ...``; keys must be allowed, and values among the choices given."""
    words, options = [], {}
    for token in shlex.split(text or ""):
        key, sep, value = token.partition("=")
        if not sep:
            words.append(token)
            continue
        if key not in allowed:
            raise ShortcodeError(f"unknown argument {key!r} (allowed: {', '.join(allowed)})")
        choices = allowed[key]
        if choices is not None and value not in choices:
            raise ShortcodeError(f"{key}={value!r} must be one of {', '.join(choices)}")
        options[key] = value
    return words, options


def _pick(drafts: list[Draft], kind: str, index: int) -> Draft:
    matching = [d for d in drafts if d.kind == kind]
    if kind not in followup.KINDS:
        raise ShortcodeError(f"unknown draft kind {kind!r} (kinds: {', '.join(followup.KINDS)})")
    if index >= len(matching):
        raise ShortcodeError(f"these answers have {len(matching)} {kind} draft(s), not {index + 1}")
    return matching[index]


def draft_html(draft: Draft, answers_name: str) -> str:
    """One draft as a card (followup_site.cards: the structure the worksheet draws too)."""
    provenance = {"answers": answers_name, "tone": draft.tone, "index": str(draft.index)}
    return cards.draft_card(draft, _answers(answers_name), provenance)


TONES = ("formal", "warm", "brief")
CHANNELS = ("email", "letter", "linkedin")


def sc_example(arg: str, where: str) -> str:
    words, opts = _args(arg, {"answers": None, "tone": TONES, "channel": CHANNELS, "index": None})
    if len(words) != 1:
        raise ShortcodeError("example needs exactly one draft kind")
    name = opts.get("answers", "panel")
    index = opts.get("index", "0")
    if not index.isdigit():
        raise ShortcodeError(f"index={index!r} must be a number")
    drafts = reviewed_drafts(_answers(name), tone=opts.get("tone"), channel=opts.get("channel"))
    return draft_html(_pick(drafts, words[0], int(index)), name)


_tab_sets = itertools.count(1)


def sc_tabs(arg: str, where: str) -> str:
    """Material's content tabs, written as HTML so the cards inside stay block-level."""
    words, opts = _args(arg, {"answers": None, "by": ("tone", "channel"), "index": None})
    if len(words) != 1:
        raise ShortcodeError("tabs needs exactly one draft kind")
    name, by = opts.get("answers", "panel"), opts.get("by", "tone")
    values = TONES if by == "tone" else CHANNELS
    group = f"fu-tabs-{next(_tab_sets)}"
    inputs, labels, blocks = [], [], []
    for i, value in enumerate(values, 1):
        drafts = reviewed_drafts(_answers(name), **{by: value})
        card = draft_html(_pick(drafts, words[0], int(opts.get("index", "0"))), name)
        checked = ' checked="checked"' if i == 1 else ""
        inputs.append(f'<input{checked} id="{group}-{i}" name="{group}" type="radio">')
        labels.append(f'<label for="{group}-{i}">{value.capitalize()}</label>')
        blocks.append(f'<div class="tabbed-block">{card}</div>')
    return (
        f'<div class="tabbed-set tabbed-alternate" data-tabs="{group}:{len(values)}">'
        f'{"".join(inputs)}<div class="tabbed-labels">{"".join(labels)}</div>'
        f'<div class="tabbed-content">{"".join(blocks)}</div></div>'
    )


def sc_plan(arg: str, where: str) -> str:
    """The dated plan as a timeline (followup_site.cards: the structure the worksheet draws too)."""
    words, _ = _args(arg, {})
    if len(words) != 1:
        raise ShortcodeError("plan needs one answers name")
    answers = _answers(words[0])
    return cards.plan(reviewed_drafts(answers), answers)


def sc_answers(arg: str, where: str) -> str:
    words, _ = _args(arg, {})
    if len(words) != 1:
        raise ShortcodeError("answers needs one answers name")
    _answers(words[0])  # fails the build on a bad or invalid file
    text = (ANSWERS / f"{words[0]}.json").read_text(encoding="utf-8").strip()
    indented = "\n".join(f"    {line}" for line in ["```json", *text.splitlines(), "```"])
    return f'??? info "The answers behind these examples ({words[0]}.json)"\n\n{indented}\n'


def sc_subjects(arg: str, where: str) -> str:
    words, _ = _args(arg, {})
    if len(words) != 1:
        raise ShortcodeError("subjects needs one answers name")
    rows = ["| Draft | Subject line |", "| --- | --- |"]
    seen = set()
    for draft in reviewed_drafts(_answers(words[0]), channel="email"):
        if draft.kind not in seen:
            seen.add(draft.kind)
            rows.append(f"| {kinds.get(draft.kind).label} | {html.escape(draft.subject)} |")
    return "\n".join(rows)


def guide_link(guide: str, where: str) -> str:
    """A finding's guide path (``thank-you/#length``) as a Markdown link from page ``where``."""
    path, _, anchor = guide.partition("#")
    target = path.rstrip("/") + ".md"
    return posixpath.relpath(target, posixpath.dirname(where) or ".") + (
        f"#{anchor}" if anchor else ""
    )


def sc_review_codes(arg: str, where: str) -> str:
    _args(arg, {})
    rows = ["| Check | Severity | What it flags |", "| --- | --- | --- |"]
    for check in CHECKS.values():
        rows.append(
            f"| [`{check.code}`]({guide_link(check.guide, where)}) | {check.severity} "
            f"| {check.summary} |"
        )
    return "\n".join(rows)


def sc_cli(arg: str, where: str) -> str:
    argv = shlex.split(arg or "")
    out, err = io.StringIO(), io.StringIO()
    cwd = Path.cwd()
    try:
        os.chdir(ROOT)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(argv)
    except SystemExit as exc:  # argparse on a bad command line
        raise ShortcodeError(f"followup {arg} exited: {err.getvalue().strip()}") from exc
    finally:
        os.chdir(cwd)
    if code == 2:
        raise ShortcodeError(f"followup {arg} failed: {err.getvalue().strip()}")
    text = (out.getvalue() + err.getvalue()).rstrip("\n")
    return f"```console\n$ followup {arg}\n{text}\n```"


SHORTCODES: dict[str, Callable[[str, str], str]] = {
    "example": sc_example,
    "tabs": sc_tabs,
    "plan": sc_plan,
    "answers": sc_answers,
    "subjects": sc_subjects,
    "review-codes": sc_review_codes,
    "cli": sc_cli,
    "worksheet": lambda arg, where: _load_module("form", ROOT / "worksheet" / "form.py").render(
        arg
    ),
}


def render_shortcodes(
    markdown: str, where: str, extra: dict[str, Callable[[str, str], str]] | None = None
) -> str:
    """Replace every shortcode in one page; raise PluginError naming the page on any problem."""
    codes = {**SHORTCODES, **(extra or {})}

    def replace(match: re.Match[str]) -> str:
        name, arg = match.group(1), match.group(2) or ""
        if name not in codes:
            raise PluginError(
                f"{where}: unknown shortcode <!-- {name} --> (known: {', '.join(sorted(codes))})"
            )
        try:
            return codes[name](arg, where)
        except (ShortcodeError, followup.InvalidAnswers) as exc:
            raise PluginError(f"{where}: <!-- {name}: {arg} -->: {exc}") from None

    return SHORTCODE.sub(replace, markdown)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    global _tab_sets
    _tab_sets = itertools.count(1)  # tab ids are unique per page and the same on every build
    return render_shortcodes(markdown, page.file.src_uri)


# Where the worksheet's files live in the built site: scripts in app/, the runtime in app/pyodide/.
APP_DEST = "app"
APP_SOURCES = ("*.mjs", "*.css")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the worksheet's scripts and Pyodide runtime, so `mkdocs serve` and `build` ship the same site."""
    _answers.cache_clear()
    for extra in worksheet_files(config):
        files.append(extra)
    return files


def worksheet_files(config: MkDocsConfig) -> list[File]:
    """The worksheet's own scripts, plus the runtime assembled (offline) from the prepared cache."""
    runtime = _load_module("runtime", ROOT / "worksheet" / "runtime.py")
    out = []
    for pattern in APP_SOURCES:
        for source in sorted((ROOT / "worksheet").glob(pattern)):
            out.append(_file(config, source, f"{APP_DEST}/{source.name}"))
    try:
        built = runtime.assemble(ROOT, ROOT / ".cache" / "runtime")
    except runtime.RuntimeNotPrepared as exc:
        raise PluginError(str(exc)) from None
    for path in built:
        out.append(_file(config, path, f"{APP_DEST}/pyodide/{path.name}"))
    return out


@cache
def _load_module(name: str, path: Path) -> ModuleType:
    """Import a build-time helper kept beside the worksheet (not part of the engine package)."""
    spec = importlib.util.spec_from_file_location(f"followup_site_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _file(config: MkDocsConfig, source: Path, dest: str) -> File:
    return File.generated(config, dest, abs_src_path=str(source))


# A task-list item as pymdownx.tasklist writes it: a checkbox with no name, then the item's text.
TASK_ITEM = re.compile(
    r'<li class="task-list-item">(<input type="checkbox"[^>]*>)(.*?)</li>', re.DOTALL
)
# Content a <label> must not wrap (other controls, blocks, nested lists).
NOT_IN_LABEL = re.compile(
    r"<(?:ul|ol|li|p|div|label|input|select|textarea|button)\b", re.IGNORECASE
)


def label_task_items(html: str) -> str:
    """Each checklist box labelled by its item's text, so a screen reader says what it is for."""

    def label(match: re.Match[str]) -> str:
        box, text = match.groups()
        if NOT_IN_LABEL.search(text):
            return match.group(0)
        return f'<li class="task-list-item"><label>{box}{text}</label></li>'

    return TASK_ITEM.sub(label, html)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Checklist boxes get names (axe: label); the rest of the page is left as it is."""
    return label_task_items(html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Every page gets its Content-Security-Policy (worksheet/offline.py)."""
    return _load_module("offline", ROOT / "worksheet" / "offline.py").post_page(output, config)


def on_post_build(config: MkDocsConfig) -> None:
    """Write the service worker that precaches this build (worksheet/offline.py)."""
    _load_module("offline", ROOT / "worksheet" / "offline.py").post_build(config)
