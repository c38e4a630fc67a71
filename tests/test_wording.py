"""How people's own words are fitted into the drafts: the slips a third hiring-manager review
found in twenty-five new answers files (tests/fixtures/hm-*.json are eight of them), each with
what the note now says."""

from __future__ import annotations

import pytest

from followup import wording
from followup.model import Contact
from followup.people import greeting, tidied
from followup.render import short_role


@pytest.mark.parametrize(
    ("highlight", "expected"),
    [
        ("CFA Level II candidate", "I am a CFA Level II candidate."),
        ("ALS instructor", "I am an ALS instructor."),
        ("ECS gold card holder", "I am an ECS gold card holder."),
        ("AAT qualified", "I am AAT qualified."),
        ("Bilingual in French and English", "I am bilingual in French and English."),
        ("fluent in Somali", "I am fluent in Somali."),
        ("Python", ""),
        ("a decade in retail", ""),
    ],
)
def test_what_the_candidate_is_is_said_as_a_sentence(highlight: str, expected: str) -> None:
    assert wording.credential(highlight) == expected


@pytest.mark.parametrize(
    ("highlight", "expected", "plural"),
    [
        ("a decade in retail", "my decade in retail", False),
        ("an eye for a strong front page", "my eye for a strong front page", False),
        ("MSc in Sports Physiotherapy", "my MSc in Sports Physiotherapy", False),
        ("Counterbalance and reach truck licences", "my Counterbalance and reach truck licences", True),
        ("first aid at work certificate", "my first aid at work certificate", False),
        ("- NVQ Level 3 in Electrical Installation", "my NVQ Level 3 in Electrical Installation", False),
        ("five years at Acme", "my five years at Acme", True),
        ("over 10 years in sales", "my more than 10 years in sales", True),
        ("Jira and Asana", "my experience with Jira and Asana", False),
    ],
)
def test_a_highlight_is_a_noun_phrase_that_fits_its_verb(
    highlight: str, expected: str, plural: bool
) -> None:
    assert wording.experience(highlight) == expected
    assert wording.is_plural(expected) is plural


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("took a practice from Requires Improvement to Good", "I took a practice from Requires Improvement to Good."),
        ("stage-managed a 12-week UK tour", "I stage-managed a 12-week UK tour."),
        ("Shortlisted for the Sony World Photography Awards!", "I was shortlisted for the Sony World Photography Awards!"),
        ("Got SC clearance last year", "I got SC clearance last year."),
        ("Advanced Excel", "Advanced Excel."),
        ("Automated testing expertise", "Automated testing expertise."),
    ],
)  # fmt: skip
def test_a_cv_line_gets_its_i_back(line: str, expected: str) -> None:
    assert wording.as_sentence(line) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("I mentioned my time on the COVID ward", "my time on the COVID ward"),
        ("how do you measure impact?", "how you measure impact"),
        ("whether I'd be OK with 12-hour nights?", "whether I'd be OK with 12-hour nights"),
        ("The new early-warning score rollout", "the new early-warning score rollout"),
        ("Their plans for a weekend supplement", "your plans for a weekend supplement"),
        ("The Guardian's election coverage", "The Guardian's election coverage"),
        ("- outreach on estates", "outreach on estates"),
    ],
)
def test_a_topic_fits_after_about(typed: str, expected: str) -> None:
    assert wording.topic(typed) == expected


@pytest.mark.parametrize(
    ("concern", "expected"),
    [
        ("Concern about my lack of Civil Service experience", "You asked about my lack of Civil Service experience."),
        ("No experience with EMIS", "You asked about my experience with EMIS."),
        ("He's worried about my evening availability", "You're worried about my evening availability."),
        ("She was worried I haven't used Epic", "You were worried that I haven't used Epic."),
        ("whether I'm willing to relocate?", "You asked whether I'm willing to relocate."),
        ("Can I work Saturdays?", "You asked whether I can work Saturdays."),
        ("Can you start in January?", "You asked, \u201cCan you start in January?\u201d"),
    ],
)  # fmt: skip
def test_a_concern_is_brought_up_as_their_question(concern: str, expected: str) -> None:
    assert wording.ask(concern) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("not sure yet", ""),
        ("TBC", ""),
        ("?", ""),
        ("A second interview.", "a second interview"),
        ("Reference checks", "reference checks"),
        ("They'll ring me on Friday.", ""),
    ],
)
def test_next_steps_that_say_nothing_are_left_out(typed: str, expected: str) -> None:
    assert wording.next_step(typed) == expected


def test_news_that_starts_with_its_verb_gets_the_company_as_subject() -> None:
    assert wording.news_clause("won Newspaper of the Year", "The Guardian") == (
        "that The Guardian won Newspaper of the Year"
    )
    assert wording.news_clause("Hargreaves & Co. turned 100 this year").startswith("that ")


def test_a_name_with_a_capital_inside_keeps_its_small_first_letter() -> None:
    assert wording.capitalize_first("eBay remains my first choice") == "eBay remains my first choice"
    assert wording.sentence("iRobot is hiring") == "iRobot is hiring."
    assert wording.sentence("acme is hiring") == "Acme is hiring."


@pytest.mark.parametrize(
    ("name", "honorific", "greet_as", "formal", "warm"),
    [
        ("Mr and Mrs Patel", "", "", "Mr and Mrs Patel", "Mr and Mrs Patel"),
        ("J.R. Hartley", "", "", "J.R. Hartley", "J.R."),
        ("SEAN O'NEILL-SMITH", "", "", "Sean O'Neill-Smith", "Sean"),
        ("Chef Marco", "", "", "Chef Marco", "Chef Marco"),
        ("Station Commander Bola Adeyemi", "", "", "Station Commander Adeyemi", "Bola"),
        ("Kim Seo-yeon", "Mr", "Kim", "Mr Kim", "Kim"),
        ("Robert Smith", "Mr", "Bob", "Bob", "Bob"),
    ],
)
def test_greetings_for_names_as_people_type_them(
    name: str, honorific: str, greet_as: str, formal: str, warm: str
) -> None:
    found = greeting(Contact(name=name, honorific=honorific, greet_as=greet_as))
    assert found is not None
    assert (found.formal, found.warm) == (formal, warm)


def test_a_name_typed_in_one_case_is_tidied_and_anything_else_is_kept() -> None:
    assert tidied("liam o'connor") == "Liam O'Connor"
    assert tidied("JAMAL HUSSAIN") == "Jamal Hussain"
    assert tidied("mcdonald") == "McDonald"
    assert tidied("Ada Lovelace") == "Ada Lovelace"
    assert tidied("{{ 7*7 }} f0q") == "{{ 7*7 }} f0q"


def test_a_fuller_answer_in_a_clause_of_its_own_is_given_as_typed() -> None:
    typed = "Three of my 14 reports are team leads; I've coached two of them"
    assert wording.reply(typed) == typed + "."
    assert wording.reply("two years under GLP") == "The short answer is two years under GLP."
    assert wording.sentence("Yes!! I can start Monday") == "Yes! I can start Monday."


def test_a_role_with_a_dash_of_its_own_keeps_one_dash_in_a_subject() -> None:
    assert short_role("Area Manager – North West") == "Area Manager, North West"
    assert short_role("RN - ICU") == "RN, ICU"
