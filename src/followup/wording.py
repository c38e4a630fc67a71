"""The one place where a person's own words are fitted into the drafts' sentences.

Templates never put user text next to punctuation by hand: they use these filters, so a company
called "Acme Inc.", a question typed with its question mark, a highlight written as a whole
sentence or a topic typed as "We talked about ..." never doubles a full stop or breaks a sentence.
People answer the form in phrases or in sentences; ``shape`` tells which, and the templates pick a
frame that fits each.
"""

from __future__ import annotations

import re
from typing import Any

from . import lexicon


def _text(value: Any) -> str:
    """The text as typed, without the spaces around it or a list's bullet ("- led ...")."""
    return re.sub(r"^(?:[-*•–]\s+)+", "", str(value).strip())


def ends_with_abbreviation(text: str) -> bool:
    """``Acme Inc.``: the final full stop is part of the last word."""
    words = _text(text).split()
    return bool(words) and words[-1].casefold() in lexicon.ABBREVIATIONS


def is_question(text: Any) -> bool:
    return _text(text).endswith("?")


def _first_word(text: str) -> str:
    words = text.split()
    return words[0].casefold().strip(",.;:") if words else ""


def is_clause(text: Any) -> bool:
    """A CV-style line that leaves out its "I": ``Led the switch to electronic charts``,
    ``Stage-managed a 12-week tour``, ``Shortlisted for an award``."""
    words = _text(text).split()
    first = _first_word(_text(text))
    if first in lexicon.CLAUSE_VERBS or first in lexicon.PASSIVE_VERBS:
        return True
    # Any other past tense, followed by what it acted on: "stage-managed a tour".
    last = first.rsplit("-", 1)[-1]
    return (
        len(words) > 1
        and last.endswith("ed")
        and len(last) > 4
        and last not in lexicon.ADJECTIVES_IN_ED
        and words[1].casefold() in lexicon.OBJECT_STARTS
    )


def is_sentence(text: Any) -> bool:
    """Whether a person wrote whole sentences ("I led the migration.", "Kayla will call.")
    rather than a phrase."""
    text = _text(text)
    words = text.split()
    if lexicon.SENTENCE_START.match(text) and len(words) > 2:
        return True
    if re.match(r"(?i)(yes|no)\b", text) and len(words) > 1:
        return True
    # A name, then a verb: "Kayla will reach out", "Tom said he would call".
    if len(words) > 2 and text[:1].isupper() and words[1].casefold() in lexicon.AUXILIARIES:
        return True
    return bool(re.search(r"[a-z0-9][.!?] [A-Z]", text))  # two sentences or more


def shape(text: Any) -> str:
    """How a person wrote an answer: ``question``, ``sentence``, ``clause`` or ``phrase``."""
    if is_question(text):
        return "question"
    if is_sentence(text):
        return "sentence"
    return "clause" if is_clause(text) else "phrase"


def end(text: Any) -> str:
    """A phrase or sentence ended as a sentence: ``Acme Inc.`` stays, ``a demo`` gets a full stop."""
    typed = _text(text)
    words = typed.split()
    # Punctuation the person typed as a word of its own (",,") is theirs: only a stray mark
    # at the end of a word goes.
    out = typed if words and not any(c.isalnum() for c in words[-1]) else typed.rstrip(",;: ")
    return out if out[-1:] in lexicon.CLOSING_PUNCTUATION else out + "."


def phrase(text: Any) -> str:
    """Text to go inside one of our sentences: no closing full stop, colon or comma of its own,
    no exclamation marks, trailing ellipsis or emoji."""
    out = _text(text)
    while (quieter := lexicon.LOUD_END.sub("", out)) != out:
        out = quieter
    out = out.rstrip(lexicon.TRAILING)
    if out.endswith(".") and not out.endswith("...") and not ends_with_abbreviation(out):
        out = out[:-1].rstrip()
    return out or _text(text)  # punctuation alone is kept as it was typed


def _capital_i(text: str) -> str:
    """``i`` on its own is ``I`` ("and i used it" -> "and I used it")."""
    return re.sub(r"(?<![\w'’])i(?=$|[\s,;:.!?'’])", "I", text)


def sentence(text: Any) -> str:
    """A person's text as a sentence of its own: capital first letter, closing punctuation, one
    exclamation or question mark where they typed several ("Yes!!" -> "Yes!")."""
    return capitalize_first(_capital_i(re.sub(r"([!?])\1+", r"\1", end(text))))


def as_sentence(text: Any) -> str:
    """A sentence, a CV-style clause ("Led the switch" -> "I led the switch.") or a phrase."""
    text = _text(text)
    if is_clause(text) and not is_sentence(text):
        was = "I was " if _first_word(text) in lexicon.PASSIVE_VERBS else "I "
        return sentence(was + text[:1].lower() + text[1:])
    return sentence(text)


def credential(text: Any) -> str:
    """A highlight that says what the candidate is, as a sentence ("AAT qualified" -> "I am AAT
    qualified.", "ALS instructor" -> "I am an ALS instructor."); empty for any other."""
    out = phrase(_text(text))
    words = out.split()
    if not words or is_sentence(out) or is_clause(out):
        return ""
    first, last = words[0].casefold(), words[-1].casefold()
    if first in lexicon.STATE_FIRST or (len(words) <= 3 and last in lexicon.STATE_FIRST):
        return f"I am {out[:1].lower() + out[1:] if first in lexicon.STATE_FIRST else out}."
    if last in lexicon.ROLE_LAST and first not in ("a", "an", "the", "my"):
        return f"I am {article(words[0])} {out}."
    return ""


def article(word: str) -> str:
    """``a`` or ``an`` before ``word`` as it is said: "an ALS", "a CFA", "an eye"."""
    if len(word) > 1 and word.isupper():
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    return "an" if word[:1].casefold() in "aeio" else "a"


def lower_first(text: Any) -> str:
    """``Two years under GLP`` -> ``two years under GLP``; names and acronyms keep their capital,
    and a word in capitals stays as it is ("SEVEN YEARS" is not "sEVEN YEARS"). A word such as
    "The" or "Your" before a word in small letters goes small too ("The new rota" -> "the new
    rota", but "The Guardian" stays)."""
    out = _text(text)
    words = out.split()
    first = words[0] if words else ""
    if first[1:] != first[1:].lower():
        return out
    following = words[1] if len(words) > 1 else ""
    first_word = _first_word(out)
    if (first_word in lexicon.COMMON_FIRST or first_word in lexicon.FUNCTION_FIRST) and (
        not following[:1].isupper()
    ):
        return out[:1].lower() + out[1:]
    return out


def second_person(text: Any) -> str:
    """A note speaks to its reader: ``how they test it`` -> ``how you test it``.

    Only "they/their" that open the text or follow a question word or "and" change, so "how the
    team tests their pipelines" stays as typed.
    """
    swaps = {"they": "you", "their": "your", "theirs": "yours", "themselves": "yourselves"}
    swaps |= {"she": "you", "he": "you", "his": "your", "herself": "yourself", "himself": "yourself"}
    swaps |= {f"they{end}": f"you{end}" for end in ("'re", "’re", "'ve", "’ve", "'ll", "’ll")}
    swaps |= {f"{p}{end}": f"you{end}" for p in ("she", "he") for end in ("'s", "’s", "'ll", "’ll")}

    def swap(match: re.Match[str]) -> str:
        word = match.group(2)
        new = swaps[word.casefold()]
        return match.group(1) + (new.capitalize() if word[0].isupper() else new)

    pattern = (
        r"(^|\b(?:why|how|what|where|when|whether|that|and|if)\s+)"
        r"(they(?:['’](?:re|ve|ll))?|their|theirs|themselves|(?:she|he)(?:['’](?:s|ll))?|his"
        r"|herself|himself)\b"
    )
    out = re.sub(pattern, swap, _text(text), flags=re.IGNORECASE)
    # The verb that went with "he" or "she" now goes with "you": "You was" -> "You were".
    agree = {"'s": "'re", "’s": "’re", " was": " were", " is": " are", " has": " have",
             " wasn't": " weren't", " isn't": " aren't", " hasn't": " haven't",
             " doesn't": " don't", " does": " do", " seems": " seem", " wants": " want",
             " thinks": " think", " feels": " feel", " wonders": " wonder", " worries": " worry",
             " needs": " need", " asks": " ask"}  # fmt: skip
    return re.sub(
        r"(?i)\b(you)('s|’s| was| is| has| wasn't| isn't| hasn't| doesn't| does| seems| wants"
        r"| thinks| feels| wonders| worries| needs| asks)\b",
        lambda m: m.group(1) + agree[m.group(2).casefold()],
        out,
    )


def topic(text: Any) -> str:
    """What was discussed, as a phrase: ``We talked about the rota.`` -> ``the rota``; a clause
    ("they're redesigning onboarding") -> ``how you're redesigning onboarding``; a question
    ("how do you measure impact?") -> ``how you measure impact``."""
    out = lexicon.FIRST_PERSON_LEAD.sub("", _text(text), count=1)
    out = lexicon.TOPIC_LEAD.sub("", out, count=1)
    out = re.sub(r"(?i)^(how|what|why|where|when|which)\s+(?:do|does|did)\s+", r"\1 ", out)
    out = second_person(phrase(out.rstrip("?").rstrip()))
    if re.match(r"(?i)you(\b|['’])", out):
        return "how " + out[:1].lower() + out[1:]
    return lower_first(out)


def is_practical(text: Any) -> bool:
    """A topic about the terms of the job (pay, a move, leave), not about the work."""
    return bool(lexicon.PRACTICAL.search(_text(text)))


def is_plural(experience_phrase: str) -> bool:
    """``my five years at X`` and ``my truck licences`` take "fit", ``my experience with X``
    and ``my decade in retail`` take "fits"."""
    rest = experience_phrase.removeprefix("my ").removeprefix("more than ")
    duration = lexicon.DURATION.match(rest)
    if duration:
        return duration.group(0).casefold().endswith("s")  # "five years", not "a decade"
    held = lexicon.HELD.search(rest)
    return held is not None and held.group(0).casefold().endswith("s")


def highlight(text: Any) -> dict[str, Any]:
    """A highlight in the forms a thank-you uses: a noun phrase (``experience``, with whether it
    takes "fit" or "fits"), or a sentence of its own (a clause, a sentence, or what the candidate
    is: ``credential``)."""
    if not _text(text):
        return {"experience": "", "credential": False, "experience_plural": False,
                "experience_sentence": ""}  # fmt: skip
    claim = credential(text)
    phrase_ = experience(text)
    return {
        "experience": "" if claim else phrase_,
        "credential": bool(claim),
        "experience_plural": is_plural(phrase_),
        "experience_sentence": as_sentence(text) if is_sentence(text) or is_clause(text) else claim,
    }


def experience(text: Any) -> str:
    """A highlight as a noun phrase: ``my experience with X``, or ``my two years at X``."""
    out = phrase(lexicon.EXPERIENCE_LEAD.sub("", _text(text), count=1))
    if out[:3].casefold() == "my ":
        return "my " + out[3:]
    if re.match(r"(?i)an? \w", out) and not re.match(r"(?i)a few\b", out):
        return "my " + out.split(" ", 1)[1]  # "a decade in retail", "an eye for detail"
    if lexicon.DURATION.match(out):
        # "over ten years" -> "my more than ten years"; "about ten years" -> "my ten years"
        out = re.sub(r"(?i)^over\s+", "more than ", out)
        return f"my {lower_first(re.sub(r'(?i)^(?:about|around)\s+', '', out))}"
    if lexicon.HELD.search(out):
        return f"my {lower_first(out)}"
    return f"my experience with {out}"


def _has_verb(text: str) -> bool:
    """``Apple launched a new app``, ``Hargreaves & Co. turned 100``: a past-tense verb among
    the first words makes a clause."""
    return any(
        w in lexicon.CLAUSE_VERBS or (w.endswith("ed") and len(w) > 4 and w not in lexicon.ADJECTIVES_IN_ED)
        for w in (x.casefold().strip(",.") for x in text.split()[1:5])
    )


def news_clause(text: Any, org: str = "") -> str:
    """Company news after "I was glad to read": ``about your launch`` or ``that you won X``;
    news that starts with its verb gets the company as its subject ("won an award" -> "that
    Acme won an award")."""
    text = _text(text)
    if org and is_clause(text) and not is_sentence(text):
        return f"that {org} {phrase(text)[:1].lower()}{phrase(text)[1:]}"
    if is_sentence(text) or is_clause(text) or _has_verb(text):
        clause = second_person(phrase(text))
        return f"that {lower_first(clause) if not clause.startswith('You') else 'y' + clause[1:]}"
    return f"about {second_person(phrase(text))}"


def reply(text: Any) -> str:
    """A fuller answer as the note gives it: the person's own words as a sentence, or for an
    amount or a span ("two years under GLP", "£45-50k") "The short answer is ..."."""
    text = _text(text)
    amount = re.match(r"[£$€¥₹\d]", text) or lexicon.DURATION.match(text)
    # A clause of its own ("Three of my reports are team leads; ...") is given as typed.
    own_clause = ";" in text or re.search(r"(?i)\b(are|is|was|were|have|has|had|can|will)\b", text)
    if not own_clause and (
        amount or (_first_word(text) in lexicon.COMMON_FIRST and not is_sentence(text))
    ):
        return f"The short answer is {_capital_i(lower_first(phrase(text)))}."
    return as_sentence(text)


def asked(question: Any) -> str:
    """What they asked, as the note reports it: a question in their words is quoted
    ("You asked, “Can you do nights?”"); one in the candidate's own words ("whether I'm willing
    to relocate?") is reported ("You asked whether I'm willing to relocate.")."""
    text = _text(question)
    first = _first_word(text)
    # "Can I work Saturdays?" in the candidate's words: "whether I can work Saturdays".
    inverted = re.match(
        r"(?i)(can|could|would|will|am|have|do|did|should)\s+I\s+(.+?)\?*$", text
    )
    if inverted:
        verb = inverted.group(1).casefold()
        verb = "" if verb in ("do", "did") else ("am " if verb == "am" else verb + " ")
        return f"You asked whether I {verb}{phrase(_capital_i(inverted.group(2)))}."
    own_words = re.search(r"(?i)\b(I|I'm|I’m|I've|I’ve|my|me)\b", text)
    if first in ("whether", "if", "how", "what", "why", "when", "where", "who", "which") and (
        own_words or first in ("whether", "if")
    ):
        return f"You asked {text[:1].lower()}{phrase(text.rstrip('?'))[1:]}."
    return f"You asked, \u201c{text}\u201d"


def ask(question: Any) -> str:
    """A concern as the note brings it up: a question reported (``asked``), a sentence as typed
    and spoken to its reader, a note such as "Concern about my lack of X" or "No experience
    with X" as "You asked about my lack of X" / "You asked about my experience with X"."""
    text = _text(question)
    if is_question(text):
        return asked(text)
    text = lexicon.CONCERN_LEAD.sub("", text, count=1)
    lack = lexicon.LACK.match(text)
    if lack and not re.search(r"[.!?] [A-Z]", text):
        return f"You asked about my {lack.group(1).casefold()} {lack.group(2)} {phrase(lack.group(3))}."
    if is_sentence(text):
        # "She was worried I haven't ..." -> "You were worried that I haven't ..."
        spoken = re.sub(r"(?i)\b(worried|concerned|unsure|not sure)\s+(?=I\b)", r"\1 that ", text)
        return sentence(second_person(spoken))
    return f"You asked about {second_person(phrase(text))}."


def next_step(text: Any) -> str:
    """What comes next, to close a sentence ("..., a second interview"); empty when it says
    nothing ("not sure yet") or is a sentence of its own."""
    out = _text(text)
    if not out or lexicon.VAGUE.match(out) or is_sentence(out):
        return ""
    return lower_first(phrase(out))


def capitalize_first(text: Any) -> str:
    """``the Department for ...`` at the start of a sentence: ``The Department for ...``; a
    name spelled with a capital inside ("eBay", "iRobot") keeps its small first letter."""
    out = _text(text)
    first = out.split()[0] if out.split() else ""
    if any(c.isupper() for c in first[1:]) and first[:1].islower():
        return out
    return out[:1].upper() + out[1:]


def join_and(items: Any) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    words = [phrase(i) for i in items]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def possessive(name: Any) -> str:
    """``Acme's``, but ``Northwind Traders'``."""
    name = phrase(name)
    return f"{name}'" if name.endswith(("s", "S")) else f"{name}'s"


def words(text: str) -> int:
    return len(text.split())


def tidy(text: str) -> str:
    """Trailing spaces off, at most one blank line in a row, no blank edges.

    Punctuation is not repaired here: the filters above fit a person's words into sentences, and
    the review flags any slip that remains (a repair here would also change what they typed).
    """
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
