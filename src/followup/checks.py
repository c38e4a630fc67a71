"""What the review looks for: one entry per kind of finding, with the guide section that explains it.

The guide's table of checks is generated from this registry, and a test follows every ``guide``
link to its page and anchor.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Check:
    """One kind of finding: its code, how serious it is, and the guide section behind it."""

    code: str
    severity: str
    summary: str
    guide: str


CHECKS = {
    c.code: c
    for c in (
        Check(
            "placeholder",
            "error",
            "a placeholder such as [Name] or {{ name }} left unfilled",
            "mistakes/#placeholders",
        ),
        Check(
            "title_only_greeting",
            "error",
            "a greeting that names only a title or a particle (“Hi Dr.,”, “Hi van,”)",
            "mistakes/#greetings",
        ),
        Check(
            "punctuation",
            "error",
            "doubled or dangling punctuation where text was joined",
            "mistakes/#typos",
        ),
        Check(
            "missing_subject",
            "error",
            "an email with no subject line",
            "subject-lines/#why-a-subject",
        ),
        Check(
            "name_missing",
            "error",
            "a thank-you that never names the person it thanks",
            "thank-you/#personalise",
        ),
        Check(
            "identical_notes",
            "error",
            "the same note sent to different interviewers",
            "situations/panel/#one-note-each",
        ),
        Check(
            "check_in_before_decision",
            "error",
            "a check-in dated before the decision date",
            "be-patient/#decision-date",
        ),
        Check(
            "similar_notes",
            "warning",
            "notes to a panel that share more than a third of their sentences",
            "situations/panel/#one-note-each",
        ),
        Check("late", "warning", "a thank-you sent more than a day late", "timing/#late"),
        Check(
            "too_many_check_ins",
            "warning",
            "more than two check-ins, or two within a week",
            "be-patient/#how-often",
        ),
        Check(
            "too_many_messages",
            "warning",
            "more than two messages to one person in two days",
            "timing/#concerns-and-extras",
        ),
        Check("pushy", "warning", "pushy or needy phrasing", "be-patient/#pushy-phrasing"),
        Check("too_long", "warning", "too long for its kind and channel", "thank-you/#length"),
        Check(
            "long_subject",
            "warning",
            "a subject line of more than eight words",
            "subject-lines/#length",
        ),
        Check(
            "generic_greeting",
            "warning",
            "a generic greeting where a name is known",
            "mistakes/#generic-greetings",
        ),
        Check(
            "slow_letter",
            "warning",
            "a posted letter when the decision is less than a week away",
            "timing/#email-or-letter",
        ),
        Check(
            "thanks_only",
            "info",
            "a thank-you that only says thanks",
            "thank-you/#more-than-thanks",
        ),
        Check(
            "not_personal",
            "info",
            "a thank-you with nothing of that person's own conversation in it",
            "thank-you/#personalise",
        ),
        Check(
            "check_greeting",
            "info",
            "a name that may be written family name first: check the greeting",
            "mistakes/#greetings",
        ),
        Check(
            "informal",
            "info",
            "emoji, slang or a row of exclamation marks in a note to an employer",
            "mistakes/#typos",
        ),
        Check(
            "no_link",
            "info",
            "material to send with neither a link nor a file to attach",
            "extra-info/#how-to-send-it",
        ),
        Check(
            "tight_offer_deadline",
            "info",
            "news of another offer with too little time left to act on it",
            "situations/competing-offer/#what-to-say",
        ),
        Check(
            "after_offer_deadline",
            "info",
            "a check-in planned after the other offer's deadline",
            "situations/competing-offer/#what-to-say",
        ),
        Check(
            "linkedin_request",
            "info",
            "a LinkedIn message or connection request while the process is open",
            "situations/linkedin/#dont-connect-straight-after-the-interview",
        ),
        Check(
            "unanswered_concern",
            "info",
            "a concern with no answer yet, so no reply to it is drafted",
            "concerns/#how-to-write-it",
        ),
        Check(
            "unknown_asker",
            "info",
            "a question's \u201casked by\u201d names no interviewer, so its reply goes to the lead",
            "concerns/#who-asked",
        ),
        Check(
            "nothing_to_say",
            "info",
            "no news to share, so no stay-in-touch note is planned",
            "stay-in-touch/#good-reasons-to-get-in-touch",
        ),
        Check("unsigned", "info", "a draft with no name to sign it", "thank-you/#personalise"),
        Check(
            "large_panel",
            "info",
            "more than seven interviewers to thank one by one",
            "situations/panel/#one-note-each",
        ),
    )
}
