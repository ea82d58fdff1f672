"""In-document canonical entities: names, titles, nominal and pronoun coreference, actor codes.

Why this stage exists: attributions and events must point at *one* actor however the article
refers to it ("Ukrainian President Volodymyr Zelenskyy" = "Zelenskyy" = "the Ukrainian
President" = "he"), and carry that actor's country and PLOVER sector. Everything is built
from the spaCy parse already made (NER, noun chunks, dependencies) plus the compiled actor
lexicon; no second model, and linear time in the number of tokens.

Entities:
- named: spaCy NER PERSON/ORG/GPE/NORP/LOC/FAC, cleaned (no leading "the", no possessive),
  merged by name form (surname -> full name, "X's Forces" = "Forces of ... of X");
- country adjectives (NORP "Ukrainian") are mentions of their country's GPE entity;
- nominal: definite title phrases ("the Ukrainian President") join the titled person; group
  phrases with a country and a sector ("the Ukrainian military", "North Korean military
  personnel") become GROUP entities so that later stages can look them up with
  ``document.entity_at``;
- pronouns: see :mod:`chronicle.extract.coref`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..model import Entity
from . import actor_codes as ac
from . import coref

ASSIGNS = "entities"
REQUIRES = ("parse",)

NER_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "miss", "sir", "prof", "prof.",
              "dame", "lord", "lady", "madam"}
# Heads of title phrases that denote one person ("the president", "the Kremlin spokesman").
PERSON_TITLES = {
    "president", "vice-president", "minister", "premier", "chancellor", "secretary", "spokesman",
    "spokeswoman", "spokesperson", "ambassador", "envoy", "governor", "mayor", "senator",
    "lawmaker", "general", "commander", "chief", "leader", "king", "queen", "prince", "princess",
    "pope", "judge", "prosecutor", "adviser", "advisor", "aide", "official", "chairman",
    "chairwoman", "chair", "ceo", "candidate", "nominee", "speaker", "head", "director",
    "founder", "representative", "congressman", "congresswoman", "admiral", "colonel", "officer",
    "diplomat", "monarch", "emir", "sheikh", "ayatollah", "dictator", "tsar", "governor-general",
    "attorney", "commissioner", "sheriff", "rep.", "sen.", "gen.", "gov.", "lt.", "col.", "capt.",
    "sgt.", "maj.", "adm.", "deputy", "mp", "premier", "counsel", "journalist", "reporter",
    "correspondent", "analyst", "economist", "professor", "researcher", "expert", "activist",
}
# Words that may precede a title inside a title phrase ("former Defense Minister").
TITLE_MODIFIERS = {
    "former", "deputy", "vice", "acting", "interim", "prime", "foreign", "defence", "defense",
    "interior", "finance", "justice", "health", "economy", "trade", "chief", "senior", "top",
    "first", "then", "state", "supreme", "military", "security", "national", "presidential",
    "press", "executive", "general", "junior", "assistant", "associate", "opposition",
    "lieutenant", "major", "field", "marshal", "staff", "army", "navy", "air", "force",
    "intelligence", "energy", "education", "labour", "labor", "home", "cabinet", "party",
    "republican", "democratic", "democrat", "conservative", "labour", "liberal", "u.s.", "house",
}
LOWER_TITLE_OK = {"former", "then", "acting", "interim", "deputy", "senior", "top", "spokesman",
                  "spokeswoman", "spokesperson", "chief", "-"}
QUANTIFIERS = {"some", "other", "these", "those", "all", "many", "several", "both", "any", "most",
               "few", "more", "such", "this", "that", "the", "a", "an", "our", "their", "its",
               "about", "around", "nearly", "almost", "at", "least", "over", "up", "to"}
PLATFORMS = {"x", "twitter", "telegram", "facebook", "instagram", "youtube", "tiktok", "truth social",
             "whatsapp", "weibo", "vkontakte", "vk", "threads", "bluesky", "linkedin", "reddit"}
PLATFORMS_HEAD = frozenset(p.split()[0] for p in PLATFORMS)
RELATIVES = frozenset({"who", "which", "that", "whose", "whom"})
# Words that make a "person" name an institution ("George W. Bush Presidential Center").
INSTITUTION_WORDS = {"center", "centre", "foundation", "institute", "institution", "university",
                     "college", "school", "library", "museum", "hospital", "airport", "presidential",
                     "administration", "campaign", "act", "law", "doctrine", "memorial", "prize",
                     "award", "company", "corp", "inc", "group", "fund", "trust", "bridge", "street",
                     "avenue", "stadium", "park", "station", "center's", "plan", "rule"}
# Apposition nouns too vague to identify a person when repeated ("the one", "the woman").
GENERIC_ROLES = {"one", "part", "man", "woman", "person", "people", "member", "kind", "type",
                 "example", "case", "name", "friend", "resident", "citizen", "victim", "guy", "boy",
                 "girl", "child", "kid", "lot", "number", "group", "family", "source", "fan"}
AGE_RE = re.compile(r"\b(the|The)\s+(\d{1,3})[- ]year[- ]old\b")
# Nouns after "the 45-year-old" that keep it a description of a person (with its gender).
AGE_PERSON_NOUNS = {"man": "m", "woman": "f", "mother": "f", "father": "m", "boy": "m",
                    "girl": "f", "son": "m", "daughter": "f", "husband": "m", "wife": "f",
                    "grandmother": "f", "grandfather": "m", "widow": "f", "actress": "f",
                    "actor": None, "suspect": None, "victim": None, "driver": None, "student": None,
                    "nurse": None, "teacher": None, "resident": None, "defendant": None,
                    "player": None, "officer": None, "soldier": None, "worker": None, "doctor": None}
# Ministry words spaCy tags ORG inside "Secretary of State John Kerry".
PORTFOLIO_WORDS = {"state", "defense", "defence", "interior", "justice", "treasury", "commerce",
                   "energy", "labor", "labour", "agriculture", "health", "education", "finance"}


@dataclass
class _Cluster:
    type: str
    key: str
    names: list = field(default_factory=list)  # proper name forms (text)
    name_toks: tuple = ()  # lower tokens of the longest name
    spans: list = field(default_factory=list)  # (start_char, end_char)
    first: int = 10 ** 9
    codes: list = field(default_factory=list)  # (country, sector) evidence, strongest first
    titles: set = field(default_factory=set)
    gender: Optional[str] = None
    plural: bool = False
    nominal_name: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    last_tok: int = -1
    age: Optional[int] = None  # "Maria Gonzalez, 45," lets "the 45-year-old" find her


class _Builder:
    def __init__(self, document):
        self.document = document
        self.doc = document.doc
        self.text = document.text
        self.clusters: list[_Cluster] = []
        self.by_key: dict[str, int] = {}
        self.recs: list[coref.MentionRec] = []
        self.sent_of = [0] * len(self.doc)
        self.sent_start: list[int] = []
        for si, sent in enumerate(self.doc.sents):
            self.sent_start.append(sent.start)
            for i in range(sent.start, sent.end):
                self.sent_of[i] = si
        self.quotes = coref.QuoteIndex(self.text)
        self.ent_of: list = [None] * len(self.doc)  # token -> (label, start, end) of a kept entity
        self.of_links: list[tuple[int, int, int]] = []  # (cluster, token after "of", char)

    def _tokens_with(self, words: frozenset):
        """Tokens whose lower-case form is in ``words``, found without building every Token."""
        from spacy.attrs import LOWER

        strings = self.doc.vocab.strings
        hashes = {strings[w] for w in words}
        if not len(self.doc):
            return []
        lows = self.doc.to_array([LOWER]).tolist()
        return [self.doc[i] for i, h in enumerate(lows) if h in hashes]

    # -- clusters ---------------------------------------------------------------------------
    def _new(self, type_: str, key: str) -> int:
        self.clusters.append(_Cluster(type=type_, key=key))
        idx = len(self.clusters) - 1
        if key:
            self.by_key[key] = idx
        return idx

    def _add(self, ci: int, start_char: int, end_char: int, root, name: Optional[str] = None) -> None:
        c = self.clusters[ci]
        if (start_char, end_char) not in c.spans:
            c.spans.append((start_char, end_char))
        c.first = min(c.first, start_char)
        if name:
            c.names.append(name)
            toks = tuple(_name_key(name))
            if len(toks) > len(c.name_toks):
                c.name_toks = toks
        if root is not None:
            c.last_tok = max(c.last_tok, root.i)
            self.recs.append(coref.MentionRec(root.i, self.sent_of[root.i], root.dep_,
                                              self.quotes.inside(root.idx), ci, root.head.i))

    # -- named entities ---------------------------------------------------------------------
    def _clean(self, ent):
        """Token bounds of an NER span without leading determiners/honorifics or a possessive."""
        doc = self.doc
        s, e = ent.start, ent.end
        while s < e and doc[s].lower_ in ("the", "a", "an"):
            s += 1
        while e > s and (doc[e - 1].tag_ == "POS" or doc[e - 1].is_punct and doc[e - 1].text not in (".",)):
            e -= 1
        # "Tactical Group No. 84": NER stops before the number.
        if e < len(doc) and doc[e - 1].lower_ in ("no", "no.", "number"):
            k = e
            if k < len(doc) and doc[k].text == ".":
                k += 1
            if k < len(doc) and doc[k].like_num:
                e = k + 1
        return s, e

    def collect_ner(self):
        kept = []
        for ent in self.doc.ents:
            if ent.label_ not in NER_TYPES:
                continue
            s, e = self._clean(ent)
            if s >= e:
                continue
            label = ent.label_
            if kept and kept[-1][2] == s and _party_name(self.doc[kept[-1][1]:e].text):
                # NER splits "Liberal Democrats" into "Liberal" + "Democrats": one party
                label, s = "ORG", kept.pop()[1]
            kept.append((label, s, e))
            for i in range(s, e):
                self.ent_of[i] = (label, s, e)
        for label, s, e in self._platforms():
            kept.append((label, s, e))
            for i in range(s, e):
                self.ent_of[i] = (label, s, e)
        kept.sort(key=lambda x: x[1])
        return kept

    def _platforms(self):
        """Social platforms spaCy misses: "platform X (formerly Twitter)", "on Telegram"."""
        doc = self.doc
        out = []
        taken = -1
        for t in self._tokens_with(PLATFORMS_HEAD):
            if t.i < taken or self.ent_of[t.i] is not None or t.lower_ not in PLATFORMS or not t.text[:1].isupper():
                continue
            prev = doc[t.i - 1].lower_ if t.i > 0 else ""
            nxt = doc[t.i + 1].lower_ if t.i + 1 < len(doc) else ""
            if t.text == "X":
                ok = prev in ("platform", "on", "network", "site") or nxt == "("
            else:
                ok = prev in ("platform", "on", "network", "site", "via", "app") or t.pos_ == "PROPN"
            if not ok:
                continue
            e = t.i + 1
            # "X (formerly Twitter)" is one mention.
            if e + 2 < len(doc) and doc[e].text == "(" and doc[e + 1].lower_ in ("formerly", "previously", "ex"):
                k = e + 2
                while k < len(doc) and k < e + 6 and doc[k].text != ")":
                    k += 1
                if k < len(doc) and doc[k].text == ")":
                    e = k + 1
            out.append(("ORG", t.i, e))
            taken = e
        return out

    def _root(self, s: int, e: int):
        span = self.doc[s:e]
        return span.root

    def _title_stretch(self, s: int) -> tuple[int, bool]:
        """Start token of the title words left of a person name, and whether a title is there."""
        doc = self.doc
        j = s - 1
        start = s
        has_title = False
        sent_start = self.sent_start[self.sent_of[s]] if s < len(doc) else 0
        while j >= sent_start:
            t = doc[j]
            if t.is_space:
                j -= 1
                continue
            low = t.lower_
            ent = self.ent_of[j]
            if ent is not None and ent[0] == "PERSON":
                break
            if ent is not None and ent[0] in ("NORP", "GPE", "ORG"):
                ok = True
                if ac.known_actor(t.text) or (ent[0] == "ORG"):
                    has_title = has_title or ent[0] == "ORG"
            elif t.tag_ == "POS" and j > sent_start and self.ent_of[j - 1] is not None:
                ok = True
            elif low in PERSON_TITLES or (low.rstrip(".") in PERSON_TITLES):
                ok = t.is_title or t.is_upper or low in LOWER_TITLE_OK or t.dep_ == "compound"
                has_title = has_title or ok
            elif low in TITLE_MODIFIERS or ac.agent_sector(low):
                ok = (t.is_title or low in LOWER_TITLE_OK or has_title
                      or (t.dep_ == "compound" and ac.agent_sector(low) is not None))
                if ok and ac.agent_sector(low):
                    has_title = True
            elif low == "of" and j > sent_start and j + 1 < s and doc[j - 1].lower_ in PERSON_TITLES and doc[j + 1].is_title:
                ok = True  # "Secretary of State Antony Blinken"
            elif low == "-" and j > sent_start and doc[j - 1].lower_ in ("then", "ex", "former"):
                ok = True
            else:
                ok = False
            if not ok:
                break
            start = j
            j -= 1
        return start, has_title

    def _person(self, s: int, e: int) -> None:
        doc = self.doc
        ns = s
        gender = None
        while ns < e and doc[ns].lower_ in HONORIFICS:
            gender = gender or coref.HONORIFIC_GENDER.get(doc[ns].lower_)
            ns += 1
        honor_before = s > 0 and doc[s - 1].lower_ in HONORIFICS and doc[s - 1].is_title
        if honor_before:
            gender = gender or coref.HONORIFIC_GENDER.get(doc[s - 1].lower_)
        if ns >= e:
            return
        name = doc[ns:e].text
        toks = _name_key(name)
        ci = self._match_person(toks, s, gender)
        if ci is None:
            ci = self._new("PERSON", "")
        c = self.clusters[ci]
        if gender is None and len(toks) >= 2:
            gender = coref.FIRST_NAME_GENDER.get(toks[0])
        c.gender = c.gender or gender
        ts, has_title = self._title_stretch(s)
        mstart = ts if has_title else s
        if honor_before and not has_title:
            mstart = s - 1
        root = self._root(s, e)
        self._add(ci, doc[mstart].idx, doc[e - 1].idx + len(doc[e - 1]), root, name)
        if ts < s:
            ctry, sect = ac.code_span(doc[ts:e])
            if ctry or sect:
                c.codes.append((ctry, sect))
            for t in doc[ts:s]:
                if t.lower_ in PERSON_TITLES:
                    c.titles.add(_title_lemma(t))
                g = coref.TITLE_GENDER.get(t.lower_)
                if g:
                    c.gender = c.gender or g
        self._appositions(ci, root)

    def _appositions(self, ci: int, root) -> None:
        """"Dmitry Peskov, the Kremlin spokesman," / "the Kremlin spokesman, Dmitry Peskov"."""
        doc = self.doc
        cands = [ch for ch in root.children if ch.dep_ == "appos"]
        if root.dep_ == "appos":
            cands.append(root.head)
        self._age(ci, root)
        if self._of_title(ci, root):
            return
        for t in cands:
            if self.ent_of[t.i] is not None and self.ent_of[t.i][0] in ("PERSON", "GPE"):
                continue
            if t.pos_ != "NOUN":
                continue
            chunk = self.chunk_of.get(t.i)
            if chunk is None:
                continue
            s, e = chunk
            descriptive = any(x.dep_ in ("det", "poss") or (self.ent_of[x.i] is not None and self.ent_of[x.i][0] in ("NORP", "GPE", "ORG"))
                              for x in doc[s:e])
            if not descriptive:
                continue
            if any(self.ent_of[i] is not None and self.ent_of[i][0] == "PERSON" for i in range(s, e)):
                continue
            lem = _title_lemma(t)
            ctry, sect = ac.code_span(doc[s:e])
            c = self.clusters[ci]
            if lem in PERSON_TITLES or (t.tag_ == "NN" and lem not in GENERIC_ROLES
                                        and self._set_off(root, t, s)):
                c.titles.add(lem)  # "Maria Gonzalez, a nurse,": later "the nurse" is her
            # a noun that is no person title ("a Zimbabwean court") describes the person only when
            # punctuated as an apposition: the parser also hangs a clause's subject on its object
            # ("A Zimbabwean court on Tuesday freed pastor Evan Mawarire")
            same = lem in PERSON_TITLES or self._set_off(root, t, s)
            if not same:
                continue
            if ctry or sect:
                c.codes.append((ctry, sect))
            g = coref.TITLE_GENDER.get(t.lower_)
            if g:
                c.gender = c.gender or g
            if lem in PERSON_TITLES or sect:
                self._add(ci, doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), t)
                self.nominal_done.add(t.i)

    def _set_off(self, root, t, s: int) -> bool:
        """Whether the apposition is punctuated as one ("Gonzalez, a nurse from Valencia," or
        "the nurse, Gonzalez"): the parser also files "Limbaugh, the move reeks" as apposition,
        and a role noun learnt from that would capture a later "the move"."""
        doc = self.doc
        if t.i > root.i:
            lo, hi = t.left_edge.i, t.right_edge.i
            for x in doc[lo:hi + 1]:
                if x.tag_ in ("VBZ", "VBD", "VBP") and not any(ch.tag_ in ("WP", "WDT", "WP$") for ch in x.children):
                    return False  # a clause ("the move reeks of fear"), not a description
            ce = self.chunk_of.get(t.i, (t.i, t.i + 1))[1]
            nxt = doc[ce] if ce < len(doc) else None
            if nxt is not None and not (nxt.is_punct or nxt.pos_ == "ADP" or nxt.tag_ in ("WP", "WDT", "WP$")):
                return False  # "Limbaugh, the move reeks of fear": the noun runs on into a clause
            before = doc[lo - 1] if lo > 0 else None
            after = doc[hi + 1] if hi + 1 < len(doc) else None
            return (before is not None and before.text == "," and before.i > root.i
                    and (after is None or after.text in (",", ".", ";", ")", "\u2014", "--")))
        k = t.i + 1
        return k < len(doc) and doc[k].text == "," and k < root.i and root.i - k <= 6

    def _of_title(self, ci: int, root) -> bool:
        """"The president of the clinic, Juan Perez,": the parser hangs the name on "clinic", but
        the apposition is to the whole title phrase, which is a mention of the person."""
        doc = self.doc
        head = root.head
        if root.dep_ != "appos" or head.dep_ != "pobj" or head.i >= root.i:
            return False
        prep = head.head
        title = prep.head
        if prep.lower_ != "of" or title.pos_ != "NOUN" or title.i >= prep.i or title.tag_ != "NN":
            return False
        lem = _title_lemma(title)
        if lem not in PERSON_TITLES or self.ent_of[title.i] is not None:
            return False
        chunk = self.chunk_of.get(title.i)
        s = chunk[0] if chunk else title.i
        if any(self.ent_of[i] is not None and self.ent_of[i][0] == "PERSON" for i in range(s, head.i + 1)):
            return False
        if not all(doc[i].i == root.i or not doc[i].is_punct or doc[i].text in "-'" for i in range(s, head.i + 1)):
            return False
        c = self.clusters[ci]
        c.titles.add(lem)
        g = coref.TITLE_GENDER.get(title.lower_)
        if g:
            c.gender = c.gender or g
        ctry, sect = ac.code_span(doc[s:head.i + 1])
        if ctry or sect:
            c.codes.append((ctry, sect))
        self._add(ci, doc[s].idx, head.idx + len(head), title)
        self.nominal_done.add(title.i)
        return True

    def _age(self, ci: int, root) -> None:
        """"Maria Gonzalez, 45, ...": news style gives an age that "the 45-year-old" repeats."""
        doc = self.doc
        for ch in root.rights:
            if ch.dep_ in ("appos", "amod", "nummod", "npadvmod") and ch.like_num and ch.i == root.i + 2 \
                    and doc[root.i + 1].text == ",":
                try:
                    n = int(ch.text)
                except ValueError:
                    return
                if 0 < n < 120:
                    self.clusters[ci].age = n
                return

    def age_nominals(self) -> None:
        """"the 45-year-old (woman)": a description by age refers back to a person already
        named; resolved only when salience singles one out (a wrong speaker is worse than none)."""
        doc = self.doc
        text = self.text
        for m in AGE_RE.finditer(text):
            n = int(m.group(2))
            start, end = m.start(), m.end()
            first = doc.char_span(start, start + 3, alignment_mode="expand")
            last = doc.char_span(end - 3, end, alignment_mode="expand")
            if first is None or last is None:
                continue
            k = last.end
            while k < len(doc) and doc[k].is_space:
                k += 1
            gender = None
            if k < len(doc) and doc[k].pos_ in ("NOUN", "PROPN", "ADJ") and not doc[k].is_punct:
                noun = doc[k].lower_
                if noun not in AGE_PERSON_NOUNS:
                    continue  # "the 45-year-old law": not a person
                gender = AGE_PERSON_NOUNS[noun]
                end = doc[k].idx + len(doc[k])
                k += 1
            at = first.start
            if any(self.ent_of[i] is not None and self.ent_of[i][0] == "PERSON" for i in range(at, k)):
                continue
            ci = self._salient_person(at, n, gender)
            if ci is None:
                continue
            rootish = doc[k - 1]
            self._add(ci, start, end, rootish)

    def _salient_person(self, at_tok: int, age: int, gender: Optional[str]) -> Optional[int]:
        quoted = self.quotes.inside(self.doc[at_tok].idx)
        cands = [r for r in self.recs if r.tok < at_tok and (quoted or not r.quoted)]
        ok = {}
        for r in cands:
            c = self.clusters[r.cluster]
            if c.type != "PERSON" or c.nominal_name is not None:
                continue
            if (c.age is not None and c.age != age) or (gender and c.gender and c.gender != gender):
                continue
            ok.setdefault(r.cluster, []).append(r)
        same_age = [ci for ci in ok if self.clusters[ci].age == age]
        if len(same_age) == 1:
            last = max(r.tok for r in ok[same_age[0]])
            # Nobody of unknown age named since ("Helal, 40 ... Richard Osman (left), 40"):
            # the stated age then identifies the person however far back.
            if not any(r.tok > last for ci, rs in ok.items() if ci != same_age[0] for r in rs):
                return same_age[0]
            return None
        if same_age:
            return None
        return coref.most_salient(ok, self.sent_of[at_tok], self.doc)

    def _match_person(self, toks: list, at_tok: int, gender: Optional[str] = None) -> Optional[int]:
        best = None
        if gender is None and len(toks) >= 2:
            gender = coref.FIRST_NAME_GENDER.get(toks[0])
        for ci, c in enumerate(self.clusters):
            if c.type != "PERSON" or not c.name_toks:
                continue
            if gender and c.gender and gender != c.gender:
                continue  # "Mrs. Clinton" is not Bill Clinton
            C = c.name_toks
            ok = False
            if tuple(toks) == C:
                ok = True
            elif len(toks) == 1:
                ok = toks[0] == C[-1]
            elif _subseq(toks, C) or _subseq(C, toks):
                ok = True
            if ok and (best is None or (len(c.spans), c.last_tok) > (len(self.clusters[best].spans), self.clusters[best].last_tok)):
                best = ci  # an ambiguous surname goes to the most-mentioned bearer so far
        return best

    def _person_by_surname(self, text: str) -> Optional[int]:
        toks = _name_key(text)
        if not toks:
            return None
        return self._match_person(toks, 0)

    def named(self, kept) -> None:
        doc = self.doc
        for label, s, e in kept:
            if label == "PERSON":
                if any(t.lower_ in INSTITUTION_WORDS for t in doc[s:e]) or doc[s:e].text.lower() in ac_platforms():
                    continue
                self._person(s, e)
        for label, s, e in kept:
            if label == "PERSON":
                if any(t.lower_ in INSTITUTION_WORDS for t in doc[s:e]) or doc[s:e].text.lower() in ac_platforms():
                    label = "ORG"  # spaCy's PERSON on an institution or a platform name
                else:
                    continue
            text = doc[s:e].text
            if (label == "ORG" and e - s == 1 and doc[s].lower_ in PORTFOLIO_WORDS and s > 0
                    and doc[s - 1].lower_ == "of"):
                continue  # "Secretary of State": part of a title, not an organisation
            root = self._root(s, e)
            start_char, end_char = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
            iso = ac.country_code(text)
            if label != "NORP" and iso is None:
                pc = self._person_by_surname(text) if label in ("ORG", "GPE", "LOC") and e - s <= 2 else None
                if pc is not None:  # spaCy often labels a bare surname ORG or GPE
                    self._add(pc, start_char, end_char, root, text)
                    continue
            if label in ("NORP", "GPE") and iso:
                key = "C:" + iso
                ci = self.by_key.get(key)
                if ci is None:
                    ci = self._new("GPE", key)
                    self.clusters[ci].country = iso
                self._add(ci, start_char, end_char, root, text if label == "GPE" else None)
                continue
            if label in ("NORP", "GPE") and iso is None and (ac.known_actor(text) or (None, None))[1] in ("PTY", "BUS"):
                label = "ORG"  # spaCy's NORP "Tories", "Gazprom": a party or a firm, an organisation
            if label == "NORP":
                key = "N:" + text.lower()
                ci = self.by_key.get(key)
                if ci is None:
                    ci = self._new("NORP", key)
                self._add(ci, start_char, end_char, root, text)
                continue
            if label in ("GPE", "LOC", "FAC"):
                key = "L:" + text.lower()
                ci = self.by_key.get(key, self.by_key.get("O:" + text.lower()))  # "Nafta" ORG = GPE
                if ci is None:
                    ci = self._new(label, key)
                    ctry = ac.metonym_country(text) or ac.code_phrase(text)[0]
                    self.clusters[ci].codes.append((ctry, None))
                self._add(ci, start_char, end_char, root, text)
                continue
            self._org(s, e, root)

    def _org(self, s: int, e: int, root) -> None:
        doc = self.doc
        text = doc[s:e].text
        text = re.sub(r"\s*\((?:formerly|previously|ex)\b.*\)$", "", text) or text
        low = text.lower()
        core = low.split(" of ", 1)[0] if " of " in low else None
        ci = self.by_key.get("O:" + low, self.by_key.get("L:" + low))
        if ci is None:
            for cj, c in enumerate(self.clusters):
                if c.type != "ORG":
                    continue
                for n in c.names:
                    nl = n.lower()
                    ncore = nl.split(" of ", 1)[0] if " of " in nl else None
                    if (core and core == nl and len(nl.split()) >= 2) or (ncore and ncore == low and len(low.split()) >= 2):
                        ci = cj
                        break
                if ci is not None:
                    break
        if ci is None:
            ci = self._new("ORG", "O:" + low)
        else:
            self.by_key.setdefault("O:" + low, ci)
        c = self.clusters[ci]
        ms = s
        poss = None
        # "Ukraine's Special Operations Forces": the possessor belongs to the mention.
        if s >= 2 and doc[s - 1].tag_ == "POS" and self.ent_of[s - 2] is not None and self.ent_of[s - 2][0] in ("GPE", "ORG"):
            ms = self.ent_of[s - 2][1]
            poss = ac.country_code(doc[ms:s - 1].text) or ac.code_phrase(doc[ms:s - 1].text)[0]
            if poss:
                c.codes.append((poss, None))
        known = ac.known_actor(text)
        if known and poss and known[1] == "PTY":
            known = (poss, "PTY")  # "Canada's Conservatives": a party name is the possessor's party
        if known and known[1] == "PTY" and any(x[1] == "PTY" for x in c.codes):
            c.codes.append(known)  # the first mention's reading of the party stands
        elif known:
            c.codes.insert(0, known)
        else:
            ctry, sect = ac.code_phrase(text)
            firm = ac.company(text) if sect is None else None
            if firm:
                ctry, sect = ctry or firm[0], firm[1]  # "Acme Widgets Ltd": a business
            if ctry or sect:
                c.codes.append((ctry, sect))
        self._add(ci, doc[ms].idx, doc[e - 1].idx + len(doc[e - 1]), root, text)
        k = e
        if k < len(doc) and doc[k].lower_ == "of":
            k += 1
            if k < len(doc) and doc[k].lower_ == "the":
                k += 1
            if k < len(doc):
                self.of_links.append((ci, k, 0))

    # -- nominals ---------------------------------------------------------------------------
    def nominals(self) -> None:
        doc = self.doc
        heads = ac.agent_heads()
        for (s, e), root_i in zip(self.chunks, self.chunk_roots):
            root = doc[root_i]
            if root.i in self.nominal_done or root.pos_ not in ("NOUN", "PROPN"):
                continue
            if self.ent_of[root.i] is not None:
                continue
            if root.pos_ == "PROPN" and root.lower_ not in PERSON_TITLES:
                self._propn_chunk(s, e, root)
                continue
            if e - s == 1 and root.is_title and root.dep_.startswith("nsubj"):
                # A surname the tagger took for a noun ("Trump has record low support").
                ci = self._match_person([root.lower_], root.i)
                if ci is not None:
                    self._add(ci, root.idx, root.idx + len(root), root)
                    continue
            if any(self.ent_of[i] is not None and self.ent_of[i][0] in ("PERSON", "ORG", "FAC") for i in range(s, e)):
                continue
            lem = _title_lemma(root)
            known_role = lem in self.roles_seen and doc[s].lower_ == "the"
            if (root.lower_ not in heads and root.lemma_.lower() not in heads and not known_role
                    and lem not in PERSON_TITLES and root.lower_ not in PERSON_TITLES):
                continue  # no agent noun at the head: neither a title nor a group actor
            body = [t for t in doc[s:e] if t.lower_ not in QUANTIFIERS and not t.like_num and t.tag_ != "POS"]
            if not body:
                continue
            ctry, sect = ac.code_span(body)
            definite = doc[s].lower_ in ("the", "this", "that") or any(t.dep_ == "poss" for t in doc[s:e])
            singular = root.tag_ in ("NN", "NNP")
            if (lem in PERSON_TITLES or root.lower_ in PERSON_TITLES or known_role) and singular and (definite or ctry):
                ci = self._title_antecedent(lem, ctry, sect, root.i, definite, coref.TITLE_GENDER.get(root.lower_))
                if ci is not None:
                    self._add(ci, doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), root)
                    if ctry or sect:
                        self.clusters[ci].codes.append((ctry, sect))
                    continue
                if ctry and sect:
                    key = "P:" + " ".join(t.lower_ for t in body)
                    ci = self.by_key.get(key)
                    if ci is None:
                        ci = self._new("PERSON", key)
                        self.clusters[ci].nominal_name = doc[body[0].i:e].text
                        self.clusters[ci].titles.add(lem)
                        self.clusters[ci].codes.append((ctry, sect))
                    self._add(ci, doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), root)
                continue
            if not (ctry and sect):
                continue
            key = "G:" + " ".join([t.lower_ for t in body[:-1]] + [body[-1].lemma_.lower()])
            ci = self.by_key.get(key)
            if ci is None:
                ci = self._new("GROUP", key)
                cl = self.clusters[ci]
                cl.nominal_name = doc[body[0].i:e].text
                cl.codes.append((ctry, sect))
                cl.plural = root.tag_ in ("NNS", "NNPS") or lem in ("personnel", "police", "people")
            self._add(ci, doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), root)

    def _propn_chunk(self, s: int, e: int, root) -> None:
        """A proper name spaCy's NER missed ("Governor Pence", "PENCE:"): join a known person."""
        doc = self.doc
        names = [t for t in doc[s:e] if t.pos_ == "PROPN" and t.lower_ not in PERSON_TITLES
                 and t.lower_.rstrip(".") not in PERSON_TITLES and t.lower_ not in HONORIFICS]
        if not names or names[-1].i != root.i:
            return
        ci = self._match_person([t.lower_ for t in names], root.i)
        if ci is None:
            return
        first = names[0].i
        ts, has_title = self._title_stretch(first)
        ms = ts if has_title else first
        self._add(ci, doc[ms].idx, root.idx + len(root), root, None)

    def _title_antecedent(self, lem: str, ctry, sect, at_tok: int, definite: bool,
                          gender: Optional[str] = None) -> Optional[int]:
        """The person a definite title phrase ("the Ukrainian President") refers back to."""
        last_before: dict[int, int] = {}
        for r in self.recs:
            if r.tok < at_tok and r.tok > last_before.get(r.cluster, -1):
                last_before[r.cluster] = r.tok
        persons = [(tok, ci) for ci, tok in last_before.items()
                   if self.clusters[ci].type == "PERSON" and self.clusters[ci].nominal_name is None]
        persons.sort(reverse=True)
        for tok, ci in persons:
            c = self.clusters[ci]
            cc = next((x[0] for x in c.codes if x[0]), None)
            if lem not in c.titles:
                continue
            if gender and c.gender and gender != c.gender:
                continue  # "the spokeswoman" is not the spokesman named before
            if ctry is not None and cc != ctry:
                continue  # "the Burmese leader" is not the Senate leader of unknown country
            if ctry is None and self.sent_of[at_tok] - self.sent_of[tok] > 10:
                continue
            return ci
        if definite and persons:
            ci = persons[0][1]
            c = self.clusters[ci]
            cc = next((x[0] for x in c.codes if x[0]), None)
            cs = next((x[1] for x in c.codes if x[1]), None)
            if ctry and cc == ctry and sect and cs == sect and self.sent_of[at_tok] - self.sent_of[persons[0][0]] <= 2:
                return ci
        return None

    def _relatives(self) -> None:
        """"Clyburn, who said ...": a relative pronoun is its antecedent's mention."""
        doc = self.doc
        owner: dict[int, int] = {}
        for r in self.recs:
            owner.setdefault(r.tok, r.cluster)
        for t in self._tokens_with(RELATIVES):
            if t.tag_ not in ("WP", "WDT", "WP$") or t.head.dep_ != "relcl":
                continue
            ante = t.head.head
            ci = owner.get(ante.i)
            if ci is None:
                continue
            c = self.clusters[ci]
            if (t.lower_ == "who" and c.type not in ("PERSON", "GROUP")) or (t.lower_ == "which" and c.type == "PERSON"):
                continue
            c.spans.append((t.idx, t.idx + len(t)))

    # -- coding and output ------------------------------------------------------------------
    def _code(self) -> None:
        for c in self.clusters:
            if c.type == "GPE" and c.country:
                continue
            if c.type == "PERSON" and c.names:
                toks = list(c.name_toks)
                plain = [t for t in toks if not t.endswith(".")]  # "Donald J. Trump"
                known = None
                for form in (toks, plain, plain[:1] + plain[-1:] if len(plain) > 2 else None):
                    if form:
                        known = ac.known_actor(" ".join(form))
                        if known:
                            break
                if known:
                    c.codes.append(known)
            if c.type == "ORG" and c.names and _is_instrument(max(c.names, key=len)):
                c.codes = []  # a treaty or a law is not an actor: no country, no sector
            c.country = c.country or next((x[0] for x in c.codes if x[0]), None)
            c.sector = c.sector or next((x[1] for x in c.codes if x[1]), None)
        # "Tactical Group No. 84 of Ukraine's Special Operations Forces" inherits UKR.
        for _ in range(2):
            for ci, tok_i, _c in self.of_links:
                c = self.clusters[ci]
                if c.country:
                    continue
                ent = self.ent_of[tok_i]
                if ent is None:
                    continue
                other = self._cluster_at(self.doc[ent[1]].idx)
                if other is not None and other.country:
                    c.country = other.country

    def _cluster_at(self, char: int) -> Optional[_Cluster]:
        best = None
        for c in self.clusters:
            for s, e in c.spans:
                if s <= char < e and (best is None or e - s < best[0]):
                    best = (e - s, c)
        return best[1] if best else None

    def run(self) -> list[Entity]:
        doc = self.doc
        chunks = list(doc.noun_chunks)
        self.chunks = [(nc.start, nc.end) for nc in chunks]
        self.chunk_roots = [nc.root.i for nc in chunks]
        self.chunk_of = {}
        for s, e in self.chunks:
            for i in range(s, e):
                self.chunk_of[i] = (s, e)
        self.nominal_done: set[int] = set()
        kept = self.collect_ner()
        self.named(kept)
        self.roles_seen = {t for c in self.clusters if c.type == "PERSON" for t in c.titles}
        self.nominals()
        infos = []
        for c in self.clusters:
            kind = {"PERSON": "person", "GROUP": "group", "ORG": "org", "GPE": "gpe"}.get(c.type, "other")
            if c.type == "PERSON" and c.gender is None and c.name_toks:
                c.gender = coref.FIRST_NAME_GENDER.get(c.name_toks[0]) if len(c.name_toks) > 1 else None
            infos.append(coref.ClusterInfo(kind, c.gender, c.plural))
        for tok_i, ci in coref.resolve_pronouns(doc, self.sent_of, self.quotes, infos, self.recs):
            t = doc[tok_i]
            self.clusters[ci].spans.append((t.idx, t.idx + len(t)))
            self.clusters[ci].gender = infos[ci].gender
            self.recs.append(coref.MentionRec(tok_i, self.sent_of[tok_i], t.dep_, self.quotes.inside(t.idx),
                                              ci, t.head.i))
        # After pronouns: "her speech", "she" keep a person salient for "the 46-year-old".
        self.age_nominals()
        self._relatives()
        self._code()
        out = []
        for c in sorted(self.clusters, key=lambda c: c.first):
            if not c.spans:
                continue
            name = self._name(c)
            # A bare name nested in its own title mention adds nothing: keep outermost spans.
            spans = []
            for sp in sorted(set(c.spans), key=lambda x: (x[0], -x[1])):
                if spans and spans[-1][0] <= sp[0] and sp[1] <= spans[-1][1]:
                    continue
                spans.append(sp)
            ent = Entity(id="", name=name, type=c.type,
                         mentions=[self.document.span(s, e) for s, e in spans],
                         country=c.country, sector=c.sector)
            aliases = sorted({_strip_poss(n) for n in c.names} - {name})
            if aliases:
                ent.aliases = aliases
            if c.nominal_name is not None:
                ent.extra["nominal"] = True
            out.append(ent)
        for i, ent in enumerate(out, 1):
            ent.id = f"E{i}"
        return out

    def _name(self, c: _Cluster) -> str:
        if c.type == "GPE" and c.key.startswith("C:"):
            named = [_strip_poss(n) for n in c.names]
            return max(named, key=len) if named else (ac.country_name(c.country) or c.key[2:])
        if c.names:
            return max((_strip_poss(n) for n in c.names), key=len)
        return c.nominal_name or ""


TITLE_ABBREV = {"sen.": "senator", "sen": "senator", "rep.": "representative", "gen.": "general",
                "gov.": "governor", "lt.": "lieutenant", "col.": "colonel", "capt.": "captain",
                "sgt.": "sergeant", "maj.": "major", "adm.": "admiral", "pres.": "president",
                "congressman": "representative", "congresswoman": "representative",
                "spokeswoman": "spokesman", "spokesperson": "spokesman", "chairwoman": "chairman",
                "chair": "chairman", "advisor": "adviser"}


def _title_lemma(tok) -> str:
    low = tok.lower_
    return TITLE_ABBREV.get(low, TITLE_ABBREV.get(tok.lemma_.lower(), tok.lemma_.lower()))


def ac_platforms() -> set:
    return PLATFORMS


INSTRUMENT_HEADS = {"agreement", "treaty", "accord", "accords", "act", "convention", "protocol",
                    "deal", "pact", "plan", "charter", "resolution", "bill", "law", "initiative"}


def _party_name(text: str) -> bool:
    """A political party's name in the actor lexicon ("Liberal Democrats", "Tories")."""
    known = ac.known_actor(text)
    return bool(known) and known[1] == "PTY"


def _is_instrument(name: str) -> bool:
    words = name.lower().split(" of ", 1)[0].split()
    return bool(words) and words[-1] in INSTRUMENT_HEADS


def _strip_poss(name: str) -> str:
    return re.sub(r"(?:'s|\u2019s|')$", "", name.strip())


def _name_key(name: str) -> list[str]:
    toks = [t.lower().strip(".,") for t in re.split(r"\s+", _strip_poss(name)) if t]
    return [t for t in toks if t and t not in HONORIFICS]


def _subseq(a, b) -> bool:
    """True when a's tokens appear in b in order (a shorter form of the same name)."""
    if len(a) > len(b):
        return False
    it = iter(b)
    return all(x in it for x in a)


def extract(document) -> list[Entity]:
    if document.doc is None:
        return []
    return _Builder(document).run()
