"""The answers contract v1 (DESIGN.md): its exact shape, loading, and every way it can be wrong."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from answer_files import ALL_ANSWERS

from followup import Answers, FieldError, InvalidAnswers, examples, parse, schema, to_dict, validate
from followup.model import LONG, MAX_INTERVIEWERS, MAX_ITEMS, MEDIUM, SHORT

FIXTURES = Path(__file__).parent / "fixtures"
JSON_FIXTURES = ALL_ANSWERS

# DESIGN.md's example, with one value picked for each of the choice fields it lists.
DESIGN_EXAMPLE: dict[str, Any] = {
    "version": 1,
    "candidate": {"name": "Ada Lovelace", "email": "ada@example.org", "phone": "", "signature": ""},
    "company": {"name": "Analytical Engines Ltd", "news": "the launch of your streaming service"},
    "role": "Data Engineer",
    "interview": {
        "date": "2026-12-03",
        "time": "10:30",
        "stage": "screening",
        "format": "video",
        "interviewers": [
            {
                "name": "Grace Hopper",
                "title": "Engineering Manager",
                "email": "grace@example.org",
                "discussed": "moving the nightly batch jobs to streaming",
            }
        ],
        "highlights": ["migrating a 2 TB warehouse to Parquet"],
        "concerns": [
            {
                "question": "experience with project management software",
                "answer": "three years of running sprints in Jira and Asana",
            }
        ],
        "extra_info": [
            {
                "topic": "portfolio",
                "detail": "the pipeline case study",
                "link": "https://example.org/case",
            }
        ],
        "decision_date": "2026-12-12",
        "next_steps": "a take-home exercise",
    },
    "update": "I have since completed the AWS data engineering certification",
    "preferences": {"tone": "formal", "channel": "email"},
}

MINIMAL: dict[str, Any] = {
    "company": {"name": "Northwind Traders"},
    "role": "Office Manager",
    "interview": {"date": "2026-12-04"},
}


def errors_of(data: Any) -> list[str]:
    """Every ``path: message`` line validation reports (fails if the data is valid)."""
    with pytest.raises(InvalidAnswers) as caught:
        validate(data)
    assert caught.value.errors, "InvalidAnswers must carry at least one error"
    assert str(caught.value) == "\n".join(str(e) for e in caught.value.errors)
    return [str(e) for e in caught.value.errors]


def parse_errors(text: str | bytes, fmt: str = "json") -> list[FieldError]:
    with pytest.raises(InvalidAnswers) as caught:
        parse(text, fmt)
    return caught.value.errors


def with_(changes: dict[str, Any], base: dict[str, Any] | None = None) -> dict[str, Any]:
    """A copy of ``base`` (DESIGN_EXAMPLE) with dotted paths set."""
    data = json.loads(json.dumps(base or DESIGN_EXAMPLE))
    for path, value in changes.items():
        *parents, last = path.split(".")
        node: Any = data
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node.setdefault(part, {})
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    return data


# --- the exact contract -------------------------------------------------------------------------


def test_design_example_is_valid_and_read_exactly() -> None:
    answers = validate(DESIGN_EXAMPLE)
    iv = answers.interview
    assert answers.candidate.name == "Ada Lovelace"
    assert answers.company.news == "the launch of your streaming service"
    assert answers.role == "Data Engineer"
    assert iv.date == dt.date(2026, 12, 3)
    assert iv.time == dt.time(10, 30)
    assert iv.decision_date == dt.date(2026, 12, 12)
    assert iv.interviewers[0].email == "grace@example.org"
    assert iv.highlights == ("migrating a 2 TB warehouse to Parquet",)
    assert iv.concerns[0].answer == "three years of running sprints in Jira and Asana"
    assert iv.extra_info[0].link == "https://example.org/case"
    assert answers.update.startswith("I have since")
    assert (answers.preferences.tone, answers.preferences.channel) == ("formal", "email")


# What version 2 added to a version-1 file's export, with its defaults.
V2_ADDED: dict[str, Any] = {
    "contact": {"name": "", "honorific": "", "greet_as": "", "title": "", "email": ""},
    "offer_deadline": "",
}
V2_PERSON: dict[str, Any] = {"honorific": "", "greet_as": "", "main_contact": False}


def shape(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [shape(v) for v in value]
    return type(value).__name__


def test_a_version_1_file_loads_unchanged_and_exports_as_version_2() -> None:
    """Every file a released version wrote still loads; its export adds only empty new fields."""
    exported = to_dict(validate(DESIGN_EXAMPLE))
    expected = {**DESIGN_EXAMPLE, "version": 2, **V2_ADDED}
    expected["interview"] = {
        **DESIGN_EXAMPLE["interview"],
        "interviewers": [
            {**person, **V2_PERSON} for person in DESIGN_EXAMPLE["interview"]["interviewers"]
        ],
        "concerns": [
            {**concern, "asked_by": ""} for concern in DESIGN_EXAMPLE["interview"]["concerns"]
        ],
    }
    assert exported == expected
    assert list(exported) == [
        "version", "candidate", "company", "role", "contact", "interview", "update",
        "offer_deadline", "preferences",
    ]  # fmt: skip


def test_to_dict_has_exactly_the_contract_keys() -> None:
    """The export is the contract, key for key: the worksheet and CLI read the same file."""
    complete = to_dict(validate(DESIGN_EXAMPLE))
    assert shape(to_dict(validate(complete))) == shape(complete)
    assert to_dict(validate(complete)) == complete


def _within(part: Any, whole: Any) -> bool:
    """Every key and value of ``part`` is in ``whole`` (lists item by item)."""
    if isinstance(part, dict):
        return isinstance(whole, dict) and all(k in whole and _within(v, whole[k]) for k, v in part.items())
    if isinstance(part, list):
        return isinstance(whole, list) and len(part) == len(whole) and all(map(_within, part, whole))
    return part == whole


def test_to_dict_keeps_everything_a_file_says(panel_raw: dict[str, Any]) -> None:
    assert _within({k: v for k, v in panel_raw.items() if k != "version"}, to_dict(validate(panel_raw)))


@pytest.mark.parametrize("path", JSON_FIXTURES, ids=lambda p: p.stem)
def test_every_fixture_is_valid_and_round_trips(path: Path) -> None:
    answers = parse(path.read_bytes())
    exported = to_dict(answers)
    assert validate(exported) == answers
    assert to_dict(validate(exported)) == exported
    # and survives JSON text, as the worksheet's export file does
    assert parse(json.dumps(exported, ensure_ascii=False)) == answers


def test_minimal_answers_get_defaults() -> None:
    answers = validate(MINIMAL)
    assert answers.candidate == type(answers.candidate)()
    assert answers.company.news == ""
    assert answers.interview.time is None
    assert answers.interview.decision_date is None
    assert answers.interview.interviewers == ()
    assert answers.interview.highlights == ()
    assert answers.interview.stage == ""
    assert answers.update == ""
    assert (answers.preferences.tone, answers.preferences.channel) == ("formal", "email")
    exported = to_dict(answers)
    assert exported["interview"]["time"] == ""
    assert exported["interview"]["decision_date"] == ""
    assert exported["preferences"] == {"tone": "formal", "channel": "email"}


def test_version_may_be_left_out() -> None:
    assert "version" not in MINIMAL
    assert to_dict(validate(MINIMAL))["version"] == 2


@pytest.mark.parametrize(
    "path",
    [
        "candidate.name",
        "candidate.email",
        "candidate.phone",
        "candidate.signature",
        "company.news",
        "interview.time",
        "interview.stage",
        "interview.format",
        "interview.decision_date",
        "interview.next_steps",
        "update",
        "preferences.tone",
        "preferences.channel",
    ],
)
@pytest.mark.parametrize("empty", ["", "   ", None])
def test_optional_fields_may_be_empty(path: str, empty: Any) -> None:
    answers = validate(with_({path: empty}))
    exported = to_dict(answers)
    node: Any = exported
    for part in path.split("."):
        node = node[part]
    defaults = {"preferences.tone": "formal", "preferences.channel": "email"}
    assert node == defaults.get(path, "")


@pytest.mark.parametrize("group", ["candidate", "interview.interviewers", "update", "preferences"])
def test_optional_parts_may_be_absent(group: str) -> None:
    data = json.loads(json.dumps(DESIGN_EXAMPLE))
    *parents, last = group.split(".")
    node = data
    for part in parents:
        node = node[part]
    del node[last]
    validate(data)


def test_answers_are_immutable() -> None:
    answers = validate(DESIGN_EXAMPLE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        answers.role = "x"  # type: ignore[misc]


# --- required fields and reporting every error at once -----------------------------------------


def test_empty_object_names_each_required_field() -> None:
    assert errors_of({}) == [
        "company.name: is required",
        "role: is required",
        "interview.date: is required",
    ]


@pytest.mark.parametrize("path", ["company.name", "role", "interview.date"])
@pytest.mark.parametrize("blank", ["", "  \t ", None])
def test_required_fields_cannot_be_blank(path: str, blank: Any) -> None:
    # trimmed first: only whitespace means nothing was typed
    assert errors_of(with_({path: blank})) == [f"{path}: is required"]


def test_all_errors_are_reported_at_once_each_as_path_and_message() -> None:
    data = with_(
        {
            "version": 3,
            "candidate.email": "not-an-email",
            "role": "x" * (SHORT + 1),
            "interview.date": "2026-02-30",
            "interview.time": "25:00",
            "interview.stage": "second",
            "interview.interviewers.0.email": "grace(at)example.org",
            "interview.extra_info.0.link": "example.org/case",
            "preferences.tone": "casual",
            "candidate.nickname": "Ada",
        }
    )
    # every problem, once each; the order is the engine's business
    assert sorted(errors_of(data)) == sorted(
        [
            "version: must be 1 or 2; this file says 3",
            "candidate.email: not an email address",
            "candidate.nickname: unknown field",
            f"role: is {SHORT + 1} characters long; the limit is {SHORT}",
            "interview.date: must be a real date written YYYY-MM-DD",
            "interview.time: must be a time written HH:MM (24-hour clock)",
            "interview.stage: must be one of screening, first_round, panel, final, informational",
            "interview.interviewers.0.email: not an email address",
            "interview.extra_info.0.link: must be a web address starting with https:// or http://",
            "preferences.tone: must be one of formal, warm, brief",
        ]
    )


def test_field_error_formats_as_path_colon_message() -> None:
    assert str(FieldError("interview.interviewers.0.email", "not an email address")) == (
        "interview.interviewers.0.email: not an email address"
    )
    assert str(FieldError("", "the file is empty")) == "the file is empty"
    error = InvalidAnswers([FieldError("a", "x"), FieldError("b.0", "y")])
    assert isinstance(error, ValueError)
    assert str(error) == "a: x\nb.0: y"


# --- unknown keys at every level -----------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "rol",
        "candidate.nmae",
        "company.website",
        "interview.location",
        "interview.interviewers.0.phone",
        "interview.concerns.0.asked",
        "interview.extra_info.0.url",
        "preferences.language",
        "candidate.version",
    ],
)
def test_unknown_keys_are_errors_at_every_level(path: str) -> None:
    assert errors_of(with_({path: "x"})) == [f"{path}: unknown field"]


def test_unknown_keys_in_a_blank_row_are_still_reported() -> None:
    data = with_({"interview.interviewers": [{"nmae": "Grace"}]})
    assert errors_of(data) == ["interview.interviewers.0.nmae: unknown field"]


# --- dates and times -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "2026-02-30",
        "2026-2-3",
        "20261203",
        "2026-12-3",
        "2026/12/03",
        "03-12-2026",
        "03/12/2026",
        "2026-13-01",
        "2026-00-10",
        "2026-12-00",
        "2027-02-29",
        "2026-12-03T10:00",
        "2026-12-03 10:00",
        "2026-W49-4",
        "2026-337",
        "+2026-12-03",
        "２０２６-１２-０３",
        "٢٠٢٦-١٢-٠٣",
        "tomorrow",
        "3 December 2026",
    ],
)
@pytest.mark.parametrize("field", ["interview.date", "interview.decision_date"])
def test_dates_must_be_real_iso_dates(field: str, value: str) -> None:
    assert errors_of(with_({field: value})) == [f"{field}: must be a real date written YYYY-MM-DD"]


@pytest.mark.parametrize("value", ["0001-01-01", "1899-12-31", "3000-01-01", "9999-12-31"])
def test_dates_must_be_in_a_plausible_range(value: str) -> None:
    """A typo in the year must not reach the calendar arithmetic (9999-12-31 would overflow)."""
    data = with_({"interview.date": value, "interview.decision_date": ""})
    assert errors_of(data) == ["interview.date: must be a date between 1900 and 2999"]


def test_leap_day_and_padded_dates_are_accepted() -> None:
    answers = validate(with_({"interview.date": " 2028-02-29 ", "interview.decision_date": ""}))
    assert answers.interview.date == dt.date(2028, 2, 29)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("00:00", dt.time(0, 0)),
        ("09:05", dt.time(9, 5)),
        ("23:59", dt.time(23, 59)),
        (" 10:30 ", dt.time(10, 30)),
    ],
)
def test_times_are_hh_mm(value: str, expected: dt.time) -> None:
    assert validate(with_({"interview.time": value})).interview.time == expected


@pytest.mark.parametrize(
    "value",
    [
        "24:00",
        "9:30",
        "10:60",
        "10.30",
        "10:30:00",
        "1030",
        "10:30am",
        "10 30",
        "１０:３０",
        "١٠:٣٠",
        "-1:00",
    ],
)
def test_bad_times_are_rejected(value: str) -> None:
    assert errors_of(with_({"interview.time": value})) == [
        "interview.time: must be a time written HH:MM (24-hour clock)"
    ]


def test_decision_date_before_the_interview_is_an_error() -> None:
    data = with_({"interview.date": "2026-12-03", "interview.decision_date": "2026-12-02"})
    assert errors_of(data) == ["interview.decision_date: is before the interview date"]


def test_decision_date_on_the_interview_day_is_fine() -> None:
    data = with_({"interview.date": "2026-12-03", "interview.decision_date": "2026-12-03"})
    assert validate(data).interview.decision_date == dt.date(2026, 12, 3)


# --- text: trimming, lines, control characters, length ------------------------------------------------


def test_strings_are_trimmed_everywhere() -> None:
    data = with_(
        {
            "candidate.name": "  Ada Lovelace\u00a0 ",
            "company.name": "\tAnalytical Engines Ltd ",
            "role": "\u3000Data Engineer\u2003",
            "interview.interviewers.0.name": "  Grace Hopper  ",
            "interview.highlights": ["  Parquet  "],
            "interview.concerns.0.answer": " three years ",
            "interview.stage": " panel ",
            "interview.interviewers.0.email": " grace@example.org ",
        }
    )
    answers = validate(data)
    assert answers.candidate.name == "Ada Lovelace"
    assert answers.company.name == "Analytical Engines Ltd"
    assert answers.role == "Data Engineer"
    assert answers.interview.interviewers[0].name == "Grace Hopper"
    assert answers.interview.interviewers[0].email == "grace@example.org"
    assert answers.interview.highlights == ("Parquet",)
    assert answers.interview.concerns[0].answer == "three years"
    assert answers.interview.stage == "panel"


def test_inner_spacing_is_kept() -> None:
    assert validate(with_({"role": "Data  Engineer"})).role == "Data  Engineer"


def test_multiline_fields_keep_lines_trimmed_and_at_most_one_blank_line() -> None:
    signature = (
        "  Ada Lovelace  \r\n\r\n\r\n\r\n  Portfolio:\thttps://example.org  \r  +44 20  \n\n"
    )
    answers = validate(
        with_({"candidate.signature": signature, "update": "\n\nOne.\n\n\n\nTwo.\n"})
    )
    assert answers.candidate.signature == "Ada Lovelace\n\nPortfolio:\thttps://example.org\n+44 20"
    assert answers.update == "One.\n\nTwo."


@pytest.mark.parametrize("value", ["a\nb", "a\r\nb", "a\rb", "Grace\n\nHopper"])
@pytest.mark.parametrize(
    "path",
    [
        "candidate.name",
        "company.name",
        "role",
        "interview.interviewers.0.discussed",
        "interview.concerns.0.answer",
        "interview.next_steps",
        "interview.highlights.0",
    ],
)
def test_newlines_in_single_line_fields_are_errors(path: str, value: str) -> None:
    assert errors_of(with_({path: value})) == [f"{path}: must be a single line"]


def test_a_trailing_newline_is_just_trimmed() -> None:
    assert validate(with_({"role": "Data Engineer\n"})).role == "Data Engineer"


@pytest.mark.parametrize(
    "char",
    ["\x00", "\x07", "\x08", "\x1b", "\x7f", "\x85", "\x9f", "\u2028", "\u2029", "\x0b", "\x0c"],
)
@pytest.mark.parametrize(
    "path", ["candidate.name", "update", "candidate.signature", "interview.concerns.0.answer"]
)
def test_control_characters_are_errors(path: str, char: str) -> None:
    assert errors_of(with_({path: f"Ada{char}Lovelace"})) == [
        f"{path}: contains a control character"
    ]


def test_tab_is_text_only_in_multiline_fields() -> None:
    assert errors_of(with_({"role": "Data\tEngineer"})) == ["role: contains a control character"]
    assert validate(with_({"update": "Done:\tAWS"})).update == "Done:\tAWS"


def test_lone_surrogates_are_not_text() -> None:
    """JSON may escape half a character ("\\ud800"); no draft, page or file could encode it."""
    errors = parse_errors(
        '{"company": {"name": "A\\ud800B"}, "role": "x", "interview": {"date": "2026-12-03"}}'
    )
    assert [str(e) for e in errors] == ["company.name: is not valid Unicode text"]


def test_paired_surrogate_escapes_are_an_emoji() -> None:
    text = (
        '{"company": {"name": "A\\ud83d\\ude00"}, "role": "x", "interview": {"date": "2026-12-03"}}'
    )
    assert parse(text).company.name == "A\U0001f600"


@pytest.mark.parametrize(
    ("path", "limit"),
    [
        ("candidate.name", SHORT),
        ("candidate.phone", 40),
        ("candidate.signature", MEDIUM),
        ("company.name", SHORT),
        ("company.news", MEDIUM),
        ("role", SHORT),
        ("interview.interviewers.0.name", SHORT),
        ("interview.interviewers.0.discussed", MEDIUM),
        ("interview.highlights.0", MEDIUM),
        ("interview.concerns.0.question", MEDIUM),
        ("interview.concerns.0.answer", LONG),
        ("interview.extra_info.0.topic", SHORT),
        ("interview.extra_info.0.detail", LONG),
        ("interview.next_steps", MEDIUM),
        ("update", LONG),
    ],
)
def test_too_long_strings_are_errors_at_the_limit_plus_one(path: str, limit: int) -> None:
    validate(with_({path: "é" * limit}))  # characters, not bytes
    validate(with_({path: " " + "x" * limit + " "}))  # measured after trimming
    assert errors_of(with_({path: "x" * (limit + 1)})) == [
        f"{path}: is {limit + 1} characters long; the limit is {limit}"
    ]


@pytest.mark.parametrize(
    ("path", "item", "limit"),
    [
        ("interview.interviewers", {"name": "Grace Hopper"}, MAX_INTERVIEWERS),
        ("interview.highlights", "Parquet", MAX_ITEMS),
        ("interview.concerns", {"question": "Jira"}, MAX_ITEMS),
        ("interview.extra_info", {"topic": "Portfolio"}, MAX_ITEMS),
    ],
)
def test_too_many_list_entries_are_errors(path: str, item: Any, limit: int) -> None:
    validate(with_({path: [item] * limit}))
    assert errors_of(with_({path: [item] * (limit + 1)})) == [
        f"{path}: has {limit + 1} entries; the limit is {limit}"
    ]


# --- lists: blank rows, keys, item paths ------------------------------------------------------------


def test_blank_list_rows_are_ignored() -> None:
    data = with_(
        {
            "interview.interviewers": [
                {},
                {"name": "", "title": " ", "email": "", "discussed": ""},
                None,
                {"name": "Grace"},
            ],
            "interview.highlights": ["", "   ", None, "Parquet"],
            "interview.concerns": [{"question": "", "answer": ""}],
            "interview.extra_info": [{"topic": " ", "detail": "", "link": ""}],
        }
    )
    iv = validate(data).interview
    assert [i.name for i in iv.interviewers] == ["Grace"]
    assert iv.highlights == ("Parquet",)
    assert iv.concerns == ()
    assert iv.extra_info == ()


@pytest.mark.parametrize(
    ("path", "row", "key"),
    [
        ("interview.interviewers", {"title": "CEO"}, "name"),
        ("interview.interviewers", {"email": "grace@example.org"}, "name"),
        ("interview.concerns", {"answer": "three years"}, "question"),
        ("interview.extra_info", {"link": "https://example.org"}, "topic"),
    ],
)
def test_a_row_with_content_needs_its_key(path: str, row: dict[str, str], key: str) -> None:
    assert errors_of(with_({path: [row]})) == [f"{path}.0.{key}: is required"]


def test_error_paths_count_blank_rows() -> None:
    """The path names the row the person sees, blank rows included."""
    data = with_({"interview.interviewers": [{}, {"name": "Grace", "email": "nope"}]})
    assert errors_of(data) == ["interview.interviewers.1.email: not an email address"]


# --- types ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("role", 5, "must be text, not a number"),
        ("role", 5.5, "must be text, not a number"),
        ("role", True, "must be text, not true/false"),
        ("role", ["Data Engineer"], "must be text, not a list"),
        ("role", {"title": "Data Engineer"}, "must be text, not an object"),
        ("interview.date", 20261203, "must be text, not a number"),
        ("interview.highlights.0", 3, "must be text, not a number"),
        ("candidate", "Ada", "must be an object, not text"),
        ("interview", [], "must be an object, not a list"),
        ("preferences", True, "must be an object, not true/false"),
        ("interview.interviewers", {"name": "Grace"}, "must be a list, not an object"),
        ("interview.interviewers", "Grace Hopper", "must be a list, not text"),
        ("interview.interviewers.0", "Grace Hopper", "must be an object, not text"),
        ("interview.highlights", "Parquet", "must be a list, not text"),
        ("interview.concerns", 1, "must be a list, not a number"),
    ],
)
def test_wrong_types_are_named(path: str, value: Any, message: str) -> None:
    lines = errors_of(with_({path: value}))
    assert f"{path}: {message}" in lines
    # a wrong-typed group does not also report its required members as missing twice
    assert len(lines) == len(set(lines))


@pytest.mark.parametrize("value", [None, [], "answers", 1, True])
def test_answers_must_be_an_object(value: Any) -> None:
    lines = errors_of(value)
    assert len(lines) == 1
    assert lines[0].startswith("the answers must be an object, not ")
    assert "NoneType" not in lines[0] and "str" not in lines[0].split("not ")[-1]


@pytest.mark.parametrize("version", [3, 0, "1", 1.0, True, None, [1]])
def test_wrong_version(version: Any) -> None:
    lines = errors_of(with_({"version": version}))
    assert lines == [f"version: must be 1 or 2; this file says {version!r}"]


@pytest.mark.parametrize("version", [1, 2])
def test_both_versions_load(version: int) -> None:
    assert validate(with_({"version": version})).role


# --- version 2: greetings, a main contact, another offer's deadline ------------------------------


def test_version_2_fields_load() -> None:
    answers = validate(
        with_(
            {
                "version": 2,
                "contact": {"name": "Priya Shah", "honorific": "Ms", "title": "Talent Partner"},
                "interview.interviewers.0.honorific": "Dr",
                "interview.interviewers.0.greet_as": "Grace",
                "interview.interviewers.0.main_contact": True,
                "offer_deadline": "2026-12-20",
            }
        )
    )
    assert answers.contact.honorific == "Ms" and answers.contact.name == "Priya Shah"
    person = answers.interview.interviewers[0]
    assert (person.honorific, person.greet_as, person.main_contact) == ("Dr", "Grace", True)
    assert answers.offer_deadline == dt.date(2026, 12, 20)


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("contact.honorific", "Sir", "must be one of Ms, Mr, Mx, Dr, Prof"),
        ("interview.interviewers.0.honorific", "Mrs", "must be one of Ms, Mr, Mx, Dr, Prof"),
        ("interview.interviewers.0.main_contact", "yes", "must be true or false, not text"),
        ("interview.interviewers.0.main_contact", 1, "must be true or false, not a number"),
        ("offer_deadline", "20/12/2026", "must be a real date written YYYY-MM-DD"),
        ("contact.email", "priya", "not an email address"),
        ("interview.interviewers.0.name", "Dr.", "is only a title: add the person's name"),
        ("contact.name", "Prof", "is only a title: add the person's name"),
    ],
)
def test_version_2_fields_are_checked(path: str, value: Any, message: str) -> None:
    assert errors_of(with_({path: value})) == [f"{path}: {message}"]


def test_only_one_interviewer_gets_the_check_ins() -> None:
    data = with_({})
    data["interview"]["interviewers"] = [
        {"name": "A B", "main_contact": True},
        {"name": "C D", "main_contact": True},
    ]
    assert errors_of(data) == [
        "interview.interviewers.1.main_contact: only one interviewer can get the check-ins"
    ]


@pytest.mark.parametrize("value", [None, "", False])
def test_main_contact_may_be_left_out(value: Any) -> None:
    answers = validate(with_({"interview.interviewers.0.main_contact": value}))
    assert answers.interview.interviewers[0].main_contact is False


# --- email, link, choices -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "grace@example.org",
        "grace.hopper+jobs@mail.example.co.uk",
        "o'brien@example.ie",
        "g@xn--bcher-kva.example",
        "info@example.xn--p1ai",
        # An international domain as people type it (checked and exported in its xn-- form).
        "grace@exämple.org",
        "g@bücher.example",
        "info@пример.рф",
    ],
)
def test_good_email_addresses(value: str) -> None:
    assert validate(with_({"candidate.email": value})).candidate.email == value


@pytest.mark.parametrize(
    "value",
    [
        "grace",
        "grace@",
        "@example.org",
        "grace@example",
        "grace hopper@example.org",
        "Grace <grace@example.org>",
        "grace@example.org, alan@example.org",
        "grace@@example.org",
        "grace@exa mple.org",
        ".grace@example.org",
        "grace.@example.org",
        "gr..ace@example.org",
        "grace@-example.org",
        "grace@example..org",
        "josé@example.org",
        "grace@-exämple.org",
        "grace@exämple..org",
        "grace@exämple-.org",
        "grace@" + "ä" * 64 + ".org",
        "grace@example.org.",
        "grace@example.c0m",
        "grace@example.xn--",
    ],
)
@pytest.mark.parametrize("path", ["candidate.email", "interview.interviewers.0.email"])
def test_bad_email_addresses(path: str, value: str) -> None:
    assert errors_of(with_({path: value})) == [f"{path}: not an email address"]


@pytest.mark.parametrize(
    "value", ["https://example.org/case", "http://example.org", "https://example.org/étude?a=1&b=2"]
)
def test_good_links(value: str) -> None:
    assert (
        validate(with_({"interview.extra_info.0.link": value})).interview.extra_info[0].link
        == value
    )


@pytest.mark.parametrize(
    "value",
    [
        "example.org/case",
        "ftp://example.org",
        "javascript:alert(1)",
        "https://exa mple.org",
        "https://",
        "mailto:a@b.org",
        'https://x.org/"a"',
    ],
)
def test_bad_links(value: str) -> None:
    assert errors_of(with_({"interview.extra_info.0.link": value})) == [
        "interview.extra_info.0.link: must be a web address starting with https:// or http://"
    ]


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("interview.stage", "Panel"),
        ("interview.stage", "second_round"),
        ("interview.format", "zoom"),
        ("preferences.tone", "Formal"),
        ("preferences.channel", "sms"),
    ],
)
def test_choices_are_exact(path: str, value: str) -> None:
    (line,) = errors_of(with_({path: value}))
    assert line.startswith(f"{path}: must be one of ")


# --- parsing files: JSON, TOML, bytes ----------------------------------------------------------------------


def test_parse_json_from_text_and_bytes(panel_raw: dict[str, Any]) -> None:
    text = json.dumps(panel_raw, ensure_ascii=False)
    assert parse(text) == parse(text.encode("utf-8")) == validate(panel_raw)


def test_parse_accepts_a_utf8_byte_order_mark(panel_raw: dict[str, Any]) -> None:
    raw = b"\xef\xbb\xbf" + json.dumps(panel_raw).encode("utf-8")
    assert parse(raw) == validate(panel_raw)


def test_toml_fixture_equals_its_json_twin() -> None:
    toml = parse((FIXTURES / "panel.toml").read_bytes(), "toml")
    assert toml == parse(examples.text("panel"))
    raw = json.loads(examples.text("panel"))
    assert _within({k: v for k, v in raw.items() if k != "version"}, to_dict(toml))


def test_toml_dates_and_times_are_taken_as_written() -> None:
    text = """
role = "Data Engineer"
[company]
name = "Analytical Engines Ltd"
[interview]
date = 2026-12-03
time = 10:30:00
decision_date = 2026-12-11
"""
    iv = parse(text, "toml").interview
    assert (iv.date, iv.time, iv.decision_date) == (
        dt.date(2026, 12, 3),
        dt.time(10, 30),
        dt.date(2026, 12, 11),
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("date = 2026-12-03T10:30:00", "interview.date: must be text, not a date and time"),
        ("date = 2026-12-03T10:30:00Z", "interview.date: must be text, not a date and time"),
        (
            'date = "2026-12-03"\ntime = 10:30:15',
            "interview.time: must be a time written HH:MM (24-hour clock)",
        ),
        ('date = "2026-12-03"\ntime = 2026-12-03', "interview.time: must be text, not a date"),
        ("date = 10:30:00", "interview.date: must be text, not a time"),
    ],
)
def test_toml_values_of_the_wrong_kind(line: str, message: str) -> None:
    text = f'role = "x"\n[company]\nname = "c"\n[interview]\n{line}\n'
    assert [str(e) for e in parse_errors(text, "toml")] == [message]


def test_toml_unknown_keys_and_errors_use_the_same_paths() -> None:
    text = 'role = "x"\n[company]\nname = "c"\nsize = 3\n[interview]\ndate = "2026-2-3"\n'
    assert [str(e) for e in parse_errors(text, "toml")] == [
        "company.size: unknown field",
        "interview.date: must be a real date written YYYY-MM-DD",
    ]


@pytest.mark.parametrize(
    ("raw", "fmt", "start"),
    [
        (b"", "json", "the file is empty"),
        (b"   \n\t ", "json", "the file is empty"),
        (b"\xef\xbb\xbf", "json", "the file is empty"),
        (b"", "toml", "the file is empty"),
        (b'{"role": "x",}', "json", "not valid JSON: "),
        (b'{"role": "x"', "json", "not valid JSON: "),
        (b"role: x", "json", "not valid JSON: "),
        (b"{'role': 'x'}", "json", "not valid JSON: "),
        (b'role = "x', "toml", "not valid TOML: "),
        (b"role = x", "toml", "not valid TOML: "),
        (b'{"role": "caf\xe9"}', "json", "the file is not UTF-8 text"),
        (b"\xff\xfe{\x00}\x00", "json", "the file is not UTF-8 text"),
        (b'role = "caf\xe9"', "toml", "the file is not UTF-8 text"),
        (b"[" * 100_000 + b"]" * 100_000, "json", ""),
        (b"a = " + b"[" * 100_000 + b"]" * 100_000, "toml", ""),
        (b'{"version": ' + b"1" * 5000 + b"}", "json", "not valid JSON: "),
        (b"[]", "json", "the answers must be an object, not a list"),
        (b"[{}]", "json", "the answers must be an object, not a list"),
        (b"42", "json", "the answers must be an object, not a number"),
        (b'"answers"', "json", "the answers must be an object, not text"),
        (b"null", "json", "the answers must be an object, not null"),
    ],
)
def test_broken_files_raise_invalid_answers_only(raw: bytes, fmt: str, start: str) -> None:
    errors = parse_errors(raw, fmt)
    assert len(errors) == 1
    assert errors[0].path == ""
    assert errors[0].message.startswith(start)
    assert "\n" not in errors[0].message


def test_broken_json_names_line_and_column() -> None:
    (error,) = parse_errors('{\n  "role": "x"\n  "company": {}\n}')
    assert error.message == "not valid JSON: Expecting ',' delimiter (line 3, column 3)"


def test_non_utf8_names_the_byte() -> None:
    (error,) = parse_errors(b'{"role": "caf\xe9"}')
    assert error.message == "the file is not UTF-8 text (byte 13)"


def test_json_nan_and_infinity_are_not_numbers_we_accept() -> None:
    errors = parse_errors(
        '{"version": NaN, "role": Infinity, "company": {"name": "c"}, "interview": {"date": "2026-12-03"}}'
    )
    assert [str(e) for e in errors] == [
        "version: must be 1 or 2; this file says nan",
        "role: must be text, not a number",
    ]


def test_duplicate_keys_keep_the_last_value() -> None:
    assert (
        parse(
            '{"role": "a", "role": "b", "company": {"name": "c"}, "interview": {"date": "2026-12-03"}}'
        ).role
        == "b"
    )


# --- the schema the worksheet builds its form from ---------------------------------------------------------


def _leaves(node: dict[str, Any]) -> list[dict[str, Any]]:
    if node["type"] == "field":
        return [node]
    return [leaf for member in node["members"] for leaf in _leaves(member)]


def test_schema_paths_are_the_contract_paths() -> None:
    leaves = _leaves(schema())
    paths = {leaf["path"] for leaf in leaves}
    assert paths == {
        "candidate.name",
        "candidate.email",
        "candidate.phone",
        "candidate.signature",
        "company.name",
        "company.news",
        "role",
        "interview.date",
        "interview.time",
        "interview.stage",
        "interview.format",
        "contact.name",
        "contact.honorific",
        "contact.greet_as",
        "contact.title",
        "contact.email",
        "interview.interviewers.name",
        "interview.interviewers.honorific",
        "interview.interviewers.greet_as",
        "interview.interviewers.title",
        "interview.interviewers.email",
        "interview.interviewers.discussed",
        "interview.interviewers.main_contact",
        "interview.highlights",
        "interview.concerns.question",
        "interview.concerns.answer",
        "interview.concerns.asked_by",
        "interview.extra_info.topic",
        "interview.extra_info.detail",
        "interview.extra_info.link",
        "interview.decision_date",
        "interview.next_steps",
        "update",
        "offer_deadline",
        "preferences.tone",
        "preferences.channel",
    }
    assert {leaf["path"] for leaf in leaves if leaf["required"]} == {
        "company.name",
        "role",
        "interview.date",
    }
    json.dumps(schema())  # plain data


def test_schema_limits_match_validation() -> None:
    for leaf in _leaves(schema()):
        if leaf["kind"] in ("text", "multiline") and ".interviewers." not in leaf["path"]:
            path = (
                leaf["path"] if leaf["path"] != "interview.highlights" else "interview.highlights.0"
            )
            path = path.replace("interview.concerns.", "interview.concerns.0.").replace(
                "interview.extra_info.", "interview.extra_info.0."
            )
            limit = leaf["max_length"]
            assert errors_of(with_({path: "x" * (limit + 1)})) == [
                f"{path}: is {limit + 1} characters long; the limit is {limit}"
            ], leaf["path"]


def test_schema_choices_are_the_accepted_values() -> None:
    choices = {
        leaf["path"]: leaf["choices"] for leaf in _leaves(schema()) if leaf["kind"] == "choice"
    }
    for path, values in choices.items():
        for value in values:
            validate(with_({path.replace(".interviewers.", ".interviewers.0."): value}))


def test_parse_result_is_answers() -> None:
    assert isinstance(parse(json.dumps(MINIMAL)), Answers)
