"""The ``followup`` command: drafts, plan and review from an answers file, in a terminal.

Conventions: ``-`` is standard input for the answers and standard output for anything written
(``--out -``, ``--ics -``); exit 0 when done, 1 when ``check`` finds an error in a draft, 2 for
bad input or a file that cannot be written, 141 (as a shell reports SIGPIPE) when the reader of
the output went away (``followup draft answers.json | head -1``), never with a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from . import examples, export, kinds, model
from .model import FieldError, InvalidAnswers
from .render import Draft, format_date
from .review import advise, reviewed_drafts

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2
# 128 + SIGPIPE: what a shell shows for a program stopped by a closed pipe.
EXIT_BROKEN_PIPE = 141
# Where a file would be written, this name means standard output.
STDOUT = "-"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_INVALID, f"followup: {message}\n")


def _read(source: str) -> model.Answers:
    """Answers from a file (JSON, or TOML by extension) or from standard input ('-')."""
    if source == "-":
        raw = sys.stdin.buffer.read()
        fmt = _sniff(raw)
    else:
        path = Path(source)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            # The CLI puts the file name in front: "answers.json: No such file or directory".
            raise InvalidAnswers([FieldError("", exc.strerror or "cannot read the file")]) from None
        fmt = "toml" if path.suffix.lower() == ".toml" else "json"
    return model.parse(raw, fmt)


def _sniff(raw: bytes) -> str:
    """JSON or TOML, for standard input, which has no file extension to go by."""
    start = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start in (b"{", b""):
        return "json"
    if start == b"[":  # a JSON array (an error worth naming) or a TOML table header
        try:
            json.loads(raw.decode("utf-8-sig"))
        except ValueError:
            return "toml"
        return "json"
    return "toml"


def _heading(draft: Draft) -> str:
    who = draft.to.name or "the hiring team"
    if draft.to.email:
        who += f" <{draft.to.email}>"
    when = (
        f"send on {format_date(draft.send_on, weekday=True)}"
        if draft.send_on
        else "keep for when it happens"
    )
    return f"=== {kinds.get(draft.kind).label} · to {who} · {when}"


def _text(draft: Draft) -> str:
    subject = f"Subject: {draft.subject}\n\n" if draft.subject else ""
    return f"{_heading(draft)}\n{subject}{draft.body}\n"


def _filename(number: int, draft: Draft, suffix: str) -> str:
    who = export.slug(draft.to.name)
    return f"{number:02d}-{draft.kind.replace('_', '-')}{'-' + who if who else ''}.{suffix}"


def cmd_draft(args: argparse.Namespace) -> int:
    answers = _read(args.file)
    drafts = reviewed_drafts(answers, tone=args.tone, channel=args.channel, today=args.today)
    if args.out and args.out != STDOUT:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for number, draft in enumerate(drafts, 1):
            name = out / _filename(number, draft, {"text": "txt"}.get(args.format, args.format))
            if args.format == "eml":
                name.write_bytes(export.to_eml(draft, answers))
            elif args.format == "json":
                name.write_text(
                    json.dumps(draft.to_dict(), indent=2, ensure_ascii=False) + "\n",
                    encoding="utf-8",
                )
            else:
                name.write_text(_text(draft), encoding="utf-8")
            print(name)
        return EXIT_OK
    if args.format == "json":
        print(
            json.dumps(
                {"drafts": [d.to_dict() for d in drafts], "errors": []},
                indent=2,
                ensure_ascii=False,
            )
        )
    elif args.format == "eml":
        sys.stdout.write("\n".join(export.to_eml(d, answers).decode("ascii") for d in drafts))
    else:
        print("\n".join(_text(d) for d in drafts), end="")
    return EXIT_OK


def cmd_plan(args: argparse.Namespace) -> int:
    answers = _read(args.file)
    drafts = reviewed_drafts(answers, today=args.today)
    # With the calendar on standard output, the plan is shown on standard error.
    shown = sys.stderr if args.ics == STDOUT else sys.stdout
    for row in export.plan_rows(drafts):
        when = f"{row['weekday']:<9} {row['send_on']}" if row["send_on"] else "when it happens     "
        print(f"{when}  {row['label']}", file=shown)
    for advice in advise(answers):
        print(f"tip: {advice.message}", file=shown)
    calendar = export.to_ics(drafts, answers).encode("utf-8") if args.ics else b""
    if args.ics == STDOUT:
        binary = getattr(sys.stdout, "buffer", None)  # bytes: CRLF line ends stay as they are
        if binary is None:  # a text-only stream (output captured in a string)
            sys.stdout.write(calendar.decode("utf-8"))
        else:
            sys.stdout.flush()
            binary.write(calendar)
    elif args.ics:
        Path(args.ics).write_bytes(calendar)
        print(f"wrote {args.ics}", file=sys.stderr)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    answers = _read(args.file)
    worst = EXIT_OK
    count = 0
    for advice in advise(answers):
        count += 1
        print(f"{advice.path}: tip {advice.code}: {advice.message} (guide: {advice.guide})")
    for draft in reviewed_drafts(answers, tone=args.tone, channel=args.channel, today=args.today):
        for finding in draft.findings:
            count += 1
            print(
                f"{draft.id}: {finding.severity} {finding.code}: {finding.message} "
                f"(guide: {finding.guide})"
            )
            if finding.severity == "error":
                worst = EXIT_FINDINGS
    if not count:
        print("The answers are valid and every draft passes the review.")
    return worst


def cmd_example(_: argparse.Namespace) -> int:
    print(examples.text(), end="")
    return EXIT_OK


def today() -> dt.date:
    """The day plans are made from when ``--today`` is not given: the computer's date."""
    return dt.date.today()


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else dt.date.fromisoformat("x")
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD") from None


def _add_today(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--today",
        type=_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="plan from this date (default: the real date): nothing is dated before it, "
        "and a step whose date has passed is due that day",
    )


def version() -> str:
    """The installed package's version (pyproject.toml's), as ``--version`` prints it."""
    try:
        return importlib.metadata.version("followup")
    except importlib.metadata.PackageNotFoundError:  # run from a source tree, not installed
        return "unknown (not installed)"


def parser() -> argparse.ArgumentParser:
    top = _Parser(
        prog="followup",
        description="Follow-up drafts, a dated plan and a review after a job interview.",
        epilog="Exit status: 0 done, 1 a draft has an error (check), 2 bad input or an output "
        "that cannot be written, 141 the output's reader closed it (broken pipe).",
    )
    top.add_argument(
        "--version", action="version", version=f"%(prog)s {version()}", help="print the version"
    )
    sub = top.add_subparsers(dest="command", required=True, parser_class=_Parser)
    draft = sub.add_parser("draft", help="write every draft for an answers file")
    draft.add_argument("file", help="answers file (.json or .toml), or - for standard input")
    draft.add_argument(
        "--format",
        choices=("text", "json", "eml"),
        default="text",
        help="text to read (default), json (the drafts contract) or eml (unsent emails to open "
        "in a mail app)",
    )
    draft.add_argument(
        "--out",
        metavar="DIR",
        help="write one file per draft into DIR (created if needed) and print their names; "
        "- prints the drafts instead, as without --out",
    )
    draft.add_argument("--tone", choices=model.TONES, help="override the answers' tone")
    draft.add_argument("--channel", choices=model.CHANNELS, help="override the answers' channel")
    _add_today(draft)
    draft.set_defaults(run=cmd_draft)
    plan = sub.add_parser("plan", help="print the dated follow-up plan")
    plan.add_argument("file", help="answers file (.json or .toml), or - for standard input")
    plan.add_argument(
        "--ics",
        metavar="FILE",
        help="also write the plan as a calendar file (iCalendar); - writes it to standard output "
        "and shows the plan on standard error",
    )
    _add_today(plan)
    plan.set_defaults(run=cmd_plan)
    check = sub.add_parser(
        "check", help="validate answers and review the drafts (exit 1 on errors)"
    )
    check.add_argument("file", help="answers file (.json or .toml), or - for standard input")
    check.add_argument("--tone", choices=model.TONES, help="review the drafts in this tone")
    check.add_argument(
        "--channel", choices=model.CHANNELS, help="review the drafts for this channel"
    )
    _add_today(check)
    check.set_defaults(run=cmd_check)
    example = sub.add_parser("example", help="print a complete sample answers file")
    example.set_defaults(run=cmd_example)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; invalid input exits 2 with one ``path: message`` line per problem."""
    args = parser().parse_args(argv)
    if getattr(args, "today", "unset") is None:
        args.today = today()
    try:
        code: int = args.run(args)
        sys.stdout.flush()  # a closed pipe shows here at the latest, not at interpreter exit
    except InvalidAnswers as exc:
        for error in exc.errors:
            print(str(error) if error.path else f"{args.file}: {error.message}", file=sys.stderr)
        return EXIT_INVALID
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as exc:  # an output file or folder that cannot be written
        where = exc.filename if exc.filename is not None else "output"
        print(f"followup: {where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_INVALID
    return code


def _discard_stdout() -> None:
    """After a broken pipe, send what is still buffered to /dev/null, so that Python's flush at
    exit does not fail a second time with a traceback-like message (the recipe in the Python
    documentation's note on SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor (output captured in-process)
        pass


if __name__ == "__main__":
    sys.exit(main())
