"""Pronoun resolution for the actors extractor: cheap, rule-based, conservative.

Quote tools lose the speaker on ``"...," he added``; this module exists so they do not. It
links third-person pronouns to in-document entities with the classic salience recipe (recency,
grammatical role, gender/number agreement, binding) and two news-specific rules: a pronoun
outside quotation marks never resolves to a mention inside a quotation (people quoted *by* the
speaker are not the speaker), and "they"/"it" resolve only when exactly one candidate fits.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
NEUTER = {"it", "its", "itself"}

SPEECH_LEMMAS = {
    "say", "add", "state", "tell", "report", "announce", "claim", "note", "confirm", "deny",
    "write", "explain", "insist", "warn", "argue", "declare", "assert", "stress", "emphasize",
    "emphasise", "continue", "conclude", "reply", "respond", "answer", "acknowledge", "admit",
    "allege", "suggest", "believe", "think", "post", "tweet", "comment", "highlight", "urge",
}

HONORIFIC_GENDER = {
    "mr": "m", "mr.": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "mister": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "madam": "f", "dame": "f",
    "lady": "f", "queen": "f", "princess": "f",
}
TITLE_GENDER = {
    "spokeswoman": "f", "chairwoman": "f", "congresswoman": "f", "businesswoman": "f",
    "actress": "f", "first lady": "f", "mother": "f", "wife": "f", "daughter": "f", "sister": "f",
    "grandmother": "f", "widow": "f", "spokesman": "m", "chairman": "m", "congressman": "m",
    "businessman": "m", "father": "m", "husband": "m", "son": "m", "brother": "m",
    "grandfather": "m", "widower": "m",
}

# Common first names whose gender is near-unambiguous in news text. A short list on purpose:
# it only breaks ties between two alternating people; unknown names stay gender-neutral.
_FEMALE_NAMES = """
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma
nicole helen samantha katherine christine debra rachel carolyn janet catherine maria heather
diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith
megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn
janice jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly isabella
theresa diana natalie brittany charlotte marie kayla alexis lori hillary kamala ursula angela
loretta chelsea melania ivanka huma kellyanne hope sarah susan condoleezza madeleine janet
betsy nikki tulsi michele michelle oprah beyonce taylor serena venus malala greta jill debbie
ruth sonia elena amy dianne maxine nancy patty tammy kirsten jeanne claire heidi maggie
ayanna rashida lauren marjorie lisa mazie gretchen kathy kristen gina
theresa nikki elise marine giorgia jacinda liz kristi kirsten nancy ilhan alexandria tulsi
elena olena yulia iryna oksana natalia tatiana svetlana olga irina anastasia maria ekaterina
sanna annalena kaja mette ngozi christine kristalina
""".split()
_MALE_NAMES = """
james robert john michael david william richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott
brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron
jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian keith
roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe
bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell
bobby mason philip louis barack bernie mitch chuck mike ted marco rand boris emmanuel olaf
bill newt rudy reince jared tim jeb harry al dick colin rex rick ben jon hunter beau jim tom
steve matt andy nate wolf tucker bret
volodymyr vladimir dmitry dmitri sergei sergey oleksandr oleksii andriy mykhailo kyrylo
valery valerii denys yevgeny yevgeniy alexei aleksei viktor petro rustem ramzan xi recep
benjamin narendra justin keir rishi friedrich jens antony lloyd jake
""".split()
FIRST_NAME_GENDER = {**{n: "f" for n in _FEMALE_NAMES}, **{n: "m" for n in _MALE_NAMES}}

_ROLE_WEIGHT = {"nsubj": 1.0, "nsubjpass": 0.9, "appos": 0.8, "poss": 0.6, "dobj": 0.6,
                "dative": 0.55, "attr": 0.6, "pobj": 0.5, "conj": 0.55, "compound": 0.5}
MAX_SENT_BACK = 3


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, paragraph by paragraph.

    Straight quotes pair up in order; an unclosed one runs to the paragraph end (news style for
    quotes that continue in the next paragraph).
    """
    regions: list[tuple[int, int]] = []
    pos = 0
    for para in re.split(r"(\n)", text):
        if para == "\n":
            pos += 1
            continue
        open_at: Optional[int] = None
        for m in re.finditer(r'["\u201c\u201d]', para):
            ch, i = m.group(0), pos + m.start()
            if ch == "\u201c" or (ch == '"' and open_at is None):
                if open_at is None:
                    open_at = i
            elif open_at is not None:
                regions.append((open_at, i + 1))
                open_at = None
        if open_at is not None:
            regions.append((open_at, pos + len(para)))
        pos += len(para)
    return regions


class QuoteIndex:
    def __init__(self, text: str):
        self.regions = quote_regions(text)
        self.starts = [r[0] for r in self.regions]

    def inside(self, char: int) -> bool:
        i = bisect.bisect_right(self.starts, char) - 1
        return i >= 0 and self.regions[i][0] < char < self.regions[i][1]


@dataclass
class MentionRec:
    """A mention as the resolver sees it: where, in what role, of which cluster."""

    tok: int  # index of the mention's root token
    sent: int
    dep: str
    quoted: bool
    cluster: int
    head: int = -1  # token index of the syntactic head of the mention root


@dataclass
class ClusterInfo:
    kind: str  # "person" | "group" | "org" | "gpe"
    gender: Optional[str] = None
    plural: bool = False
    mentions: list = field(default_factory=list)


def resolve_pronouns(doc, sent_of: list[int], quotes: QuoteIndex, clusters: list[ClusterInfo],
                     recs: list[MentionRec]) -> list[tuple[int, int]]:
    """Return (token index, cluster index) for each pronoun resolved, in text order.

    ``recs`` are the name/nominal mentions (any order); resolved pronouns are added to the
    candidate pool as the scan goes, so chains ("He ... he added") follow their antecedent.
    """
    pool = sorted(recs, key=lambda r: r.tok)
    toks = [r.tok for r in pool]
    # One pass over token attributes as arrays (no Token objects): pronoun positions, and
    # which sentences are narrative. Distance counts narrative sentences only, so a speaker
    # is still "he" after a long quotation.
    from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LOWER, TAG

    strings = doc.vocab.strings
    pron_hash = {strings[w]: w for w in MALE | FEMALE | PLURAL | NEUTER}
    tag_ok = {strings["PRP"], strings["PRP$"]}
    n_sents = (max(sent_of) + 1) if sent_of else 0
    quoted_sent = [True] * n_sents
    pron_at: list[int] = []
    if len(doc):
        arr = doc.to_array([LOWER, TAG, IDX, IS_PUNCT, IS_SPACE]).tolist()
        for i, (lo_h, tag_h, idx, punct, space) in enumerate(arr):
            if lo_h in pron_hash and tag_h in tag_ok:
                pron_at.append(i)
            if not punct and not space and quoted_sent[sent_of[i]] and not quotes.inside(idx):
                quoted_sent[sent_of[i]] = False
    narr = []
    k = 0
    for q in quoted_sent:
        if not q:
            k += 1
        narr.append(k)
    out: list[tuple[int, int]] = []
    for i in pron_at:
        tok = doc[i]
        low = tok.lower_
        if tok.ent_type_:
            continue
        s = sent_of[i]
        quoted = quotes.inside(tok.idx)
        hi = bisect.bisect_left(toks, i)
        lo = hi
        while lo > 0 and narr[s] - narr[pool[lo - 1].sent] <= MAX_SENT_BACK and s - pool[lo - 1].sent <= 15:
            lo -= 1
        cands = pool[lo:hi]
        if not quoted:
            cands = [c for c in cands if not c.quoted]
        best = _choose(tok, low, s, quoted, cands, clusters, doc, narr)
        if best is None:
            continue
        out.append((i, best))
        if low in MALE or low in FEMALE:
            clusters[best].gender = clusters[best].gender or ("m" if low in MALE else "f")
        rec = MentionRec(i, s, tok.dep_, quoted, best, tok.head.i)
        pos = bisect.bisect_left(toks, i)
        toks.insert(pos, i)
        pool.insert(pos, rec)
    return out


def _choose(tok, low: str, s: int, quoted: bool, cands: list[MentionRec], clusters, doc,
            narr: list[int]) -> Optional[int]:
    if low in MALE or low in FEMALE:
        if quoted:
            return None  # "he" inside a quote is rarely the person last named outside it
        want = "m" if low in MALE else "f"
        scores: dict[int, float] = {}
        for c in cands:
            info = clusters[c.cluster]
            if info.kind != "person" or (info.gender and info.gender != want):
                continue
            # Binding: "Smith praised him" -- a non-reflexive object is not its clause's subject.
            if tok.dep_ in ("dobj", "dative", "pobj") and c.dep.startswith("nsubj") and c.head == _clause_head(tok):
                continue
            if c.tok >= tok.i:
                continue
            w = _ROLE_WEIGHT.get(c.dep, 0.45) * (0.5 ** (narr[s] - narr[c.sent]))
            if c.dep.startswith("nsubj") and doc[c.head].lemma_ in SPEECH_LEMMAS:
                w += 0.15  # the last speaker is the likeliest "he" of the next attribution
            if info.gender == want:
                w += 0.25  # known to agree beats merely not known to disagree
            if w > scores.get(c.cluster, 0.0):
                scores[c.cluster] = w
        if not scores:
            return None
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        if ranked[0][1] < 0.06:
            return None
        return ranked[0][0]
    if quoted:
        return None
    # they / it: only the same or previous sentence, and only when exactly one entity fits.
    near = [c for c in cands if narr[s] - narr[c.sent] <= 1 and c.tok < tok.i]
    if low in PLURAL:
        ok = {c.cluster for c in near if clusters[c.cluster].kind == "group" and clusters[c.cluster].plural}
    else:
        speaker = _reported_speaker(tok)
        if speaker is not None:
            # "The Pentagon said it was monitoring": the subject of the saying verb.
            for c in near:
                if c.tok == speaker and clusters[c.cluster].kind in ("org", "gpe", "group"):
                    return c.cluster
        if not (low == "its" or (tok.dep_.startswith("nsubj") and tok.head.lemma_ in SPEECH_LEMMAS)):
            return None
        ok = {c.cluster for c in near if clusters[c.cluster].kind in ("org", "gpe")
              or (clusters[c.cluster].kind == "group" and not clusters[c.cluster].plural)}
    if len(ok) == 1:
        return next(iter(ok))
    return None


def _reported_speaker(tok) -> Optional[int]:
    """Token index of the subject of the speech verb whose complement clause holds ``tok``."""
    if not tok.dep_.startswith("nsubj"):
        return None
    verb = tok.head
    if verb.dep_ not in ("ccomp", "xcomp") or verb.head.lemma_ not in SPEECH_LEMMAS:
        return None
    for ch in verb.head.children:
        if ch.dep_ == "nsubj":
            return ch.i
    return None


def _clause_head(tok) -> int:
    """The verb governing a pronoun (through a preposition for pobj)."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ in ("prep", "agent", "dative"):
        head = head.head
    return head.i


MAX_DESC_SENT_BACK = 4


def most_salient(cands: dict, at_sent: int, doc) -> Optional[int]:
    """The cluster a nominal description ("the 45-year-old") most likely points back to.

    ``cands`` maps cluster index -> its earlier MentionRecs, already filtered for agreement.
    Salience is the pronoun recipe (grammatical role, recency, being the last speaker); the
    winner must clearly beat the runner-up, because a description names nobody new to the
    reader and a wrong speaker is worse than none.
    """
    scores: dict[int, float] = {}
    for ci, recs in cands.items():
        for r in recs:
            dist = at_sent - r.sent
            if dist > MAX_DESC_SENT_BACK or r.dep == "compound":
                # a name as a modifier ("the Trump team") does not make its bearer the topic
                continue
            dep = r.dep
            if dep == "conj":
                dep = doc[r.head].dep_  # "Hall and Berg were detained": both are subjects
            w = _ROLE_WEIGHT.get(dep, 0.45) * (0.6 ** dist)
            if r.dep.startswith("nsubj") and doc[r.head].lemma_ in SPEECH_LEMMAS:
                w += 0.15
            scores[ci] = max(scores.get(ci, 0.0), w)
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]:
        return None
    return ranked[0][0]
