"""The kinds of follow-up draft, one declaration each, in the order they are sent.

Rendering, the plan, the exports' labels and the review all read this registry. A kind's template
is ``templates/<name>.j2``; adding a kind is that template plus one entry here (and an example in
the guide).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from . import schedule
from .model import Answers


def _always(answers: Answers) -> bool:
    return True


def _decision_pending(answers: Answers) -> bool:
    """After an informational meeting no decision is pending: nothing to check in on or decline."""
    return answers.interview.stage != "informational"


@dataclass(frozen=True)
class Kind:
    """One kind of draft: what the plan calls it, when it goes, to whom, and when it is wanted."""

    name: str
    label: str
    # The date to send it; None for drafts kept ready for when it happens.
    due: Callable[[Answers], dt.date] | None
    # One note per interviewer (each personal), or one note to the main contact.
    per_interviewer: bool = False
    # A status question: the guide allows two, a week apart, never before the decision date.
    asks_status: bool = False
    wanted: Callable[[Answers], bool] = _always

    @property
    def template(self) -> str:
        return f"{self.name}.j2"


REGISTRY: tuple[Kind, ...] = (
    Kind("thank_you", "Thank-you note", schedule.thanks_due, per_interviewer=True),
    Kind(
        "address_concern",
        "Answer their question",
        schedule.follow_up_due,
        wanted=lambda a: bool(a.interview.concerns),
    ),
    Kind(
        "extra_info",
        "Send the extra information",
        schedule.follow_up_due,
        wanted=lambda a: bool(a.interview.extra_info),
    ),
    Kind(
        "check_in", "Check in", schedule.status_due, asks_status=True, wanted=_decision_pending
    ),
    Kind(
        "check_in_again",
        "Check in one last time",
        schedule.last_status_due,
        asks_status=True,
        wanted=_decision_pending,
    ),
    Kind("stay_in_touch", "Stay in touch", schedule.weeks_later_due),
    Kind("after_rejection", "Reply to a rejection", None, wanted=_decision_pending),
    Kind("competing_offer", "Tell them about another offer", None, wanted=_decision_pending),
    Kind("withdraw", "Withdraw", None, wanted=_decision_pending),
)

BY_NAME = {kind.name: kind for kind in REGISTRY}
NAMES = tuple(BY_NAME)
ORDER = {name: i for i, name in enumerate(NAMES)}


def get(name: str) -> Kind:
    """The kind called ``name``; ValueError for an unknown one."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown draft kind {name!r}") from None


def send_on(name: str, answers: Answers) -> dt.date | None:
    """The date to send a draft of this kind, or None for drafts kept for when it happens."""
    due = get(name).due
    return due(answers) if due else None


def planned(answers: Answers) -> list[Kind]:
    """The kinds these answers call for, in sending order."""
    return [kind for kind in REGISTRY if kind.wanted(answers)]
