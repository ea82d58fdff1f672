"""Who did it to whom: actor and target of a trigger, read off its own clause only.

GDELT's worst habit is to take the actor from one sentence and the target from another; here a
role is always a dependent of the trigger (or of the verb it is the complement of, inside the
same sentence), resolved to an in-document entity through the actors stage, and coded with
``actor_codes`` when the entity carries no codes.
"""
from __future__ import annotations

import re
from typing import Optional

from ..model import Role
from .actor_codes import code_span

_REL_PRONOUNS = {"who", "which", "that", "whom"}
_FIRST_SINGULAR = {"i", "me", "my", "myself"}
_FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}
# Clause links across which a missing subject is inherited ("agreed to withdraw", "after conducting").
_INHERIT = {"xcomp", "advcl", "conj", "pcomp", "prep", "acl", "acomp"}
_INHERIT_PREPS = {"after", "before", "by", "while", "since", "upon", "on", "in", "without", "through"}
# Adjectives whose prepositional complement is their subject's own act (not "capable of", "ready to").
_CULPABLE = {"guilty", "responsible", "culpable"}
_TARGET_PREPS = {"against", "with", "on", "at", "to", "into", "upon", "toward", "towards", "over"}
_NUM_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24,
    "hundreds": 200, "thousands": 2000,
}
_SCALE = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}


def is_passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


_DASHES = {"--", "-", "\u2014", "\u2013"}


def _dateline_dash(tok):
    """The dash ending a dateline ("ISTANBUL --", "LA PAZ, Bolivia --") that ``tok`` stands in, or None:
    the parser often makes the place of the dateline the sentence's subject."""
    sent = tok.sent
    for d in sent[:12]:
        if d.text in _DASHES and d.i > tok.i:
            head = sent[:d.i - sent.start]
            if any(t.is_upper and len(t) >= 3 for t in head) and all(
                    t.is_punct or t.pos_ == "PROPN" or t.is_upper for t in head):
                return d
            return None
    return None


_ORDINAL_FIRST = {"first", "last", "only", "second", "third", "latest"}


def _first_to(verb):
    """"The group is the first to comply with ...", "Germany was the first country to recognise
    Croatia": the infinitive says what the copula's subject did; its subject is that subject."""
    if verb.dep_ not in ("relcl", "acl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    head = verb.head
    if head.dep_ != "attr" or not (head.lower_ in _ORDINAL_FIRST or any(
            c.dep_ == "amod" and c.lower_ in _ORDINAL_FIRST for c in head.children)):
        return None
    return next((c for c in head.head.children if c.dep_ == "nsubj"), None)


def subject(verb, depth: int = 0):
    """The grammatical subject of a verb, inheriting it from the governing clause when absent."""
    dateline = None
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
            if c.lower_ in _REL_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            dash = _dateline_dash(c)
            if dash is not None:
                dateline = (c, dash)
                continue
            return c
    for c in verb.children:  # "Vietnam is committed": the subject parsed as the auxiliary's
        if c.dep_ in ("aux", "auxpass"):
            for g in c.children:
                if g.dep_ in ("nsubj", "nsubjpass") and dateline is None:
                    return g
    if dateline is not None:  # "KHARTOUM (Reuters) -- Qatar's Emir ... called": the Emir
        c, dash = dateline
        after = [t for t in c.subtree if t.i > dash.i and t.head.i < dash.i and t.pos_ in ("NOUN", "PROPN")]
        return after[0] if after else c
    if depth >= 4:
        return None
    first = _first_to(verb)
    if first is not None:
        return first
    if verb.dep_ == "relcl":
        return None
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head  # "soldiers fighting for Russia"
    head = verb.head
    if head.i == verb.i or verb.dep_ not in _INHERIT:
        return None
    if head.dep_ == "prep" or head.pos_ == "ADP":
        if head.head.pos_ == "ADJ" and head.head.lemma_.lower() in _CULPABLE:
            return subject(head.head, depth + 1)  # "X are guilty of violating the ceasefire": X violated it
        if head.lower_ not in _INHERIT_PREPS:
            return None  # "thanked the soldiers for capturing ...": not the thanker's act
        head = head.head
    return subject(head, depth + 1)


def agent(verb):
    """The "by" phrase of a passive."""
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def direct_object(verb):
    for c in verb.children:
        if c.dep_ in ("dobj", "dative"):
            return c
    return None


def prep_object(tok, preps=_TARGET_PREPS):
    """The first prepositional object that can be a participant: "on Sunday" is a date, and the
    target may follow it ("launched an attack on Sunday on the government")."""
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:  # "granted a pardon to X": "to" parsed as dative
            for g in c.children:
                if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME"):
                    return g
    return None


def from_object(tok):
    return prep_object(tok, {"from"})


def phrase_tokens(head):
    """The noun phrase of a role head: its left dependents, the head, and "of"-phrases."""
    start = head.left_edge.i
    end = head.i
    for c in head.rights:
        if c.dep_ in ("compound", "flat", "nummod", "amod", "nmod") or (c.dep_ == "prep" and c.lower_ == "of"):
            end = max(end, c.right_edge.i)
        else:
            break
    doc = head.doc
    toks = [t for t in doc[start:end + 1] if not (t.is_punct and t.i in (start, end))]
    # a left edge reaching back over a clause ("who", commas) is not part of the phrase
    while toks and toks[0].dep_ in ("punct", "cc", "prep", "mark"):
        toks = toks[1:]
    return toks or [head]


_QUANTITY_HEADS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "ten", "tens", "million",
                   "millions", "group", "number", "crowd", "some", "many", "most", "all", "scores", "score"}


def quantity_head(head):
    """"thousands of Iraqi Kurds" names the Kurds: the head is the "of" object."""
    if head is not None and head.lemma_.lower() in _QUANTITY_HEADS:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return quantity_head(g)
    return head


def role(document, head, codes_cache: Optional[dict] = None) -> Optional[Role]:
    """A Role for a role head token, resolved through entities and coded."""
    if head is None:
        return None
    if head.lower_ in _REL_PRONOUNS and head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "relcl":
        head = head.head.head
    toks = phrase_tokens(head)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    mention = document.span(start, end)
    head = quantity_head(head)
    ent = document.entity_at(head.idx, head.idx + len(head))
    country = sector = None
    name = mention.text
    entity_id = None
    if ent is not None:
        entity_id, name, country, sector = ent.id, ent.name, ent.country, ent.sector
    if country is None or sector is None:
        c2, s2 = code_span(toks)
        country = country or c2
        sector = sector or s2
    words = {t.lower_ for t in toks}
    if (words & (_FIRST_SINGULAR | _FIRST_PLURAL)) and (country is None or entity_id is None):
        # "I"/"our soldiers" inside a quote: the speaker (or the speaker's country)
        attr = document.attribution_at(start, end)
        src = document.entity(attr.source.entity) if attr is not None else None
        if src is not None:
            if head.lower_ in _FIRST_SINGULAR:
                entity_id, name = src.id, src.name
                country, sector = country or src.country, sector or src.sector
            else:
                country = country or src.country
    return Role(name=name, entity=entity_id, mention=mention, country=country, sector=sector)


def _num(tok) -> Optional[float]:
    t = tok.lower_.replace(",", "")
    if re.fullmatch(r"\d+(\.\d+)?", t):
        return float(t)
    return _NUM_WORDS.get(t)


def count(head) -> Optional[int]:
    """The number a role head is counted by: "two soldiers" -> 2, "some 11,000 troops" -> 11000."""
    if head is None:
        return None
    for c in head.children:
        if c.dep_ == "nummod":
            val = _num(c)
            scale = _SCALE.get(c.lower_)
            if scale:  # "1.5 million people": 1.5 hangs off "million"
                base = next((_num(g) for g in c.children if _num(g) is not None), None)
                val = (base or 1) * scale
            else:
                for g in c.children:
                    if g.lower_ in _SCALE:
                        val = (val or 1) * _SCALE[g.lower_]
            if val is not None:
                return int(val)
    return None
