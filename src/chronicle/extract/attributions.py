"""Attributions: who said what, in direct, indirect and mixed speech, and according to whom.

Rules over the spaCy dependency parse plus a character-level quote scanner, because quote marks
delimit direct speech better than any parser, while the parse finds the speaker and the reported
clause. The cue vocabulary is learnt from PolNeAR train (``data/cues.json``) rather than listed
by hand.

Span conventions (what a user checks against the text):

- ``content`` excludes the quote marks of a direct quote and the complementiser "that" of an
  indirect one. A quote split around its cue (``"A," he said, "B."``) is ONE attribution whose
  ``content`` runs from the start of A to the end of B (a record has one content span, and the
  reader wants the whole utterance); the exact quoted pieces are listed in ``content_parts`` so
  nothing claims the interposed "he said" was spoken. Multi-paragraph quotes work the same way.
- ``cue`` is the reporting verb ("said", "had said" keeps only the verb) or "According to".
- ``source.mention`` is the speaker's whole noun phrase as PolNeAR delimits it (with its
  apposition, relative clause, parenthetical party label: "Jim Bennett, 57, of Ashton"), or the
  relative pronoun when the cue sits in a relative clause ("..., who said"); ``source.name`` is
  the canonical entity of the head (or of a proper-noun apposition, or of the pronoun's
  antecedent) when the actors stage resolved it, otherwise the bare head phrase (a pronoun
  falls back to the most salient earlier speaker).
- Nested provenance ("X had said that ..., CNN reported") keeps X as the source and records
  the outer reporter as ``reported_by``; the outer attribution is not emitted separately.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Optional

from spacy.attrs import IDX, LEMMA, LOWER, POS

from ..model import Attribution, Document, SourceRef
from .attribution_headlines import speaker_lines
from .attribution_quotes import QuoteGroup, groups
from .record_dates import bound_only, crosses_clause, inside_argument, standing, timex_root  # the same tests date events
from .timex_values import date_and_precision

ASSIGNS = "attributions"
REQUIRES = ("parse", "entities", "times")

QUOTE_CHARS = "\"“”«»„'‘’"
PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "they": "p", "them": "p", "we": "p",
            "i": "s", "it": "n", "you": "s"}
# Light and causative verbs: they govern clauses without reporting anybody's words or stance, and
# PolNeAR only marks them as cues inside multi-word cues ("make it clear"), which the rules do not build.
_NOT_CUES = {"be", "have", "do", "make", "let", "help", "get", "go", "come",
             "mean", "need", "try", "use", "take", "give", "keep", "look", "ensure",
             "cause", "become", "remain", "turn"}
_PLATFORMS = {"x", "twitter", "facebook", "telegram", "instagram", "youtube", "tiktok", "truth social",
              "linkedin", "threads", "weibo", "vk", "bluesky", "radio", "television", "tv"}
_MEDIUM_NOUNS = {"address", "interview", "statement", "post", "video", "speech", "briefing", "message",
                 "tweet", "broadcast", "press conference", "news conference", "op-ed", "letter",
                 "email", "podcast", "memo", "report", "appearance"}
_SPEECH_FINAL = re.compile(r"[.!?,;:—–-]\W*$")


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """Cue lemma -> {count, occurrences, precision, pos}; see scripts/build_cue_lexicon.py."""
    try:
        raw = resources.files("chronicle.data").joinpath("cues.json").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return {}
    return json.loads(raw).get("lemmas", {})


# Thresholds tuned on PolNeAR train (bench/attributions_eval.py reports dev).
MIN_CLAUSE_PRECISION = 0.15  # a verb governing a clause is a cue if annotators agreed this often
MIN_OBJECT_PRECISION = 0.3   # a verb with only an object/complement needs a more reliable lemma
MIN_COUNT = 3


@lru_cache(maxsize=1)
def verb_cues() -> dict[str, float]:
    """Verb cue lemma -> precision of the lemma governing a clause (the indirect-speech rule);
    nouns and function words are left out because only verbal constructions are handled here."""
    out = {}
    for lemma, info in lexicon().items():
        pos = info.get("pos", {})
        if lemma in _NOT_CUES or info["count"] < MIN_COUNT or pos.get("VERB", 0) < 0.5 * info["count"]:
            continue
        p = info.get("precision_with_clause", info["precision"])
        if info.get("with_clause", 0) < 3:
            p = max(p, info["precision"])
        if p >= MIN_CLAUSE_PRECISION or info["precision"] >= MIN_OBJECT_PRECISION:
            out[lemma] = p
    for lemma in ("say", "tell", "state", "confirm", "note", "warn", "add", "report", "announce"):
        out.setdefault(lemma, 0.5)
    return out


@lru_cache(maxsize=1)
def object_cues() -> dict[str, float]:
    """Lemmas reliable enough to be cues without a clause ("called him a liar", "declined to
    comment", "accused X of Y"): their plain PolNeAR precision."""
    return {lemma: info["precision"] for lemma, info in lexicon().items()
            if lemma not in _NOT_CUES and info["count"] >= 10 and info["precision"] >= MIN_OBJECT_PRECISION
            and info.get("pos", {}).get("VERB", 0) >= 0.5 * info["count"]}


MIN_NOUN_PRECISION = 0.35  # "the claim that ..." is a cue this often in PolNeAR train


@lru_cache(maxsize=1)
def noun_cues() -> dict[str, float]:
    """Nouns whose that/whether complement annotators marked as reported content ("his
    assertion that", "complaints that"), with their precision; see scripts/build_cue_lexicon.py."""
    try:
        raw = resources.files("chronicle.data").joinpath("cues.json").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return {}
    return {lemma: info["precision"] for lemma, info in json.loads(raw).get("noun_clause", {}).items()
            if info["with_clause"] >= 3 and info["precision"] >= MIN_NOUN_PRECISION}


@lru_cache(maxsize=4)
def _ids(vocab):
    """String ids of the cue lemmas, so the token scan compares integers off one array."""
    strings = vocab.strings
    return ({strings.add(c) for c in verb_cues()}, strings.add("according"),
            {strings.add("VERB"), strings.add("AUX")})


@dataclass
class _Cand:
    kind: str
    content: tuple[int, int]
    cue: Optional[tuple[int, int]]
    subject: Optional[object]  # spaCy token heading the source phrase
    cue_token: Optional[object] = None
    parts: list[tuple[int, int]] = field(default_factory=list)
    confidence: float = 0.5
    reported_by: Optional[object] = None  # spaCy token of the outer reporter
    content_head: Optional[object] = None
    paras: tuple[int, int] = (-1, -1)
    mention: Optional[tuple[int, int]] = None  # a speaker span the parse has no head for ("Rubio:")


def extract(document: Document) -> list[Attribution]:
    doc = document.doc
    if doc is None or not len(doc):
        return []
    text = document.text
    _STARTS.update(doc=doc, starts=doc.to_array(IDX).tolist(), text=text)
    cues = verb_cues()
    qgroups = groups(text)
    cands: list[_Cand] = []
    used_cues: set[int] = set()
    direct_ranges: list[tuple[int, int]] = []

    prev_direct = None
    for g in _merge_split_quotes(doc, text, qgroups, cues):
        cand = _direct(doc, text, g, cues)
        if cand is None:
            continue
        direct_ranges.append((g.segments[0].open, g.segments[-1].after))
        cand.paras = (g.segments[0].para, g.segments[-1].para)
        if cand.cue is None and prev_direct is not None and cand.paras[0] == prev_direct.paras[1] + 1:
            # a quoted paragraph with no cue right after a quote: the same speaker goes on
            # (PolNeAR annotates it as one attribution in several pieces)
            prev_direct.parts.extend(cand.parts)
            prev_direct.content = (prev_direct.content[0], cand.content[1])
            prev_direct.paras = (prev_direct.paras[0], cand.paras[1])
            continue
        cands.append(cand)
        prev_direct = cand
        if cand.cue_token is not None:
            used_cues.add(cand.cue_token.i)

    cue_ids, according, verbal = _ids(doc.vocab)
    in_id = doc.vocab.strings.add("in")
    noun_id = doc.vocab.strings.add("NOUN")
    nouns = {doc.vocab.strings.add(n) for n in noun_cues()}
    arr = doc.to_array([LEMMA, POS, LOWER])
    for i, (lemma_id, pos_id, lower_id) in enumerate(arr.tolist()):
        if i in used_cues or not (lower_id == according or lower_id == in_id
                                  or (lemma_id in cue_ids and pos_id in verbal)
                                  or (lemma_id in nouns and pos_id == noun_id)):
            continue
        tok = doc[i]
        if pos_id == noun_id:
            cand = _noun_clause(doc, tok)
        elif lower_id == according:
            cand = _according(doc, tok)
        elif lower_id == in_id:
            cand = _in_source(doc, tok)
        elif tok.lemma_.lower() in cues and tok.pos_ in ("VERB", "AUX"):
            cand = _indirect(doc, tok, cues)
        else:
            cand = None
        if cand is None:
            continue
        if any(lo <= cand.content[0] and cand.content[1] <= hi for lo, hi in direct_ranges):
            continue  # a reporting verb inside a quotation: the quote is the attribution
        cands.append(cand)

    _speaker_colons(doc, text, cands, direct_ranges)
    cands = _nest(cands)
    _TEXT_FOR_DEDUPE[0] = text
    cands = _dedupe(cands)
    cands.sort(key=lambda c: c.content[0])
    try:
        return _records(document, cands)
    finally:
        _STARTS["doc"], _STARTS["starts"], _STARTS["text"] = None, [], ""


# ---------------------------------------------------------------- direct quotes

_STARTS: dict = {"doc": None, "starts": [], "text": ""}


def _text(doc) -> str:
    """The doc's text, cached: spaCy rebuilds ``Doc.text`` from the tokens on every access."""
    if _STARTS["doc"] is not doc:
        _starts(doc)
    return _STARTS["text"]


def _starts(doc) -> list[int]:
    """Token start offsets of the current doc, computed once per extraction (bisect over them
    keeps the quote rules linear in the number of quotes, not quotes x tokens)."""
    if _STARTS["doc"] is not doc:
        _STARTS["doc"], _STARTS["starts"], _STARTS["text"] = doc, doc.to_array(IDX).tolist(), doc.text
    return _STARTS["starts"]


def _token_at(doc, char: int):
    """The token covering or following character ``char``."""
    starts = _starts(doc)
    i = bisect_right(starts, char) - 1
    if i >= 0 and char < starts[i] + len(doc[i]):
        return doc[i]
    return doc[i + 1] if i + 1 < len(doc) else None


def _tokens_between(doc, lo: int, hi: int):
    starts = _starts(doc)
    i, j = bisect_left(starts, lo), bisect_left(starts, hi)
    return [t for t in doc[i:j] if t.idx + len(t) <= hi]


def _is_cue(tok, cues) -> bool:
    return tok.lemma_.lower() in cues and tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() != "be"


def _subject_of(tok):
    """The token heading who performs ``tok`` (a verb): its own subject, the agent of a passive,
    the noun a relative clause hangs on, or the subject of the clause a participle or a
    coordinated verb depends on ("..., noting that", "stated and further instructed")."""
    if any(c.dep_ == "auxpass" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children):
        return None  # "... and is expected to be close": a passive cue's subject is what is said, not who says
    seen = 0
    cur = tok
    while cur is not None and seen < 4:
        seen += 1
        subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
        agent = [gc for c in cur.children if c.dep_ == "agent" for gc in c.children if gc.dep_ == "pobj"]
        if agent and (not subj or subj[0].lower_ == "it" or subj[0].dep_ == "nsubjpass"):
            return agent[0]
        if subj and subj[0].dep_ == "nsubj" and subj[0].lower_ not in ("that", "which"):
            return subj[0]
        if subj and subj[0].dep_ == "nsubj" and cur.dep_ == "relcl":
            return subj[0]  # "which"/"that": the mention; _source resolves the antecedent
        if cur.dep_ == "relcl":
            return cur.head
        if cur.dep_ in ("advcl", "conj", "xcomp", "acl") and cur.head.i != cur.i and cur.head.pos_ in ("VERB", "AUX"):
            cur = cur.head
            continue
        if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
            return cur.head
        return None
    return None


def _merge_split_quotes(doc, text, qgroups, cues) -> list[QuoteGroup]:
    """Join ``"A," he said, "B."``: two quotes whose gap is a short cue clause, one utterance."""
    out: list[QuoteGroup] = []
    for g in qgroups:
        if out:
            prev = out[-1]
            a, b = prev.segments[-1], g.segments[0]
            gap = text[a.after:b.open]
            if (a.closed and a.para == b.para and 0 < len(gap) <= 250 and "\n" not in gap
                    and not re.search(r"[a-z]{3,}[.!?]\s+[A-Z\"“]", gap.rstrip())
                    and re.search(r"[,:.—–-]\s*$", gap)
                    and (re.match(r"^\s*[,—–-]", gap) or re.search(r"[,!?—–-]\W*$", text[a.start:a.close]))):
                toks = _tokens_between(doc, a.after, b.open)
                alpha = [t for t in toks if t.is_alpha]
                if (any(_is_cue(t, cues) for t in alpha[:8]) and (len(gap) <= 80 or gap.rstrip()[-1:] == ".")
                        and (not gap.rstrip().endswith(".") or not _has_post_cue(doc, text, g.segments[-1], cues))):
                    # "A," he said, "B."  and  "A," he said. "B."  (B without a cue of its own)
                    prev.segments.extend(g.segments)
                    continue
        out.append(QuoteGroup(list(g.segments)))
    return out


def _has_post_cue(doc, text, seg, cues) -> bool:
    lo = seg.after
    end = text.find("\n", lo)
    end = len(text) if end < 0 else end
    hi = min(end, lo + 80)
    for t in _tokens_between(doc, lo, hi):
        if t.text in (".", "!", "?") or t.text in '"“':
            return False
        if _is_cue(t, cues):
            return True
    return False


def _title_like(inner: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'’-]*", inner)
    minor = {"a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "with", "at", "by", "from"}
    content = [w for w in words if w.lower() not in minor]
    return (bool(content) and all(w[0].isupper() for w in content)
            and (len(content) >= 2 or not re.search(r"[.!?]\W*$", inner)))


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _sentence_end(doc, char: int) -> int:
    tok = _token_at(doc, char)
    return tok.sent.end_char if tok is not None else char


def _direct(doc, text, g: QuoteGroup, cues) -> Optional[_Cand]:
    first, last = g.segments[0], g.segments[-1]
    inner = text[first.start:last.end]
    if not inner.strip():
        return None
    parts = [(s.start, s.end) for s in g.segments]
    n_words = _words(inner)
    if n_words <= 8 and _title_like(inner):
        return None  # a title or a name in quotes ("Saturday Night Live"), not speech
    # cue inside a split quote
    if len(g.segments) > 1 and first.para == g.segments[1].para:
        for t in _tokens_between(doc, first.after, g.segments[1].open):
            if _is_cue(t, cues):
                return _direct_cand(inner, parts, t, 0.92)
    # cue after the closing mark: "...," he said. / "...," said Smith.
    after_lo = last.after
    para_end = text.find("\n", after_lo)
    para_end = len(text) if para_end < 0 else para_end
    if last.closed and (_SPEECH_FINAL.search(text[last.start:last.close]) or text[after_lo:after_lo + 1] in (",", "—")):
        limit = min(para_end, after_lo + 120)
        nxt = [i for i in (text.find(c, after_lo, limit) for c in '"“') if i >= 0]
        if nxt:
            limit = min(nxt)
        toks = _tokens_between(doc, after_lo, limit)
        for k, t in enumerate(toks):
            if t.is_sent_start and k > 0 and not toks[k - 1].is_punct:
                break
            if t.text in (".", "!", "?") and k > 0:
                break
            lexical = _is_cue(t, cues)
            if lexical or (t.pos_ == "VERB" and k <= 5 and re.search(r"[,!?—–-]\W*$", text[last.start:last.close])):
                lead = [x for x in toks[:k] if x.is_alpha]
                if any(c.dep_ == "ccomp" and c.i > t.i and c.left_edge.idx < limit for c in t.children):
                    break  # '"..." She says he is unfit.': the verb reports its own clause
                if not lexical:
                    # an unlisted verb right after a quote ("...," Trump barked) is a speech verb
                    # when it has a speaker and nothing else to govern
                    rest = []
                    for x in toks[k + 1:]:
                        if x.text in (".", "!", "?", ";"):
                            break
                        rest.append(x)
                    if (not (_subject_of(t) or _inverted_subject(t)) or len(lead) > 3
                            or len([x for x in rest if x.is_alpha]) > 3):
                        break
                short_ok = len(lead) <= 3 and re.search(r"[,!?]\W*$", text[last.start:last.close])
                if len(lead) <= 7 and (n_words >= 3 or len(g.segments) > 1 or short_ok):
                    return _direct_cand(inner, parts, t, 0.9 if lexical else 0.75)
                break
    # cue before the opening mark: X said: "..." / X told reporters, "..."
    before_hi = first.open
    para_start = text.rfind("\n", 0, before_hi) + 1
    stretch = text[para_start:before_hi].rstrip()
    if stretch and (stretch[-1] in ":," or re.search(r"\b(that|said|says|say|told|added|wrote|asked|declared)$", stretch)):
        toks = _tokens_between(doc, para_start, before_hi)
        sent_lo = max((t.idx for t in toks if t.is_sent_start and t.idx > para_start), default=para_start)
        # a sentence boundary right before the quote (e.g. after "he said:") is spaCy's, not the text's
        toks = [t for t in toks if t.idx >= sent_lo] or toks
        for t in reversed(toks):
            lexical = _is_cue(t, cues)
            if lexical or (stretch[-1] == ":" and t.pos_ == "VERB" and _subject_of(t) is not None):
                tail = [x for x in toks if x.idx > t.idx and x.is_alpha]
                if len(tail) <= 6 and n_words >= 4 and (stretch[-1] == ":" or inner.lstrip()[:1].isupper()):
                    return _direct_cand(inner, parts, t, 0.88 if lexical else 0.7)
                break
        if stretch[-1] == ":" and n_words >= 4:
            # "Jeffrey M. Jones: “...”": a bare name and a colon introduce the quote
            words = [t for t in toks if not t.is_punct and not t.is_space]
            if words and len(words) <= 8 and not any(t.pos_ in ("VERB", "AUX") for t in words):
                ids = {t.i for t in words}
                heads = [t for t in words if t.head.i not in ids or t.head.i == t.i]
                head = next((t for t in heads if t.pos_ in ("PROPN", "NOUN")), None)
                colon = para_start + len(stretch) - 1
                if head is not None:
                    parts = _clean_parts(text, parts)
                    return _Cand("direct", (parts[0][0], parts[-1][1]), (colon, colon + 1), head,
                                 parts=parts, confidence=0.6)
    # no cue: a whole quoted paragraph continues the previous speaker (handled in _records)
    if _words(inner) >= 4 and _whole_paragraph(text, first, last):
        parts = _clean_parts(text, parts)
        return _Cand("direct", (parts[0][0], parts[-1][1]), None, None, parts=parts, confidence=0.55)
    return None


def _whole_paragraph(text, first, last) -> bool:
    para_start = text.rfind("\n", 0, first.open) + 1
    para_end = text.find("\n", last.close)
    para_end = len(text) if para_end < 0 else para_end
    return text[para_start:first.open].strip() == "" and len(text[last.after:para_end].strip()) <= 2


def _clean_parts(text, parts) -> list[tuple[int, int]]:
    """Quoted pieces without surrounding blanks or the comma that hands over to the cue
    ("...Ukraine," he said): final stops, question and exclamation marks are the speaker's."""
    out = []
    for a, b in parts:
        while a < b and text[a].isspace():
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:—–-"):
            b -= 1
        if b > a:
            out.append((a, b))
    return out or parts


def _direct_cand(inner, parts, cue_tok, conf) -> _Cand:
    parts = _clean_parts(_text(cue_tok.doc), parts)
    lo, hi = parts[0][0], parts[-1][1]
    return _Cand("direct", (lo, hi), _cue_span(cue_tok), _subject_of(cue_tok) or _inverted_subject(cue_tok),
                 cue_token=cue_tok, parts=parts, confidence=conf)


def _inverted_subject(tok):
    """"...," tweeted Prince Alwaleed: after a quote the parser often files the speaker of an
    inverted cue as an object; take the first nominal right after the verb."""
    for c in tok.rights:
        if c.dep_ in ("dobj", "attr", "nsubj", "npadvmod", "oprd", "appos", "dative") and c.pos_ in ("PROPN", "NOUN", "PRON"):
            return c
        if c.dep_ not in ("advmod", "prt", "punct"):
            break
    return None


def _cue_span(tok) -> tuple[int, int]:
    end = tok.idx + len(tok)
    # particle verbs: "pointed out", "went on"
    for c in tok.children:
        if c.dep_ == "prt" and c.i == tok.i + 1:
            end = c.idx + len(c)
    return tok.idx, end


# ---------------------------------------------------------------- indirect speech

def _trim(doc, lo: int, hi: int) -> tuple[int, int]:
    """Strip whitespace, edge punctuation and a leading complementiser from ``[lo, hi)``."""
    text = _text(doc)
    while lo < hi and (text[lo].isspace() or text[lo] in ",;:—–-"):
        lo += 1
    m = re.match(r"(that|whether|if)\s+", text[lo:hi], re.I)
    if m and hi - lo > m.end() + 3:
        lo += m.end()
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in ",;:—–-"):
        hi -= 1
    return lo, hi


def _indirect(doc, tok, cues) -> Optional[_Cand]:
    text = _text(doc)
    comp = [c for c in tok.children if c.dep_ == "ccomp"
            and "\n" not in text[min(c.left_edge.idx, tok.idx):max(c.right_edge.idx, tok.idx)]]
    comp.sort(key=lambda c: c.i < tok.i)  # the clause after the verb first
    prec = cues.get(tok.lemma_.lower(), 0.3)
    if comp:
        c = comp[0]
        sub = list(c.subtree)
        lo, hi = _trim(doc, sub[0].idx, sub[-1].idx + len(sub[-1]))
        if hi - lo < 3 or (hi - lo < 12 and _words(_text(doc)[lo:hi]) < 2):
            return None
        subj = _subject_of(tok)
        if subj is None and tok.tag_ not in ("VBG", "VBN"):
            return None
        lo, hi, kind = _single_quoted(_text(doc), lo, hi)
        return _Cand(kind, (lo, hi), _cue_span(tok), subj, cue_token=tok,
                     confidence=0.45 + 0.45 * min(1.0, prec * 2), content_head=c)
    if tok.dep_ == "parataxis" and tok.head.pos_ in ("VERB", "AUX"):
        head = tok.head
        sub = [t for t in head.subtree if not (tok.left_edge.i <= t.i <= tok.right_edge.i)]
        sent = head.sent
        sub = [t for t in sub if sent.start <= t.i < sent.end]
        if not sub:
            return None
        lo, hi = _trim(doc, sub[0].idx, sub[-1].idx + len(sub[-1]))
        if tok.idx > lo and tok.idx < hi:  # cue in the middle: keep the larger side
            left = _trim(doc, lo, tok.left_edge.idx)
            right = _trim(doc, tok.right_edge.idx + len(tok.right_edge), hi)
            lo, hi = left if left[1] - left[0] >= right[1] - right[0] else right
        if hi - lo < 8:
            return None
        subj = _subject_of(tok)
        if subj is None:
            return None
        lo, hi, kind = _single_quoted(_text(doc), lo, hi)
        return _Cand(kind, (lo, hi), _cue_span(tok), subj, cue_token=tok,
                     confidence=0.4 + 0.4 * min(1.0, prec * 2), content_head=head)
    oprec = object_cues().get(tok.lemma_.lower())
    if oprec is not None:
        return _complement(doc, tok, oprec)
    return None


def _noun_clause(doc, tok) -> Optional[_Cand]:
    """"Trump's assertion that ...", "complaints from X that ...": the noun's content clause is
    what was said; the source is the possessor, a by/from phrase, or the subject of the verb
    the noun is the object of ("X repeated his claim that")."""
    clause = next((c for c in tok.rights if c.dep_ in ("acl", "ccomp", "appos") and any(
        m.dep_ == "mark" and m.lower_ in ("that", "whether") and m.i < c.i for m in c.children)), None)
    if clause is None:
        return None
    lo, hi = _trim(doc, clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge))
    if hi - lo < 12 or "\n" in _text(doc)[tok.idx:hi]:
        return None
    subj = next((c for c in tok.children if c.dep_ == "poss"), None)
    if subj is None:
        subj = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("by", "from", "of")
                     and p.i < clause.i for o in p.children if o.dep_ == "pobj"
                     and (o.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or o.pos_ == "PROPN")), None)
    if subj is None and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
        subj = _subject_of(tok.head)
    if subj is not None and subj.lower_ in ("its",):
        subj = None
    lo, hi, kind = _single_quoted(_text(doc), lo, hi)
    return _Cand(kind, (lo, hi), (tok.idx, tok.idx + len(tok)), subj, cue_token=tok,
                 confidence=0.35 + 0.3 * noun_cues().get(tok.lemma_.lower(), 0.3), content_head=clause)


_ADDRESSEE_VERBS = {"tell", "ask", "assure", "inform", "remind", "urge", "warn", "thank", "brief", "promise"}
_COMP_DEPS = {"dobj", "xcomp", "oprd", "advcl", "dative", "attr", "acomp"}
_COMP_PREPS = {"as", "of", "for", "about", "on", "that", "to", "with"}


def _complement(doc, tok, prec) -> Optional[_Cand]:
    """Non-clausal attributions: the verb's right-hand complements ("called [him a liar]",
    "declined [to comment]", "accused [X of Y]", "asked [whether ...]")."""
    subj = _subject_of(tok)
    if subj is None:
        return None
    kids = []
    addressee_verb = tok.lemma_.lower() in _ADDRESSEE_VERBS
    for c in tok.rights:
        if addressee_verb and c.dep_ in ("dobj", "dative") and (c.pos_ in ("PROPN", "PRON") or c.ent_type_):
            continue  # "told The Huffington Post", "asked you": the addressee, not what was said
        if c.dep_ in _COMP_DEPS and not (c.dep_ == "advcl" and not any(
                m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)):
            kids.append(c)
        elif c.dep_ == "prep" and c.lower_ in _COMP_PREPS and kids:
            kids.append(c)
        elif kids and c.dep_ not in ("punct", "cc"):
            break
    if not kids:
        return None
    lo, hi = _trim(doc, kids[0].left_edge.idx, kids[-1].right_edge.idx + len(kids[-1].right_edge))
    if hi - lo < 3 or "\n" in _text(doc)[min(lo, tok.idx):max(hi, tok.idx)]:
        return None
    lo, hi, kind = _single_quoted(_text(doc), lo, hi)
    return _Cand(kind, (lo, hi), _cue_span(tok), subj, cue_token=tok,
                 confidence=0.3 + 0.5 * prec, content_head=kids[0])


def _single_quoted(text: str, lo: int, hi: int) -> tuple[int, int, str]:
    """British-style speech in single quotes (‘We will win,’ she said), which the double-quote
    scanner leaves alone because ’ is also the apostrophe: a clause wrapped in single quotes
    on both sides is direct speech."""
    a, b = lo, hi
    opened = a < b and text[a] in "‘'"
    if opened:
        a += 1
    m = re.match(r"[,.!?]?[’']", text[b:b + 2])
    closed = b > a and text[b - 1] in "’'" and not text[b - 2:b - 1].isalpha()
    if opened and (m or closed):
        if closed:
            b -= 1
        while b > a and text[b - 1] in ",;: ":
            b -= 1
        return a, b, "direct"
    if a - 1 >= 0 and text[lo - 1:lo] in "‘'" and m and (lo - 1 == 0 or not text[lo - 2].isalnum()):
        return lo, hi, "direct"
    return lo, hi, _kind(text[lo:hi])


def _kind(content: str) -> str:
    return "mixed" if re.search(r"[\"“”]", content) else "indirect"


def _according(doc, tok) -> Optional[_Cand]:
    to = [c for c in tok.children if c.lower_ == "to"]
    if not to and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        to = [doc[tok.i + 1]]
    if not to:
        return None
    pobj = [c for c in to[0].children if c.dep_ == "pobj"]
    if not pobj:
        return None
    return _claim_around(doc, tok, pobj[0], (tok.i, max(to[0].right_edge.i, tok.right_edge.i)),
                         (tok.idx, to[0].idx + len(to[0])), 0.85)


_SOURCE_NOUNS = {"poll", "survey", "study", "report", "statement", "interview", "analysis", "memo",
                 "letter", "tweet", "post", "op-ed", "editorial", "column", "speech", "filing",
                 "document", "documents", "records", "data", "release", "email", "emails", "book"}


def _in_source(doc, tok) -> Optional[_Cand]:
    """"In a new poll, 18 percent ...", "In a statement, the ministry ...": a source document
    introduced by "in" in front of a clause whose verb is not itself a cue."""
    if tok.dep_ != "prep" or tok.head.pos_ not in ("VERB", "AUX") or tok.i > tok.head.i:
        return None
    pobj = [c for c in tok.children if c.dep_ == "pobj" and c.lemma_.lower() in _SOURCE_NOUNS]
    if not pobj or tok.head.lemma_.lower() in verb_cues():
        return None
    nxt = tok.right_edge.i + 1
    if nxt >= len(doc) or doc[nxt].text != ",":
        return None
    return _claim_around(doc, tok, pobj[0], (tok.i, tok.right_edge.i), (tok.idx, tok.idx + len(tok)), 0.6)


def _claim_around(doc, tok, src, phrase, cue, conf) -> Optional[_Cand]:
    """The claim a source phrase ("according to X", "in a poll") is attached to: the rest of
    its clause (or sentence), on the side of the phrase where the clause is."""
    sent = tok.sent
    head = tok.head if tok.head.i != tok.i else None
    # the claim: the rest of the clause the phrase modifies, else the rest of the sentence
    if head is not None and head.pos_ in ("VERB", "AUX"):
        toks = [t for t in head.subtree if not (phrase[0] <= t.i <= phrase[1]) and sent.start <= t.i < sent.end]
    else:
        toks = [t for t in sent if not (phrase[0] <= t.i <= phrase[1])]
    if tok.i > sent.start + 2 and head is not None and head.pos_ not in ("VERB", "AUX"):
        # "the figure, according to X, is ...": the whole sentence minus the phrase
        toks = [t for t in sent if not (phrase[0] <= t.i <= phrase[1])]
    toks = [t for t in toks if not t.is_space]
    if not toks:
        return None
    # keep the contiguous side of the sentence the claim is on
    before = [t for t in toks if t.i < phrase[0]]
    after = [t for t in toks if t.i > phrase[1]]
    side = after if len(after) >= len(before) else before
    if not side:
        return None
    lo, hi = _trim(doc, side[0].idx, side[-1].idx + len(side[-1]))
    while hi > lo and _text(doc)[hi - 1] in ".!?":
        hi -= 1
    if hi - lo < 5:
        return None
    return _Cand(_kind(_text(doc)[lo:hi]), (lo, hi), cue, src, cue_token=tok, confidence=conf,
                 content_head=head)


# ---------------------------------------------------------------- combination

def _nest(cands: list[_Cand]) -> list[_Cand]:
    """"X had said that C, CNN reported": the outer report's content is the inner attribution;
    keep the inner one, credited to X and reported by CNN."""
    by_cue = {c.cue_token.i: c for c in cands if c.cue_token is not None}
    drop = set()
    for outer in cands:
        h = outer.content_head
        if h is None or outer.cue_token is None or h.i not in by_cue:
            continue
        inner = by_cue[h.i]
        if inner is outer or inner.kind == "direct":
            continue
        ci = inner.content_head
        if (ci is not None and inner.cue_token.i > ci.right_edge.i and outer.cue_token.i < ci.left_edge.i):
            # parsed the other way round: "X said that C, CNN reported" with "reported" under
            # "said"; the textual order says X's verb introduces C and CNN's only reports it
            inner.subject, inner.reported_by = outer.subject, inner.subject
            inner.cue, inner.cue_token = outer.cue, outer.cue_token
        else:
            inner.reported_by = outer.subject
        drop.add(id(outer))
    return [c for c in cands if id(c) not in drop]


_TEXT_FOR_DEDUPE = [""]


def _dedupe(cands: list[_Cand]) -> list[_Cand]:
    """One attribution per stretch of text: when contents overlap, direct quotes win, then the
    more confident, then the shorter (the more specific) one."""
    order = sorted(cands, key=lambda c: (c.kind != "direct", -c.confidence, c.content[1] - c.content[0]))
    kept: list[_Cand] = []
    for c in order:
        clash = False
        for k in kept:
            if (k.kind == "direct" and c.kind != "direct" and k.cue is not None
                    and c.content[0] < k.content[0] < c.content[1]):
                # "X said A and said, "B"": the clause stops where the quote's own cue begins
                cut = min(k.content[0] - 1, k.cue[0]) if c.content[0] < k.cue[0] else k.content[0] - 1
                head = _TEXT_FOR_DEDUPE[0][c.content[0]:cut]
                head = re.sub(r"[\s,;:—–\-\"“]*(\b(and|but|or)\b)?[\s,;:—–\-\"“]*$", "", head)
                if len(head) >= 10:
                    c.content = (c.content[0], c.content[0] + len(head))
                    c.kind = _kind(head)
            ov = min(c.content[1], k.content[1]) - max(c.content[0], k.content[0])
            if ov > 0 and ov >= 0.5 * min(c.content[1] - c.content[0], k.content[1] - k.content[0]):
                clash = True
                break
        if not clash:
            kept.append(c)
    return kept


def _speaker_colons(doc, text, cands: list[_Cand], direct_ranges) -> None:
    """"Rubio: I Still Believe ..." and "TAPPER: Do you think ...": a quote on the line gets the
    speaker and the colon as its cue; an unquoted line becomes an attribution of its own."""
    for (s, e), colon, (cs, ce) in speaker_lines(doc, text):
        inside = [c for c in cands if c.kind == "direct" and c.cue is None and cs <= c.content[0] <= cs + 2]
        if inside:
            inside[0].mention, inside[0].cue = (s, e), (colon, colon + 1)
            continue
        if any(lo < ce and cs < hi for lo, hi in direct_ranges):
            continue
        # a verb rule inside the line ("Rubio: I Still Believe ...") heard the speaker's own
        # words; the line's speaker is the source
        cands[:] = [c for c in cands if not (cs <= c.content[0] and c.content[1] <= ce + 1
                                             and c.subject is not None and c.subject.idx >= cs
                                             and c.subject.lower_ in ("i", "we"))]
        lo, hi, kind = _single_quoted(text, *_trim(doc, cs, ce))
        if text[lo:lo + 1] in "‘'\"“" and text[hi - 1:hi] in "’'\"”":
            lo, hi, kind = lo + 1, hi - 1, "direct"
        cands.append(_Cand(kind, (lo, hi), (colon, colon + 1), None, confidence=0.5, mention=(s, e)))


# ---------------------------------------------------------------- source, medium, date

_REL_PRONOUNS = {"who", "which", "that", "whom"}
# Right-hand modifiers that say when or where the words were said, not who said them
# ("Stumpf in a televised interview", "an arbitration panel in 2001").
_LEFT_NOT_NP = {"prep", "advcl", "mark", "intj"}
_CAPTION_WORDS = {"left", "right", "above", "below", "pictured", "center", "centre", "top", "bottom",
                  "file", "photo"}
_CIRCUMSTANCE_PREPS = {"in", "on", "during", "at", "via", "through", "since", "after", "before", "last"}


def _mention_bounds(tok, exclude=(), cue_tok=None) -> tuple[int, int]:
    """The speaker's whole noun phrase, as PolNeAR and a reader delimit it: left modifiers, the
    head, and its right-hand dependents (appositions "Jim Bennett, 57, of Ashton", relative
    clauses, participles "a poll released last week", parenthetical party labels "(D-Vt.)",
    coordinated speakers), but not a right-hand dependent holding the cue or the content, nor
    one saying when or on what medium it was said, nor anything across a paragraph break."""
    doc = tok.doc
    lo_i = tok.i
    for c in reversed(list(tok.lefts)):
        if c.dep_ in _LEFT_NOT_NP or (c.dep_ == "advmod" and c.i == tok.left_edge.i):
            break  # "In an interview with X, the candidate", "Just 30 percent", "how many"
        lo_i = c.left_edge.i
    hi_i = tok.i
    for c in tok.rights:
        sub_lo, sub_hi = c.left_edge.i, c.right_edge.i
        if cue_tok is not None and sub_lo <= cue_tok.i <= sub_hi:
            break
        if any(c.right_edge.idx + len(c.right_edge) > a and c.left_edge.idx < b for a, b in exclude):
            break
        if c.dep_ == "prep" and c.lower_ in _CIRCUMSTANCE_PREPS and _circumstance(c):
            break
        if c.dep_ in ("punct", "cc"):
            continue  # kept only when something follows (the span is trimmed below)
        if doc[sub_lo - 1].text == "(" and sub_lo - 1 > tok.i and doc[sub_lo].lower_ in _CAPTION_WORDS:
            break  # "George Zimmerman (left)": a photo caption, not part of the name
        hi_i = sub_hi
    while hi_i > tok.i and (doc[hi_i].is_punct or doc[hi_i].dep_ == "cc" or doc[hi_i].is_space) \
            and doc[hi_i].text not in (")",):
        hi_i -= 1
    # nothing across a paragraph break on either side ("11:05 a.m.\n\nDonald Trump")
    for i in range(tok.i - 1, lo_i - 1, -1):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            lo_i = i + 1
            break
    for i in range(tok.i, hi_i):
        if "\n" in doc[i].whitespace_ or "\n" in doc[i + 1].text:
            hi_i = i
            break
    while lo_i < tok.i and (doc[lo_i].is_punct or doc[lo_i].dep_ in ("cc", "punct") or doc[lo_i].is_space):
        lo_i += 1
    inner = doc[lo_i:hi_i + 1].text
    if doc[hi_i].text == ")" and "(" not in inner:
        hi_i -= 1
    elif inner.count("(") > inner.count(")") and hi_i + 1 < len(doc) and doc[hi_i + 1].text == ")":
        hi_i += 1  # "Sen. John Cornyn (R-Texas)": the parser hangs ")" on the verb
    return doc[lo_i].idx, doc[hi_i].idx + len(doc[hi_i])


def _head_bounds(tok) -> tuple[int, int]:
    """The bare noun phrase that names the speaker (no apposition, relative clause or
    parenthesis): what ``source.name`` falls back to when no entity covers the mention."""
    lo = tok.left_edge
    hi = tok
    for c in tok.rights:
        if c.dep_ in ("prep", "compound", "flat", "nummod", "pobj", "cc", "conj") and c.i == hi.i + 1:
            hi = c.right_edge if c.dep_ != "cc" else c
        else:
            break
    lo_i = lo.i
    doc = tok.doc
    while lo_i < tok.i and (doc[lo_i].is_punct or doc[lo_i].dep_ in ("cc", "punct") or "\n" in doc[lo_i].text):
        lo_i += 1
    for i in range(tok.i - 1, lo_i - 1, -1):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            lo_i = i + 1
            break
    return doc[lo_i].idx, hi.idx + len(hi)


def _circumstance(prep) -> bool:
    """A prepositional phrase naming a time, a platform or a speech event (a medium)."""
    for o in prep.children:
        if o.dep_ != "pobj":
            continue
        if o.ent_type_ in ("DATE", "TIME"):
            return True
        noun = o.lemma_.lower()
        if noun in _MEDIUM_NOUNS or o.lower_ in _PLATFORMS or noun in ("interview", "tweet", "email"):
            return True
    return False


def _entity_for(document: Document, head_tok, lo: int, hi: int):
    """The entity whose mention covers the head word of the source phrase (tightest first); the
    possessor of "Russia's foreign ministry" does not name the ministry."""
    hs, he = head_tok.idx, head_tok.idx + len(head_tok)
    best, best_len = None, None
    for ent in document.entities:
        for m in ent.mentions:
            if m.start <= hs and he <= m.end and m.start >= lo - 40:
                ln = m.end - m.start
                if best_len is None or ln < best_len:
                    best, best_len = ent, ln
    return best


def _strip_det(s: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", s.strip(), flags=re.I)


def _salient(document: Document, before: int, pron: str, speakers: list[tuple[int, SourceRef]]):
    """Fallback for a pronoun the actors stage left unresolved: the latest speaker of a fitting
    kind, else the latest PERSON mentioned before it."""
    want_person = PRONOUNS.get(pron) in ("m", "f", "s")
    for pos, ref in reversed(speakers):
        if pos >= before or ref.name is None:
            continue
        ent = document.entity(ref.entity) if ref.entity else None
        if want_person and ent is not None and ent.type != "PERSON":
            continue
        return ref.name, ref.entity
    doc = document.doc
    best = None
    for e in doc.ents:
        if e.end_char > before:
            break
        if (e.label_ == "PERSON") == want_person and e.label_ in ("PERSON", "ORG", "NORP", "GPE"):
            best = e
    if best is None:
        return None, None
    ent = document.entity_at(best.start_char, best.end_char)
    return (ent.name, ent.id) if ent else (best.text, None)


def _medium(document: Document, cue_tok) -> Optional[str]:
    """Where the words were said, when the sentence says so: "told Reuters", "on X",
    "in a video address", "Taking to social media platform X"."""
    if cue_tok is None:
        return None
    verbs = [cue_tok]
    if cue_tok.dep_ in ("conj", "advcl", "xcomp") and cue_tok.head.pos_ in ("VERB", "AUX"):
        verbs.append(cue_tok.head)
    for v in verbs:
        for c in list(v.children):
            if c.dep_ == "dobj" and v.lemma_ == "tell" and c.ent_type_ in ("ORG",):
                return _phrase(c)
            if c.dep_ == "advcl" and c.lemma_ in ("take", "write", "post", "speak", "say", "appear"):
                # "Taking to social media platform X", "Writing on Telegram", "Speaking on CNN"
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in ("to", "on", "in", "via"):
                        for o in p.children:
                            if o.dep_ == "pobj":
                                name = _platform_name(o)
                                if name and (c.lemma_ == "take" or o.ent_type_ or name.lower() in _PLATFORMS):
                                    return name
            if c.dep_ == "prep" and c.lower_ in ("on", "in", "during", "via", "through"):
                for o in c.children:
                    if o.dep_ != "pobj":
                        continue
                    name = _platform_name(o)
                    if name and name.lower() in _PLATFORMS:
                        return name
                    noun = o.lemma_.lower()
                    for w in o.children:  # "in an interview with CNN" -> CNN
                        if w.dep_ == "prep" and w.lower_ in ("with", "on", "to"):
                            for wo in w.children:
                                if wo.dep_ == "pobj" and wo.pos_ == "PROPN":
                                    return _text(wo.doc)[wo.left_edge.idx if wo.left_edge.pos_ == "PROPN" else wo.idx:wo.idx + len(wo)]
                    if noun in _MEDIUM_NOUNS or " ".join(t.lower_ for t in o.lefts if t.dep_ == "compound") + " " + noun in _MEDIUM_NOUNS:
                        toks = [t for t in o.subtree if t.dep_ not in ("det", "poss", "punct") and t.i <= o.i]
                        if toks:
                            return _text(o.doc)[toks[0].idx:o.idx + len(o)]
    return None


def _platform_name(o) -> Optional[str]:
    """"social media platform X (formerly Twitter)" -> "X": the last proper-noun word of the
    phrase before any parenthesis or apposition."""
    if o.pos_ == "PROPN" or o.text.lower() in _PLATFORMS:
        return o.text
    for t in o.subtree:
        if t.dep_ in ("appos", "compound", "npadvmod", "nmod") and t.pos_ == "PROPN" and t.i > o.i:
            return t.text
    return None


def _phrase(tok) -> str:
    sub = list(tok.subtree)
    return _text(tok.doc)[sub[0].idx:sub[-1].idx + len(sub[-1])]


_OTHER_CLAUSE = {"relcl", "ccomp", "pcomp"}


def _dates_utterance(document: Document, span, cue_tok) -> bool:
    """Whether a time of the cue's sentence can be when the words were said. Not a time inside a
    clause the cue is not in ("Sisolak, who has avoided new mandates throughout the fall, said
    ..."), one end of an interval ("has said since March"), or a time naming a thing ("the current
    rules"). A participial side clause stays ("Speaking on Sunday, the minister said ..."), and so
    does the time of the medium ("a poll released on Monday showed ...", "told a webinar hosted on
    Wednesday")."""
    root = timex_root(document, span)
    if root is None or cue_tok in root.subtree:
        return True
    if bound_only(root) or inside_argument(root, cue_tok):
        return False
    return not crosses_clause(root, cue_tok, _OTHER_CLAUSE)


_NAMING = {"call", "name", "dub", "title", "nickname", "label", "term"}


def _naming(cue_tok) -> bool:
    """"a new protest group called ReOpenNC", "a coalition called “Save Our Country”": a participle
    giving a name is nobody's saying on any day."""
    return cue_tok.tag_ in ("VBN", "VBD") and cue_tok.dep_ in ("acl", "amod") and cue_tok.lemma_.lower() in _NAMING \
        and not any(c.dep_ in ("agent", "nsubj") for c in cue_tok.children)  # VBD: a participle mistagged


def _of_split_cue(document: Document, span, cue_tok, content: tuple[int, int]) -> bool:
    """"“Humanity made a Faustian bargain,” Hansen said in a webinar on Nov. 2. “Now ...”": a quote
    in two parts spans the cue, so the time of the cue's own words lies inside the content's range.
    It is the saying's when the cue governs it with no clause between."""
    if not (content[0] <= cue_tok.idx < content[1]):
        return False
    root = timex_root(document, span)
    if root is None or cue_tok not in root.ancestors:
        return False
    tok = root
    while tok.i != cue_tok.i:
        if tok.dep_ in ("ccomp", "parataxis", "xcomp", "conj", "relcl", "advcl", "pcomp"):
            return False
        tok = tok.head
    return True


def _date(document: Document, cue_tok, content: tuple[int, int]) -> tuple[Optional[str], Optional[str], str]:
    """``(date, date_precision, date_source)`` of an utterance.

    The nearest DATE/TIME of the cue's sentence outside what was said ("said on Saturday that ...")
    and in the cue's own clause dates the saying; a date inside the content dates what was said
    about, not the saying. With no date in reach the publication date stands in with precision null
    and ``date_source`` ``published``: a bound (it was said no later than that), as events do, never
    a reading."""
    best = None
    if cue_tok is not None:
        sent = cue_tok.sent
        for t in document.times:
            s = t.span
            if sent.start_char <= s.start and s.end <= sent.end_char and (
                    not (content[0] <= s.start < content[1]) or _of_split_cue(document, s, cue_tok, content)):
                if getattr(t, "type", "DATE") not in ("DATE", "TIME"):
                    continue
                if not _dates_utterance(document, s, cue_tok):
                    continue
                d, precision = date_and_precision(t.value, document.article.published)
                if d and (best is None or abs(s.start - cue_tok.idx) < best[0]):
                    best = (abs(s.start - cue_tok.idx), d, precision)
    if best:
        return best[1], best[2], "text"
    published = document.article.published
    if not published or (cue_tok is not None and (standing(cue_tok) or _naming(cue_tok))):
        return None, None, "none"  # "the mandate requires that ...": what a rule lays down, said on no day
    return published[:10], None, "published"


def _same_speaker(x: SourceRef, y: SourceRef) -> bool:
    """The same entity, else names with the same head word ("the university", "Georgetown
    University")."""
    if x.entity and y.entity:
        return x.entity == y.entity
    if not (x.name and y.name):
        return False
    return x.name.lower().split()[-1] == y.name.lower().split()[-1]


def _role_anaphor(x: SourceRef, before: SourceRef, cue_tok) -> bool:
    """"... Biden said Thursday. The former vice president also accused Trump of ...": a definite
    role linked to no entity that "also" speaks, right after a named speaker, is that speaker taken
    up again ("The mayor said ..." may be someone else)."""
    m = x.mention
    words = m.text.split() if m is not None else []
    return x.entity is None and before.entity is not None and len(words) > 1 and words[0] in ("The", "the") \
        and words[-1].lower() in _ROLES and any(c.dep_ == "advmod" and c.lower_ == "also" for c in cue_tok.children)


_ROLES = {"president", "minister", "senator", "governor", "mayor", "spokesman", "spokeswoman", "spokesperson",
          "secretary", "chancellor", "candidate", "nominee", "premier", "leader", "congressman", "congresswoman",
          "lawmaker", "ambassador", "general", "commander", "judge", "chairman", "chairwoman", "envoy"}


def _carry_dates(document: Document, out: list[Attribution], cands: list[_Cand]) -> None:
    """"Biden said on Thursday that ... . He also accused Trump of ...": an undated utterance right
    after one by the same speaker dated to the day in its own sentence goes on on that day (the
    same interview, statement or briefing). Only a day read in the sentence before carries, never a
    carried one; and not to "has said", "has maintained": a perfect spans many occasions."""
    prev = None  # (sentence start, attribution dated in its own sentence) of the last cue
    for att, cand in zip(out, cands):
        tok = cand.cue_token
        if tok is None:
            continue
        sent = tok.sent
        own = att.extra.get("date_source") == "text"
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
        if prev is not None and not own and not perfect and sent.start > 0 \
                and sent.doc[sent.start - 1].sent.start == prev[0] \
                and (_same_speaker(att.source, prev[1].source) or _role_anaphor(att.source, prev[1].source, tok)) \
                and prev[1].extra.get("date_precision") == "day":
            att.date = prev[1].date
            att.extra.update(date_precision="day", date_source="text")
        if own:
            prev = (sent.start, att)
        elif prev is not None and prev[0] != sent.start:
            prev = None


def _records(document: Document, cands: list[_Cand]) -> list[Attribution]:
    out: list[Attribution] = []
    speakers: list[tuple[int, SourceRef]] = []
    for n, c in enumerate(cands, 1):
        conf = c.confidence
        if c.mention is not None:
            source = _span_source(document, c.mention)
        elif c.subject is not None:
            source = _source(document, c.subject, speakers, c)
            if source.entity is None and source.mention and source.mention.text.lower() in PRONOUNS:
                conf -= 0.1
        elif c.cue_token is not None and (before := _mention_before_cue(document, c)) is not None:
            source = before
        elif c.kind == "direct" and speakers and c.content[0] - speakers[-1][0] < 1500:
            prev = speakers[-1][1]  # the same speaker goes on; mention: where they were last named
            source = SourceRef(name=prev.name, entity=prev.entity, mention=prev.mention)
        else:
            source = SourceRef(name=None, entity=None, mention=None)
            conf -= 0.2
        reported_by = None
        if c.reported_by is not None:
            rb = _source(document, c.reported_by, speakers)
            reported_by = {"entity": rb.entity, "name": rb.name}
        date, precision, date_source = _date(document, c.cue_token, c.content)
        extra = {"date_precision": precision, "date_source": date_source}
        if len(c.parts) > 1:
            extra["content_parts"] = [document.span(a, b).to_json() for a, b in c.parts]
        att = Attribution(
            id=f"A{n}", kind=c.kind, content=document.span(*c.content),
            cue=document.span(*c.cue) if c.cue else None, source=source,
            medium=_medium(document, c.cue_token), date=date,
            reported_by=reported_by, confidence=max(0.05, min(1.0, conf)), extra=extra,
        )
        out.append(att)
        if source.name:
            speakers.append((c.mention[0] if c.mention else c.content[0] if c.subject is None
                             else c.subject.idx, source))
    _carry_dates(document, out, cands)
    return out


def _source(document: Document, tok, speakers, cand: Optional[_Cand] = None) -> SourceRef:
    """The speaker as written (``mention``: the whole noun phrase, or the relative pronoun when
    the cue sits in a relative clause) and as resolved (``name``/``entity``: the canonical
    entity of the head, of a proper-noun apposition, or of a relative pronoun's antecedent)."""
    exclude = (cand.parts or [cand.content]) if cand is not None else ()
    cue_tok = cand.cue_token if cand is not None else None
    if tok.lower_ in _REL_PRONOUNS and tok.head.dep_ == "relcl" and tok.head.head.i != tok.i:
        mention = document.span(tok.idx, tok.idx + len(tok))
        ante = tok.head.head
        ref = _source(document, ante, speakers)
        return SourceRef(name=ref.name, entity=ref.entity, mention=mention)
    lo, hi = _mention_bounds(tok, exclude, cue_tok)
    mention = document.span(lo, hi)
    hlo, hhi = _head_bounds(tok)
    ent = _entity_for(document, tok, hlo, hhi)
    if ent is None:
        for c in tok.rights:  # "the campaign's chairman, Phil Lovas," names Phil Lovas
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.idx < hi:
                ent = _entity_for(document, c, *_head_bounds(c))
                if ent is not None:
                    break
    if ent is not None:
        return SourceRef(name=ent.name, entity=ent.id, mention=mention)
    if tok.lower_ in PRONOUNS and hhi - hlo == len(tok):
        name, eid = _salient(document, lo, tok.lower_, speakers)
        return SourceRef(name=name or tok.text, entity=eid, mention=mention)
    return SourceRef(name=_strip_det(_text(tok.doc)[hlo:hhi]), entity=None, mention=mention)


def _mention_before_cue(document: Document, cand: _Cand) -> Optional[SourceRef]:
    """'"...," the 45-year-old told reporters': the parser may swallow the cue into the speaker's
    noun phrase and leave it without a subject; an entity mention ending right before the cue,
    after the quoted words, is then the speaker."""
    cue = cand.cue_token
    lo = cand.content[1]
    best = None
    for ent in document.entities:
        for m in ent.mentions:
            if lo <= m.start and m.end <= cue.idx and not document.text[m.end:cue.idx].strip():
                if best is None or m.end - m.start > best[1].end - best[1].start:
                    best = (ent, m)
    if best is None:
        return None
    ent, m = best
    return SourceRef(name=ent.name, entity=ent.id, mention=document.span(m.start, m.end))


def _span_source(document: Document, span: tuple[int, int]) -> SourceRef:
    """A speaker given as a character span (a "Name:" line): the entity covering it, if any."""
    mention = document.span(*span)
    ent = document.entity_at(*span)
    if ent is not None:
        return SourceRef(name=ent.name, entity=ent.id, mention=mention)
    for e in document.entities:
        if any(m.start <= span[0] < m.end or span[0] <= m.start < span[1] for m in e.mentions):
            return SourceRef(name=e.name, entity=e.id, mention=mention)
    return SourceRef(name=mention.text, entity=None, mention=mention)
