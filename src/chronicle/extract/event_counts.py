"""How many: a count from the trigger's own clause, and stated fatalities.

Why: the number a reader needs is often not inside the target phrase ("detained 14 in the raid",
"14 were arrested", "the attack killed at least 14 civilians"; "three people died"). Both are read
only from the event's clause (else its sentence for fatalities), and only when the reading is
unambiguous: two different numbers in reach give no value rather than a guess (ACLED codes the
lowest stated figure; we would rather leave it empty than stitch a number from another happening).
"""
from __future__ import annotations

from typing import Optional

from . import event_roles as R

_NOT_COUNTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
_SUBCLAUSES = {"ccomp", "relcl", "advcl", "csubj", "parataxis", "conj"}
COUNTED_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"}
FATAL_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"}
_KILL = {"kill", "slay", "massacre", "execute", "murder", "behead", "slaughter", "assassinate"}
_DIE = {"die", "perish"}
_DEATH_NOUNS = {"death", "fatality", "casualty", "dead", "toll"}


def _value(tok) -> Optional[int]:
    """A number a token states itself ("14", "three") or through its nummod ("14 civilians")."""
    if tok is None or tok.ent_type_ in _NOT_COUNTS:
        return None
    if tok.like_num or tok.pos_ == "NUM":
        v = R._num(tok)
        if v is not None:
            for g in tok.children:
                if g.lower_ in R._SCALE:
                    v *= R._SCALE[g.lower_]
            scale = R._SCALE.get(tok.lower_)
            if scale:
                base = next((R._num(g) for g in tok.children if R._num(g) is not None), None)
                v = (base or 1) * scale
            return int(v)
        return None
    if any(c.ent_type_ in _NOT_COUNTS for c in tok.children if c.dep_ == "nummod"):
        return None
    return R.count(R.quantity_head(tok))


def _clause(verb):
    """The verb's own clause: its subtree without subordinate clauses."""
    out, stack = [], [verb]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _SUBCLAUSES)
    return out


def clause_count(verb, exclude=()) -> Optional[int]:
    """The one count stated in the trigger's clause ("detained 14 in the raid"), else None."""
    values = set()
    for t in _clause(verb):
        if t.i in exclude:
            continue
        if t.dep_ in ("dobj", "nsubjpass", "nsubj", "appos", "pobj", "npadvmod") and (t.like_num or t.pos_ == "NUM"):
            v = _value(t)
        elif t.dep_ == "nummod" and t.head.pos_ in ("NOUN", "PROPN") and t.head.ent_type_ not in _NOT_COUNTS \
                and t.ent_type_ not in _NOT_COUNTS:
            v = _value(t.head)
        else:
            continue
        if v is not None:
            values.add(v)
    return values.pop() if len(values) == 1 else None


def _stated(tokens) -> set:
    """Fatality figures among tokens: "killed 14 civilians", "14 were killed", "three people died",
    "the deaths of 40 children", "14 dead", "the death toll rose to 14"."""
    found = set()
    for t in tokens:
        lemma = t.lemma_.lower()
        if t.pos_ in ("VERB", "AUX") and lemma in _KILL:
            if any(c.dep_ == "neg" for c in t.children):
                continue
            heads = [c for c in t.children if c.dep_ in ("nsubjpass",)] if any(
                c.dep_ == "auxpass" for c in t.children) else [c for c in t.children if c.dep_ == "dobj"]
            found.update(v for v in (_value(h) for h in heads) if v is not None)
        elif t.pos_ in ("VERB", "AUX") and lemma in _DIE and not any(c.dep_ == "neg" for c in t.children):
            found.update(v for v in (_value(c) for c in t.children if c.dep_ == "nsubj") if v is not None)
        elif lemma in _DEATH_NOUNS and t.pos_ in ("NOUN", "ADJ"):
            if lemma == "toll":
                for c in t.head.children if t.dep_ == "nsubj" else ():
                    if c.dep_ == "prep" and c.lower_ == "to":
                        found.update(v for v in (_value(g) for g in c.children if g.dep_ == "pobj") if v is not None)
                continue
            v = None
            for c in t.children:
                if c.dep_ == "nummod":
                    v = _value(t)
                elif c.dep_ == "prep" and c.lower_ == "of" and lemma == "death":
                    v = next((x for x in (_value(g) for g in c.children if g.dep_ == "pobj") if x is not None), None)
            if v is None and lemma == "dead" and t.dep_ in ("amod", "oprd", "acomp", "ccomp", "xcomp"):
                head = t.head
                v = _value(head) if head.pos_ in ("NOUN", "NUM") else next(
                    (x for x in (_value(c) for c in head.children if c.dep_ in ("dobj", "nsubj")) if x is not None), None)
            if v is None and lemma == "dead" and t.dep_ in ("dobj", "nsubj"):
                v = _value(t)  # "14 dead"
            if v is not None:
                found.add(v)
    return found


def fatalities(verb, trig_tok) -> Optional[int]:
    """Stated deaths in the trigger's clause, else its sentence; None when absent or ambiguous."""
    clause = _stated(list(verb.subtree) if verb.i != trig_tok.i else list(trig_tok.subtree))
    if len(clause) == 1:
        return clause.pop()
    if clause:
        return None
    sent = _stated(list(verb.sent))
    return sent.pop() if len(sent) == 1 else None
