"""When each follow-up goes out: the timing rules of the guide's timing page as dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup import KINDS, Answers, render_drafts, to_dict, validate
from followup.kinds import send_on
from followup.render import planned_kinds
from followup.schedule import (
    add_business_days,
    after_the_holidays,
    is_business_day,
    next_business_day,
    thanks_rule,
    timeline,
)

D = dt.date
# Drafts kept ready for "when it happens" carry no date (news of another offer gets one when the
# answers give that offer's deadline).
SITUATIONAL = ("after_rejection", "competing_offer", "withdraw")
# December 2026: Thursday 3rd, Friday 4th, Saturday 5th, Sunday 6th, Monday 7th.
THU, FRI, SAT, SUN, MON = (D(2026, 12, 3), D(2026, 12, 4), D(2026, 12, 5), D(2026, 12, 6), D(2026, 12, 7))
LONG_ANSWER = " ".join(["word"] * 70)


def answers(
    date: dt.date,
    time: str = "",
    decision: dt.date | None = None,
    stage: str = "",
    *,
    concern: str = "I ran sprints in Jira for three years.",
    extra: bool = True,
    news: str = "",
) -> Answers:
    data: dict[str, Any] = {
        "company": {"name": "Analytical Engines Ltd", "news": news},
        "role": "Data Engineer",
        "interview": {
            "date": date.isoformat(),
            "time": time,
            "stage": stage,
            "decision_date": decision.isoformat() if decision else "",
            "interviewers": [{"name": "Grace Hopper"}],
            "concerns": [{"question": "Jira", "answer": concern}] if concern else [],
            "extra_info": [{"topic": "Portfolio"}] if extra else [],
        },
    }
    return validate(data)


def dates(a: Answers, today: dt.date | None = None) -> dict[str, dt.date | None]:
    return {d.kind: d.send_on for d in render_drafts(a, today=today)}


def test_calendar_assumptions() -> None:
    assert [d.strftime("%a") for d in (THU, FRI, SAT, SUN, MON)] == ["Thu", "Fri", "Sat", "Sun", "Mon"]


# --- business days ------------------------------------------------------------------------------


def test_business_days_are_weekdays_except_christmas_and_new_year() -> None:
    """The guide's one holiday rule (timing/#weekends-and-holidays)."""
    week = [is_business_day(THU + dt.timedelta(days=i)) for i in range(7)]
    assert week == [True, True, False, False, True, True, True]
    assert not is_business_day(D(2026, 12, 25))  # a Friday
    assert not is_business_day(D(2027, 1, 1))  # a Friday
    assert is_business_day(D(2026, 12, 24))
    assert is_business_day(D(2026, 12, 31))


def test_next_and_added_business_days() -> None:
    assert next_business_day(THU) == THU
    assert next_business_day(SAT) == MON
    assert next_business_day(D(2026, 12, 25)) == D(2026, 12, 28)
    assert add_business_days(THU, 1) == FRI
    assert add_business_days(FRI, 1) == MON
    assert add_business_days(THU, 7) == D(2026, 12, 14)
    assert add_business_days(D(2026, 12, 24), 1) == D(2026, 12, 28)
    assert add_business_days(SAT, 0) == MON


# --- the thank-you: never more than 24 hours after ----------------------------------------------


@pytest.mark.parametrize("time", ["08:00", "10:30", "11:59"])
def test_morning_interview_gets_its_note_the_same_day(time: str) -> None:
    """Morning interview: that afternoon (Lynn Taylor, Business Insider)."""
    assert thanks_rule(answers(THU, time)) == THU


@pytest.mark.parametrize("time", ["12:00", "15:30", "18:45", ""])
def test_afternoon_interview_gets_its_note_next_morning(time: str) -> None:
    """Afternoon, evening or no time: first thing the next business morning, within 24 hours."""
    assert thanks_rule(answers(THU, time)) == FRI


@pytest.mark.parametrize("time", ["14:00", "16:30", "18:30", ""])
def test_friday_afternoon_interview_gets_its_note_that_day(time: str) -> None:
    """Monday is 62 hours away: a Friday-afternoon note goes on the Friday."""
    assert thanks_rule(answers(FRI, time)) == FRI


def test_weekend_interview_gets_its_note_within_a_day() -> None:
    """Saturday: that day (Sunday is no business day); Sunday afternoon: Monday morning."""
    assert thanks_rule(answers(SAT, "10:00")) == SAT
    assert thanks_rule(answers(SAT, "15:00")) == SAT
    assert thanks_rule(answers(SUN, "10:00")) == SUN
    assert thanks_rule(answers(SUN, "15:00")) == MON


def test_the_eve_of_a_holiday_is_like_a_friday() -> None:
    assert thanks_rule(answers(D(2026, 12, 24), "14:00")) == D(2026, 12, 24)
    assert thanks_rule(answers(D(2026, 12, 31), "14:00")) == D(2026, 12, 31)


@pytest.mark.parametrize("time", ["09:15", "15:00", "19:00", ""])
def test_screening_call_gets_a_same_day_note(time: str) -> None:
    """After a screening call, a short same-day email (Princeton, WashU Law)."""
    assert thanks_rule(answers(THU, time, stage="screening")) == THU


# --- "today": nothing in the past ---------------------------------------------------------------


def test_a_late_thank_you_is_due_today_and_says_so() -> None:
    a = answers(THU, "10:00")
    plan = timeline(a, today=MON)
    assert plan.thanks == MON and plan.late and plan.due == THU
    drafts = render_drafts(a, today=MON)
    assert drafts[0].send_on == MON and drafts[0].late


def test_today_before_the_due_date_changes_nothing() -> None:
    a = answers(THU, "15:00", D(2026, 12, 11))
    assert dates(a, today=D(2026, 12, 1)) == dates(a)
    assert not timeline(a, today=THU).late


@pytest.mark.parametrize("today", [FRI, MON, D(2026, 12, 9), D(2026, 12, 15), D(2027, 2, 1)])
def test_no_step_is_dated_before_today(today: dt.date) -> None:
    a = answers(THU, "10:00", D(2026, 12, 8))
    for kind, day in dates(a, today).items():
        assert day is None or day >= today, (kind, day)


def test_so_late_that_the_decision_date_has_passed_the_thank_you_asks_for_news() -> None:
    """Filled in a week after the decision date: one note that thanks and asks, and the check-in
    a week after it rather than the day after."""
    a = answers(THU, "10:00", D(2026, 12, 8))
    plan = timeline(a, today=D(2026, 12, 15))
    assert plan.news_in_thanks and plan.status == D(2026, 12, 22)
    drafts = render_drafts(a, today=D(2026, 12, 15))
    assert "decision by 8 December" in drafts[0].body
    check_in = next(d for d in drafts if d.kind == "check_in")
    assert "I wrote on 15 December to ask about the decision" in check_in.body
    assert not timeline(a, today=D(2026, 12, 7)).news_in_thanks


def test_an_informational_meeting_has_a_few_days_before_its_note_is_late() -> None:
    """Princeton: thanks within three to five days after an informational meeting."""
    a = answers(THU, "10:00", stage="informational")
    assert not timeline(a, today=D(2026, 12, 7)).late
    assert timeline(a, today=D(2026, 12, 8)).late
    assert timeline(answers(THU, "10:00"), today=D(2026, 12, 4)).late


def test_a_late_start_does_not_crowd_the_check_in_onto_the_next_day() -> None:
    """Filled in four days late with the decision date passed: the check-in still waits."""
    a = answers(THU, "10:00", FRI)
    plan = timeline(a, today=D(2026, 12, 8))
    assert plan.thanks == D(2026, 12, 8)
    assert plan.status >= add_business_days(plan.second_follow_up, 2)


# --- concerns and material -----------------------------------------------------------------------


def test_short_answer_and_material_merge_into_one_message() -> None:
    """The guide: merge short ones rather than send three messages in a day."""
    a = answers(THU, "10:30")
    assert planned_kinds(a)[:2] == ["thank_you", "follow_up"]
    assert dates(a)["follow_up"] == FRI


def test_long_ones_go_separately_a_business_day_apart() -> None:
    a = answers(THU, "10:30", concern=LONG_ANSWER)
    got = dates(a)
    assert "follow_up" not in got
    assert got["address_concern"] == FRI and got["extra_info"] == MON


def test_material_alone_follows_the_thank_you_by_a_business_day() -> None:
    assert dates(answers(THU, "15:00", concern=""))["extra_info"] == MON


def test_a_concern_without_an_answer_makes_no_draft() -> None:
    a = validate(
        {
            "company": {"name": "A"},
            "role": "R",
            "interview": {"date": "2026-12-03", "concerns": [{"question": "Jira"}]},
        }
    )
    assert not {"address_concern", "follow_up"} & set(planned_kinds(a))


# --- check-ins -----------------------------------------------------------------------------------


def test_check_in_two_business_days_after_the_decision_date() -> None:
    """Never before it (CareerOneStop; Ask a Manager); 1-2 business days after (Indeed)."""
    a = answers(THU, "10:30", D(2026, 12, 11))
    assert timeline(a).status == D(2026, 12, 15)


def test_check_in_without_a_decision_date_waits_seven_business_days() -> None:
    assert timeline(answers(THU, "10:30")).status == D(2026, 12, 14)


def test_second_check_in_a_week_later_and_the_last() -> None:
    a = answers(THU, "10:30", D(2026, 12, 16))
    plan = timeline(a)
    assert plan.status == D(2026, 12, 18)
    # A week later is the 25th (closed), then the holiday week: the first working day of 2027.
    assert plan.last_status == D(2027, 1, 4)
    assert [k for k in planned_kinds(a) if k.startswith("check_in")] == [
        "check_in",
        "check_in_again",
    ]


@pytest.mark.parametrize(
    ("day", "moved"),
    [
        (D(2026, 12, 23), D(2026, 12, 23)),
        (D(2026, 12, 24), D(2027, 1, 4)),  # 2 January 2027 is a Saturday
        (D(2026, 12, 31), D(2027, 1, 4)),
        (D(2027, 12, 29), D(2028, 1, 3)),  # 2 January 2028 is a Sunday
        (D(2027, 1, 5), D(2027, 1, 5)),
    ],
)
def test_check_ins_skip_the_holiday_week(day: D, moved: D) -> None:
    assert after_the_holidays(day) == moved


def test_stay_in_touch_needs_something_to_say() -> None:
    assert "stay_in_touch" not in planned_kinds(answers(THU))
    a = answers(THU, "10:30", news="your new office")
    assert "stay_in_touch" in planned_kinds(a)
    assert (timeline(a).weeks_later - timeline(a).last_status).days >= 28


def test_informational_meetings_plan_no_check_ins() -> None:
    kinds = planned_kinds(answers(THU, stage="informational", news="the new gallery"))
    assert "check_in" not in kinds and "withdraw" not in kinds
    assert kinds[-1] == "stay_in_touch"


@pytest.mark.parametrize("kind", SITUATIONAL)
def test_situational_drafts_have_no_date(kind: str) -> None:
    a = answers(THU, "10:30")
    assert send_on(kind, a, timeline(a)) is None


def test_every_kind_has_a_rule() -> None:
    a = answers(THU, "10:30", news="x")
    for kind in KINDS:
        assert (send_on(kind, a, timeline(a)) is None) == (kind in SITUATIONAL)


def test_news_of_another_offer_is_dated_once_its_deadline_is_known() -> None:
    """Tell them soon, and at least three days before the other offer must be answered."""
    data = answers(THU, "10:30", D(2026, 12, 18))
    with_deadline = validate({**to_dict(data), "offer_deadline": "2026-12-11"})
    assert send_on("competing_offer", with_deadline, timeline(with_deadline)) == FRI
    urgent = validate({**to_dict(data), "offer_deadline": "2026-12-04"})
    assert send_on("competing_offer", urgent, timeline(urgent)) == THU  # with the thank-you
    assert send_on("competing_offer", data, timeline(data)) is None


def test_unknown_kind_is_an_error() -> None:
    a = answers(THU)
    with pytest.raises(ValueError):
        send_on("thank_you_card", a, timeline(a))


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
    late=st.one_of(st.none(), st.integers(0, 60)),
    long=st.booleans(),
)
def test_the_rules_hold_for_any_interview(
    date: dt.date, time: str, wait: int | None, stage: str, late: int | None, long: bool
) -> None:
    """The thank-you within 24 hours (or today, when late); every other step on a business day,
    after the one before it; no check-in before the decision date; at most two, a week apart."""
    decision = date + dt.timedelta(days=wait) if wait is not None else None
    today = date + dt.timedelta(days=late) if late is not None else None
    a = answers(date, time, decision, stage, concern=LONG_ANSWER if long else "Yes.", news="n")
    got = {d.kind: d.send_on for d in render_drafts(a, today=today)}
    ty = got["thank_you"]
    assert ty is not None
    if today and today > thanks_rule(a):
        assert ty == today
    else:
        # Same day, or the next morning after an afternoon interview: within 24 hours.
        assert ty in (date, date + dt.timedelta(days=1))
        if ty != date:
            assert (not time or time >= "12:00") and stage != "screening"
            assert is_business_day(ty)
    previous = ty
    for kind in ("follow_up", "address_concern", "extra_info", "check_in", "check_in_again"):
        day = got.get(kind)
        if day is None:
            continue
        assert is_business_day(day), (kind, day)
        assert day > previous, (kind, day)
        previous = day
        if kind.startswith("check_in") and decision:
            assert day > decision
    if "check_in_again" in got:
        assert (got["check_in_again"] - got["check_in"]).days >= 7  # type: ignore[operator]
    assert sum(k.startswith("check_in") for k in got) <= 2
    for kind in SITUATIONAL:
        assert got.get(kind) is None
