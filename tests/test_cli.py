"""The ``followup`` command end to end: in this process through ``cli.main(argv)``, with its
standard streams and working folder swapped, plus a few smoke tests of ``python -m followup`` and
the ``followup`` script in a subprocess."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import email
import email.policy
import fcntl
import fnmatch
import importlib.metadata
import io
import json
import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import icalendar
import pytest
from answer_files import EXAMPLES

from followup import cli, parse
from followup.render import format_date
from followup.review import reviewed_drafts

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
INVALID = TESTS / "invalid"
PANEL = EXAMPLES / "panel.json"
DRAFT_KEYS = {"kind", "to", "subject", "body", "send_on", "findings"}
FINDING_KEYS = {"code", "severity", "message", "guide"}


@dataclass(frozen=True)
class Result:
    """What one run of the command did, as a subprocess would show it."""

    returncode: int
    stdout: bytes
    stderr: bytes


# The day these tests run on, for the commands that plan from "today": before every interview in
# the fixtures, so the plans follow the rules alone and the tests pass on any real date.
TODAY = dt.date(2026, 1, 1)


def run(*args: str | Path, stdin: bytes | None = None, cwd: Path | None = None) -> Result:
    """``followup ARGS`` in this process: UTF-8 streams, exit code from ``main`` or ``SystemExit``;
    "today" is TODAY unless the arguments say ``--today``."""
    out, err = io.BytesIO(), io.BytesIO()
    streams = {
        "stdin": io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8"),
        "stdout": io.TextIOWrapper(out, encoding="utf-8", write_through=True),
        "stderr": io.TextIOWrapper(
            err, encoding="utf-8", errors="backslashreplace", write_through=True
        ),
    }
    saved = {name: getattr(sys, name) for name in streams}
    real_today = cli.today
    cli.today = lambda: TODAY
    try:
        for name, stream in streams.items():
            setattr(sys, name, stream)
        with contextlib.chdir(cwd or Path.cwd()):
            try:
                code = cli.main([str(arg) for arg in args])
            except SystemExit as exc:  # argparse: --help, or a bad command line
                code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
    finally:
        cli.today = real_today
        for name, stream in saved.items():
            setattr(sys, name, stream)
    return Result(code, out.getvalue(), err.getvalue())


def run_subprocess(*args: str | Path, stdin: bytes = b"", script: bool = False) -> Result:
    """``python -m followup ARGS`` (or the installed ``followup`` script), UTF-8 whatever the
    machine's locale."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONUTF8": "1"}
    command = (
        [str(Path(sys.executable).with_name("followup"))]
        if script
        else [sys.executable, "-m", "followup"]
    )
    done = subprocess.run(
        [*command, *map(str, args)],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def out(result: Result) -> str:
    assert result.returncode == 0, result.stderr.decode()
    assert b"Traceback" not in result.stderr
    return result.stdout.decode("utf-8")


def expected_drafts(path: Path = PANEL, **kwargs: Any) -> list[dict[str, Any]]:
    fmt = "toml" if path.suffix == ".toml" else "json"
    return [d.to_dict() for d in reviewed_drafts(parse(path.read_bytes(), fmt), **kwargs)]


def assert_clean_failure(result: Result) -> list[str]:
    """Exit 2, nothing on stdout, and every stderr line a ``path: message``; returns the lines."""
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 2, (result.returncode, stderr)
    assert result.stdout == b""
    assert "Traceback" not in stderr and 'File "' not in stderr
    lines = stderr.splitlines()
    assert lines
    for line in lines:
        assert re.fullmatch(r"[^\s:][^:]*: \S.*", line), line
    return lines


# --- draft ------------------------------------------------------------------------------------


def test_draft_text_shows_each_draft_with_heading_subject_and_body() -> None:
    text = out(run("draft", PANEL))
    drafts = expected_drafts()
    assert text.startswith(
        "=== Thank-you note · to Grace Hopper <grace@example.org> · send on Thursday 3 December 2026\n"
        "Subject: Thank you – Data Engineer interview\n\nDear Dr Hopper,\n"
    )
    assert text.count("\n=== ") + 1 == len(drafts)
    position = 0
    for draft in drafts:
        found = text.index(draft["body"], position)
        assert found >= position
        position = found + len(draft["body"])
    assert "=== Withdraw · to Grace Hopper <grace@example.org> · keep for when it happens" in text


def test_draft_text_for_a_team_and_a_letter() -> None:
    text = out(run("draft", FIXTURES / "no-interviewer.json"))
    # A screening call: the same day. The thank-you goes as a letter (no subject), as a note to
    # stay in touch may; a letter is too slow for check-ins and news, which go by email.
    assert "=== Thank-you note · to the hiring team · send on Monday 7 December 2026\n" in text
    first = text.split("\n=== ")[0]
    assert "Subject:" not in first and "Yours sincerely," in first
    assert text.count("Subject:") + text.count("Yours sincerely,") == text.count("=== ")


def test_draft_json_is_exactly_the_drafts_contract() -> None:
    data = json.loads(out(run("draft", PANEL, "--format", "json")))
    assert set(data) == {"drafts", "errors"}
    assert data["errors"] == []
    assert data["drafts"] == expected_drafts()
    for draft in data["drafts"]:
        assert set(draft) == DRAFT_KEYS
        assert set(draft["to"]) == {"name", "email"}
        assert draft["send_on"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", draft["send_on"])
        for finding in draft["findings"]:
            assert set(finding) == FINDING_KEYS
    assert [d["kind"] for d in data["drafts"]] == [
        "thank_you", "thank_you", "thank_you", "follow_up",
        "check_in", "check_in_again", "stay_in_touch",
        "after_rejection", "competing_offer", "withdraw",
    ]  # fmt: skip


def test_draft_json_keeps_non_ascii_as_text() -> None:
    raw = run("draft", FIXTURES / "unicode-names.json", "--format", "json")
    text = out(raw)
    assert "محمد عبد الله" in text and "\\u" not in text
    assert json.loads(text)["drafts"] == expected_drafts(FIXTURES / "unicode-names.json")


def test_draft_json_carries_findings(tmp_path: Path) -> None:
    data = json.loads(out(run("draft", EXAMPLES / "minimal.json", "--format", "json")))
    finding = data["drafts"][0]["findings"][0]
    assert finding == {
        "code": "unsigned",
        "severity": "info",
        "message": "Add your name under “You” so the draft is signed.",
        "guide": "thank-you/#personalise",
    }


def test_draft_eml_prints_one_message_per_draft() -> None:
    text = out(run("draft", PANEL, "--format", "eml"))
    drafts = expected_drafts()
    assert text.count("X-Unsent: 1") == len(drafts)
    assert text.count("From: Ada Lovelace <ada@example.org>") == len(drafts)
    assert "To: Grace Hopper <grace@example.org>" in text
    text.encode("ascii")


@pytest.mark.parametrize(("fmt", "suffix"), [("text", "txt"), ("json", "json"), ("eml", "eml")])
def test_draft_out_writes_one_file_per_draft(tmp_path: Path, fmt: str, suffix: str) -> None:
    target = tmp_path / "drafts" / "new"
    printed = out(run("draft", PANEL, "--format", fmt, "--out", target)).splitlines()
    drafts = expected_drafts()
    files = sorted(target.iterdir())
    assert [p.name for p in files] == [
        f"01-thank-you-grace-hopper.{suffix}",
        f"02-thank-you-alan-turing.{suffix}",
        f"03-thank-you-katherine-johnson.{suffix}",
        f"04-follow-up-grace-hopper.{suffix}",
        f"05-check-in-grace-hopper.{suffix}",
        f"06-check-in-again-grace-hopper.{suffix}",
        f"07-stay-in-touch-grace-hopper.{suffix}",
        f"08-after-rejection-grace-hopper.{suffix}",
        f"09-competing-offer-grace-hopper.{suffix}",
        f"10-withdraw-grace-hopper.{suffix}",
    ]
    assert printed == [str(p) for p in files]
    for path, draft in zip(files, drafts, strict=True):
        if fmt == "json":
            assert json.loads(path.read_text(encoding="utf-8")) == draft
        elif fmt == "eml":
            msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            assert msg.get_content().replace("\r\n", "\n") == draft["body"] + "\n"  # type: ignore[attr-defined]
            assert msg["X-Unsent"] == "1"
        else:
            text = path.read_text(encoding="utf-8")
            assert text.endswith(draft["body"] + "\n")
            assert f"Subject: {draft['subject']}\n" in text


def test_draft_out_names_files_safely_for_any_name(tmp_path: Path) -> None:
    out(run("draft", FIXTURES / "unicode-names.json", "--out", tmp_path))
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names[:4] == [
        "01-thank-you.txt",
        "02-thank-you.txt",
        "03-thank-you-jose-nunez.txt",  # José Ñúñez: accents dropped, not the letters
        "04-thank-you.txt",
    ]
    assert all(re.fullmatch(r"[a-z0-9.-]+", n) for n in names)


def test_draft_tone_and_channel_override_the_answers() -> None:
    data = json.loads(
        out(run("draft", PANEL, "--format", "json", "--tone", "warm", "--channel", "linkedin"))
    )
    assert data["drafts"] == expected_drafts(tone="warm", channel="linkedin")
    assert data["drafts"][0]["body"].startswith("Hi Grace,")
    # LinkedIn messages have no subject; news of another offer and withdrawing go by email
    assert {d["kind"] for d in data["drafts"] if d["subject"]} == {"competing_offer", "withdraw"}
    letter = json.loads(out(run("draft", PANEL, "--format", "json", "--channel", "letter")))
    assert letter["drafts"][0]["body"].startswith("Ada Lovelace\nada@example.org\n")


@pytest.mark.parametrize(
    "option", [("--tone", "casual"), ("--channel", "sms"), ("--format", "pdf")]
)
def test_draft_rejects_unknown_choices(option: tuple[str, str]) -> None:
    result = run("draft", PANEL, *option)
    assert result.returncode == 2
    stderr = result.stderr.decode()
    assert "invalid choice" in stderr and "Traceback" not in stderr


# --- plan --------------------------------------------------------------------------------------------


def test_plan_prints_dates() -> None:
    assert out(run("plan", PANEL)) == (
        "Thursday  2026-12-03  Thank-you note · Grace Hopper\n"
        "Thursday  2026-12-03  Thank-you note · Alan Turing\n"
        "Thursday  2026-12-03  Thank-you note · Katherine Johnson\n"
        "Friday    2026-12-04  Answer their question and send the material · Grace Hopper\n"
        "Tuesday   2026-12-15  Check in · Grace Hopper\n"
        "Tuesday   2026-12-22  Check in one last time · Grace Hopper\n"
        "Tuesday   2027-01-19  Stay in touch · Grace Hopper\n"
        "when it happens       Reply to a rejection · Grace Hopper\n"
        "when it happens       Tell them about another offer · Grace Hopper\n"
        "when it happens       Withdraw · Grace Hopper\n"
    )


def test_plan_friday_afternoon_thanks_the_same_day() -> None:
    """Within 24 hours: Monday morning would be 65 hours after a Friday-afternoon interview."""
    assert out(run("plan", FIXTURES / "friday-afternoon.json")).startswith(
        "Friday    2026-12-04  Thank-you note · Dana Whitfield\n"
    )


def test_plan_counts_from_today() -> None:
    """Filled in late: the thank-you is due today, nothing is dated in the past."""
    text = out(run("plan", PANEL, "--today", "2026-12-07"))
    assert text.startswith("Monday    2026-12-07  Thank-you note · Grace Hopper\n")
    assert "2026-12-0" not in text.replace("2026-12-07", "").replace("2026-12-08", "")


def test_plan_prints_tips_for_what_it_could_not_plan() -> None:
    text = out(run("plan", EXAMPLES / "minimal.json"))
    assert text.splitlines()[-1].startswith("tip: Add recent company news")


@pytest.mark.parametrize("day", ["2026-13-01", "tomorrow", "2026-12-1"])
def test_today_must_be_a_real_date(day: str) -> None:
    result = run("plan", PANEL, "--today", day)
    assert result.returncode == 2
    assert "is not a date written YYYY-MM-DD" in result.stderr.decode()


def test_plan_ics_writes_a_parseable_calendar(tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    result = run("plan", PANEL, "--ics", target)
    assert out(result).startswith("Thursday  2026-12-03")
    assert result.stderr.decode().strip() == f"wrote {target}"
    raw = target.read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b"")
    cal = icalendar.Calendar.from_ical(raw)
    starts = [e["DTSTART"].dt.isoformat() for e in cal.walk("VEVENT")]
    assert starts == ["2026-12-03"] * 3 + ["2026-12-04"] + [
        "2026-12-15",
        "2026-12-22",
        "2027-01-19",
    ]


# --- check -------------------------------------------------------------------------------------------


def test_check_passes_good_answers() -> None:
    result = run("check", FIXTURES / "recruiter-contact.json")
    assert out(result) == (
        "company.news: tip nothing_to_say: Add recent company news, or news of your own, and the "
        "plan gets a note to stay in touch a few weeks after the last check-in. "
        "(guide: stay-in-touch/#good-reasons-to-get-in-touch)\n"
    )
    data = json.loads(PANEL.read_text(encoding="utf-8"))
    data["interview"]["interviewers"][2]["discussed"] = "the quarterly reporting cycle"
    complete = PANEL.parent / "never-written.json"
    result = run("check", "-", stdin=json.dumps(data).encode())
    assert not complete.exists()
    assert out(result) == "The answers are valid and every draft passes the review.\n"


def test_check_exits_0_with_only_info_findings() -> None:
    text = out(run("check", EXAMPLES / "minimal.json"))
    assert text.splitlines()[1] == (
        "thank_you.0: info unsigned: Add your name under “You” so the draft is signed. "
        "(guide: thank-you/#personalise)"
    )


def test_check_exits_1_when_a_draft_has_an_error(tmp_path: Path) -> None:
    """A placeholder the person typed into their answers reaches the drafts; check flags it."""
    data = json.loads(PANEL.read_text(encoding="utf-8"))
    data["interview"]["interviewers"][1]["discussed"] = "[the project they mentioned]"
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run("check", path)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.decode().splitlines()
    assert lines == [
        "thank_you.1: error placeholder: “[the project they mentioned]” looks like a placeholder: "
        "fill it in or take it out. (guide: mistakes/#placeholders)",
        "thank_you.2: info not_personal: Add what you talked about with Katherine Johnson (under "
        "Interviewers) so this note is theirs alone. (guide: thank-you/#personalise)",
    ]
    assert result.stderr == b""


def test_check_exits_2_on_invalid_answers() -> None:
    assert_clean_failure(run("check", INVALID / "fields.json"))


# --- example -----------------------------------------------------------------------------------------


def test_example_prints_answers_that_draft_accepts() -> None:
    example = run("example")
    text = out(example)
    assert text == (EXAMPLES / "panel.json").read_text(encoding="utf-8")
    json.loads(text)
    drafted = run("draft", "-", "--format", "json", stdin=example.stdout)
    assert json.loads(out(drafted))["errors"] == []
    checked = run("check", "-", stdin=example.stdout)
    assert checked.returncode == 0


# --- input: stdin, TOML, errors ---------------------------------------------------------------------


def test_stdin_json() -> None:
    data = json.loads(out(run("draft", "-", "--format", "json", stdin=PANEL.read_bytes())))
    assert data["drafts"] == expected_drafts()


def test_stdin_json_with_a_byte_order_mark() -> None:
    data = json.loads(
        out(run("draft", "-", "--format", "json", stdin=b"\xef\xbb\xbf" + PANEL.read_bytes()))
    )
    assert data["drafts"] == expected_drafts()


def test_stdin_toml() -> None:
    data = json.loads(
        out(run("draft", "-", "--format", "json", stdin=(FIXTURES / "panel.toml").read_bytes()))
    )
    assert data["drafts"] == expected_drafts()


def test_stdin_toml_starting_with_a_table() -> None:
    """Standard input has no extension: a TOML table header is not mistaken for a JSON array."""
    text = b'[company]\nname = "Northwind Traders"\n[interview]\ndate = 2026-12-04\n'
    # read as TOML, so validation names the one thing missing (top-level keys precede tables)
    assert assert_clean_failure(run("plan", "-", stdin=text)) == ["role: is required"]


def test_toml_by_extension_matches_json(tmp_path: Path) -> None:
    from_toml = json.loads(out(run("draft", FIXTURES / "panel.toml", "--format", "json")))
    assert from_toml["drafts"] == expected_drafts()
    upper = tmp_path / "ANSWERS.TOML"
    upper.write_bytes((FIXTURES / "panel.toml").read_bytes())
    assert json.loads(out(run("draft", upper, "--format", "json"))) == from_toml


def test_the_extension_decides_the_format() -> None:
    path = INVALID / "toml-in-a.json"
    assert assert_clean_failure(run("check", path)) == [
        f"{path}: not valid JSON: Expecting value (line 1, column 1)"
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "fields.json",
            [
                "candidate.email: not an email address",
                "interview.date: must be a real date written YYYY-MM-DD",
                "interview.time: must be a time written HH:MM (24-hour clock)",
                "interview.interviewers.0.email: not an email address",
                "interview.interviewers.1.name: is required",
                "interview.nmae: unknown field",
                "role: is required",
            ],
        ),
        ("broken.json", ["{file}: not valid JSON: Expecting ',' delimiter (line 4, column 3)"]),
        ("empty.json", ["{file}: the file is empty"]),
        ("latin1.json", ["{file}: the file is not UTF-8 text (byte 39)"]),
        ("array.json", ["{file}: the answers must be an object, not a list"]),
        ("broken.toml", ["{file}: not valid TOML: "]),
        ("missing.json", ["{file}: No such file or directory"]),
    ],
)
@pytest.mark.parametrize("command", ["draft", "plan", "check"])
def test_bad_input_exits_2_with_every_error_and_no_traceback(
    command: str, name: str, expected: list[str]
) -> None:
    path = INVALID / name
    lines = assert_clean_failure(run(command, path))
    wanted = [line.format(file=path) for line in expected]
    if name == "broken.toml":
        assert len(lines) == 1 and lines[0].startswith(wanted[0])
    else:
        assert sorted(lines) == sorted(wanted)


def test_bad_stdin_names_standard_input() -> None:
    lines = assert_clean_failure(run("draft", "-", stdin=b"[1, 2]"))
    assert lines == ["-: the answers must be an object, not a list"]
    assert assert_clean_failure(run("draft", "-", stdin=b"")) == ["-: the file is empty"]
    assert assert_clean_failure(run("draft", "-", stdin=b'{"role": "caf\xe9"}')) == [
        "-: the file is not UTF-8 text (byte 13)"
    ]


def test_a_directory_is_not_an_answers_file(tmp_path: Path) -> None:
    assert assert_clean_failure(run("check", tmp_path)) == [f"{tmp_path}: Is a directory"]


def test_no_command_is_a_usage_error() -> None:
    result = run()
    assert result.returncode == 2
    assert b"usage: followup" in result.stderr and b"Traceback" not in result.stderr


def test_help_lists_every_command() -> None:
    text = out(run("--help"))
    for command in ("draft", "plan", "check", "example"):
        assert command in text


def test_a_saturday_interview_is_thanked_that_day_and_the_rest_waits_for_weekdays() -> None:
    text = out(run("draft", FIXTURES / "weekend.json"))
    saturday = format_date(dt.date(2026, 12, 5), weekday=True)
    assert f"=== Thank-you note · to Karl Sonntag · send on {saturday}\n" in text
    sends = re.findall(r"send on (\w+day)", text)
    assert sends[0] == "Saturday" and not {"Saturday", "Sunday"} & set(sends[1:])


# --- smoke tests: the real process, its streams and exit codes --------------------------------------


def test_smoke_python_m_followup_drafts_a_file() -> None:
    data = json.loads(out(run_subprocess("draft", PANEL, "--format", "json")))
    assert data["drafts"] == expected_drafts()
    assert "محمد عبد الله" in out(run_subprocess("draft", FIXTURES / "unicode-names.json"))


def test_smoke_standard_input_and_a_clean_failure() -> None:
    data = json.loads(
        out(run_subprocess("draft", "-", "--format", "json", stdin=PANEL.read_bytes()))
    )
    assert data["drafts"] == expected_drafts()
    assert assert_clean_failure(run_subprocess("check", "-", stdin=b"[1, 2]")) == [
        "-: the answers must be an object, not a list"
    ]
    assert assert_clean_failure(run_subprocess("check", INVALID / "fields.json"))


def test_smoke_the_installed_script_and_its_usage_error() -> None:
    assert "draft" in out(run_subprocess("--help", script=True))
    result = run_subprocess(script=True)
    assert result.returncode == 2
    assert b"usage: followup" in result.stderr and b"Traceback" not in result.stderr


# --- conventions: --version, "-" for standard output, help, broken pipes ----------------------------


def test_version_prints_the_installed_version() -> None:
    assert out(run("--version")) == f"followup {importlib.metadata.version('followup')}\n"


def every_action(parser: argparse.ArgumentParser) -> Iterator[tuple[str, argparse.Action]]:
    """Each option and argument of the parser and of its commands, named for a failure."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, command in action.choices.items():
                yield from ((f"{name} {n}", a) for n, a in every_action(command))
        else:
            yield "/".join(action.option_strings) or action.dest, action


def test_every_option_and_argument_has_help_text() -> None:
    actions = list(every_action(cli.parser()))
    assert len(actions) >= 15  # the commands' options, not only the top level's
    assert [name for name, action in actions if not (action.help or "").strip()] == []


def test_plan_ics_dash_writes_the_calendar_to_standard_output(tmp_path: Path) -> None:
    result = run("plan", PANEL, "--ics", "-", cwd=tmp_path)
    assert result.returncode == 0
    assert list(tmp_path.iterdir()) == []  # no file named "-"
    cal = icalendar.Calendar.from_ical(result.stdout)
    assert len(list(cal.walk("VEVENT"))) == 7
    assert result.stdout.startswith(b"BEGIN:VCALENDAR\r\n")
    # the plan itself goes to standard error, where a person still sees it
    assert result.stderr.decode().startswith("Thursday  2026-12-03  Thank-you note · Grace Hopper\n")


def test_draft_out_dash_prints_the_drafts_as_without_out(tmp_path: Path) -> None:
    for fmt in ("text", "json", "eml"):
        printed = run("draft", PANEL, "--format", fmt, "--out", "-", cwd=tmp_path)
        assert printed == run("draft", PANEL, "--format", fmt, cwd=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_an_output_that_cannot_be_written_is_named_without_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run("draft", PANEL, "--out", blocker / "drafts")
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode() == f"followup: {blocker / 'drafts'}: Not a directory\n"
    result = run("plan", PANEL, "--ics", tmp_path / "no-such-folder" / "plan.ics")
    assert result.returncode == 2
    assert result.stderr.decode().endswith(": No such file or directory\n")


class ClosedPipe(io.TextIOWrapper):
    """Standard output whose reader has gone: every write fails as a closed pipe does."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO(), encoding="utf-8")

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_pipe_stops_with_141_after_the_first_write(tmp_path: Path) -> None:
    """In this process: `draft --out DIR` stops at its first name printed."""
    saved, sys.stdout = sys.stdout, ClosedPipe()
    try:
        code = cli.main(["draft", str(PANEL), "--out", str(tmp_path), "--today", "2026-01-01"])
    finally:
        sys.stdout = saved
    assert code == cli.EXIT_BROKEN_PIPE == 141
    assert len(list(tmp_path.iterdir())) == 1


def many_interviewers() -> bytes:
    """Answers whose drafts fill well over two small pipe buffers (see below)."""
    data = json.loads((FIXTURES / "large-panel.json").read_text(encoding="utf-8"))
    first = ["Ines", "Jonas", "Kofi", "Lena"]
    for name in first:
        data["interview"]["interviewers"].append(
            {"name": f"{name} Moreau", "title": "Analyst", "discussed": "the data catalogue " * 15}
        )
    return json.dumps(data).encode()


@pytest.mark.skipif(not hasattr(fcntl, "F_SETPIPE_SZ"), reason="pipe sizes are set on Linux only")
def test_smoke_piped_into_head_ends_non_zero_with_no_traceback() -> None:
    """`followup draft - --format json | head -1`. The pipe between them is made one page
    (4 KiB) long: head reads at most that much once and exits, while the command has more to
    write than that read and a refilled pipe take, so the pipe is always closed while it writes
    (with the usual 64 KiB pipe everything could fit, and exit 0 would be right)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "followup", "draft", "-", "--format", "json"]
    followup = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert followup.stdin and followup.stdout and followup.stderr
    fcntl.fcntl(followup.stdout.fileno(), fcntl.F_SETPIPE_SZ, 4096)
    head = subprocess.Popen(["head", "-1"], stdin=followup.stdout, stdout=subprocess.PIPE)
    followup.stdout.close()  # head holds the only reading end now
    answers = many_interviewers()
    followup.stdin.write(answers)
    followup.stdin.close()
    first_line = head.communicate(timeout=60)[0]
    errors = followup.stderr.read()
    followup.stderr.close()
    assert followup.wait(timeout=60) == 141
    assert first_line == b"{\n"
    assert errors == b""  # no traceback, not even "Exception ignored"
    total = out(run("draft", "-", "--format", "json", stdin=answers))
    # The premise: more than head's one read and a full pipe after it (2 x 4 KiB) can take.
    assert len(total.encode()) > 2 * 4096 + 2048


def test_pip_install_ships_the_command_and_every_file_it_reads() -> None:
    """What `pip install .` / `pipx install` of the repository installs (README): the `followup`
    script, and every non-Python file of the package through package-data (tested without
    building a wheel, which would need the network for setuptools)."""
    pyproject = tomllib.loads((TESTS.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["scripts"] == {"followup": "followup.cli:main"}
    assert pyproject["project"]["dependencies"] == ["Jinja2>=3.1,<4"]
    patterns = pyproject["tool"]["setuptools"]["package-data"]["followup"]
    package = TESTS.parent / "src" / "followup"
    data = [
        p.relative_to(package).as_posix()
        for p in package.rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc")
    ]
    assert len(data) > 20  # the templates and the example answers
    assert [f for f in data if not any(fnmatch.fnmatch(f, pat) for pat in patterns)] == []
