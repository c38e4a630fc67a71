"""When to send each follow-up: the guide's timing rules turned into dates, from a given "today"."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import Answers

NOON = dt.time(12, 0)
EVENING = dt.time(17, 0)

# Check-ins with no decision date: at least 5 business days plus 1-2 days' buffer
# (Indeed Career Guide, US); "about a week" (Indeed HK); one to two weeks (CareerOneStop).
DEFAULT_WAIT_BUSINESS_DAYS = 7
# After a stated decision date: 1-2 business days later (Indeed Career Guide);
# never before the date itself (CareerOneStop, US Dept. of Labor; Ask a Manager).
AFTER_DECISION_BUSINESS_DAYS = 2
# A status question never comes hard on the heels of another message: two business days clear.
AFTER_LAST_MESSAGE_BUSINESS_DAYS = 2
# After an informational meeting, a thank-you within three to five days (Princeton).
INFORMATIONAL_DAYS = 4
# A thank-you sent after the decision date asks for news; the first check-in then waits a week.
CHECK_IN_AFTER_LATE_THANKS_BUSINESS_DAYS = 5
# News of another offer goes out at least this many days before that offer must be answered.
OFFER_NOTICE_DAYS = 3
# No more than once a week (Ask a Manager).
CHECK_IN_GAP_DAYS = 7
# Staying in touch is for long processes: weeks, not days, after the last check-in.
STAY_IN_TOUCH_GAP_DAYS = 28

# The holiday rule, the same in the guide (timing/#weekends-and-holidays): Saturdays, Sundays,
# Christmas Day and New Year's Day are not business days. Other public holidays differ by country
# and are not known here.
CLOSED = ((12, 25), (1, 1))


def is_business_day(day: dt.date) -> bool:
    """Monday to Friday, except Christmas Day and New Year's Day."""
    return day.weekday() < 5 and (day.month, day.day) not in CLOSED


def next_business_day(day: dt.date) -> dt.date:
    """The day itself when it is a business day, else the next one."""
    while not is_business_day(day):
        day += dt.timedelta(days=1)
    return day


def after_the_holidays(day: dt.date) -> dt.date:
    """A check-in that would fall between Christmas Eve and New Year's Eve, when many offices
    are closed or short of people, goes on the first working day of January instead."""
    if day.month == 12 and day.day >= 24:
        return next_business_day(dt.date(day.year + 1, 1, 2))
    return day


def add_business_days(day: dt.date, count: int) -> dt.date:
    """The business day ``count`` business days after ``day``."""
    while count > 0:
        day += dt.timedelta(days=1)
        if is_business_day(day):
            count -= 1
    return next_business_day(day)


def thanks_rule(answers: Answers) -> dt.date:
    """Within 24 hours (TopResume, Accountemps Canada, Lawrence University, WashU Law).

    A morning interview gets its note that afternoon, an afternoon one first thing next morning
    (Lynn Taylor, Business Insider); not from the lobby (Princeton), so a few hours pass first
    (Alison Green). A screening call gets a short note the same day (Princeton, WashU Law). When
    the next morning is not a business day (a Friday, a Saturday, Christmas Eve), the note goes the
    same day, so it is never read more than 24 hours after the interview. No time given: the
    afternoon is assumed.
    """
    iv = answers.interview
    held = iv.date
    if iv.stage == "screening" or (iv.time is not None and iv.time < NOON):
        return held
    tomorrow = held + dt.timedelta(days=1)
    return tomorrow if is_business_day(tomorrow) else held


@dataclass(frozen=True)
class Timeline:
    """The send dates of one plan; every later step counts from the steps before it."""

    thanks: dt.date
    late: bool  # today is past the day the thank-you was due
    first_follow_up: dt.date  # the first message after the thank-you
    second_follow_up: dt.date  # when two such messages go to the same person
    status: dt.date
    last_status: dt.date
    weeks_later: dt.date
    due: dt.date  # the day the thank-you was due by the rules
    # With another offer's deadline: the day to tell this employer about it.
    offer_note: dt.date | None = None
    # So late that the decision date has passed: the thank-you asks for news as well.
    news_in_thanks: bool = False


def timeline(answers: Answers, today: dt.date | None = None) -> Timeline:
    """The plan's dates. With ``today``, nothing is dated in the past: a late step is due today.

    Concerns and material go one business day after the thank-you, and the second of two such
    messages a business day later still (one job per message; the guide's timing page). The first
    check-in waits for the decision date and for the messages before it; the second is a week
    later, and the last.
    """
    iv = answers.interview
    due = thanks_rule(answers)
    thanks = max(due, today) if today else due
    # After an informational meeting three to five days is still on time (Princeton).
    grace = INFORMATIONAL_DAYS if iv.stage == "informational" else 0
    first = add_business_days(thanks, 1)
    second = add_business_days(first, 1)
    if iv.decision_date is not None:
        status = add_business_days(iv.decision_date, AFTER_DECISION_BUSINESS_DAYS)
    else:
        status = add_business_days(iv.date, DEFAULT_WAIT_BUSINESS_DAYS)
    # Filled in after the decision date: the thank-you asks for news, and the check-in waits a
    # week after it rather than following on its heels.
    news_in_thanks = bool(iv.decision_date and thanks > iv.decision_date)
    if news_in_thanks:
        status = add_business_days(thanks, CHECK_IN_AFTER_LATE_THANKS_BUSINESS_DAYS)
    status = max(status, add_business_days(second, AFTER_LAST_MESSAGE_BUSINESS_DAYS))
    status = after_the_holidays(status)
    last = after_the_holidays(next_business_day(status + dt.timedelta(days=CHECK_IN_GAP_DAYS)))
    later = after_the_holidays(next_business_day(last + dt.timedelta(days=STAY_IN_TOUCH_GAP_DAYS)))
    return Timeline(
        thanks=thanks,
        late=thanks > due + dt.timedelta(days=grace),
        first_follow_up=first,
        second_follow_up=second,
        status=status,
        last_status=last,
        weeks_later=later,
        due=due,
        offer_note=_offer_note(answers, thanks, first),
        news_in_thanks=news_in_thanks,
    )


def _offer_note(answers: Answers, thanks: dt.date, first: dt.date) -> dt.date | None:
    """When to tell this employer about another offer: a business day after the thank-you, and
    three days before the other offer must be answered (an employer needs time to move); with
    the thank-you when there is no such time. None when there is no deadline, or when they will
    decide before it anyway (telling them early would only press them)."""
    deadline, decision = answers.offer_deadline, answers.interview.decision_date
    if deadline is None or (decision is not None and add_business_days(decision, 1) < deadline):
        return None
    latest = deadline - dt.timedelta(days=OFFER_NOTICE_DAYS)
    return max(thanks, min(first, next_business_day(latest) if latest > thanks else thanks))
