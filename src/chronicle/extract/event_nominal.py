"""Nominal triggers: "the arrest of 14 activists", "a Saudi-led strike on a school bus", "talks with Iran".

Why: news reports many happenings as noun phrases with no verb that codes them ("A Russia-backed
offensive on the last bastion has displaced 800,000 people"); the verb lexicon only sees event
nouns carried by a support verb ("launched an attack"). Here an event noun stands on its own,
and its roles come from the noun phrase itself: a possessor, a nationality/organisation modifier
or a "by" phrase names the actor; "on/against/at/with/into/to" phrases the target; an "of" phrase
is the target of a transitive happening ("the arrest of X") and the actor of an intransitive one
("the deployment of 230 troops", "protests of workers").

What stays out: a noun under a verb that is itself a trigger ("condemned the attack": the
condemnation is the event; "accused X of killings": the accusation), and a noun under a word
that says the happening did not (yet) happen ("the threat of an invasion", "plans for talks").
"""
from __future__ import annotations

from typing import Optional

from .event_lexicon import Trigger

# noun lemma -> (type, mode, role of the "of" phrase)
NOUNS = {
    "attack": ("ASSAULT", None, "target"), "assault": ("ASSAULT", None, "target"),
    "airstrike": ("ASSAULT", "aerial", "target"), "offensive": ("ASSAULT", None, "target"),
    "incursion": ("ASSAULT", None, "target"), "invasion": ("ASSAULT", None, "target"),
    "raid": ("ASSAULT", None, "target"), "ambush": ("ASSAULT", None, "target"),
    "bombing": ("ASSAULT", "explosives", "target"), "bombardment": ("ASSAULT", "heavy-weapons", "target"),
    "shelling": ("ASSAULT", "heavy-weapons", "target"), "massacre": ("ASSAULT", "massacre", "target"),
    "killing": ("ASSAULT", None, "target"), "assassination": ("ASSAULT", "assassinate", "target"),
    "torture": ("ASSAULT", None, "target"), "beheading": ("ASSAULT", None, "target"),
    "kidnapping": ("ASSAULT", "abduct", "target"), "abduction": ("ASSAULT", "abduct", "target"),
    "arrest": ("COERCE", "arrest", "target"), "detention": ("COERCE", "arrest", "target"),
    "crackdown": ("COERCE", None, "target"), "deportation": ("COERCE", None, "target"),
    "expulsion": ("COERCE", None, "target"),
    "protest": ("PROTEST", "demo", "actor"), "demonstration": ("PROTEST", "demo", "actor"),
    "rally": ("PROTEST", "demo", "actor"), "riot": ("PROTEST", "riot", "actor"),
    "sit-in": ("PROTEST", "demo", "actor"), "boycott": ("PROTEST", "boycott", "target"),
    "talk": ("CONSULT", None, "actor"), "negotiation": ("CONSULT", None, "actor"),
    "summit": ("CONSULT", "multilateral", "actor"), "consultation": ("CONSULT", None, "actor"),
    "visit": ("CONSULT", "visit", "actor"), "mediation": ("CONSULT", "third-party", "actor"),
    "deployment": ("MOBILIZE", "troops", "actor"), "withdrawal": ("RETREAT", "withdraw", "actor"),
    "ceasefire": ("RETREAT", "ceasefire", "actor"), "truce": ("RETREAT", "ceasefire", "actor"),
    "accusation": ("ACCUSE", "allege", "target"), "condemnation": ("ACCUSE", "disapprove", "target"),
    "criticism": ("ACCUSE", "disapprove", "target"), "investigation": ("ACCUSE", "investigate", "target"),
    "probe": ("ACCUSE", "investigate", "target"), "inquiry": ("ACCUSE", "investigate", "target"),
    "aid": ("AID", None, "actor"), "assistance": ("AID", None, "actor"), "donation": ("AID", None, "actor"),
}
TWO_WORD = {"air strike": ("ASSAULT", "aerial", "target"), "missile strike": ("ASSAULT", "heavy-weapons", "target"),
            "drone strike": ("ASSAULT", "aerial", "target"), "hunger strike": ("PROTEST", "hunger", "actor"),
            "general strike": ("PROTEST", "strike", "actor")}
# Words under which a happening is not (yet) one: threats, plans, fears, calls for it.
_UNREAL = {"threat", "plan", "risk", "fear", "possibility", "prospect", "call", "demand", "warning", "proposal",
           "bid", "attempt", "need", "prevention", "preparation", "idea", "question", "talk", "rumor", "rumour",
           "hope", "chance", "danger", "ban", "law", "bill", "policy", "right", "push", "effort", "offer"}
# A happening cited as background ("following his arrest", "since the invasion") or one that is
# ending ("the offensive would end if ...") is not the news of the clause.
_BACKGROUND_PREPS = {"after", "following", "before", "since", "prior"}
_ENDING = {"end", "stop", "halt", "suspend", "cease", "conclude", "finish", "pause", "freeze"}
_TARGET_PREPS = {"on", "against", "at", "into", "upon", "to", "toward", "towards"}
_AMID = {"during", "amid", "amidst", "in", "at"}
_WITH_TYPES = {"CONSULT", "COOPERATE", "RETREAT"}
_ACTOR_ENTS = {"GPE", "NORP", "ORG", "PERSON"}
_SPONSOR = {"led", "backed", "sponsored", "supported", "allied", "run", "funded"}


def entry(noun) -> Optional[tuple]:
    if noun.pos_ != "NOUN":
        return None
    low = noun.lemma_.lower()
    for c in noun.children:
        if c.dep_ in ("compound", "amod"):
            hit = TWO_WORD.get(f"{c.lower_} {low}")
            if hit:
                return hit
    if low == "strike":
        return ("ASSAULT", None, "target") if any(c.dep_ == "prep" and c.lower_ in ("on", "against")
                                                   for c in noun.children) else None
    if low in _MONEY_GIFTS and any(t.ent_type_ == "MONEY" for c in noun.children
                                   if c.dep_ in ("nummod", "compound", "quantmod", "amod") or c.lower_ == "of"
                                   for t in c.subtree):
        return ("AID", None, "actor")  # manual AID: "monetary aid ..., grants, gifts": "a contribution of €56 million"
    return NOUNS.get(low)


_MONEY_GIFTS = {"contribution", "grant", "donation"}  # "buying gifts worth £4bn": a gift bought is no aid


def _governing_verb(noun):
    """The verb whose clause the noun phrase is in, and whether an unreal word intervenes."""
    cur = noun
    for _ in range(8):
        if cur.head.i == cur.i:
            return cur, False
        if cur.dep_ == "pobj" and cur.head.lower_ in _BACKGROUND_PREPS:
            return None, True
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            if cur.lemma_.lower() in _ENDING:
                return None, True
            if cur.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in cur.children):
                return None, True  # "who had led protests last week": the person's past
            return cur, False
        if cur.pos_ == "NOUN" and cur.lemma_.lower() in _UNREAL:
            return None, True
    return None, False


def triggers(doc, verb_triggers: dict) -> list[Trigger]:
    """Stand-alone event nouns not already carried by (or embedded under) a verb trigger."""
    carried = {t.noun.i for t in verb_triggers.values() if t.noun is not None}
    carried |= {t.obj.i for t in verb_triggers.values() if t.obj is not None}
    out = []
    for tok in doc:
        if tok.i in carried or tok.pos_ != "NOUN":
            continue
        hit = entry(tok)
        if hit is None:
            continue
        verb, unreal = _governing_verb(tok)
        if unreal or (verb is not None and verb.i in verb_triggers):
            continue
        out.append(Trigger(hit[0], hit[1], verb if verb is not None else tok, tok, "nominal"))
    return out


def _pobj(tok, preps):
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _modifier_actor(noun):
    """"Russia's offensive", "Israeli air strikes", "a Syrian regime offensive", "a Saudi-led strike"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for c in noun.children:
        if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and any(
                g.ent_type_ in _ACTOR_ENTS for g in c.subtree if g.lower_ not in _SPONSOR and g.head.lower_ not in _SPONSOR):
            return c  # "a Russia-backed Syrian regime offensive": the regime, not its backer
    for c in noun.children:
        if c.dep_ in ("compound", "amod") and c.ent_type_ in _ACTOR_ENTS and c.i < noun.i:
            return c
    for c in noun.children:
        if c.dep_ in ("amod", "compound") and c.lower_ in _SPONSOR:
            for g in c.children:
                if g.dep_ in ("npadvmod", "compound", "amod", "nmod"):
                    return g
    return None


_ARRIVE = {"come", "arrive", "reach", "flow", "pour", "go"}


def _giver(noun, verb, target):
    """Manual AID: the provider is the actor, the recipient the target. Aid names its giver with
    "from" ("aid from Japan", "donations had come to the Navajo Nation from Ireland": the motion
    verb's "from" and "to"); aid a clause's subject gives "with" ("Germany reinforced its commitment
    with a contribution of €56 million") is the subject's."""
    actor = _pobj(noun, {"from"})
    if verb.i != noun.i and noun.dep_ == "nsubj" and verb.lemma_.lower() in _ARRIVE:
        actor = actor or _pobj(verb, {"from"})
        target = target or _pobj(verb, {"to", "into"}) or next((c for c in verb.children if c.dep_ == "dobj"), None)
    if actor is None and verb.i != noun.i and noun.dep_ == "pobj" and noun.head.lower_ == "with" and \
            noun.head.head.i == verb.i:
        actor = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return actor, target


def roles(trig: Trigger):
    """(actor, target, count) heads for a nominal trigger."""
    noun = trig.noun
    of_role = (entry(noun) or (None, None, "target"))[2]
    actor = _pobj(noun, {"by"}) or _modifier_actor(noun)
    target = _pobj(noun, _TARGET_PREPS | ({"with"} if trig.type in _WITH_TYPES else set()))
    between = _pobj(noun, {"between", "among"})
    if between is not None:
        partners = [between] + [c for c in between.children if c.dep_ == "conj"]
        actor = actor or partners[0]
        target = target or (partners[1] if len(partners) > 1 else None)
    of = _pobj(noun, {"of"})
    verb = trig.verb
    if actor is None and noun.dep_ == "dobj" and verb.i != noun.i:
        # "Nigeria announced the deployment of 230 troops": the announcer deploys
        actor = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if actor is None and trig.type == "PROTEST" and noun.dep_ == "pobj" and noun.head.lower_ in _AMID and \
            verb.i != noun.i:
        # "youths threw stones during demonstrations against X": those acting in a protest take part in it
        cur = verb
        for _ in range(4):
            actor = next((c for c in cur.children if c.dep_ == "nsubj"), None)
            if actor is not None or cur.head.i == cur.i or cur.dep_ in ("relcl", "ccomp", "advcl"):
                break
            cur = cur.head
    if actor is None and noun.dep_ == "pobj" and noun.head.lower_ == "for" and \
            noun.head.head.lemma_.lower() in ("responsible", "responsibility"):
        # "the cartel has been responsible for mass killings", "claimed responsibility for the bombing"
        cur = noun.head.head
        for _ in range(3):
            actor = next((c for c in cur.children if c.dep_ == "nsubj"), None)
            if actor is not None or cur.head.i == cur.i:
                break
            cur = cur.head
    if trig.type == "AID" and actor is None:
        actor, target = _giver(noun, verb, target)
    if of is not None:
        if of_role == "actor" and actor is None:
            actor = of
        elif of_role == "target" and target is None:
            target = of
    count = of if of is not None else (actor if trig.type in ("MOBILIZE", "PROTEST") else target)
    return actor, target, count
