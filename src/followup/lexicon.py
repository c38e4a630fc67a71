"""The words the drafts' wording rules know: abbreviations, the verbs a CV line opens with, the
leads people type before a topic, and the like (``wording`` applies them)."""

from __future__ import annotations

import re

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
SENTENCE_START = re.compile(
    r"^(?:(?i:i|i'm|i've|i'd|i'll|i’m|i’ve|i’d|i’ll|we|we've|we’ve|we'll|we’ll|we're|we’re"
    r"|they|they'll|they’ll|they're|they’re|they've|they’ve|she|he|she's|he's|she'll|he'll"
    r"|you|you'll|you’ll|it's|it’s)"
    r"|My|Our|Their|It|This|That|There|Since|After|Before|Last|Recently|Yes|No)\b"
)
# Past-tense verbs a CV line often opens with ("Led the switch to ..."): a clause with its "I"
# left out, which becomes "I led the switch to ...".
CLAUSE_VERBS = frozenset(
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
        "scaled",
        "wrote",
        "published",
        "presented",
        "qualified",
        "took",
        "made",
        "gave",
        "brought",
        "kept",
        "drove",
        "held",
        "got",
        "became",
        "found",
        "began",
        "chose",
        "did",
        "met",
        "spoke",
        "went",
        "drew",
        "paid",
        "hired",
        "achieved",
        "obtained",
        "received",
        "turned",
        "opened",
    ]
)
# Past participles a CV line opens with that need "I was": "Shortlisted for ..." ->
# "I was shortlisted for ...".
PASSIVE_VERBS = frozenset(
    ["shortlisted", "appointed", "promoted", "awarded", "selected", "elected", "nominated",
     "invited", "named", "chosen", "recognised", "recognized", "commended", "featured"]
)  # fmt: skip
# -ed words that describe rather than tell what someone did ("Advanced Excel").
ADJECTIVES_IN_ED = frozenset(
    ["advanced", "experienced", "certified", "skilled", "licensed", "registered", "detailed",
     "varied", "dedicated", "talented", "based", "trained", "motivated", "organised",
     "organized", "chartered", "accredited", "qualified", "focused", "seasoned", "proven"]
)  # fmt: skip
# Words that open a phrase after a verb: "stage-managed a 12-week tour".
OBJECT_STARTS = frozenset(
    ["a", "an", "the", "my", "our", "their", "two", "three", "four", "five", "six", "over",
     "more", "new", "every", "all", "up", "out", "on", "in", "to", "from", "with", "into"]
)  # fmt: skip
# Phrases about a credential or a way of being, said as "I am ...": "AAT qualified",
# "Bilingual in French and English", "ALS instructor".
STATE_FIRST = frozenset(
    ["bilingual", "trilingual", "multilingual", "fluent", "qualified", "certified", "registered",
     "licensed", "chartered", "accredited", "dbs-checked", "security-cleared"]
)  # fmt: skip
ROLE_LAST = frozenset(
    ["holder", "instructor", "candidate", "trainer", "assessor", "member", "volunteer", "fellow",
     "ambassador", "champion", "mentor", "speaker", "examiner", "governor", "trustee", "graduate",
     "apprentice", "student", "practitioner", "first-aider", "aider"]
)  # fmt: skip
# Things one has, said as "my ...": "MSc in Sports Physiotherapy", "first aid certificate".
HELD = re.compile(
    r"(?i)^(?:MSc|BSc|MA|BA|MBA|PhD|MPhil|BEng|MEng|LLB|LLM|PGCE|NVQ|HND|HNC|diploma|degree)\b"
    r"|\b(?:certificate|certificates|licence|licences|license|licenses|qualification"
    r"|qualifications|degree|degrees|diploma|card|award|awards|paper|papers|portfolio)$"
)
# What people type before a topic that the note's own words already say.
TOPIC_LEAD = re.compile(
    r"^(?:we|i)?\s*(?:talked|spoke|chatted|discussed|covered|went over)(?:\s+(?:about|on))?\s+"
    r"|^(?:about|on|re:?)\s+",
    re.IGNORECASE,
)
# What people type before a topic in their own voice: "I mentioned my time on the ward".
FIRST_PERSON_LEAD = re.compile(
    r"(?i)^(?:i|we)\s+(?:mentioned|told (?:them|him|her|you) about|brought up|touched on"
    r"|asked about|explained)\s+(?:that\s+)?"
)
EXPERIENCE_LEAD = re.compile(r"^(?:my\s+)?experience\s+(?:with|in|of|at)\s+", re.IGNORECASE)
DURATION = re.compile(
    r"^(?:(?:over|nearly|almost|about|around)\s+)?"
    r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|several|many|a few)\+?\s+(?:years?|yrs?|months?|decades?)\b",
    re.IGNORECASE,
)
# Words that follow a name when a person typed a whole clause ("Kayla will call on Friday").
AUXILIARIES = frozenset(
    ["will", "would", "said", "says", "is", "are", "was", "were", "should", "shall", "can", "could", "may", "might", "has", "have", "had", "wants", "needs", "plans", "hopes", "promised", "mentioned"]
)
# Topics of a practical kind, which a note thanks them for explaining rather than calls
# fascinating: pay, a move, leave, the terms of the job.
PRACTICAL = re.compile(
    r"\b(salar(y|ies)|pay|paid|bonus|pension|benefits?|relocat\w*|housing|visa|notice period"
    r"|probation\w*|leave|holidays?|annual leave|start date|contract|hours|rota|shifts?"
    r"|commut\w*|parking|overtime|on-?call allowance|package|compensation|band|grade)\b",
    re.IGNORECASE,
)
# Trailing marks a phrase loses inside our sentence: exclamation marks, an ellipsis, emoji.
LOUD_END = re.compile(r"[\s!…]+$|(?<=\w)\.{2,}$|[\s\U0001F000-\U0001FFFF\u2600-\u27BF]+$")
# First words a phrase can start with in lower case ("Two years ..." -> "two years ...").
COMMON_FIRST = frozenset(
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
# Words that open a phrase and are small inside a sentence when the next word is small too.
FUNCTION_FIRST = frozenset(
    ["the", "your", "their", "our", "his", "her", "its", "this", "that", "these", "those", "how",
     "what", "why", "when", "where", "whether", "which", "who", "if", "working", "being",
     "second", "final", "reference", "references", "panel", "technical", "assessment",
     "offer", "decision", "interview", "call", "meeting", "presentation", "task", "test",
     "feedback", "background", "trial", "shift", "next", "another", "possible", "probably"]
)  # fmt: skip
# Next steps that say nothing the note could name ("not sure yet", "TBC").
VAGUE = re.compile(
    r"(?i)^(?:not sure(?: yet)?|unsure|unknown|don'?t know|no idea|tbc|tbd|n/?a|none|nothing"
    r"|not (?:yet )?(?:said|known|clear|given)|\?+|-+)\W*$"
)
CONCERN_LEAD = re.compile(
    r"(?i)^(?:(?:a|some|the|their|his|her)\s+)?(?:concerns?|worried|worries|worry|concerned|doubts?)"
    r"\s+(?:about|over|regarding|re:?|with|that)\s+"
)
LACK = re.compile(
    r"(?i)^(?:no|little|limited|not much|not enough|lack of)\s+(experience|knowledge)\s+"
    r"(with|of|in)\s+(.+)$"
)
CLOSING_PUNCTUATION = ".!?\u2026"
TRAILING = ",;:\u2013\u2014- "
# Organisations named with "the" ("the Department for Work and Pensions", "the University of
# Leeds", "the National Trust"): "<word> of/for ...", or a name that ends in a word like Trust;
# "University College London" has none.
THE_NAMES = re.compile(
    r"^(Department|Ministry|University|Office|Institute|Council|Agency|Foundation|Museum|Trust"
    r"|Board|Bank|College|School|Centre|Center|Academy|Society|Library|Hospital|Court|House"
    r"|Royal \w+|National \w+) (of|for)\b"
    r"|^[A-Z][\w&' -]*(?<!City|unty|ough|rict|Town|rish|itan) "
    r"(Trust|Institute|Foundation|Society|Council|Agency|Commission|Service)$"
)
# The legal form after a company's name, which a letterhead carries and a sentence leaves out.
LEGAL_FORM = re.compile(
    r",?\s+(GmbH & Co\.? KG|Inc\.?|Incorporated|Ltd\.?|Limited|LLC|L\.L\.C\.|LLP|PLC|plc|Plc|SE|GmbH|AG|KG"
    r"|S\.A\.|SA|S\.p\.A\.|SpA|B\.V\.|BV|N\.V\.|NV|Pty\.? Ltd\.?|Pvt\.? Ltd\.?|Co\.,? Ltd\.?"
    r"|Corp\.?|Corporation|K\.K\.|Oy|AB|AS|ASA|S\.r\.l\.|Srl|SAS|S\.A\.S\.)$"
)
