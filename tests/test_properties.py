"""Properties: any text in any field renders, stays literal (never a template), leaves no placeholder.

User text is data, never template source (DESIGN.md): ``{{ 7*7 }}`` typed into any field must come
out as ``{{ 7*7 }}``, never ``49``. Example counts are kept low enough for the file to run in
well under 20 seconds.
"""

from __future__ import annotations

import copy
import email
import email.policy
import json
import re
from collections.abc import Callable
from typing import Any

import icalendar
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from followup import (
    Answers,
    InvalidAnswers,
    examples,
    kinds,
    parse,
    render_draft,
    to_dict,
    validate,
)
from followup.export import to_eml, to_ics
from followup.model import LONG, MAX_INTERVIEWERS, MEDIUM, SHORT
from followup.people import read_name, tidied
from followup.render import planned_kinds
from followup.review import reviewed_drafts
from followup.web import handle
from followup.wording import end, is_sentence, phrase, sentence

PANEL: dict[str, Any] = json.loads(examples.text("panel"))
TONES = ("formal", "warm", "brief")
CHANNELS = ("email", "letter", "linkedin")
COMBOS = [(t, c) for t in TONES for c in CHANNELS]

# What validation refuses in text: C0/C1 controls and the Unicode line/paragraph separators.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
SURROGATE = re.compile(r"[\ud800-\udfff]")

Where = Callable[[str, str, str], bool]


def _everywhere(kind: str, tone: str, channel: str) -> bool:
    return True


def _by(kind: str, channel: str) -> str:
    """The channel a draft of ``kind`` goes by when ``channel`` was chosen."""
    return kinds.get(kind).channel(channel)


def _long_thank_you(kind: str, tone: str, channel: str) -> bool:
    return kind == "thank_you" and tone != "brief" and channel != "linkedin"


# Each free-text field of the contract: its limit, whether it may hold lines, and the drafts
# (kind, tone, chosen channel) that must show it as typed (fitted into a sentence: see ``shows``),
# given the panel example around it.
TEXT_FIELDS: dict[str, tuple[int, bool, Where]] = {
    "candidate.name": (SHORT, False, _everywhere),
    "candidate.phone": (40, False, lambda k, t, c: _by(k, c) in ("email", "letter")),
    "candidate.signature": (MEDIUM, True, lambda k, t, c: _by(k, c) != "linkedin"),
    "company.name": (SHORT, False, lambda k, t, c: k == "stay_in_touch" or _by(k, c) == "letter"),
    "company.news": (MEDIUM, False, lambda k, t, c: k == "stay_in_touch"),
    "role": (SHORT, False, lambda k, t, c: k == "withdraw"),
    # The typed name is the draft's recipient; the greeting reads it (people.py), so no body
    # shows it word for word when an honorific is given, as in the panel example.
    "interview.interviewers.0.name": (SHORT, False, lambda k, t, c: False),
    "interview.interviewers.0.title": (
        SHORT,
        False,
        lambda k, t, c: k in ("thank_you", "stay_in_touch") and c == "letter",
    ),
    "interview.interviewers.0.discussed": (
        MEDIUM,
        False,
        lambda k, t, c: k == "thank_you" and c != "linkedin",
    ),
    "interview.highlights.0": (MEDIUM, False, lambda k, t, c: k == "thank_you" and c != "linkedin"),
    "interview.concerns.0.question": (
        MEDIUM,
        False,
        lambda k, t, c: k in ("follow_up", "address_concern"),
    ),
    "interview.concerns.0.answer": (
        LONG,
        False,
        lambda k, t, c: k in ("follow_up", "address_concern"),
    ),
    "interview.extra_info.0.topic": (SHORT, False, lambda k, t, c: k in ("follow_up", "extra_info")),
    "interview.extra_info.0.detail": (
        LONG,
        False,
        lambda k, t, c: k in ("follow_up", "extra_info"),
    ),
    "interview.next_steps": (MEDIUM, False, _long_thank_you),
    "update": (LONG, True, lambda k, t, c: k == "stay_in_touch"),
}


def shows(value: str, output: str) -> bool:
    """The value as typed, or as the engine fits it into a sentence: closing punctuation of its
    own taken off or added, a first letter made a capital (wording.py), a name typed in one case
    tidied (people.tidied)."""
    fitted = {value, phrase(value), end(value), sentence(value), sentence(phrase(value)), tidied(value)}
    return any(f and f in output for f in fitted)


# Remarks on what the answers lack or chose (a detail, a deadline, a channel), not on the writing.
ABOUT_THE_ANSWERS = {"not_personal", "no_deadline", "linkedin_request", "slow_letter", "unsigned"}
# Fields that must be filled (required, or the key of their list row).
MUST_FILL = {
    "company.name",
    "role",
    "interview.interviewers.0.name",
    "interview.concerns.0.question",
    "interview.extra_info.0.topic",
}
PLACEHOLDER_TOKENS = ("{{", "}}", "{%", "%}", "{#", "#}", "None", "Undefined", "Dear ,", "Hi ,")
PAYLOADS = (
    "{{ 7*7 }}",
    "{% if true %}EVALUATED{% endif %}",
    "{# note #}",
    "{{",
    "{%",
    "{#",
    "{{ candidate }}{{ self }}",
    "{% raw %}{{ 7*7 }}{% endraw %}",
)


def answers_with(path: str, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(PANEL)
    *parents, last = path.split(".")
    node: Any = data
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return data


def get(data: dict[str, Any], path: str) -> Any:
    node: Any = data
    for part in path.split("."):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def cleaned(text: str, multiline: bool) -> str:
    """What validation keeps of accepted text: trimmed, and for lines, each line trimmed."""
    if not multiline:
        return text.strip()
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def acceptable(text: str, limit: int, multiline: bool) -> bool:
    """The oracle: does the contract accept this text (blank aside)?"""
    value = cleaned(text, multiline)
    if SURROGATE.search(value):
        return False
    forbidden = (
        re.sub(r"[\t\n]", "", value) if multiline else value
    )  # tab and newline only in lines
    return not CONTROL.search(forbidden) and len(value) <= limit


def typed_strings(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for v in data.values() for s in typed_strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in typed_strings(v)]
    return []


def assert_no_placeholder(text: str, answers: Answers) -> None:
    """No template residue in ``text`` outside what the person typed.

    The person's own values (and the first names the engine derives) are masked first, so a name
    such as "," cannot make "Dear ,," look like an unfilled greeting.
    """
    values = typed_strings(to_dict(answers))
    values += [v.split()[0] for v in values if v.split()]
    masked = text
    for value in sorted({v for v in values if v}, key=len, reverse=True):
        masked = masked.replace(value, "\x00")
    typed = "\n".join(values)
    for token in PLACEHOLDER_TOKENS:
        if token not in typed:
            assert token not in masked, (token, text)


def draft_text(answers: Answers, kind: str, tone: str, channel: str) -> tuple[str, Any]:
    draft = render_draft(answers, kind, 0, tone, channel)
    assert draft.body and draft.body == draft.body.strip()
    assert "\n\n\n" not in draft.body
    assert (draft.subject != "") == (draft.channel == "email")
    return f"{draft.subject}\n{draft.body}", draft


# --- strategies ---------------------------------------------------------------------------------

# Text validation accepts: anything but controls, separators and surrogates.
nice_chars = st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp"))
nice_line = st.text(nice_chars, min_size=1, max_size=60)
# Anything at all, with the troublemakers made likely.
wild_chars = st.one_of(
    st.characters(),
    st.sampled_from(["\x00", "\n", "\r", "\t", "\x0b", "\x85", "\u2028", "\ud800", "\udfff", " "]),
)
wild_text = st.text(wild_chars, max_size=80)
TEMPLATE_BITS = ("{{", "}}", "{%", "%}", "{#", "#}", "7*7", " ", "  ", "None", "[", "]", "..")
TRICKY_BITS = (",", "'", '"', "<b>", "&amp;", "\\", "$x", "\u200f", "\u202e", "\ufeff", "\u00a0")
template_bits = st.sampled_from((*TEMPLATE_BITS, *TRICKY_BITS, "Dear", "Hi"))
templatey = st.lists(st.one_of(template_bits, nice_line), min_size=1, max_size=6).map("".join)


def multiline_text(line: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    separators = st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\n\n\n\n", "\n \t\n"])
    return st.lists(st.tuples(line, separators), min_size=1, max_size=4).map(
        lambda parts: "".join(a + b for a, b in parts)
    )


# --- accepted text renders and stays literal ---------------------------------------------------------


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    field=st.sampled_from(sorted(TEXT_FIELDS)),
    text=st.one_of(nice_line, templatey, st.text(nice_chars, min_size=100, max_size=400)),
    combo=st.sampled_from(COMBOS),
    data=st.data(),
)
def test_any_accepted_text_renders_literally_in_every_kind(
    field: str, text: str, combo: tuple[str, str], data: st.DataObject
) -> None:
    limit, multiline, where = TEXT_FIELDS[field]
    if multiline and data.draw(st.booleans(), label="as lines"):
        text = data.draw(multiline_text(nice_line), label="lines")
    value = cleaned(text, multiline)
    assume(value and len(value) <= limit)
    answers = validate(answers_with(field, text))
    assert get(to_dict(answers), field) == value  # trimmed, otherwise as typed
    tone, channel = combo
    shown = []
    planned = planned_kinds(answers)
    for kind in planned:
        output, _ = draft_text(answers, kind, tone, channel)
        assert_no_placeholder(output, answers)
        if "7*7" in value and "49" not in "".join(typed_strings(PANEL)):
            assert "49" not in output
        if where(kind, tone, channel) and not (field == "interview.next_steps" and is_sentence(value)):
            assert shows(value, output), (kind, tone, channel)
            shown.append(kind)
    assert shown or not any(where(k, tone, channel) for k in planned) or is_sentence(value)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_template_syntax_in_every_field_stays_as_typed(payload: str) -> None:
    """Every field at once, each tagged so a value shown in the wrong place would be noticed."""
    data = copy.deepcopy(PANEL)
    values: dict[str, str] = {}
    for number, field in enumerate(sorted(TEXT_FIELDS)):
        limit = TEXT_FIELDS[field][0]
        value = f"{payload} f{number}q"[:limit]
        assert value.endswith("q"), "payload too long for the field"
        values[field] = value
        data = _set(data, field, value)
    answers = validate(data)
    for kind in planned_kinds(answers):
        for tone, channel in COMBOS:
            output, draft = draft_text(answers, kind, tone, channel)
            assert "49" not in output
            # Never evaluated: wherever the word shows, the tag that would have hidden it is there.
            assert not re.search(r"(?<!\{% if true %\})EVALUATED", output)
            for field, value in values.items():
                where = TEXT_FIELDS[field][2]
                if field == "candidate.phone":  # a signature, given here, replaces it in emails
                    where = lambda k, t, c: _by(k, c) == "letter"  # noqa: E731
                if where(kind, tone, channel):
                    assert shows(value, output), (field, kind, tone, channel)
            if kind == "thank_you":
                assert draft.to.name == values["interview.interviewers.0.name"]
    for draft in reviewed_drafts(answers):
        # the review sees what the person typed: braces may be flagged, nothing else goes wrong
        assert {f.code for f in draft.findings} <= {"placeholder", *ABOUT_THE_ANSWERS}, draft.findings


def _set(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    *parents, last = path.split(".")
    node: Any = data
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return data


# --- any text at all: accepted as the contract says, or a clean error at its path -----------------


@settings(max_examples=300, deadline=None)
@given(field=st.sampled_from(sorted(TEXT_FIELDS)), text=st.one_of(wild_text, nice_line))
def test_any_text_is_accepted_or_rejected_cleanly_at_its_path(field: str, text: str) -> None:
    limit, multiline, _ = TEXT_FIELDS[field]
    value = cleaned(text, multiline)
    try:
        answers = validate(answers_with(field, text))
    except InvalidAnswers as error:
        paths = [e.path for e in error.errors]
        # A name that is only a title ("Dr.", "SISTER") is refused at the name's own path.
        if field.endswith(".name") and value and not read_name(value).plain:
            assert paths == [field] and "only a title" in error.errors[0].message
            return
        assert paths == [field], error.errors
        assert not acceptable(text, limit, multiline) or (not value and field in MUST_FILL)
        return
    assert acceptable(text, limit, multiline)
    assert value or field not in MUST_FILL
    if field == "interview.highlights.0" and not value:
        assert len(answers.interview.highlights) == len(PANEL["interview"]["highlights"]) - 1
    else:
        assert get(to_dict(answers), field) == value


@settings(max_examples=150, deadline=None)
@given(
    field=st.sampled_from(
        [
            "candidate.email",
            "interview.interviewers.0.email",
            "interview.extra_info.0.link",
            "interview.date",
            "interview.time",
            "interview.decision_date",
            "interview.stage",
            "interview.format",
            "preferences.tone",
            "preferences.channel",
        ]
    ),
    text=st.one_of(wild_text, st.emails(), st.dates().map(str), st.times().map(str)),
)
def test_structured_fields_take_any_text_without_crashing(field: str, text: str) -> None:
    try:
        answers = validate(answers_with(field, text))
    except InvalidAnswers as error:
        assert {e.path for e in error.errors} <= {field, "interview.decision_date"}, error.errors
        return
    drafts = reviewed_drafts(answers)
    assert drafts
    for draft in drafts:
        to_eml(draft, answers).decode("ascii")
    icalendar.Calendar.from_ical(to_ics(drafts, answers))
    if field == "interview.extra_info.0.link":
        extra = next(d for d in drafts if d.kind in ("extra_info", "follow_up"))
        assert text.strip() in extra.body


@settings(max_examples=40, deadline=None)
@given(
    names=st.lists(nice_line, max_size=MAX_INTERVIEWERS),
    discussed=st.lists(st.one_of(st.just(""), templatey), max_size=MAX_INTERVIEWERS),
    tone=st.sampled_from(TONES),
    channel=st.sampled_from(CHANNELS),
)
def test_any_panel_renders_reviews_and_exports(
    names: list[str], discussed: list[str], tone: str, channel: str
) -> None:
    rows = [
        {"name": n, "discussed": d, "email": f"p{i}@example.org"}
        for i, (n, d) in enumerate(zip(names, discussed + [""] * len(names), strict=False))
    ]
    data = copy.deepcopy(PANEL)
    data["interview"]["interviewers"] = rows
    data["preferences"] = {"tone": tone, "channel": channel}
    try:
        answers = validate(data)
    except InvalidAnswers as error:  # a name that is only spaces in a row with an email
        assert all(e.path.endswith(".name") for e in error.errors)
        return
    drafts = reviewed_drafts(answers)
    named = [r for r in answers.interview.interviewers if r.name]
    assert sum(d.kind == "thank_you" for d in drafts) == max(1, len(named))
    for draft in drafts:
        assert_no_placeholder(f"{draft.subject}\n{draft.body}", answers)
        msg = email.message_from_bytes(to_eml(draft, answers), policy=email.policy.default)
        assert msg.get_content().replace("\r\n", "\n") == draft.body + "\n"  # type: ignore[attr-defined]
    events = list(icalendar.Calendar.from_ical(to_ics(drafts, answers)).walk("VEVENT"))
    assert len(events) == sum(d.send_on is not None for d in drafts)


# --- nothing a request holds makes the engine raise ------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | wild_text,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(value=json_values)
def test_validate_raises_only_invalid_answers(value: Any) -> None:
    try:
        validate(value)
    except InvalidAnswers as error:
        assert error.errors
        assert all(isinstance(e.path, str) and e.message for e in error.errors)


@settings(max_examples=100, deadline=None)
@given(
    kind=st.sampled_from(
        ["render", "ics", "eml", "validate", "remove_item", "schema", "example", "other"]
    ),
    answers=st.one_of(json_values, st.builds(lambda: copy.deepcopy(PANEL))),
    edits=st.one_of(json_values, st.dictionaries(st.text(max_size=14), json_values, max_size=3)),
    draft_id=json_values,
    path=st.one_of(json_values, st.sampled_from(["interview.interviewers", "interview"])),
    index=st.one_of(json_values, st.integers(min_value=-2, max_value=5)),
)
def test_handle_always_answers_with_json(
    kind: str, answers: Any, edits: Any, draft_id: Any, path: Any, index: Any
) -> None:
    request = {"type": kind, "answers": answers, "edits": edits, "id": draft_id}
    request |= {"path": path, "index": index}
    response = json.loads(handle(json.dumps(request)))
    assert isinstance(response["ok"], bool)
    for error in response["errors"]:
        assert set(error) == {"path", "message", "label", "text", "missing"}
        assert not error["message"].startswith("internal error"), error


@settings(max_examples=100, deadline=None)
@given(raw=st.binary(max_size=200) | wild_text.map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_parse_raises_only_invalid_answers_for_any_bytes(raw: bytes) -> None:
    for fmt in ("json", "toml"):
        try:
            parse(raw, fmt)
        except InvalidAnswers as error:
            assert error.errors


# --- known engine bugs, reported to the lead -----------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("interview.interviewers.0.discussed", "moving the batch jobs to streaming."),
        ("interview.concerns.0.question", "Why did you leave your last job?"),
    ],
)
def test_punctuation_the_person_typed_is_not_doubled(field: str, value: str) -> None:
    answers = validate(answers_with(field, value))
    for kind in planned_kinds(answers):
        for tone, channel in COMBOS:
            output, _ = draft_text(answers, kind, tone, channel)
            assert not re.search(r"[.?!…][.,]", output), (kind, tone, channel, output)
