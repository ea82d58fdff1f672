"""What a TIMEX normaliser may know besides its match: the word lists, the publication date,
the last resolved date (for anaphora) and the tense of the verb governing the expression.

Why spaCy here: a weekday or a month without a year is resolved in the direction of the verb
("on Monday" said -> the previous Monday, will -> the next); the dependency parse finds that verb.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from importlib import resources
from typing import Optional

from . import timex_norm as tn

@lru_cache(maxsize=1)
def lexicon() -> dict:
    with resources.files("chronicle.data").joinpath("timex_lexicon.json").open(encoding="utf-8") as fh:
        return json.load(fh)



_NUM_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_NUM_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


_FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll"}
_PROG_AUX = {"is", "are", "am", "'s", "'re", "be"}


def _verb_above(tok, steps: int = 6):
    """The first verb or auxiliary from ``tok`` up its heads, within a few steps: further up, the verb
    belongs to another clause and its tense says nothing about the time."""
    for _ in range(steps):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:  # spaCy makes a new Token object per access: compare indices
            return None
        tok = tok.head
    return None


def _governing_verb(span):
    return _verb_above(span.root)


_INTENT = {"plan", "expect", "schedule", "intend", "hope", "want", "aim", "prepare", "set", "seek", "vow",
           "promise", "threaten", "pledge", "propose", "decide", "due", "likely", "expected", "ready", "agree"}
# an infinitive under these nouns is the aim of an agreement or a plan ("an agreement to acquire ...");
# not "decision", "move", "attempt": a date there usually dates the decision itself (PP attachment)
_INTENT_NOUNS = {"agreement", "plan", "deal", "offer", "proposal", "bid", "pledge", "promise", "commitment", "accord",
                 "pact", "contract"}


_SCHEDULE = {"schedule", "reschedule", "slate", "set", "expect", "postpone", "plan"}
_SCHEDULE_PASSIVE = {"set", "expect"}  # only as passives/participles ("is set for", "is expected Thursday")


# "less than forecast in July", "higher than expected on Monday": the time dates the earlier
# forecast the comparison looks back to, whatever the main verb says
_THAN_PRIOR = re.compile(r"\b(?:than|as)\s+(?:previously\s+|earlier\s+|initially\s+|originally\s+)?"
                         r"(?:forecast|forecasted|expected|predicted|estimated|projected|anticipated|reported)"
                         r"\s+(?:in|on|at)\s+$", re.I)


def tense(span) -> Optional[str]:
    """``past``, ``future``, ``present`` or None: the tense of the verb governing a time span."""
    if _THAN_PRIOR.search(span.doc.text[max(0, span.start_char - 50):span.start_char]):
        return "past"
    verb = _governing_verb(span)
    if span.root.dep_ == "npadvmod" and verb is not None and verb.tag_ == "VB" and verb.head.pos_ == "NOUN":
        # a bare weekday after an infinitive object ("raised their offers to acquire the maker
        # Friday") goes with the reporting verb, not with the aim
        head = verb.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            verb = head
    return _scheduled(span, verb) or _verb_tense(verb) or _participle_clause(span, verb)


def _participle_clause(span, verb) -> Optional[str]:
    """A bare participle modifying a noun has no tense of its own ("the election scheduled for
    November", "the post position drawn for Saturday's race"): what is scheduled for a time lies
    ahead unless the clause it sits in looks back ("a service planned for Saturday was canceled"),
    and a time that dates a noun under the participle ("Saturday's race") goes with that clause
    ("will attempt", "must fund"). A time of the participle's own act ("the injunction issued
    Thursday") keeps no tense: the act is done, whatever the clause says."""
    if verb is None or verb.tag_ != "VBN" or verb.dep_ != "acl" or any(
            c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    scheduled = verb.lemma_.lower() in _SCHEDULE
    if not scheduled:
        via_noun, tok = False, span.root.head
        while tok.i != verb.i and tok.head.i != tok.i:
            via_noun |= tok.pos_ in ("NOUN", "PROPN")
            tok = tok.head
        if not via_noun:
            return None
    outer = _verb_above(verb.head)
    t = _verb_tense(outer) if outer is not None else None
    if scheduled and t != "past":
        return "future"
    return t


def _scheduled(span, verb) -> Optional[str]:
    """What is scheduled, set or expected for a day lies ahead of the report ("talks are scheduled
    for Monday", "has scheduled a news conference Thursday"); so does the planned thing of a past
    plan ("planned a demonstration on Saturday"), but not the day of planning itself ("On Friday,
    the government planned ...") nor a participle in a past sentence ("a service planned for
    Saturday was canceled"), which keep the tense rules."""
    if verb is None or verb.lemma_.lower() not in _SCHEDULE or _past_perfect(verb):
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not auxes and verb.tag_ == "VBN":
        return None
    if verb.lemma_.lower() in _SCHEDULE_PASSIVE and not any(a.dep_ == "auxpass" for a in auxes):
        return None  # "expected a vote", "set the record": active, the usual rules
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        via_noun = False
        tok = span.root.head
        while tok.i != verb.i and tok.head.i != tok.i:
            via_noun |= tok.pos_ in ("NOUN", "PROPN")
            tok = tok.head
        return "present" if via_noun else None
    return "future"


def _verb_tense(verb, depth: int = 0) -> Optional[str]:
    if verb is None:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return "future"
    if any(a.tag_ == "MD" for a in auxes) and words & {"have", "'ve"}:
        return "past"  # "could have left Tuesday", "would have voted Friday"
    if words & {"would", "'d", "could"}:
        # future-in-the-past ("would"), and "could" as the past of "can" ("could not be
        # reached Wednesday"): either side of the publication date
        return "present"
    if any(a.tag_ == "MD" for a in auxes):  # "might come Tuesday"; "could have left Tuesday"
        return "past" if words & {"have", "'ve"} else "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and words & {"has", "have", "'ve", "had"}:
        return "past"
    if verb.tag_ == "VBN" and not auxes and any(c.dep_ == "nsubj" for c in verb.children):
        # a participle with an active subject and no auxiliary is a simple past the tagger took for
        # a participle ("an agreement that the nations reached in Paris in December")
        return "past"
    if verb.tag_ == "VBG" and words & _PROG_AUX:
        return "future"
    if "to" in words and (verb.tag_ == "VB" or (verb.tag_ == "VBN" and "be" in words)):
        # an infinitive, active or passive ("to meet Friday", "is due to be taken on Wednesday")
        # "agreed to pay ... Friday": the infinitive takes the time of the verb it depends on,
        # unless that verb looks ahead ("planned to leave on Thursday")
        head = verb.head
        aim_noun = False
        for _ in range(4):
            if head.i == verb.i or head.pos_ in ("VERB", "AUX", "ADJ") or head.head.i == head.i:
                break
            aim_noun |= head.lemma_.lower() in _INTENT_NOUNS
            head = head.head
        if aim_noun and not (head.i != verb.i and _past_perfect(head)):
            return "future"  # "announced an agreement to acquire the bank in January"
        if head.i != verb.i and (_past_perfect(head) or (head.pos_ == "ADJ" and _past_perfect(head.head))):
            return "past"  # "had been due to expire Friday": the plan lies before the report
        if head.i == verb.i or head.lemma_.lower() in _INTENT:
            return "future"
        if head.lemma_.lower() == "be" and any(
                c.dep_ in ("xcomp", "ccomp") and c.i == verb.i for c in head.children):
            # "is to resume trading Tuesday" looks ahead; "was to resume" from a past viewpoint
            return "present" if head.tag_ == "VBD" else "future"
        if depth < 3:
            return _verb_tense(head, depth + 1) or "future"
        return "future"
    if verb.tag_ in ("VBZ", "VBP"):
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in verb.children):
            # "if he and Clinton take office in January", "until they cast their votes in July": a
            # condition or a bound in the present tense lies ahead, even under a past main verb
            return "future"
        return "present"
    return None


_CONDITION_MARKS = {"if", "unless", "once", "until", "till", "before"}


def _past_perfect(verb) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") and c.tag_ == "VBD"
               for c in verb.children)


def past_perfect(span) -> bool:
    """The verb governing the span is in the past perfect ("until Thursday they had not called"):
    the time lies before the report even after a forward-looking "until"."""
    verb = _governing_verb(span)
    return verb is not None and _past_perfect(verb)


class Ctx:
    """What a normaliser may look at besides its match."""

    __slots__ = ("doc", "text", "dct", "anchor", "anchor_at", "anchor_norm", "start", "end", "rule", "_span",
                 "weekdays")

    def __init__(self, doc, text, dct):
        self.doc, self.text, self.dct = doc, text, dct
        self.anchor: Optional[str] = None
        self.anchor_at = -1  # where the anchor was named (so a normaliser can tell "in this sentence")
        self.anchor_norm = ""  # and by which normaliser (a calendar date, or a deictic "Thursday")
        self.start = self.end = 0
        self.rule = ""
        self._span = None
        # the date each weekday already stood for in this article, by (report date, weekday):
        # one story has one "Monday", so a tenseless mention reuses it
        self.weekdays: dict[tuple, str] = {}

    def span(self):
        if self._span is None and self.doc is not None:
            self._span = self.doc.char_span(self.start, self.end, alignment_mode="expand")
        return self._span

    def tense(self) -> Optional[str]:
        sp = self.span()
        return tense(sp) if sp is not None and len(sp) else None

    def past_perfect(self) -> bool:
        sp = self.span()
        return bool(sp is not None and len(sp) and past_perfect(sp))

    def governing_verb(self):
        sp = self.span()
        return _governing_verb(sp) if sp is not None and len(sp) else None

    def anchor_in_sentence(self) -> bool:
        """The last anchoring time was named earlier in the span's own sentence."""
        sp = self.span()
        return bool(sp is not None and len(sp) and self.anchor_at >= 0 and self.anchor_at >= sp[0].sent.start_char)

    def anchor_date(self) -> tuple[Optional[dt.date], Optional[str]]:
        parsed = tn.parse_value(self.anchor)
        if parsed:
            return parsed
        return self.dct, "D"
