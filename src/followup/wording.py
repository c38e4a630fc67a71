"""The one place where a person's own words are fitted into the drafts' sentences.

Templates never put user text next to punctuation by hand: they use these filters, so a company
called "Acme Inc.", a question typed with its question mark or a highlight written as a whole
sentence never doubles a full stop or breaks a sentence. ``tidy`` is the last pass over every draft.
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
        "Corp",
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
# Words that open a whole sentence a person wrote, rather than a phrase to fit into ours.
_SENTENCE_START = re.compile(
    r"^(I|I'm|I've|I'd|I'll|I’m|I’ve|I’d|I’ll|My|We|We've|We’ve|Our|They|Their|It|It's|It’s"
    r"|This|That|There|Since|After|Before|Last|Recently|Yes|No)\b"
)
_CLOSING_PUNCTUATION = ".!?\u2026"


def _text(value: Any) -> str:
    return str(value).strip()


def ends_with_abbreviation(text: str) -> bool:
    """``Acme Inc.``: the final full stop is part of the last word."""
    words = _text(text).split()
    return bool(words) and words[-1].casefold() in ABBREVIATIONS


def is_question(text: Any) -> bool:
    return _text(text).endswith("?")


def is_sentence(text: Any) -> bool:
    """Whether a person wrote whole sentences ("I led the migration.") rather than a phrase."""
    text = _text(text)
    if _SENTENCE_START.match(text) and len(text.split()) > 2:
        return True
    return bool(re.search(r"[a-z0-9][.!?] [A-Z]", text))  # two sentences or more


def end(text: Any) -> str:
    """A phrase or sentence ended as a sentence: ``Acme Inc.`` stays, ``a demo`` gets a full stop."""
    out = _text(text).rstrip(",;:\u2013\u2014- ") or _text(text)
    return out if out[-1:] in _CLOSING_PUNCTUATION else out + "."


def phrase(text: Any) -> str:
    """Text to go inside one of our sentences: no closing full stop, colon or comma of its own."""
    out = _text(text).rstrip(",;:\u2013\u2014- ")
    if out.endswith(".") and not out.endswith("...") and not ends_with_abbreviation(out):
        out = out[:-1].rstrip()
    return out or _text(text)  # punctuation alone is kept as it was typed


def sentence(text: Any) -> str:
    """A person's text as a sentence of its own: capital first letter, closing punctuation."""
    out = end(text)
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
