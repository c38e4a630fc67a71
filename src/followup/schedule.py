"""When to send each follow-up: the guide's timing rules turned into dates."""

from __future__ import annotations

import datetime as dt

from .model import Answers

NOON = dt.time(12, 0)

# Check-ins with no decision date: at least 5 business days plus 1-2 days' buffer
# (Indeed Career Guide, US); "about a week" (Indeed HK); one to two weeks (CareerOneStop).
DEFAULT_WAIT_BUSINESS_DAYS = 7
# After a stated decision date: 1-2 business days later (Indeed Career Guide);
# never before the date itself (CareerOneStop, US Dept. of Labor; Ask a Manager).
AFTER_DECISION_BUSINESS_DAYS = 2
# No more than once a week (Ask a Manager); one or two follow-ups in all (Accountemps).
CHECK_IN_GAP_DAYS = 7
# Staying in touch is for long processes: weeks, not days, after the last check-in.
STAY_IN_TOUCH_GAP_DAYS = 28

# Public holidays differ by country and are not known here, except the two that close
# offices almost everywhere this guide is read; a note on those days goes unread.
CLOSED = ((12, 25), (1, 1))


def is_business_day(day: dt.date) -> bool:
    """Monday to Friday, except Christmas Day and New Year's Day."""
    return day.weekday() < 5 and (day.month, day.day) not in CLOSED


def next_business_day(day: dt.date) -> dt.date:
    """The day itself when it is a business day, else the Monday after."""
    while not is_business_day(day):
        day += dt.timedelta(days=1)
    return day


def add_business_days(day: dt.date, count: int) -> dt.date:
    """The business day ``count`` business days after ``day``."""
    while count > 0:
        day += dt.timedelta(days=1)
        if is_business_day(day):
            count -= 1
    return next_business_day(day)


def thanks_due(answers: Answers) -> dt.date:
    """Within 24 hours (TopResume, Accountemps Canada, Lawrence University, WashU Law).

    A morning interview gets its note that afternoon, an afternoon one first thing next morning
    (Lynn Taylor, Business Insider); not from the lobby (Princeton), so never before a few hours
    have passed (Alison Green). With no time given we assume the afternoon. A note that would land
    on a weekend waits for Monday: still within the two days St. Olaf and Wesleyan allow.
    """
    held = answers.interview.date
    start = answers.interview.time
    if start is not None and start < NOON and is_business_day(held):
        return held
    return add_business_days(held, 1)


def follow_up_due(answers: Answers) -> dt.date:
    """Concerns and extra material go one business day after the thank-you: one job per message."""
    return add_business_days(thanks_due(answers), 1)


def status_due(answers: Answers) -> dt.date:
    """The first status question: after the decision date, never before it."""
    iv = answers.interview
    if iv.decision_date is not None:
        return add_business_days(iv.decision_date, AFTER_DECISION_BUSINESS_DAYS)
    return add_business_days(iv.date, DEFAULT_WAIT_BUSINESS_DAYS)


def last_status_due(answers: Answers) -> dt.date:
    """The second and last check-in, a week after the first."""
    return next_business_day(status_due(answers) + dt.timedelta(days=CHECK_IN_GAP_DAYS))


def weeks_later_due(answers: Answers) -> dt.date:
    """A note weeks later, for long processes or after a 'not now'."""
    return next_business_day(
        last_status_due(answers) + dt.timedelta(days=STAY_IN_TOUCH_GAP_DAYS)
    )
