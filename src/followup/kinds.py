"""The kinds of follow-up draft, one declaration each, in the order they are sent.

Rendering, the plan, the exports' labels and the review all read this registry. A kind's template
is ``templates/<name>.j2``; adding a kind is that template plus one entry here (and an example in
the guide).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from .model import Answers, Concern
from .schedule import Timeline
from .wording import words

# Channels a person can choose. A kind lists those it may use; any other choice falls back to
# email (a posted letter is too slow for news of another offer; see the guide's timing page).
ALL_CHANNELS = ("email", "letter", "linkedin")
EMAIL_OR_LINKEDIN = ("email", "linkedin")
EMAIL_ONLY = ("email",)
# Answers to concerns and material for the same person merge into one message when each part is
# this short or shorter (the guide's advice: one message rather than three in a day).
SHORT_PART_WORDS = 60


def answered(answers: Answers) -> tuple[Concern, ...]:
    """The concerns with an answer to send; one without an answer makes no draft yet."""
    return tuple(c for c in answers.interview.concerns if c.answer)


def merges(answers: Answers) -> bool:
    """Whether the answers to concerns and the material go as one message."""
    concerns, extra = answered(answers), answers.interview.extra_info
    if not concerns or not extra:
        return False
    answer_words = sum(words(f"{c.question} {c.answer}") for c in concerns)
    extra_words = sum(words(f"{x.topic} {x.detail}") for x in extra)
    return answer_words <= SHORT_PART_WORDS and extra_words <= SHORT_PART_WORDS


def _offer_note(plan: Timeline, answers: Answers) -> dt.date | None:
    return plan.offer_note


def _decision_pending(answers: Answers) -> bool:
    """After an informational meeting no decision is pending: nothing to check in on or decline."""
    return answers.interview.stage != "informational"


def _has_news(answers: Answers) -> bool:
    """A note to stay in touch needs something to say: the company's news or the candidate's."""
    return bool(answers.company.news or answers.update)


@dataclass(frozen=True)
class Kind:
    """One kind of draft: what the plan calls it, when it goes, to whom, and when it is wanted."""

    name: str
    label: str
    # The date to send it; None for drafts kept ready for when it happens.
    due: Callable[[Timeline, Answers], dt.date | None] | None
    wanted: Callable[[Answers], bool]
    # "each": one note per interviewer; "lead": the interviewer the candidate follows up with
    # (chosen, else the first); "contact": the main contact when given, else the lead;
    # "asker": the interviewer who asked the questions it answers (all the same one), else the lead.
    to: str = "lead"
    channels: tuple[str, ...] = EMAIL_OR_LINKEDIN
    # A status question: the guide allows two, a week apart, never before the decision date.
    asks_status: bool = False
    # Written as if the candidate were still waiting to hear: moot once another offer's deadline
    # has passed (the review says so).
    still_waiting: bool = False
    # Carries the material the candidate promised (the review asks for links or attachments).
    sends_material: bool = False

    @property
    def template(self) -> str:
        return f"{self.name}.j2"

    def channel(self, preferred: str) -> str:
        """The channel this kind goes by when ``preferred`` was chosen."""
        return preferred if preferred in self.channels else "email"


REGISTRY: tuple[Kind, ...] = (
    Kind(
        "thank_you",
        "Thank-you note",
        lambda t, a: t.thanks,
        lambda a: True,
        to="each",
        channels=ALL_CHANNELS,
    ),
    Kind(
        "follow_up",
        "Answer their question and send the material",
        lambda t, a: t.first_follow_up,
        merges,
        to="asker",
        sends_material=True,
    ),
    Kind(
        "address_concern",
        "Answer their question",
        lambda t, a: t.first_follow_up,
        lambda a: bool(answered(a)) and not merges(a),
        to="asker",
    ),
    Kind(
        "extra_info",
        "Send the extra information",
        lambda t, a: t.second_follow_up if answered(a) else t.first_follow_up,
        lambda a: bool(a.interview.extra_info) and not merges(a),
        sends_material=True,
    ),
    Kind(
        "check_in",
        "Check in",
        lambda t, a: t.status,
        _decision_pending,
        to="contact",
        asks_status=True,
        still_waiting=True,
    ),
    Kind(
        "check_in_again",
        "Check in one last time",
        lambda t, a: t.last_status,
        _decision_pending,
        to="contact",
        asks_status=True,
        still_waiting=True,
    ),
    Kind(
        "stay_in_touch",
        "Stay in touch",
        lambda t, a: t.weeks_later,
        _has_news,
        channels=ALL_CHANNELS,
        still_waiting=True,
    ),
    Kind("after_rejection", "Reply to a rejection", None, _decision_pending, to="contact"),
    Kind(
        "competing_offer",
        "Tell them about another offer",
        # Dated once there is another offer whose deadline comes before they decide; until then
        # kept for when it happens.
        _offer_note,
        _decision_pending,
        to="contact",
        channels=EMAIL_ONLY,
    ),
    Kind("withdraw", "Withdraw", None, _decision_pending, to="contact", channels=EMAIL_ONLY),
)

BY_NAME = {kind.name: kind for kind in REGISTRY}
# The first status question: who gets it is who gets the news the candidate asks for.
STATUS = next(kind for kind in REGISTRY if kind.asks_status)
NAMES = tuple(BY_NAME)
ORDER = {name: i for i, name in enumerate(NAMES)}


def get(name: str) -> Kind:
    """The kind called ``name``; ValueError for an unknown one."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown draft kind {name!r}") from None


def send_on(name: str, answers: Answers, plan: Timeline) -> dt.date | None:
    """The date to send a draft of this kind, or None for drafts kept for when it happens."""
    due = get(name).due
    return due(plan, answers) if due else None


def planned(answers: Answers) -> list[Kind]:
    """The kinds these answers call for, in sending order."""
    return [kind for kind in REGISTRY if kind.wanted(answers)]
