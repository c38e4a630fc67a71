"""The people a candidate writes to: their names read as a careful person would, and greetings.

A greeting never consists of an honorific or a particle alone ("Hi Dr.,", "Hi van,"). Formal
greetings use an honorific and the family name when one is known ("Dear Ms Okafor"), else the
full name; warm and brief ones use the given name. Names are read by rules that fit most names
written in the Western order; "greet as" overrides them for the rest, and the worksheet shows
every greeting beside the person so it can be checked.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .wording import phrase

if TYPE_CHECKING:  # model reads names with this module when it validates them
    from .model import Contact

# Honorifics that may open a name as written ("Dr. Jane Smith"), mapped to how they are written
# when the greeting is ours. A person's own spelling ("Dr.") is kept when they wrote it.
_TITLES = {
    "mr": "Mr",
    "mrs": "Mrs",
    "ms": "Ms",
    "miss": "Miss",
    "mx": "Mx",
    "dr": "Dr",
    "doctor": "Dr",
    "prof": "Prof",
    "professor": "Prof",
    "rev": "Rev",
    "revd": "Revd",
    "reverend": "Reverend",
    "fr": "Fr",
    "father": "Father",
    "sister": "Sister",
    "rabbi": "Rabbi",
    "imam": "Imam",
    "sir": "Sir",
    "dame": "Dame",
    "lady": "Lady",
    "lord": "Lord",
    "hon": "Hon",
    "cllr": "Cllr",
    "capt": "Capt",
    "captain": "Captain",
    "engr": "Engr",
    "chief": "Chief",
    "alhaji": "Alhaji",
    "alhaja": "Alhaja",
    "pastor": "Pastor",
    "barr": "Barr",
    "arc": "Arc",
    "sheikh": "Sheikh",
    "baroness": "Baroness",
    "baron": "Baron",
    "countess": "Countess",
    "earl": "Earl",
    "viscount": "Viscount",
    "duke": "Duke",
    "duchess": "Duchess",
    # Ranks and callings people are addressed by ("Chef Marco", "Sergeant Ali").
    "chef": "Chef",
    "sergeant": "Sergeant",
    "sgt": "Sgt",
    "inspector": "Inspector",
    "commander": "Commander",
    "major": "Major",
    "colonel": "Colonel",
    "lieutenant": "Lieutenant",
    "judge": "Judge",
    "brother": "Brother",
}
# The first word of a two-word rank ("Station Commander Adeyemi", "Watch Manager Sam Lee").
_RANK_FIRSTS = {"station", "watch", "crew", "group", "area", "brigade", "chief", "wing", "squadron"}
_RANK_SECONDS = {"commander", "manager", "officer", "superintendent", "inspector", "constable"}
# Titles that go with a given name rather than a family name ("Sir Tim", "Dame Judi"); a peer
# is greeted by title and name even when the note is warm ("Hi Baroness" names no one).
_GIVEN_NAME_TITLES = {"Sir", "Dame"}
_PEERS = {"Baroness", "Baron", "Countess", "Earl", "Viscount", "Duke", "Duchess", "Lord", "Lady"}
# Letters after a name, left out of a greeting ("Jane Smith, PhD" is "Dear Dr Smith" or "Jane").
_SUFFIXES = {
    "jr", "sr", "ii", "iii", "iv", "phd", "ph.d", "dphil", "md", "m.d", "mba", "msc", "bsc",
    "ma", "ba", "esq", "obe", "mbe", "cbe", "kc", "qc", "frs", "ceng", "cpa", "pe",
}  # fmt: skip
# Lower-case words that belong to the family name that follows them ("van Beethoven").
_PARTICLES = {
    "van", "von", "de", "der", "den", "del", "della", "des", "di", "da", "do", "dos", "das",
    "du", "la", "le", "ter", "ten", "te", "vom", "zum", "zur", "zu", "af", "av", "bin",
    "binti", "bint", "ibn", "al", "el", "y", "e", "mac", "ap",
}  # fmt: skip
# The same, written with a capital after a given name ("Marco Di Stefano", "Siobhán Ní
# Bhriain"): never the first word, which is a given name ("Van Morrison").
_CAPITAL_PARTICLES = {
    "Van", "Von", "De", "Der", "Den", "Del", "Della", "Des", "Di", "Da", "Du", "La", "Le",
    "Dos", "Das", "Ní", "Nic", "Ó", "Ua", "Mac", "Al", "El", "Bin", "Binti", "Ter", "Ten",
}  # fmt: skip
# Compound given names: a first name that often pairs with a second ("María José", "Jean
# Pierre", "Mary Ann"), and only when the second is itself a given name (so "Maria Garcia Lopez"
# keeps "Maria" alone).
_COMPOUND_STARTS = {
    "maría", "maria", "josé", "jose", "juan", "ana", "luis", "josep", "joão", "joao",
    "jean", "marie", "anne", "mary", "sarah", "anna", "karl", "hans", "jan", "pier",
}  # fmt: skip
_COMPOUND_SECONDS = {
    "josé", "jose", "luis", "carlos", "maría", "maria", "pilar", "carmen", "teresa", "isabel",
    "elena", "pierre", "paul", "marie", "claude", "luc", "louis", "ann", "anne", "jane", "beth",
    "lou", "kay", "sue", "ellen", "grace", "rose", "louise", "antonio", "manuel", "miguel",
    "jesús", "eduardo", "fernanda", "eugenia", "sofia", "paula", "lucía", "lucia", "cristina",
    "victoria", "clara", "laura", "pablo", "ignacio", "francisco", "javier", "andrés", "david",
    "daniel", "heinz", "peter", "michel", "baptiste", "françois", "philippe", "marc", "pedro",
}  # fmt: skip


# Family names that often come first in the name as written (Chinese, Japanese, Korean and
# Vietnamese order): "Tanaka Hiroshi". Which order a person uses can't be told from the name,
# so the review asks the candidate to check the greeting instead of guessing.
FAMILY_FIRST = frozenset(
    ["wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin", "gao", "luo", "zheng", "liang", "xie", "tang", "song", "xu", "han", "deng", "feng", "cao", "zeng", "peng", "xiao", "cai", "pan", "tian", "dong", "yuan", "kim", "lee", "park", "choi", "jung", "jeong", "kang", "cho", "yoon", "jang", "lim", "han", "oh", "seo", "shin", "kwon", "hwang", "ahn", "jeon", "hong", "sato", "suzuki", "takahashi", "tanaka", "watanabe", "ito", "yamamoto", "nakamura", "kobayashi", "kato", "yoshida", "yamada", "sasaki", "yamaguchi", "matsumoto", "inoue", "kimura", "hayashi", "shimizu", "mori", "abe", "nguyen", "tran", "pham", "hoang", "phan", "vu", "vo", "dang", "bui", "ngo", "duong", "ly"]
)


@dataclass(frozen=True)
class Name:
    """A name as written, read into its parts; any part may be empty."""

    written: str
    title: str  # as written in the name, e.g. "Dr." or "Prof"
    given: str
    family: str
    plain: str  # the whole name without its title or the letters after it


def _key(word: str) -> str:
    return word.casefold().rstrip(".,")


def _plain_key(word: str) -> str:
    """``Nguyễn`` -> ``nguyen``: the key without its accents."""
    decomposed = unicodedata.normalize("NFKD", _key(word).replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _symbols_only(word: str) -> bool:
    return all(unicodedata.category(c).startswith("S") for c in word)


def _tidy_case(word: str) -> str:
    """A name typed all in capitals or all in small letters ("HARGREAVES", "mick"), as it is
    written on a letter: "Hargreaves", "Mick". Particles keep their small letters."""
    if word in _PARTICLES or word.casefold() == "and" or not any(c.isalpha() for c in word):
        return word
    if word.islower() or (word.isupper() and len(word) > 2):
        # Each run of letters: "O'NEILL-SMITH" -> "O'Neill-Smith", "J.R." stays, "mcdonald" ->
        # "McDonald".
        out = re.sub(r"[^\W\d_]+", lambda m: m.group(0)[:1].upper() + m.group(0)[1:].lower(), word)
        return re.sub(r"^Mc([a-z])(?=[a-z]{2})", lambda m: "Mc" + m.group(1).upper(), out)
    return word


def tidied(written: str) -> str:
    """A name as written, with the case of words typed all in capitals or small letters tidied:
    "JAMAL HUSSAIN" -> "Jamal Hussain". Text that is not only words of letters stays as typed."""
    words = written.split()
    if not all(re.fullmatch(r"[^\W\d_]+(?:['’.-][^\W\d_]*)*|&", w) for w in words):
        return written
    return " ".join(_tidy_case(w) for w in words)


def _family_first(written: str) -> bool:
    """A name whose first word is a common family name of the family-first order."""
    words = written.split()
    return 2 <= len(words) <= 3 and _plain_key(words[0]) in FAMILY_FIRST


def may_be_family_first(person: Contact) -> bool:
    """A name that may put the family name first, with no "greet as" to say how the person is
    addressed."""
    return not person.greet_as and _family_first(person.name)


@functools.lru_cache(maxsize=512)
def read_name(written: str) -> Name:
    """Split ``Dr. María José García López, PhD`` into title, given and family names."""
    # Emoji and other symbols are no part of a name to greet, unless there is nothing else.
    words = [
        _tidy_case(w)
        for w in written.replace(",", " , ").split()
        if not _symbols_only(w) and not (w.startswith("(") and w.endswith(")"))  # "(Mrs)"
    ]
    while words and words[0] == ",":
        words = words[1:]
    if not words:
        return Name(written, "", written.strip(), "", written.strip())
    title = ""
    if (
        len(words) > 2
        and _key(words[0]) in _RANK_FIRSTS
        and _key(words[1]) in _RANK_SECONDS
    ):
        title, words = f"{words[0]} {words[1]}", words[2:]
    while words and _key(words[0]) in _TITLES:
        title = title or words[0]
        words = words[1:]
    if "," in words:  # "Smith, PhD": what follows a comma is letters after the name
        words = words[: words.index(",")]
    while len(words) > 1 and _key(words[-1]) in _SUFFIXES:
        words = words[:-1]
    plain = " ".join(words)
    if len(words) <= 1:
        # One name: with a title it is a family name ("Dr Ng"), alone it may be either.
        return Name(written, title, "" if title else plain, plain if title else "", plain)
    start = len(words) - 1
    while start > 0 and (
        words[start - 1] in _PARTICLES or (start > 1 and words[start - 1] in _CAPITAL_PARTICLES)
    ):
        start -= 1
    given_words = words[:start]
    if (
        len(given_words) >= 2
        and _key(given_words[0]) in _COMPOUND_STARTS
        and _key(given_words[1]) in _COMPOUND_SECONDS
    ):
        given_words = given_words[:2]
        start = 2
    elif given_words:
        given_words = given_words[:1]
    # A lower-case first word is a particle with no given name before it ("van Dijk").
    if given_words and given_words[0] in _PARTICLES:
        return Name(written, title, "", plain, plain)
    family = " ".join(words[start:])
    return Name(written, title, " ".join(given_words), family, plain)


@dataclass(frozen=True)
class Greeting:
    """How one person is named: at the top of a formal note, a warm one, and in full."""

    formal: str  # "Ms Okafor", or "Grace Hopper" when no honorific is known
    warm: str  # "Grace"
    full: str  # "Ms Grace Hopper": the name with its honorific, for a letter's address

    def for_tone(self, tone: str) -> str:
        return self.formal if tone == "formal" else self.warm


@functools.lru_cache(maxsize=512)  # a render asks for each person's many times
def greeting(person: Contact) -> Greeting | None:
    """The names a note uses for ``person``; None when no name is given, or only a title."""
    name = read_name(person.name.strip())
    if not name.plain:
        return None
    override = phrase(person.greet_as)
    words = name.written.split()
    if any(w.casefold() in ("and", "&") for w in words[1:-1]):
        # Two people ("Mr and Mrs Patel"): greeted as written, in either tone.
        both = override or tidied(name.written)
        return Greeting(both, both, tidied(name.written))
    if (
        override
        and person.honorific
        and _family_first(person.name)
        and _key(override) == _key(words[0])
    ):
        # The family name of a name written family first, with its honorific: "Mr Kim".
        return Greeting(f"{person.honorific} {override}", override, f"{person.honorific} {name.plain}")
    title = person.honorific or name.title
    bare = name.plain
    if title and name.family and title.rstrip(".") not in _GIVEN_NAME_TITLES:
        formal = f"{title} {name.family}"
    elif title and title.rstrip(".") in _GIVEN_NAME_TITLES and name.given:
        formal = f"{title} {name.given}"
    else:
        formal = f"{title} {bare}" if title else bare
    warm = formal if title.rstrip(".") in _PEERS else (name.given or formal)
    full = f"{person.honorific} {bare}" if person.honorific else tidied(name.written)
    return Greeting(override or formal, override or warm, full)


def first_line(tone: str, person_name: str) -> str:
    """The greeting line of a note: ``Dear Ms Okafor,`` or ``Hi Grace,``."""
    opener = "Dear" if tone == "formal" else "Hi"
    return f"{opener} {person_name},"


_TITLE_WORDS = "|".join(sorted({*_TITLES, *(t.casefold() for t in _TITLES.values())}, key=len))
# A greeting that names no one: only a title, a particle or an initial ("Hi Dr.,", "Hi van,").
TITLE_ONLY = re.compile(
    rf"^(?:Dear|Hi|Hello|Hey)\s+(?:(?i:{_TITLE_WORDS})\.?|{'|'.join(sorted(_PARTICLES))}"
    r"|[A-Z]\.?)\s*,",
    re.MULTILINE,
)
