"""When each follow-up goes out: the timing rules of facts.md (../shared/brief/facts.md) as dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup import KINDS, Answers, render_drafts, validate
from followup.kinds import REGISTRY, send_on
from followup.render import planned_kinds
from followup.schedule import (
    add_business_days,
    follow_up_due,
    is_business_day,
    last_status_due,
    next_business_day,
    status_due,
    thanks_due,
    weeks_later_due,
)

D = dt.date
# Drafts kept ready for "when it happens" carry no date.
SITUATIONAL = tuple(k.name for k in REGISTRY if k.due is None)
# December 2026: Thursday 3rd, Friday 4th, Saturday 5th, Sunday 6th, Monday 7th.
THU, FRI, SAT, SUN, MON = (
    D(2026, 12, 3),
    D(2026, 12, 4),
    D(2026, 12, 5),
    D(2026, 12, 6),
    D(2026, 12, 7),
)


def answers(
    date: dt.date, time: str = "", decision: dt.date | None = None, stage: str = ""
) -> Answers:
    data: dict[str, Any] = {
        "company": {"name": "Analytical Engines Ltd"},
        "role": "Data Engineer",
        "interview": {
            "date": date.isoformat(),
            "time": time,
            "stage": stage,
            "decision_date": decision.isoformat() if decision else "",
            "interviewers": [{"name": "Grace Hopper"}],
            "concerns": [{"question": "Jira", "answer": "three years"}],
            "extra_info": [{"topic": "Portfolio"}],
        },
    }
    return validate(data)


def test_calendar_assumptions() -> None:
    assert [d.strftime("%a") for d in (THU, FRI, SAT, SUN, MON)] == [
        "Thu",
        "Fri",
        "Sat",
        "Sun",
        "Mon",
    ]


# --- business days ------------------------------------------------------------------------------


def test_business_days_are_weekdays_except_christmas_and_new_year() -> None:
    """Indeed (Hong Kong): avoid weekends and holidays."""
    assert [is_business_day(THU + dt.timedelta(days=i)) for i in range(7)] == [
        True,
        True,
        False,
        False,
        True,
        True,
        True,
    ]
    assert not is_business_day(D(2026, 12, 25))  # a Friday
    assert not is_business_day(D(2027, 1, 1))  # a Friday
    assert is_business_day(D(2026, 12, 24))
    assert is_business_day(D(2026, 12, 31))


def test_next_business_day() -> None:
    assert next_business_day(THU) == THU
    assert next_business_day(SAT) == MON
    assert next_business_day(SUN) == MON
    assert next_business_day(D(2026, 12, 25)) == D(2026, 12, 28)


def test_add_business_days() -> None:
    assert add_business_days(THU, 1) == FRI
    assert add_business_days(FRI, 1) == MON
    assert add_business_days(SAT, 1) == MON
    assert add_business_days(THU, 7) == D(2026, 12, 14)
    assert add_business_days(D(2026, 12, 24), 1) == D(2026, 12, 28)
    assert add_business_days(SAT, 0) == MON


# --- thank-you ----------------------------------------------------------------------------------


@pytest.mark.parametrize("time", ["08:00", "10:30", "11:59"])
def test_morning_interview_gets_its_note_the_same_day(time: str) -> None:
    """Morning interview: that afternoon (Lynn Taylor, Business Insider); within 24 h (TopResume)."""
    assert thanks_due(answers(THU, time)) == THU


@pytest.mark.parametrize("time", ["12:00", "15:00", "23:59"])
def test_afternoon_interview_gets_its_note_next_business_day(time: str) -> None:
    """Afternoon interview: first thing next morning (Lynn Taylor, Business Insider)."""
    assert thanks_due(answers(THU, time)) == FRI


def test_no_time_is_taken_as_the_afternoon() -> None:
    """Not from the lobby (Princeton), not before a few hours have passed (Alison Green)."""
    assert thanks_due(answers(THU)) == FRI


@pytest.mark.parametrize("time", ["", "13:00", "16:30"])
def test_friday_afternoon_waits_for_monday(time: str) -> None:
    """Within two days (St. Olaf, Wesleyan) and never on a weekend (DESIGN.md)."""
    assert thanks_due(answers(FRI, time)) == MON


def test_friday_morning_is_still_friday() -> None:
    assert thanks_due(answers(FRI, "09:00")) == FRI


@pytest.mark.parametrize("date", [SAT, SUN])
@pytest.mark.parametrize("time", ["", "09:00", "15:00"])
def test_weekend_interview_gets_its_note_on_monday(date: dt.date, time: str) -> None:
    """Send dates never fall on a weekend (DESIGN.md), morning or not."""
    assert thanks_due(answers(date, time)) == MON


def test_christmas_eve_afternoon_waits_until_after_christmas() -> None:
    assert thanks_due(answers(D(2026, 12, 24), "15:00")) == D(2026, 12, 28)


def test_concerns_and_extra_info_go_a_business_day_after_the_thank_you() -> None:
    """One job per message: thanks first, the fuller answer (Accountemps Canada) next."""
    a = answers(THU, "10:00")
    assert follow_up_due(a) == FRI
    assert send_on("address_concern", a) == send_on("extra_info", a) == FRI
    assert follow_up_due(answers(THU, "15:00")) == MON


# --- check-ins ----------------------------------------------------------------------------------


def test_check_in_is_two_business_days_after_the_decision_date() -> None:
    """1-2 business days after the date given (Indeed Career Guide)."""
    a = answers(THU, "10:30", decision=D(2026, 12, 11))  # a Friday
    assert status_due(a) == D(2026, 12, 15)  # Tuesday


@pytest.mark.parametrize(
    "decision", [THU, FRI, SAT, SUN, MON, D(2026, 12, 24), D(2026, 12, 31), D(2027, 2, 26)]
)
def test_check_in_is_never_before_the_decision_date(decision: dt.date) -> None:
    """Never before that date (CareerOneStop, US Dept. of Labor; Ask a Manager)."""
    a = answers(THU, "10:30", decision=decision)
    assert status_due(a) > decision
    assert last_status_due(a) > decision
    assert is_business_day(status_due(a))


def test_decision_on_a_saturday_checks_in_on_tuesday() -> None:
    assert status_due(answers(THU, decision=SAT)) == D(2026, 12, 8)


def test_decision_on_the_interview_day_still_checks_in_after_the_thank_you() -> None:
    a = answers(FRI, "16:00", decision=FRI)
    assert thanks_due(a) < status_due(a)
    assert status_due(a) == D(2026, 12, 8)


def test_no_decision_date_waits_seven_business_days() -> None:
    """At least 5 business days plus 1-2 days' buffer (Indeed Career Guide, US)."""
    assert status_due(answers(THU, "10:30")) == D(2026, 12, 14)
    assert status_due(answers(SAT)) == D(2026, 12, 15)
    # and it is at least a week (Indeed HK; CareerOneStop: one to two weeks)
    assert (status_due(answers(THU)) - THU).days >= 7


def test_check_in_again_is_at_least_a_week_later_and_last() -> None:
    """No more than once a week (Ask a Manager); one or two follow-ups in all (Accountemps)."""
    a = answers(THU, "10:30", decision=D(2026, 12, 11))
    first, second = status_due(a), last_status_due(a)
    assert second == D(2026, 12, 22)
    assert (second - first).days >= 7
    kinds = planned_kinds(a)
    assert [k for k in kinds if k.startswith("check_in")] == ["check_in", "check_in_again"]
    dated = [d for d in render_drafts(a) if d.send_on]
    assert max(d.send_on for d in dated if d.kind.startswith("check_in")) == second  # type: ignore[type-var]


def test_check_in_again_skips_the_holidays() -> None:
    a = answers(D(2026, 12, 7), "10:00", decision=D(2026, 12, 14))
    assert status_due(a) == D(2026, 12, 16)
    assert last_status_due(a) == D(2026, 12, 23)
    a = answers(D(2026, 12, 7), "10:00", decision=D(2026, 12, 16))
    assert status_due(a) == D(2026, 12, 18)
    assert last_status_due(a) == D(2026, 12, 28)  # 25th is closed


def test_stay_in_touch_is_weeks_after_the_last_check_in() -> None:
    """For long processes or after a "not now": weeks, not days (DESIGN.md)."""
    a = answers(THU, "10:30", decision=D(2026, 12, 11))
    assert weeks_later_due(a) == D(2027, 1, 19)
    assert (weeks_later_due(a) - last_status_due(a)).days >= 28


def test_informational_meetings_plan_no_check_in() -> None:
    """No decision is pending after an informational meeting (Princeton: follow up in 3-5 days)."""
    a = answers(THU, "16:00", stage="informational")
    kinds = {d.kind for d in render_drafts(a)}
    assert "check_in" not in kinds and "check_in_again" not in kinds
    assert "stay_in_touch" in kinds


@pytest.mark.parametrize("kind", SITUATIONAL)
def test_situational_drafts_have_no_date(kind: str) -> None:
    """After a rejection, a competing offer, withdrawing: "when it happens" (DESIGN.md)."""
    a = answers(THU, "10:30")
    assert send_on(kind, a) is None
    assert render_drafts(a)[-3:][SITUATIONAL.index(kind)].send_on is None


def test_situational_kinds_are_exactly_the_undated_ones() -> None:
    assert set(SITUATIONAL) == {"after_rejection", "competing_offer", "withdraw"}
    a = answers(THU, "10:30", decision=D(2026, 12, 11))
    for kind in KINDS:
        assert (send_on(kind, a) is None) == (kind in SITUATIONAL)


def test_drafts_carry_the_schedule_dates() -> None:
    a = answers(THU, "10:30", decision=D(2026, 12, 11))
    for draft in render_drafts(a):
        assert draft.send_on == send_on(draft.kind, a), draft.id


def test_unknown_kind_is_an_error() -> None:
    with pytest.raises((KeyError, ValueError)):
        send_on("thank_you_card", answers(THU))


# --- properties ---------------------------------------------------------------------------------

times = st.one_of(
    st.just(""),
    st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.integers(0, 59)),
)


@settings(max_examples=400, deadline=None)
@given(
    date=st.dates(D(2000, 1, 1), D(2099, 12, 31)),
    time=times,
    wait=st.one_of(st.none(), st.integers(0, 90)),
    stage=st.sampled_from(["", "screening", "panel", "final", "informational"]),
)
def test_no_send_date_is_a_weekend_or_early(
    date: dt.date, time: str, wait: int | None, stage: str
) -> None:
    """Send dates never fall on a weekend, none precedes the interview, and no check-in precedes
    the decision date (DESIGN.md; CareerOneStop; Ask a Manager)."""
    decision = date + dt.timedelta(days=wait) if wait is not None else None
    a = answers(date, time, decision, stage)
    drafts = render_drafts(a)
    dated = {d.kind: d.send_on for d in drafts if d.send_on is not None}
    assert set(dated) | set(SITUATIONAL) >= set(planned_kinds(a))
    for kind, day in dated.items():
        assert day.weekday() < 5, (kind, day)
        assert is_business_day(day), (kind, day)
        assert day >= date, (kind, day)
    # the thank-you: within a day, or over a weekend/holiday, never before the interview
    ty = dated["thank_you"]
    morning = bool(time) and time < "12:00"
    assert ty == date if morning and is_business_day(date) else ty > date
    assert (ty - date).days <= 4
    for kind in ("address_concern", "extra_info"):
        assert dated[kind] > ty
    check_in, again = status_due(a), last_status_due(a)
    if decision is not None:
        assert check_in > decision
        assert again > decision
    else:
        assert (check_in - date).days >= 9  # 7 business days span at least one weekend
    assert (again - check_in).days >= 7
    assert (weeks_later_due(a) - again).days >= 28
    if stage != "informational":
        assert dated["check_in"] == check_in and dated["check_in_again"] == again
        assert dated["check_in"] > ty
    for kind in SITUATIONAL:
        assert kind not in dated
