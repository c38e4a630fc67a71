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

# Abbreviations whose full stop belongs to the word, not to a sentence around it.
ABBREVIATIONS = frozenset(
    w.casefold()
    for w in [
        "Inc.",
        "Ltd.",
        "Co.",
        "Corp.",
        "Plc.",
        "LLC.",
        "L.L.C.",
        "Bros.",
        "Rep.",
        "Dept.",
        "Univ.",
        "Assn.",
        "Intl.",
        "Govt.",
        "St.",
        "Jr.",
        "Sr.",
        "Dr.",
        "Prof.",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Mx.",
        "Rev.",
        "etc.",
        "e.g.",
        "i.e.",
        "vs.",
        "approx.",
        "No.",
        "Ph.D.",
        "B.Sc.",
        "M.Sc.",
        "B.A.",
        "M.A.",
        "U.S.",
        "U.K.",
        "E.U.",
        "a.m.",
        "p.m.",
    ]
)
# Words that open a whole sentence a person wrote, rather than a phrase to fit into ours: a
# subject pronoun in any case ("they'll ring me"), or a capitalised opener ("Since then, ...").
_SENTENCE_START = re.compile(
    r"^(?:(?i:i|i'm|i've|i'd|i'll|i’m|i’ve|i’d|i’ll|we|we've|we’ve|we'll|we’ll|we're|we’re"
    r"|they|they'll|they’ll|they're|they’re|they've|they’ve|she|he|she's|he's|she'll|he'll"
    r"|you|you'll|you’ll|it's|it’s)"
    r"|My|Our|Their|It|This|That|There|Since|After|Before|Last|Recently|Yes|No)\b"
)
# Past-tense verbs a CV line often opens with ("Led the switch to ..."): a clause with its "I"
# left out, which becomes "I led the switch to ...".
_CLAUSE_VERBS = frozenset(
    [
        "led",
        "managed",
        "built",
        "ran",
        "created",
        "designed",
        "developed",
        "launched",
        "grew",
        "cut",
        "reduced",
        "increased",
        "improved",
        "delivered",
        "won",
        "taught",
        "wrote",
        "trained",
        "mentored",
        "coordinated",
        "organised",
        "organized",
        "oversaw",
        "introduced",
        "implemented",
        "set",
        "started",
        "founded",
        "passed",
        "completed",
        "gained",
        "earned",
        "finished",
        "migrated",
        "moved",
        "rebuilt",
        "redesigned",
        "established",
        "handled",
        "supported",
        "worked",
        "spent",
        "raised",
        "secured",
        "negotiated",
        "closed",
        "sold",
        "served",
        "volunteered",
        "helped",
        "joined",
        "used",
        "shipped",
        "automated",
        "scaled",
        "wrote",
        "published",
        "presented",
        "qualified",
    ]
)
# What people type before a topic that the note's own words already say.
_TOPIC_LEAD = re.compile(
    r"^(?:we|i)?\s*(?:talked|spoke|chatted|discussed|covered|went over)(?:\s+(?:about|on))?\s+"
    r"|^(?:about|on|re:?)\s+",
    re.IGNORECASE,
)
_EXPERIENCE_LEAD = re.compile(r"^(?:my\s+)?experience\s+(?:with|in|of|at)\s+", re.IGNORECASE)
_DURATION = re.compile(
    r"^(?:(?:over|nearly|almost|about|around)\s+)?"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|several|many|a few)\+?\s+(?:years?|yrs?|months?)\b",
    re.IGNORECASE,
)
# Words that follow a name when a person typed a whole clause ("Kayla will call on Friday").
_AUXILIARIES = frozenset(
    ["will", "would", "said", "says", "is", "are", "was", "were", "should", "shall", "can", "could", "may", "might", "has", "have", "had", "wants", "needs", "plans", "hopes", "promised", "mentioned"]
)
# Topics of a practical kind, which a note thanks them for explaining rather than calls
# fascinating: pay, a move, leave, the terms of the job.
_PRACTICAL = re.compile(
    r"\b(salar(y|ies)|pay|paid|bonus|pension|benefits?|relocat\w*|housing|visa|notice period"
    r"|probation\w*|leave|holidays?|annual leave|start date|contract|hours|rota|shifts?"
    r"|commut\w*|parking|overtime|on-?call allowance|package|compensation|band|grade)\b",
    re.IGNORECASE,
)
# Trailing marks a phrase loses inside our sentence: exclamation marks, an ellipsis, emoji.
_LOUD_END = re.compile(r"[\s!…]+$|(?<=\w)\.{2,}$|[\s\U0001F000-\U0001FFFF\u2600-\u27BF]+$")
# First words a phrase can start with in lower case ("Two years ..." -> "two years ...").
_COMMON_FIRST = frozenset(
    [
        "a",
        "an",
        "the",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "one",
        "several",
        "many",
        "some",
        "about",
        "around",
        "over",
        "under",
        "nearly",
        "almost",
        "just",
        "only",
        "most",
    ]
)
_CLOSING_PUNCTUATION = ".!?\u2026"
_TRAILING = ",;:\u2013\u2014- "


def _text(value: Any) -> str:
    return str(value).strip()


def ends_with_abbreviation(text: str) -> bool:
    """``Acme Inc.``: the final full stop is part of the last word."""
    words = _text(text).split()
    return bool(words) and words[-1].casefold() in ABBREVIATIONS


def is_question(text: Any) -> bool:
    return _text(text).endswith("?")


def _first_word(text: str) -> str:
    words = text.split()
    return words[0].casefold().strip(",.;:") if words else ""


def is_clause(text: Any) -> bool:
    """A CV-style line that leaves out its "I": ``Led the switch to electronic charts``."""
    return _first_word(_text(text)) in _CLAUSE_VERBS


def is_sentence(text: Any) -> bool:
    """Whether a person wrote whole sentences ("I led the migration.", "Kayla will call.")
    rather than a phrase."""
    text = _text(text)
    words = text.split()
    if _SENTENCE_START.match(text) and len(words) > 2:
        return True
    if re.match(r"(?i)(yes|no)\b", text) and len(words) > 1:
        return True
    # A name, then a verb: "Kayla will reach out", "Tom said he would call".
    if len(words) > 2 and text[:1].isupper() and words[1].casefold() in _AUXILIARIES:
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
    return out if out[-1:] in _CLOSING_PUNCTUATION else out + "."


def phrase(text: Any) -> str:
    """Text to go inside one of our sentences: no closing full stop, colon or comma of its own,
    no exclamation marks, trailing ellipsis or emoji."""
    out = _text(text)
    while (quieter := _LOUD_END.sub("", out)) != out:
        out = quieter
    out = out.rstrip(_TRAILING)
    if out.endswith(".") and not out.endswith("...") and not ends_with_abbreviation(out):
        out = out[:-1].rstrip()
    return out or _text(text)  # punctuation alone is kept as it was typed


def _capital_i(text: str) -> str:
    """``i`` on its own is ``I`` ("and i used it" -> "and I used it")."""
    return re.sub(r"(?<![\w'’])i(?=$|[\s,;:.!?'’])", "I", text)


def sentence(text: Any) -> str:
    """A person's text as a sentence of its own: capital first letter, closing punctuation."""
    out = _capital_i(end(text))
    return out[:1].upper() + out[1:]


def as_sentence(text: Any) -> str:
    """A sentence, a CV-style clause ("Led the switch" -> "I led the switch.") or a phrase."""
    text = _text(text)
    if is_clause(text) and not is_sentence(text):
        return sentence("I " + text[:1].lower() + text[1:])
    return sentence(text)


def lower_first(text: Any) -> str:
    """``Two years under GLP`` -> ``two years under GLP``; names and acronyms keep their capital,
    and a word in capitals stays as it is ("SEVEN YEARS" is not "sEVEN YEARS")."""
    out = _text(text)
    first = out.split()[0] if out.split() else ""
    if _first_word(out) in _COMMON_FIRST and first[1:] == first[1:].lower():
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
    return re.sub(pattern, swap, _text(text), flags=re.IGNORECASE)


def topic(text: Any) -> str:
    """What was discussed, as a phrase: ``We talked about the rota.`` -> ``the rota``; a clause
    ("they're redesigning onboarding") -> ``how you're redesigning onboarding``."""
    out = second_person(phrase(_TOPIC_LEAD.sub("", _text(text), count=1)))
    if re.match(r"(?i)you(\b|['’])", out):
        return "how " + out[:1].lower() + out[1:]
    return out


def is_practical(text: Any) -> bool:
    """A topic about the terms of the job (pay, a move, leave), not about the work."""
    return bool(_PRACTICAL.search(_text(text)))


def is_plural(experience_phrase: str) -> bool:
    """``my five years at X`` takes "fit", ``my experience with X`` takes "fits"."""
    return bool(_DURATION.match(experience_phrase.removeprefix("my ")))


def experience(text: Any) -> str:
    """A highlight as a noun phrase: ``my experience with X``, or ``my two years at X``."""
    out = phrase(_EXPERIENCE_LEAD.sub("", _text(text), count=1))
    if out[:3].casefold() == "my ":
        return "my " + out[3:]
    if _DURATION.match(out):
        return f"my {lower_first(out)}"
    return f"my experience with {out}"


def _has_verb(text: str) -> bool:
    """``Apple launched a new app``: a past-tense verb among the first words makes a clause."""
    return any(
        w in _CLAUSE_VERBS or (w.endswith("ed") and len(w) > 4)
        for w in (x.casefold().strip(",.") for x in text.split()[1:3])
    )


def news_clause(text: Any) -> str:
    """Company news after "I was glad to read": ``about your launch`` or ``that you won X``."""
    text = _text(text)
    if is_sentence(text) or is_clause(text) or _has_verb(text):
        clause = second_person(phrase(text))
        return f"that {lower_first(clause) if not clause.startswith('You') else 'y' + clause[1:]}"
    return f"about {second_person(phrase(text))}"


def reply(text: Any) -> str:
    """A fuller answer as the note gives it: the person's own words as a sentence, or for an
    amount or a span ("two years under GLP", "£45-50k") "The short answer is ..."."""
    text = _text(text)
    amount = re.match(r"[£$€¥₹\d]", text) or _DURATION.match(text)
    if amount or (_first_word(text) in _COMMON_FIRST and not is_sentence(text)):
        return f"The short answer is {_capital_i(lower_first(phrase(text)))}."
    return as_sentence(text)


def asked(question: Any) -> str:
    """What they asked, as the note reports it: a question in their words is quoted
    ("You asked, “Can you do nights?”"); one in the candidate's own words ("whether I'm willing
    to relocate?") is reported ("You asked whether I'm willing to relocate.")."""
    text = _text(question)
    first = _first_word(text)
    own_words = re.search(r"(?i)\b(I|I'm|I’m|I've|I’ve|my|me)\b", text)
    if first in ("whether", "if", "how", "what", "why", "when", "where", "who", "which") and (
        own_words or first in ("whether", "if")
    ):
        return f"You asked {text[:1].lower()}{phrase(text.rstrip('?'))[1:]}."
    return f"You asked, \u201c{text}\u201d"


def capitalize_first(text: Any) -> str:
    """``the Department for ...`` at the start of a sentence: ``The Department for ...``."""
    out = _text(text)
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
