"""The guide's macros: the engine's drafts, plans and tables, rendered into the pages.

This is the module of the ``macros`` plugin (mkdocs-macros; Zensical has the same built in): a
page calls e.g. ``{{ example("KIND", answers="panel", tone="warm") }}`` on a line of its
own. An unknown macro or a bad argument fails the build and names the page. The macros stay
thin: every draft, date and finding comes from the ``followup`` package, the worksheet's HTML
from ``followup_site.form``. After a MkDocs build, ``on_post_build`` runs the steps that work on
the built folder (``followup_site.finish``: worksheet scripts, runtime, policy, service worker);
any other builder runs ``python -m followup_site finish SITE_DIR`` instead.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import html
import io
import itertools
import logging
import os
import posixpath
import re
import shlex
import time
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import followup
from followup import cli, kinds, model
from followup.render import Draft
from followup.review import CHECKS, reviewed_drafts
from followup_site import BuildError, cards, contract, form
from followup_site.finish import finish

ROOT = Path(__file__).resolve().parent.parent
# The one place that says where the guide's example answers live.
ANSWERS = ROOT / "src" / "followup" / "answers"  # the examples (followup.examples), in this checkout
log = logging.getLogger("mkdocs.plugins.followup")


class ShortcodeError(ValueError):
    """A macro call the guide cannot render; the build stops and names the page."""


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


def draft_html(draft: Draft, answers_name: str, today: str | None = None) -> str:
    """One draft as a card (followup_site.cards: the structure the worksheet draws too)."""
    provenance = {"answers": answers_name, "tone": draft.tone, "index": str(draft.index)}
    if today:
        provenance["today"] = today
    return cards.draft_card(draft, _answers(answers_name), provenance)


# The tabs' order, as the answers contract lists them.
TONES, CHANNELS = model.TONES, model.CHANNELS


def _choice(name: str, value: str | None, choices: tuple[str, ...]) -> str | None:
    if value is not None and value not in choices:
        raise ShortcodeError(f"{name}={value!r} must be one of {', '.join(choices)}")
    return value


def _index(index: object) -> int:
    if not isinstance(index, int) or isinstance(index, bool) or index < 0:
        raise ShortcodeError(f"index={index!r} must be a number")
    return index


def example(
    kind: str,
    answers: str = "panel",
    tone: str | None = None,
    channel: str | None = None,
    index: int = 0,
    today: str | None = None,
) -> str:
    """One draft of ``kind`` for the answers named, as a card; ``today`` (YYYY-MM-DD) plans it
    from that day, as the worksheet does for someone who fills it in later."""
    tone, channel = _choice("tone", tone, TONES), _choice("channel", channel, CHANNELS)
    try:
        day = dt.date.fromisoformat(today) if today is not None else None
    except ValueError:
        raise ShortcodeError(f"today={today!r} must be a date written YYYY-MM-DD") from None
    drafts = reviewed_drafts(_answers(answers), tone=tone, channel=channel, today=day)
    return draft_html(_pick(drafts, kind, _index(index)), answers, today)


def tabs(kind: str, answers: str = "panel", by: str = "tone", index: int = 0, *, group: str) -> str:
    """Material's content tabs, written as HTML so the cards inside stay block-level."""
    _choice("by", by, ("tone", "channel"))
    values = TONES if by == "tone" else CHANNELS
    inputs, labels, blocks = [], [], []
    for i, value in enumerate(values, 1):
        tone, channel = (value, None) if by == "tone" else (None, value)
        drafts = reviewed_drafts(_answers(answers), tone=tone, channel=channel)
        card = draft_html(_pick(drafts, kind, _index(index)), answers)
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


def answers_file(name: str) -> str:
    """The answers file itself, folded away under the examples drawn from it."""
    _answers(name)  # fails the build on a bad or invalid file
    text = (ANSWERS / f"{name}.json").read_text(encoding="utf-8").strip()
    indented = "\n".join(f"    {line}" for line in ["```json", *text.splitlines(), "```"])
    return f'??? info "The answers behind these examples ({name}.json)"\n\n{indented}\n'


def subjects(answers: str) -> str:
    """Each kind's e-mail subject line for these answers, as a Markdown table."""
    rows = ["| Draft | Subject line |", "| --- | --- |"]
    seen = set()
    for draft in reviewed_drafts(_answers(answers), channel="email"):
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


def review_codes(where: str) -> str:
    """The review's checks (``CHECKS``) as a table, each linked to its advice from page ``where``."""
    rows = ["| Check | Severity | What it flags |", "| --- | --- | --- |"]
    for check in CHECKS.values():
        rows.append(
            f"| [`{check.code}`]({guide_link(check.guide, where)}) | {check.severity} "
            f"| {check.summary} |"
        )
    return "\n".join(rows)


def run_cli(*args: str, answers: str | None = None) -> str:
    """``followup ARGS`` as a console block, with what it prints; ``answers`` names a file in
    ANSWERS, put right after the command (``cli("check", answers="panel")``)."""
    argv = [str(arg) for arg in args]
    if answers is not None:
        _answers(answers)
        path = (ANSWERS / f"{answers}.json").relative_to(ROOT).as_posix()
        argv.insert(1 if argv else 0, path)
    shown = shlex.join(argv)
    out, err = io.StringIO(), io.StringIO()
    cwd = Path.cwd()
    try:
        os.chdir(ROOT)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(argv)
    except SystemExit as exc:  # argparse on a bad command line
        raise ShortcodeError(f"followup {shown} exited: {err.getvalue().strip()}") from exc
    finally:
        os.chdir(cwd)
    if code == 2:
        raise ShortcodeError(f"followup {shown} failed: {err.getvalue().strip()}")
    text = (out.getvalue() + err.getvalue()).rstrip("\n")
    return f"```console\n$ followup {shown}\n{text}\n```"


def page_path(env: Any) -> str:
    """The page being rendered, relative to ``docs/`` (MkDocs: ``page.file``; Zensical: ``page.path``)."""
    page = getattr(env, "page", None)
    file = getattr(page, "file", None)
    return str(getattr(file, "src_uri", None) or getattr(page, "path", "") or "")


def _named(where: Callable[[], str], name: str, fn: Callable[..., str]) -> Callable[..., str]:
    """``fn`` as the macro ``name``: a bad call raises an error that names the page."""

    @functools.wraps(fn)
    def macro(*args: Any, **kwargs: Any) -> str:
        try:
            return fn(*args, **kwargs)
        except (ShortcodeError, followup.InvalidAnswers, TypeError) as exc:
            call = ", ".join([*map(repr, args), *(f"{k}={v!r}" for k, v in kwargs.items())])
            raise ShortcodeError(f"{where()}: {{{{ {name}({call}) }}}}: {exc}") from None

    return macro


def define_env(env: Any) -> None:
    """Register the guide's macros (called once per build by mkdocs-macros, per page by Zensical)."""
    _answers.cache_clear()  # `mkdocs serve` rebuilds pick up edited answers files
    tab_sets: dict[str, Iterator[int]] = {}  # tab ids count from 1 on each page, on every build

    def where() -> str:
        return page_path(env)

    def tab_group() -> str:
        return f"fu-tabs-{next(tab_sets.setdefault(where(), itertools.count(1)))}"

    macros: dict[str, Callable[..., str]] = {
        "example": example,
        "tabs": lambda *a, **k: tabs(*a, **k, group=tab_group()),
        "plan": lambda answers: sc_plan(answers, where()),
        "answers": answers_file,
        "subjects": subjects,
        "review_codes": lambda: review_codes(where()),
        "cli": run_cli,
        "worksheet": lambda: form.render(),
        "contract": contract.fields_table,
        "draft_kinds": contract.kinds_table,
    }
    for name, fn in macros.items():
        env.macro(_named(where, name, fn), name)


def serving(config: Any) -> bool:
    """True under ``mkdocs serve``, which sets ``site_url`` to its own address (serve.py).

    This project leaves ``site_url`` unset, so a published build never matches.
    """
    if not config["site_url"]:
        return False
    url = urlsplit(str(config["site_url"]))
    host, port = config["dev_addr"]
    return bool(url.scheme == "http" and url.hostname == host.strip("[]") and url.port == port)


def on_post_build(env: Any) -> None:
    """After MkDocs wrote the pages: the worksheet, its runtime, every page's policy and the
    service worker (``followup_site.finish``), so `mkdocs build` and `serve` ship the whole site."""
    from mkdocs.exceptions import PluginError

    started = time.perf_counter()
    try:
        done = finish(
            Path(env.conf["site_dir"]),
            Path(env.project_dir),
            dev=serving(env.conf),
            site_url=env.conf["site_url"] or None,
        )
    except BuildError as exc:
        raise PluginError(str(exc)) from None
    log.info(
        "Offline copy: %d files, %.1f MB precached by sw.js (finished in %.2f s)",
        done.precache.count,
        done.precache.size / 1e6,
        time.perf_counter() - started,
    )
