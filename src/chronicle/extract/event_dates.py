"""The date of an event: the time of its clause, else of its sentence, else the publication date
as a bound, and no date for what did not or may not happen.

Why apart from :mod:`.events`: choosing the time is its own small grammar (which times may date the
deed, which of two is finer, what is unrealised), measured on its own against hand labels
(``bench/dates_audit.py``); the shared tests of a time's attachment are in :mod:`.record_dates`.
"""
from __future__ import annotations

from .event_lexicon import HYPOTHETICAL_AUX, SAY_VERBS
from .record_dates import (ADNOMINAL, bound_only, governing_verb, in_other_clause, inside_argument, nearest, standing,
                           timex_root)
from .timex_values import date_and_precision


def _in_relative_clause_of_other(root, trig_tok) -> bool:
    """The trigger sits in a relative clause ("Turkey, which has backed rebels fighting Assad ...,
    stepped up its intervention after the killing ... last week") and the time is outside it: the
    time dates the main clause. A clause hanging on the time itself ("Tuesday, when the minister
    suggested ...") is dated by it."""
    tok = trig_tok
    while tok.head.i != tok.i:
        if tok.dep_ == "relcl":
            np = tok.head
            while np.dep_ in ("appos", "compound") and np.head.i != np.i:
                np = np.head  # "2018's Category 5 Hurricane Michael, which flattened ...": the antecedent's time
            return root not in np.subtree
        tok = tok.head
    return False


def _dates_the_saying(root, trig_tok) -> bool:
    """"Officials said this week that 17,000 citizens have enrolled": the time is the saying's; the
    enrolment is only known to be no later than the report."""
    gov = governing_verb(root.head)
    if gov.lemma_.lower() not in SAY_VERBS or gov.i == trig_tok.i:
        return False
    tok = trig_tok
    while tok.head.i != tok.i:
        if tok.head.i == gov.i:
            return tok.dep_ in ("ccomp", "parataxis")
        tok = tok.head
    return False


def _usable_time(document, t, trig_tok) -> bool:
    root = timex_root(document, t.span)
    if root is None or trig_tok in root.subtree:
        return True  # "since 2019, when she first launched her campaign": the clause hangs on the time
    return not (bound_only(root) or inside_argument(root, trig_tok)
                or _in_relative_clause_of_other(root, trig_tok) or _dates_the_saying(root, trig_tok))


def _finer(document, t, times, bounds):
    """"Last summer, Hurricane Barry hit Louisiana on July 13": of two times of the same verb, the
    day inside the season wins."""
    dct = document.article.published
    date, precision = date_and_precision(t.value, dct)
    root = timex_root(document, t.span)
    if not date or precision == "day" or root is None:
        return t
    verb = governing_verb(root)
    best, best_date = t, date
    for x, span in times:
        if x is t or not (bounds[0] <= span.start and span.end <= bounds[1]):
            continue
        d, _ = date_and_precision(x.value, dct)
        other = timex_root(document, span)
        if d and d.startswith(date) and len(d) > len(best_date) and other is not None \
                and other.dep_ not in ADNOMINAL and governing_verb(other).i == verb.i:
            best, best_date = x, d
    return best


_WISHED = {"hope", "want", "wish", "wait", "prefer", "prohibit", "forbid", "refuse", "fail", "hesitant",
           "reluctant", "unwilling", "need", "focus", "lack"}
_STRIVE = {"try", "seek", "attempt", "strive", "work", "aim"}
_FUTURE = {"will", "shall", "'ll", "wo"}
_COMPLEMENT = {"xcomp", "ccomp", "acomp", "pcomp", "prep", "pobj"}


_PLAN_NOUNS = {"bill", "legislation", "law", "measure", "plan", "proposal", "way", "effort", "attempt", "bid",
               "push", "campaign", "record", "idea", "purpose", "goal", "aim"}


def _infinitive(tok) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _aim(tok) -> bool:
    """"bills to fund the government", "working to undermine voting rights", "doing more to
    negotiate": an infinitive after a plan, an effort or a striving says what is meant to happen,
    not that it did ("hospitalized to receive treatment", "donations to help" still tell of a
    deed)."""
    if tok.dep_ not in ("advcl", "relcl", "acl") or not _infinitive(tok):
        return False
    head = tok.head
    if head.pos_ in ("NOUN", "PROPN"):
        return head.lemma_.lower() in _PLAN_NOUNS
    return (head.lemma_.lower() in _STRIVE and head.tag_ not in ("VBD", "VBN")) or \
        any(c.dep_ == "dobj" and c.lower_ == "more" for c in head.children)


_NOT = {"not", "n't", "n’t", "never"}


def _negated(tok) -> bool:
    """Negated, also when a curly "n’t" is parsed as an adverb ("I can’t give you another example")."""
    return any(c.dep_ == "neg" or c.dep_ == "advmod" and c.lower_ in _NOT for c in tok.children)


def _lemmas(tok) -> set:
    """The lemma and the plain stem of an inflected verb: the tagger's lemma slips on some ("hopes"
    lemmatised as "hop")."""
    w = tok.lower_
    out = {tok.lemma_.lower(), w}
    for end in ("s", "es", "d", "ed", "ing"):
        if w.endswith(end) and len(w) > len(end) + 2:
            out |= {w[:-len(end)], w[:-len(end)] + "e"}
    return out


def _governs_unrealised(tok) -> bool:
    """A governor that leaves its complement undone: a wish or need, a modal, a future ("will try
    to delay"), or a striving still under way ("is working to bring back", "trying to repatriate";
    a finished attempt, "have attempted to cross", happened as an attempt). A future on the
    trigger itself is left alone: "will attack" is coded as the threat, which was made."""
    lemmas = _lemmas(tok)
    if lemmas & _WISHED or any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX | _FUTURE for c in tok.children):
        return True
    return bool(lemmas & _STRIVE) and tok.tag_ not in ("VBD", "VBN")


def unrealised(verb) -> bool:
    """Not done, or not yet: "has not attended", "may be hesitant to evacuate", "hopes the court
    strikes down the law", "we are still waiting for them to give us more", "will try to delay the
    vote". Such an event has no date, and the publication date would claim it happened by then."""
    return _negated(verb) or _governed_unrealised(verb)


_REFUSED = {"accept", "agree", "allow", "approve", "permit", "recognize", "recognise", "comply", "deny",
            "endorse", "sign", "tolerate"}
_FIRM_MODALS = {"can", "ca", "could", "will", "wo", "would"}


def refusal(verb) -> bool:
    """"We cannot accept this", "I can’t deny that ...", "refused ... did not agree": a plain "no" to
    accepting or agreeing is itself the deed, a refusal (or an admission) made by the time of the
    report, so the publication date bounds it though the verb is negated. Not under a wish or an
    aim, and not with a modal of doubt ("may not accept")."""
    return _negated(verb) and bool(_lemmas(verb) & _REFUSED) and not _governed_unrealised(verb) and all(
        c.lower_ in _FIRM_MODALS for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD")


def _governed_unrealised(verb) -> bool:
    tok = verb
    for _ in range(4):
        if _aim(tok):
            return True
        if tok.head.i == tok.i or not (tok.dep_ in _COMPLEMENT or _infinitive(tok) and tok.dep_ == "advcl"
                                       or tok.dep_ == "conj" and _infinitive(tok.head)):
            return False
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX", "ADJ") and _governs_unrealised(tok):
            return True
    return False


def _fronted_time(document, sent):
    """The time a sentence opens with and sets its main clause in ("But on October 7, ...", "In
    2018, Hurricane Florence ...", "In the fall as the virus resurged, Sweden ..."), if any."""
    for t in document.times:
        if t.type not in ("DATE", "TIME") or not (sent.start_char <= t.span.start < sent.end_char):
            continue
        root = timex_root(document, t.span)
        if root is None or bound_only(root) or governing_verb(root).i != sent.root.i:
            continue
        lead = [w for w in sent[:root.left_edge.i - sent.start] if not (w.is_punct or w.is_space)]
        if len(lead) <= 2 and root.i < sent.root.i:
            return t
    return None


def _main_clause(tok) -> bool:
    while tok.head.i != tok.i:
        if tok.dep_ in ("ccomp", "relcl", "acl", "parataxis", "csubj"):
            return False
        tok = tok.head
    return True


def _carried(document, trig_tok):
    """"In 2018, Hurricane Florence dropped 26 inches of rain ... Still, cut off with no power,
    officials knew ...", "But on October 7, ... the network failed. Hamas gunmen breached the
    border": an undated event of the main clause of a simple-past sentence goes on in the time the
    sentence before, in the same paragraph, opened with."""
    sent = trig_tok.sent
    root = sent.root
    if root.tag_ != "VBD" or sent.start == 0 or any(c.dep_ == "aux" for c in root.children) \
            or not _main_clause(trig_tok):
        return None
    doc = document.doc
    prev = doc[sent.start - 1].sent
    if "\n" in doc.text[prev.start_char:sent.start_char] or "\n" in doc.text[sent.start_char:trig_tok.idx]:
        return None
    if any(sent.start_char <= t.span.start < sent.end_char for t in document.times):
        return None
    return _fronted_time(document, prev)


def event_date(document, trig_tok, clause, scope, unreal: bool = False):
    """``(date, date_precision, date_source)`` of an event: the time of its clause, else of its
    sentence scope; else the publication date as a bound (precision null), except for an event
    that did not happen or may not ("was never charged", "can help") or that is a standing state
    ("another law prohibits ..."): nothing bounds it, so ``none``."""
    dct = document.article.published
    times = [(t, t.span) for t in document.times if t.type in ("DATE", "TIME")]
    times = [(x, sp) for x, sp in times if not in_other_clause(document, sp, trig_tok)
             and _usable_time(document, x, trig_tok)]
    t_start = trig_tok.idx
    t, bounds = nearest(times, t_start, clause), clause
    if t is None:
        t, bounds = nearest(times, t_start, scope), scope
    if t is not None:
        t = _finer(document, t, times, bounds)
        date, precision = date_and_precision(t.value, dct)
        if date:
            return date, precision, "text"
    if not unreal and (t := _carried(document, trig_tok)) is not None:
        date, precision = date_and_precision(t.value, dct)
        if date:
            return date, precision, "text"
    if unreal and refusal(governing_verb(trig_tok)):
        unreal = False
    if dct and not unreal and not standing(governing_verb(trig_tok)):
        return dct[:10], None, "published"
    return None, None, "none"
