"""The guide's macros (macros/main.py): what a page may call, and how a bad call fails the build."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from sitekit import ROOT, build_site, guide_macros

from macros.main import ANSWERS, ShortcodeError


@pytest.mark.parametrize(
    ("macro", "args", "kwargs", "message"),
    [
        ("example", ("thank_you",), {"tone": "casual"}, "tone='casual' must be one of formal"),
        ("example", ("thank_you",), {"channel": "sms"}, "channel='sms' must be one of email"),
        ("example", ("thank_yuo",), {}, "unknown draft kind 'thank_yuo'"),
        ("example", ("thank_you",), {"answers": "nobody"}, "no answers named 'nobody'"),
        ("example", ("thank_you",), {"index": 9}, "have 3 thank_you draft(s), not 10"),
        ("example", ("thank_you",), {"index": "1"}, "index='1' must be a number"),
        ("example", ("thank_you",), {"tnoe": "warm"}, "unexpected keyword argument 'tnoe'"),
        ("tabs", ("withdraw",), {"by": "mood"}, "by='mood' must be one of tone, channel"),
        ("plan", ("nobody",), {}, "no answers named 'nobody'"),
        ("answers", ("../panel",), {}, "no answers named '../panel'"),
        ("subjects", (), {}, "missing 1 required positional argument"),
        ("review_codes", ("panel",), {}, "takes 0 positional arguments"),
        ("cli", ("draft", "--format", "pdf"), {"answers": "panel"}, "invalid choice: 'pdf'"),
        ("worksheet", ("tone=warm",), {}, "takes 0 positional arguments"),
    ],
)
def test_a_bad_call_names_the_page_the_macro_and_the_problem(
    macro: str, args: tuple[object, ...], kwargs: dict[str, object], message: str
) -> None:
    call = guide_macros("situations/panel.md")[macro]
    with pytest.raises(ShortcodeError) as raised:
        call(*args, **kwargs)
    text = str(raised.value)
    assert text.startswith(f"situations/panel.md: {{{{ {macro}("), text
    assert message in text


def test_tab_ids_count_from_one_on_each_page_and_each_build() -> None:
    macros = guide_macros("thank-you.md")
    first, second = macros["tabs"]("thank_you"), macros["tabs"]("thank_you", by="channel")
    assert 'data-tabs="fu-tabs-1:3"' in first and 'data-tabs="fu-tabs-2:3"' in second
    assert 'data-tabs="fu-tabs-1:3"' in guide_macros("thank-you.md")["tabs"]("thank_you")


def test_review_codes_link_to_the_guide_from_where_the_table_is() -> None:
    top = guide_macros("mistakes.md")["review_codes"]()
    deep = guide_macros("situations/panel.md")["review_codes"]()
    assert "](thank-you.md#personalise)" in top
    assert "](../thank-you.md#personalise)" in deep


def test_cli_names_the_answers_file_where_the_guide_keeps_it() -> None:
    shown = guide_macros("cli.md")["cli"]("check", answers="minimal")
    path = (ANSWERS / "minimal.json").relative_to(ROOT).as_posix()
    assert shown.startswith(f"```console\n$ followup check {path}\n")
    assert "thank_you.0: info unsigned" in shown


def _project_with(tmp_path: Path, page: str, line: str) -> Path:
    """This project, with ``line`` added to one page of a copy of ``docs/``."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    for name in ("overrides", "macros", "src", "worksheet"):
        (project / name).symlink_to(ROOT / name)
    target = project / "docs" / page
    text = target.read_text(encoding="utf-8")
    assert "{{ " not in text  # the premise: this page calls no macro of its own yet
    target.write_text(f"{text}\n{line}\n", encoding="utf-8")
    return project


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{{ exampel("thank_you") }}', "'exampel' is undefined"),
        ('{{ example("thank_you", tone="casual") }}', "tone='casual' must be one of"),
    ],
)
def test_a_bad_macro_fails_the_build_and_names_the_page(
    tmp_path: Path, line: str, message: str
) -> None:
    project = _project_with(tmp_path, "why.md", line)
    result = build_site(tmp_path / "site", "http://127.0.0.1:9/", project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert re.search(r"\bwhy\.md\b", output), output
    assert message in output
    assert not (tmp_path / "site" / "sw.js").exists()
