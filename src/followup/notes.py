"""Reading a note as its recipient would: its core, its sentences, and how alike two notes are.

The review uses these on drafts the engine wrote and on drafts a person edited, so nothing here
assumes the engine's own layout beyond a greeting line and a sign-off.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .render import Draft

# Abbreviations that come before a name or a word and so never end a sentence ("St. Mary's");
# "Acme Inc." can end one.
_BEFORE_A_NAME = {"st.", "dr.", "mr.", "mrs.", "ms.", "mx.", "prof.", "rev.", "e.g.", "i.e.", "vs."}
# Two sentences this alike (after names are taken out) count as the same sentence.
ALIKE = 0.9
_GREETING = re.compile(r"^(dear|hi|hello|hey|good (morning|afternoon))\b.*,\s*$", re.IGNORECASE)
_SIGN_OFF = re.compile(
    r"^(kind regards|best regards|regards|best wishes|warm wishes|with best wishes|best|thanks"
    r"|thank you|many thanks|yours sincerely|yours faithfully|sincerely|cheers|all the best)"
    r"[,.!]?\s*$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?\u201d])\s+(?=[A-Z\u201c\"'(\d-])")


def words(text: str) -> int:
    return len(text.split())


def core(body: str) -> str:
    """A note without its letter heading, greeting and sign-off: what the recipient reads."""
    lines = body.split("\n")
    start = next((i + 1 for i, line in enumerate(lines[:12]) if _GREETING.match(line)), 0)
    end = next(
        (i for i in range(len(lines) - 1, start - 1, -1) if _SIGN_OFF.match(lines[i].strip())),
        len(lines),
    )
    kept = [line for line in lines[start:end]]
    # No sign-off (a LinkedIn note): a last short line without a full stop is the signature.
    if end == len(lines) and kept and len(kept[-1].split()) <= 4 and kept[-1][-1:] not in ".!?":
        kept = kept[:-1]
    return "\n".join(kept).strip()


def sentences(text: str) -> list[str]:
    """The sentences of a text; a list item or a line of its own counts as one.

    A full stop after a title or "e.g." ("St. Mary's", "Dr. Ng") ends nothing.
    """
    out: list[str] = []
    for line in text.split("\n"):
        joined: list[str] = []
        for piece in _SENTENCE_END.split(line.strip()):
            if not piece.strip():
                continue
            if joined and joined[-1].split()[-1].casefold() in _BEFORE_A_NAME:
                joined[-1] = f"{joined[-1]} {piece.strip()}"
            else:
                joined.append(piece.strip())
        out += joined
    return out


def name_parts(name: str, greeting: str = "") -> list[str]:
    """The words that name a person, in their name and in the greeting that addresses them."""
    greeted = re.sub(r"^(dear|hi|hello|hey)\s+|,\s*$", "", greeting, flags=re.IGNORECASE)
    parts = [*name.split(), *greeted.split()]
    return sorted({p.strip(".,") for p in parts if len(p.strip(".,")) > 1}, key=len, reverse=True)


def _normal(sentence: str, names: list[str]) -> str:
    for name in names:
        sentence = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", "\u2022", sentence)
    return re.sub(r"[^\w\u2022]+", " ", sentence).strip().casefold()


def alike(first: str, second: str) -> float:
    """How alike two sentences are: the words they share (counted with repeats), as a share of
    all their words (Dice's coefficient). One word changed in ten: 0.9."""
    a, b = first.split(), second.split()
    if not a or not b:
        return 0.0
    rest = list(b)
    common = 0
    for word in a:
        if word in rest:
            rest.remove(word)
            common += 1
    return 2 * common / (len(a) + len(b))


def comparable(draft: Draft) -> str:
    """A note's core with its recipient's names taken out, to compare notes fairly."""
    names = name_parts(draft.to.name, draft.greeting)
    return " ".join(_normal(s, names) for s in sentences(core(draft.body)))


def overlap(a: Draft, b: Draft) -> tuple[int, int]:
    """How many sentences of the shorter note the other note also has, near enough word for word.

    Returns (shared, sentences in the shorter note). Names are taken out first, so "Thank you,
    Grace" and "Thank you, Alan" are the same sentence.
    """
    first = [_normal(s, name_parts(a.to.name, a.greeting)) for s in sentences(core(a.body))]
    second = [_normal(s, name_parts(b.to.name, b.greeting)) for s in sentences(core(b.body))]
    if len(second) < len(first):
        first, second = second, first
    shared = sum(1 for s in first if any(s == t or alike(s, t) >= ALIKE for t in second))
    return shared, len(first)


# Slips that only joining text makes: a doubled full stop ("Inc.."), punctuation after a question
# mark ("manager?:"), a colon with nothing after it, a space before a comma.
_SLIPS = re.compile(
    r"(?<![.\u2026])\.\.(?=\s|$)|[?!][.,:;](?=\s|$)|[,;:]\.(?=\s|$)|(?<=\w) [,.;:](?=\s|$)"
    r"|:[ \t]*(?=\n\s*\n(?!\s*[-*\u2022]))|:[ \t]*\Z",
)


def punctuation_slip(text: str) -> str:
    """The first slip in ``text`` with a few characters around it, or an empty string."""
    found = _SLIPS.search(text)
    if not found:
        return ""
    start, end = max(found.start() - 12, 0), min(found.end() + 2, len(text))
    return " ".join(text[start:end].split())
