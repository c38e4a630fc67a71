"""The worksheet form's words for each field of the answers contract: label, help and example.

Keyed by answers path without list indices (``interview.interviewers.name``); ``.`` is the whole
form and ``PATH.*`` the entry of a list of plain values. The contract itself is in ``model``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from .model import Spec, spec_of


@dataclass(frozen=True)
class Copy:
    label: str
    help: str = ""
    placeholder: str = ""
    item_label: str = ""  # for lists: what one entry is called ("Interviewer 2")


COPY: dict[str, Copy] = {
    ".": Copy("Answers"),
    "candidate": Copy("You"),
    "candidate.name": Copy("Your name", "Used to sign the drafts.", "Ada Lovelace"),
    "candidate.email": Copy(
        "Your email",
        "Shown in letters and used as the sender of .eml files.",
        "ada@example.org",
    ),
    "candidate.phone": Copy("Your phone", "Optional; added under your name.", "+44 20 7946 0000"),
    "candidate.signature": Copy(
        "Signature",
        "Extra lines under your name, such as a link "
        "to your portfolio. Replaces email and phone when given.",
    ),
    "company": Copy("The company"),
    "company.name": Copy("Company", placeholder="Analytical Engines Ltd"),
    "company.news": Copy(
        "Recent company news",
        "Something the company did lately that "
        "you noticed, for a later stay-in-touch note. Write it to follow "
        "\u201cI was glad to read about\u201d.",
        "the launch of your streaming service",
    ),
    "role": Copy("Role", "The job title you interviewed for.", "Data Engineer"),
    "contact": Copy(
        "Main contact",
        "The recruiter or coordinator who runs the process, if there is one. Check-ins and the "
        "notes kept for later go to them.",
    ),
    "contact.name": Copy("Name", "Spell it exactly as they do.", "Priya Shah"),
    "contact.honorific": Copy(
        "Honorific",
        "For a formal greeting such as \u201cDear Ms Shah\u201d. None: the full name.",
    ),
    "contact.greet_as": Copy(
        "Greet as",
        "Only if the greeting shown is not how they would like to be addressed.",
        "Priya",
    ),
    "contact.title": Copy("Job title", placeholder="Talent Partner"),
    "contact.email": Copy("Email", placeholder="priya@example.org"),
    "interview": Copy("The interview"),
    "interview.date": Copy("Interview date"),
    "interview.time": Copy(
        "Start time",
        "24-hour clock. A morning interview gets its thank-you the same afternoon.",
    ),
    "interview.stage": Copy("Stage"),
    "interview.format": Copy("Format"),
    "interview.interviewers": Copy(
        "Interviewers",
        "Everyone who interviewed you. Each gets a note of their own.",
        item_label="Interviewer",
    ),
    "interview.interviewers.name": Copy("Name", "Spell it exactly as they do.", "Grace Hopper"),
    "interview.interviewers.honorific": Copy(
        "Honorific",
        "For a formal greeting such as \u201cDear Dr Hopper\u201d. None: the full name.",
    ),
    "interview.interviewers.greet_as": Copy(
        "Greet as",
        "Only if the greeting shown is not how they would like to be addressed.",
        "Grace",
    ),
    "interview.interviewers.title": Copy("Job title", placeholder="Engineering Manager"),
    "interview.interviewers.email": Copy("Email", placeholder="grace@example.org"),
    "interview.interviewers.discussed": Copy(
        "What you talked about",
        "One thing from your "
        "conversation with this person; it makes their note personal. "
        "Write it to follow \u201cI enjoyed talking about\u201d.",
        "moving the nightly batch jobs to streaming",
    ),
    "interview.interviewers.main_contact": Copy(
        "Send check-ins to this person",
        "When there is no main contact. Otherwise the first interviewer gets them.",
    ),
    "interview.highlights": Copy(
        "Highlights",
        "Something of yours that came up and went down well. Write it to "
        "follow \u201cmy experience with\u201d.",
        item_label="Highlight",
    ),
    "interview.highlights.*": Copy(
        "Highlight", placeholder="migrating a 2 TB warehouse to Parquet"
    ),
    "interview.concerns": Copy(
        "Concerns or questions",
        "Questions you could answer better now, or doubts they raised.",
        item_label="Concern",
    ),
    "interview.concerns.question": Copy(
        "Question or concern",
        "What they asked or seemed unsure about.",
        "experience with project management software",
    ),
    "interview.concerns.answer": Copy(
        "Your fuller answer",
        "As you would say it, in a sentence or two. Leave it empty until you have it: no "
        "reply to this question is drafted until then.",
        "I have run two-week sprints in Jira for three years.",
    ),
    "interview.concerns.asked_by": Copy(
        "Asked by",
        "The interviewer who asked, as you named them above. The reply goes to them; left "
        "empty, it goes to the person you follow up with.",
        "Alan Turing",
    ),
    "interview.extra_info": Copy(
        "Information to send",
        "Material you promised, or something you had no chance to mention.",
        item_label="Item",
    ),
    "interview.extra_info.topic": Copy("Topic", placeholder="portfolio"),
    "interview.extra_info.detail": Copy("Detail", placeholder="the pipeline case study"),
    "interview.extra_info.link": Copy("Link", placeholder="https://example.org/case"),
    "interview.decision_date": Copy(
        "Decision expected by",
        "The date they said they would decide. No check-in goes out before it.",
    ),
    "interview.next_steps": Copy(
        "Next steps they mentioned",
        "A few words that follow \u201cthe next step is\u201d.",
        "a take-home exercise",
    ),
    "update": Copy(
        "News of your own",
        "Something new since the interview, for a later note. A full sentence.",
        "I have since completed the AWS data engineering certification",
    ),
    "offer_deadline": Copy(
        "Another offer's deadline",
        "If another employer has offered you a job: the date you must answer them by. The note "
        "that tells this employer states it.",
    ),
    "preferences": Copy("Style"),
    "preferences.tone": Copy("Tone"),
    "preferences.channel": Copy("Channel"),
}


def schema_of(answers: type) -> dict[str, Any]:
    """The contract as plain data, with the form's words, for generating the worksheet's form."""

    def leaf(spec: Spec, name: str, path: str, copy_path: str) -> dict[str, Any]:
        words = COPY[copy_path]
        return {
            "type": "field",
            "name": name,
            "path": path,
            "label": words.label,
            "help": words.help,
            "kind": spec.kind,
            "required": spec.required,
            "max_length": spec.max_length,
            "choices": list(spec.choices),
            "placeholder": words.placeholder,
        }

    def node(cls: Any, name: str, path: str, spec: Spec | None = None) -> dict[str, Any]:
        words = COPY[path or "."]
        members = []
        for member in dataclasses.fields(cls):
            inner, inner_path = spec_of(member), f"{path}.{member.name}" if path else member.name
            if inner.kind == "group":
                members.append(node(inner.of, member.name, inner_path))
            elif inner.kind == "list" and isinstance(inner.of, Spec):
                members.append(
                    {
                        **_group(member.name, inner_path, inner),
                        "members": [leaf(inner.of, "", inner_path, f"{inner_path}.*")],
                    }
                )
            elif inner.kind == "list":
                members.append(node(inner.of, member.name, inner_path, inner))
            else:
                members.append(leaf(inner, member.name, inner_path, inner_path))
        return {**_group(name, path, spec or Spec("group"), words), "members": members}

    return node(answers, "", "")


def _group(name: str, path: str, spec: Spec, words: Copy | None = None) -> dict[str, Any]:
    words = words or COPY[path]
    return {
        "type": "group",
        "name": name,
        "path": path,
        "label": words.label,
        "help": words.help,
        "repeat": spec.repeat,
        "item_label": words.item_label,
    }
