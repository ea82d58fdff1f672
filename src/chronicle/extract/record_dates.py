"""Which times of a sentence can date a record, shared by attributions and events.

Why a module of its own: the nearest time is not always the time of the saying or the deed. One
inside a clause the record is not in dates that clause; one that closes an interval ("since
Sunday", "until March 3") bounds it; one inside a noun phrase names a thing ("the 2019 law", "the
current government"). Attributions and events apply the same syntax tests over the spaCy parse.
"""
from __future__ import annotations


_SUBCLAUSE = {"relcl", "advcl", "ccomp", "acl", "xcomp", "pcomp"}


def crosses_clause(root, anchor_tok, clause_deps=_SUBCLAUSE) -> bool:
    """Whether the way up from a time's root to the anchor's (trigger's, cue's) line of heads
    passes a clause the anchor is not in: that clause is what the time dates."""
    anc = {t.i for t in anchor_tok.ancestors} | {anchor_tok.i}
    tok = root
    while tok.i not in anc and tok.head.i != tok.i:
        if tok.dep_ in clause_deps:
            return True
        tok = tok.head
    return False


def in_other_clause(document, span, trig_tok) -> bool:
    """A time inside a subordinate clause the trigger is not in ("troops were deployed in the
    region where Ukrainian forces ... after incursions back in August 2024") dates that clause."""
    root = timex_root(document, span)
    return root is not None and crosses_clause(root, trig_tok)


_BOUND_PREPS = {"since", "until", "till", "by", "before", "after"}
ADNOMINAL = {"compound", "nmod", "poss", "nummod", "amod", "npadvmod"}
_ARGUMENT = {"dobj", "nsubj", "nsubjpass", "dative", "oprd"}


def timex_root(document, span):
    toks = document.doc.char_span(span.start, span.end, alignment_mode="expand")
    return toks.root if toks is not None else None


def bound_only(root) -> bool:
    """"since Sunday", "until July 28", "by the end of the month": one end of an interval or a
    deadline, not when the thing happened."""
    return root.dep_ == "pobj" and root.head.lower_ in _BOUND_PREPS


def inside_argument(root, trig_tok) -> bool:
    """A time naming a thing the action is done with or to ("used the 2019 law to arrest ...",
    "tighten restrictions on ... Thanksgiving dinner", "the current government") rather than when
    it was done. Times in an adjunct phrase of the verb stay ("at a June 25 hearing", "in
    Thursday's call"), and so do times of the noun phrase holding the trigger ("Thursday's attack",
    "2018's Hurricane Michael, which flattened ...")."""
    if root.dep_ not in ADNOMINAL or root.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if root.dep_ == "amod":
        return True  # "current", "present-day": describes the noun, dates nothing
    tok = top = root.head
    inside = False
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        if tok.dep_ in _ARGUMENT or (tok.dep_ == "pobj" and tok.head.head.pos_ in ("NOUN", "PROPN")):
            inside = True
        if tok.pos_ in ("NOUN", "PROPN"):
            top = tok
        tok = tok.head
    return inside and trig_tok not in top.subtree


def governing_verb(tok):
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def nearest(items, pos, bounds, exclude=()):
    best = None
    for item, span in items:
        if bounds[0] <= span.start and span.end <= bounds[1] and not any(span.overlaps(e) for e in exclude if e):
            d = abs(span.start - pos)
            if best is None or d < best[0]:
                best = (d, item)
    return best[1] if best else None


_STANDING_SUBJECTS = {"law", "rule", "mandate", "regulation", "act", "policy", "constitution", "statute",
                      "ordinance", "code", "treaty", "requirement", "guideline", "provision", "directive"}
_HABITUAL = {"often", "usually", "always", "typically", "generally", "normally", "routinely", "commonly"}


def standing(verb) -> bool:
    """"Another law prohibits the use of drones", "the mandate requires that insurers cover ...",
    "which often requires adjusting the settings": a simple present telling what a rule lays down
    or what tends to happen is a standing state, not a deed done by some day; the publication date
    would claim one."""
    if verb.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in verb.children):
        return True
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _STANDING_SUBJECTS for c in verb.children)
