"""Trigger lookup: which PLOVER (type, mode) a verb or event noun names, in its clause.

The lexicon is compiled from the CAMEO verb dictionary and the PLOVER manual by
``scripts/build_event_lexicon.py`` (see ``chronicle/data/PROVENANCE.md``); here we only decide
how a token plus its dependents selects an entry, because the same verb codes differently with
different objects ("lift sanctions" is not "lift a box"), and an event noun needs a verb that
makes it happen ("conducted incursions", "received medical assistance").
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Optional

# verbs of saying: an event under one is reported, and a time of the saying does not date it
SAY_VERBS = {"say", "state", "tell", "insist", "add", "argue", "warn", "stress", "declare", "announce", "write",
             "believe", "think", "urge", "demand", "reiterate", "note", "claim", "assert", "maintain", "conclude",
             "agree", "feel", "suggest"}
# auxiliaries of what may or would happen, not what did
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "can", "must"}

_PATH = Path(__file__).resolve().parent.parent / "data" / "event_lexicon.json"

_PARTITIVE = {"batch", "contingent", "group", "team", "unit", "number", "dozen", "dozens", "hundreds", "thousands",
               "convoy", "shipment", "consignment", "tranche", "package", "round", "wave", "series", "battalion"}
_OBJ_DEPS = {"dobj", "attr", "oprd", "dative", "nsubjpass"}
_HOLDING = {"have", "join", "hold", "get", "keep", "make", "take", "receive"}
# What a market, a studio or a newsroom acts on: no political actor cuts, hits, boosts, releases or
# captures these ("cut its sales forecasts", "hit a yearly high", "boosted sales", "the anthem was
# re-released", "pull in 16 million viewers", "hit the headlines", "captured the mood"). PLOVER codes
# interactions between political actors; whatever the verb, such an object makes the clause
# ordinary economic or cultural news (GDELT's best-known false events). Curated verb+object readings
# come first ("cut tariffs" stays RETREAT), and sanctions' own objects (assets, aid, supplies,
# tariffs, ties, rations, power) are not listed.
MARKET_OBJECTS = frozenset({
    "cost", "price", "rate", "forecast", "debt", "job", "sale", "profit", "earnings", "revenue", "spending",
    "budget", "stake", "share", "stock", "output", "workforce", "salary", "wage", "margin", "fee",
    "dividend", "growth", "inflation", "subscriber", "customer", "viewer", "audience", "client",
    "headline", "chart", "rating", "takings", "expectation", "estimate", "outlook",
    "capacity", "borrowing", "deficit", "premium", "fare", "surcharge", "competitiveness", "high", "low", "gear",
    "odds", "yield", "economy", "product", "brand", "mood", "heist", "album", "single",
    "song", "film", "movie", "dvd", "anthem", "track", "box", "record", "franchise", "sequel", "episode",
    "entertainment", "performance", "goal", "ball", "lead", "form", "title", "medal",
    "trophy", "match", "game", "race", "investment", "consumer",
    "turnover", "valuation", "bonus", "pension", "tax", "mortgage", "loan-book", "ticket", "screen",
    "version", "feature", "ringtone", "handset", "software", "download", "traffic", "user", "volume",
    # things no one can hit, capture or pull but in a figure of speech ("hurt the religious sentiments",
    # "pulling out all the stops", "hit his chances")
    "reputation", "sentiment", "feeling", "chance", "prospect", "hope", "pride", "image", "credibility",
    "confidence", "morale", "career", "stop", "attention", "imagination", "limelight", "spotlight", "nerve",
    # consumer products and media, and what candidates fight and win
    "console", "phone", "handset", "model", "photo", "picture", "subscription", "content", "video", "music",
    "shelf", "website", "gadget", "camera", "laptop", "computer", "competition", "seat",
    "constituency", "snapshot", "ringtone", "tune", "gig", "tour", "concert", "odd", "odds", "betting",
    "trading",
})
# "Attacked", "slammed", "hit" with words, works or plans as objects, or critics as attackers: criticism
# (manual ACCUSE disapprove), before the market-object rule would drop "slammed the budget".
VERBAL_VERBS = frozenset({"attack", "blast", "slam", "savage", "lambast", "hammer", "lash", "hit", "assail"})
CRITICS = frozenset({"critic", "commentator", "reviewer", "columnist", "press", "newspaper", "media", "campaigner",
                     "pundit", "analyst", "economist", "blogger", "academic", "opposition"})
WORKS = frozenset({"film", "movie", "book", "trilogy", "novel", "play", "show", "series", "programme", "program",
                   "adaptation", "song", "album", "plan", "policy", "proposal", "decision", "remark", "comment",
                   "speech", "idea", "budget", "bill", "law", "report", "claim", "strategy", "record", "handling",
                   "approach", "stance", "reform", "scheme", "statement", "view", "opinion", "article", "manifesto",
                   "campaign", "performance", "leadership", "tax", "spending", "deal", "agreement", "move"})
# A verb inside a name or title ("Meet the Fockers", "What I Go To School For", "Band Aid", "the
# Act of Settlement") names a work or a body, not a happening.
TITLE_ENTS = frozenset({"WORK_OF_ART", "ORG", "FAC", "PRODUCT", "EVENT", "LAW"})


class Lexicon(NamedTuple):
    verbs: dict
    verb_obj: dict
    nouns: dict
    support: frozenset
    recipient: frozenset
    governing: frozenset


class Trigger(NamedTuple):
    """A coded happening: ``verb`` carries tense/subject, ``noun`` the event word if nominal."""

    type: str
    mode: Optional[str]
    verb: object  # spaCy Token
    noun: object  # spaCy Token or None
    source: str  # "verb", "verb+obj", "noun"
    obj: object = None  # the object word that selected a verb+obj entry: part of the predicate, not a role


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = json.loads(_PATH.read_text(encoding="utf-8"))
    return Lexicon(data["verbs"], data["verb_obj"], data["nouns"], frozenset(data["support_verbs"]),
                   frozenset(data["recipient_verbs"]), frozenset(data["governing"]))


def idle_of_object(noun, lex: Lexicon) -> bool:
    """"the release of a review", "an increase of prices": what the verb would not code ("released a
    report" is no event) or a market object, the noun does not code either."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj" and ((lex.verb_obj.get(f"{noun.lemma_.lower()} {g.lemma_.lower()}") or ("",))[0]
                                         == "NONE" or g.lemma_.lower() in MARKET_OBJECTS):
                    return True
    return False


def _noun_key(tok) -> str:
    return tok.lemma_.lower()


def _objects(verb):
    """Object-like dependents: direct objects, then objects of prepositions and particles."""
    for c in verb.children:
        if c.dep_ in _OBJ_DEPS:
            yield c
            # "let free Towakil Karman": the particle-like adjective parsed as a modifier of the object
            yield from (g for g in c.children if g.dep_ == "amod" and g.i == verb.i + 1 and g.pos_ == "ADJ")
    for c in verb.children:
        if c.dep_ == "prep":
            pobjs = [g for g in c.children if g.dep_ == "pobj"]
            yield from pobjs
            if not pobjs or any(g.ent_type_ not in ("DATE", "TIME") for g in pobjs):
                yield c  # "call for", "call on"; but "called X on Friday" is no appeal
        elif c.dep_ in ("prt", "xcomp", "acomp") or (c.dep_ == "ccomp" and c.pos_ == "ADJ") or \
                (c.dep_ == "advmod" and c.lower_ in ("back", "off", "out", "down", "up")):  # "rolled back" as advmod
            yield c  # "let free" parses "free" as an adjectival complement


def _noun_entry(lex: Lexicon, noun):
    key = _noun_key(noun)
    for c in noun.children:  # "hunger strike", "air strike"
        if c.dep_ in ("compound", "amod"):
            two = f"{c.lemma_.lower()} {key}"
            if two in lex.nouns:
                return lex.nouns[two]
    return lex.nouns.get(key)


def _verb_tagged_noun(tok) -> bool:
    """"Turkey shells Kurdish positions": a token tagged as a noun but heading a subject and a direct
    object is the clause's verb (no noun takes both)."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in tok.children) and \
        any(c.dep_ == "dobj" for c in tok.children)


def _lemma(tok, lex: Lexicon) -> str:
    """spaCy's lemma, unless it is unknown to us and a plain suffix strip is known ("staged" -> "stag")."""
    lemma = tok.lemma_.lower()
    if lemma in lex.verbs or lemma in lex.support:
        return lemma
    low = tok.lower_
    if low.endswith("ing"):
        cands = (low[:-3], low[:-3] + "e")
    elif low.endswith(("ed", "es")):
        cands = (low[:-1], low[:-2])
    elif low.endswith("s"):
        cands = (low[:-1],)
    else:
        cands = ()  # "band" is no inflection of "ban"
    for cand in cands:
        if len(cand) > 2 and (cand in lex.verbs or cand in lex.support):
            return cand
    return lemma


# Material readings a figurative use borrows; words (rejecting a result, criticising a price rise)
# stay what they are whatever they are about.
MATERIAL_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "RETREAT", "CONCEDE", "COOPERATE", "AID",
                            "CONSULT", "PROTEST"})


def verb_trigger(tok, lex: Optional[Lexicon] = None) -> Optional[Trigger]:
    """The trigger a verb token heads, or None."""
    trig = _verb_reading(tok, lex or lexicon())
    if trig is None:
        return None
    objs = [o for o in tok.children if o.dep_ in _OBJ_DEPS]
    if tok.dep_ == "acomp" and tok.tag_ == "VBN":  # "the anthem was re-released", parsed as an adjective of "was"
        objs += [o for o in tok.head.children if o.dep_ == "nsubj"]
    if trig.type == "CONSULT" and tok.lemma_.lower() == "talk" and any(
            c.dep_ == "prep" and c.lower_ == "about" for c in tok.children) and not any(
            c.dep_ == "prep" and c.lower_ in ("with", "to") for c in tok.children) and not any(
            c.dep_ == "conj" for s in tok.children if s.dep_ == "nsubj" for c in s.children):
        return None  # "Brown was talking about skills in China": a speech, no counterpart (not "Iran and the EU talked")
    if tok.dep_ == "relcl" and tok.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass", "neg")
                                                                    for c in tok.children):
        return None  # "Equant, which provides data services to businesses", "a charity which helps victims": who they are
    if trig.type == "REQUEST" and tok.lemma_.lower() == "require" and tok.tag_ in ("VBZ", "VBP"):
        return None  # "Parliament requires television owners to pay a licence fee": a standing rule, not a demand
    if tok.is_title and any(o.ent_type_ in ("WORK_OF_ART", "PRODUCT") for o in objs):
        return None  # "Meet the Fockers took $40m": a title whose first word is a verb
    if trig.type == "ASSAULT" and trig.noun is None and tok.lemma_.lower() in VERBAL_VERBS and (
            any(o.lemma_.lower() in WORKS for o in objs) or any(
                g.lemma_.lower() in CRITICS for c in tok.children if c.dep_ == "agent" for g in c.children)):
        return trig._replace(type="ACCUSE", mode="disapprove")  # "critics attacked the budget"
    if (trig.type in MATERIAL_TYPES or trig.type == "AGREE") and trig.noun is None and any(
            (o.lemma_.lower() in MARKET_OBJECTS or o.lemma_.lower() == "market" and trig.type != "ASSAULT"
             or o.ent_type_ in ("WORK_OF_ART", "PRODUCT") and trig.type in ("AGREE", "AID", "COOPERATE", "CONSULT"))
            # "I was offered Vanity Fair by the studio"; a returned or seized artwork is still returned or seized
            and o.ent_type_ not in ("GPE", "NORP") for o in objs):
        return None  # "cut its sales forecasts", "boosted sales", "hit the headlines", "re-released"
    return trig


_TAKE_IN = frozenset({"accept", "admit", "take", "welcome", "resettle", "host", "receive"})
_PEOPLE = frozenset({"people", "person", "family", "child", "woman", "man", "minor", "orphan", "civilian"})
_FLEEING = frozenset({"refugee", "asylum", "migrant", "asylum-seeker"})


# Phrasal verbs whose second word must be a particle, not a preposition heading its own object.
_PARTICLE_ONLY = frozenset({"give in", "cave in", "back off"})
_PERSONNEL = frozenset({"pilot", "soldier", "troop", "force", "officer", "police", "policeman", "army", "fighter",
                        "recruit", "personnel", "cadet", "commando", "guard", "militia", "military", "unit"})


def _foreign_trainees(lemma: str, objs):
    """Manual AID: "Military and police assistance including arms and personnel"; COOPERATE is for
    what benefits both sides. Training a named nation's forces ("is training Iraqi pilots", "trained
    Ukraine's soldiers") assists them; forces trained with no nationality named are one's own
    (MOBILIZE/COOPERATE readings stay)."""
    if lemma != "train":
        return None
    for o in objs:
        if o.dep_ == "dobj" and o.lemma_.lower() in _PERSONNEL and any(
                c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("NORP", "GPE") for c in o.children):
            return o
    return None


_MONEY = frozenset({"money", "fund", "cash", "donation"})


def _raised_for(lemma: str, objs):
    """Manual AID: "Monetary aid ..., grants, gifts": money raised *for* someone ("is raising money for
    Cramer's Senate bid", "raised funds for flood victims") is given to them; money a firm raises
    from investors has no beneficiary and stays no event. The raiser must be the verb's own subject:
    a purpose ("a charity single to help raise funds for victims") is no transfer that happened."""
    if lemma != "raise":
        return None
    for o in objs:
        if o.dep_ == "dobj" and o.lemma_.lower() in _MONEY and any(c.dep_ == "nsubj" for c in o.head.children):
            for p in list(o.children) + list(o.head.children):
                if p.dep_ == "prep" and p.lower_ == "for" and any(g.dep_ == "pobj" for g in p.children):
                    return o
    return None


def _asylum_object(tok, lemma: str, objs):
    """Manual AID: "Asylum, both to persons in its territories ...". People taken in who are described
    as refugees ("accepts 1,500 people now living in Greek refugee camps", parsed as a clause with
    "people" its subject; "took 300 children from refugee camps") are refugees given asylum."""
    if lemma not in _TAKE_IN:
        return None
    cands = [(o, o) for o in objs if o.dep_ == "dobj"]
    cands += [(s, c) for c in tok.children if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"]
    origin = [t for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" for t in c.subtree]
    for o, scope in cands:
        if o.lemma_.lower() in _PEOPLE and any(
                t.lemma_.lower() in _FLEEING for t in list(scope.subtree) + origin if t.i != o.i):
            return o
    return None


def _verb_reading(tok, lex: Lexicon) -> Optional[Trigger]:
    if not (tok.pos_ == "VERB" or tok.tag_.startswith("VB") or _verb_tagged_noun(tok)) or \
            tok.ent_type_ in ("DATE", "TIME"):
        return None  # "to take effect on March 27": a month mis-tagged as the verb "march"
    if tok.ent_type_ in TITLE_ENTS:
        return None
    lemma = _lemma(tok, lex)
    objs = list(_objects(tok))
    for o in list(objs):  # "withdrew the batch of 200 peacekeepers": the peacekeepers are what is withdrawn
        if o.dep_ == "dobj" and o.lemma_.lower() in _PARTITIVE:
            objs.extend(g for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                        if g.dep_ == "pobj")
        if o.dep_ == "dobj":  # "held civilians as human shields": the "as" phrase hangs off the object
            objs.extend(g for c in o.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
                        if g.dep_ == "pobj")
    trained = _foreign_trainees(lemma, objs)
    if trained is not None:
        return Trigger("AID", None, tok, None, "verb+obj", trained)
    raised = _raised_for(lemma, objs)
    if raised is not None:
        return Trigger("AID", None, tok, None, "verb+obj", raised)
    asylum = _asylum_object(tok, lemma, objs)
    if asylum is not None:
        return Trigger("AID", "asylum", tok, None, "verb+obj", asylum)
    for o in objs:  # curated verb+object readings first ("lodge a protest" is an accusation)
        hit = lex.verb_obj.get(f"{lemma} {o.lemma_.lower()}")
        if hit and o.dep_ == "prep" and f"{lemma} {o.lower_}" in _PARTICLE_ONLY:
            continue  # "gave in to demands" is giving in; "were given out in 12 categories" is not
        if hit and hit[2] == "manual":
            if hit[0] == "NONE":
                return None  # "released a statement": no event
            return Trigger(hit[0], hit[1], tok, None, "verb+obj", o)
    if lemma in lex.support:  # the noun names the event: "launched an attack", "held talks"
        conj = [g for o in objs if o.dep_ == "dobj" for g in o.children if g.dep_ == "conj" and g.pos_ == "NOUN"]
        for o in objs + conj:  # "received logistics and financial support"
            if o.pos_ in ("NOUN", "PROPN") and o.ent_type_ not in ("DATE", "TIME"):  # "on March 27" is no march
                hit = _noun_entry(lex, o)
                if hit and hit[0] == "MOBILIZE" and lemma in _HOLDING:
                    continue  # "the pride people have in our troops", "joined British troops": no deployment
                if hit and not idle_of_object(o, lex):
                    return Trigger(hit[0], hit[1], tok, o, "noun")
    for o in objs:
        if idle_of_object(o, lex):
            continue  # "announced the release of a review"
        for key in (f"{lemma} {o.lemma_.lower()}", f"{lemma} {o.lower_}"):
            hit = lex.verb_obj.get(key)
            if hit and o.dep_ == "prep" and key in _PARTICLE_ONLY:
                continue
            if hit:
                return Trigger(hit[0], hit[1], tok, None, "verb+obj", o)
    hit = lex.verbs.get(lemma)
    if hit:
        return Trigger(hit[0], hit[1], tok, None, "verb")
    return None
