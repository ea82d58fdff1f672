"""Country (ISO3) and PLOVER sector codes for an actor noun phrase.

Event and attribution records must say *whose* soldiers, *which* government, so every actor
mention is coded the way CAMEO/PLOVER coders do it: a named-actor dictionary first (Phoenix
actor files: "Kremlin" -> RUS GOV), then country names/demonyms ("Ukrainian", "of Ukraine")
and agent nouns ("security forces" -> MIL, "president" -> GOV) inside the phrase.

The lexicon is compiled by ``scripts/build_actor_lexicon.py`` into
``chronicle/data/actor_lexicon.json.gz`` and loaded once per process.
"""
from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, NamedTuple, Optional, Sequence

MAX_NGRAM = 8
_LEXICON_PATH = Path(__file__).resolve().parent.parent / "data" / "actor_lexicon.json.gz"
# Words after which a noun phrase stops describing its head ("forces of Ukraine" keeps the
# country but "troops near Kyiv" should not make Kyiv the troops' owner first).
_PREPS = {"of", "for", "in", "from", "at", "on", "with", "near", "to", "by", "against", "under",
          "who", "which", "that", ","}
_OFFICE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
# Last words that make an organisation's name a firm's ("Acme Widgets Ltd", "Rolls-Royce plc").
COMPANY_SUFFIXES = frozenset({
    "inc", "incorporated", "ltd", "limited", "plc", "corp", "corporation", "co", "llc", "llp", "ag",
    "gmbh", "sa", "s.a", "nv", "n.v", "bv", "spa", "s.p.a", "holdings", "airlines", "airways", "motors",
    "industries", "technologies", "pharmaceuticals", "petroleum", "telecom", "telecommunications",
    "bancorp", "enterprises", "studios", "pictures", "records", "systems", "partners", "plc.",
})
_TOKEN_RE = re.compile(r"[A-Za-z\u00C0-\u024F](?:[A-Za-z\u00C0-\u024F0-9\-]|\.(?=[A-Za-z]))*\.?|\d+|,")


class Lexicon(NamedTuple):
    countries: dict
    agents: dict
    actors: dict
    metonyms: dict
    names: dict
    places: dict
    party_adjs: dict  # "tory" -> "GBR": a party word that only names the party before a member noun
    party_members: dict  # "mp" -> "LEG": what a party name followed by this noun denotes


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The compiled lexicon; read once per process (about 30 ms)."""
    data = json.loads(gzip.decompress(_LEXICON_PATH.read_bytes()).decode("utf-8"))
    return Lexicon(data["countries"], data["agents"], data["actors"], data["metonyms"], data["names"],
                   data.get("places", {}), data.get("party_adjs", {}), data.get("party_members", {}))


def _tokens(text: str) -> list[tuple[str, bool]]:
    """(lower-cased token, starts with a capital) pairs; possessive 's dropped."""
    text = text.replace("\u2019", "'")
    text = re.sub(r"'s\b|(?<=s)'(?=\s|$)", "", text)
    out = []
    for m in _TOKEN_RE.finditer(text):
        tok = m.group(0)
        out.append((tok.lower(), tok[:1].isupper()))
    return out


class Match(NamedTuple):
    start: int
    end: int  # exclusive token index
    key: str
    value: object


def _matches(words: Sequence[str], table: dict, alt_last: Sequence[Optional[str]] = ()) -> list[Match]:
    """Every n-gram of ``words`` found in ``table``; ``alt_last[i]`` is an alternative form
    (a lemma) of word i, tried when the n-gram ends at i."""
    found = []
    n = len(words)
    for i in range(n):
        key = ""
        for j in range(i, min(n, i + MAX_NGRAM)):
            key = words[j] if j == i else key + " " + words[j]
            if key in table:
                found.append(Match(i, j + 1, key, table[key]))
            elif alt_last and alt_last[j] and alt_last[j] != words[j]:
                alt = (key.rsplit(" ", 1)[0] + " " + alt_last[j]) if j > i else alt_last[j]
                if alt in table:
                    found.append(Match(i, j + 1, alt, table[alt]))
    return found


def _head_index(words: Sequence[str]) -> int:
    """Last word before the first preposition/relative/comma: the rough head of the phrase."""
    for i, w in enumerate(words):
        if i > 0 and w in _PREPS:
            return i - 1
    return len(words) - 1


def _member_after(words: Sequence[str], end: int, members: dict) -> Optional[tuple[int, str]]:
    """(end, sector) of a party-member noun right after ``end`` ("Labour [MP]", "[deputy leader]")."""
    for n in (2, 1):
        if end + n <= len(words):
            key = " ".join(words[end:end + n])
            if key in members:
                return end + n, members[key]
    return None


def _party_member(words: Sequence[str], capital: Sequence[bool], lex: "Lexicon",
                  actor: Optional[Match]) -> Optional[tuple[Optional[str], str, int, int]]:
    """(country, sector, start, end) of "<party> <member noun>": "Labour MP" is a British
    legislator, "a Tory peer" too, "Democratic senator" an American one, "BJP leader" a party man."""
    cands = []
    if actor is not None and actor.value[1] == "PTY":
        cands.append((actor.start, actor.end, actor.value[0]))
    for m in _matches(words, lex.party_adjs):
        if capital[m.start]:
            cands.append((m.start, m.end, m.value))
    for s, e, ctry in cands:
        hit = _member_after(words, e, lex.party_members)
        if hit:
            return ctry, hit[1], s, hit[0]
    return None


def code_words(words: Sequence[str], capital: Sequence[bool],
               lemmas: Sequence[Optional[str]] = ()) -> dict:
    """Code a tokenised phrase; returns ``{"country", "sector", "sectors", "actor", "agent"}``.

    ``capital[i]`` tells whether word i was capitalised in the text: named actors must contain
    a capitalised word so "the times" or "amal" in lower case never reads as a proper name.
    """
    lex = lexicon()
    words = [w.lower() for w in words]
    head = _head_index(words)
    out = {"country": None, "sector": None, "sectors": None, "actor": None, "agent": None}

    actor = None
    for m in _matches(words, lex.actors):
        if not any(capital[m.start:m.end]):
            continue
        party = m.value[1] == "PTY"
        if party and _member_after(words, m.end, lex.party_members):
            pass  # "Labour MP", "SNP Leader": the party, then what the person is in it
        elif m.end - m.start == 1 and m.end < len(words) and capital[m.end] and words[m.end] not in _PREPS:
            continue  # a lone first name ("Albert") inside a longer proper name
        elif party and m.end - m.start == 1 and m.end < len(words) and not capital[m.end] \
                and words[m.end] not in _PREPS and not words[m.end].isdigit():
            continue  # "Labour costs", "Greens salad": the word, not the party
        if actor is None or (m.end - m.start) > (actor.end - actor.start):
            actor = m
    country_matches = [m for m in _matches(words, lex.countries)
                       if actor is None or not (actor.start <= m.start and m.end <= actor.end)
                       or m.end - m.start == actor.end - actor.start]
    if not country_matches:
        country_matches = [m for m in _matches(words, lex.metonyms) if capital[m.start]]
    if not country_matches and actor is None:
        # Last resort: a city or region of one country ("Monrovia", "Tel Aviv").
        country_matches = [m for m in _matches(words, lex.places) if all(capital[m.start:m.end:2])]
    country = None
    if country_matches:
        pre = [m for m in country_matches if m.start <= head]
        pool = pre or country_matches
        country = max(pool, key=lambda m: (m.end - m.start, -m.start)).value
    if actor is not None:
        out["actor"] = actor.key
        a_country, a_sector = actor.value
        out["country"] = a_country or country
        if a_sector == "PTY" and country and any(m.start < actor.start and m.start <= head for m in country_matches):
            out["country"] = country  # "Canada's Conservatives", "Japan's Democratic Party"
    else:
        a_sector = None
        out["country"] = country

    pm = _party_member(words, capital, lex, actor)
    if pm is not None and pm[2] <= head and not any(
            m.start >= pm[3] and m.value for m in _matches(words, lex.agents, lemmas)):
        # the party member is the phrase's head, or only a name follows ("Labour MP John Smith")
        p_country, p_sector, p_start, p_end = pm
        if actor is None or actor.start != p_start:
            out["country"] = p_country or country
        out["actor"] = out["actor"] or " ".join(words[p_start:p_end])
        out["sector"] = out["sectors"] = p_sector
        if any(w in ("former", "ex", "ex-") for w in words[max(0, p_start - 3):p_start]) \
                and p_sector in _OFFICE_SECTORS:
            out["sector"] = "ELI"
        return out
    agent_ms = _matches(words, lex.agents, lemmas)
    if actor is not None and a_sector not in (None, "ELI"):
        # The dictionary's role wins over words of its own name ("Security Service ...");
        # a title in the text beats an out-of-office default ("President Bill Clinton").
        agent_ms = [m for m in agent_ms if not (actor.start <= m.start and m.end <= actor.end)]
    if agent_ms:
        def rank(m: Match):
            return (m.start <= head < m.end, m.end - m.start, m.start <= head, m.end)

        ordered = sorted(agent_ms, key=rank, reverse=True)
        blocked: list[Match] = []
        for m in ordered:
            if any(m.start < b.end and b.start < m.end for b in blocked):
                continue
            if m.value == "":
                blocked.append(m)
                continue
            out["agent"] = m.key
            out["sectors"] = m.value
            out["sector"] = m.value[:3]
            if any(w in ("former", "ex", "ex-", "exiled", "ousted") for w in words[max(0, m.start - 3):m.start]) \
                    and out["sector"] in _OFFICE_SECTORS:
                out["sector"] = "ELI"  # PLOVER: former officials are elites
            break
    if out["sector"] is None and out["country"] and 0 <= head < len(words):
        hw = words[head]
        if hw.endswith("s") and len(hw) > 3 and lex.countries.get(hw) and hw != (lex.names.get(lex.countries[hw], "").lower()):
            out["sector"] = "CVL"  # "Palestinians", "168 Liberians": people of a country
    if out["sector"] is None and actor is None and country_matches and country_matches[0].value == out["country"]:
        m = country_matches[0]
        content = [w for w in words if w not in ("the", ",")]
        if m.key in lex.metonyms and len(content) == m.end - m.start:
            out["sector"] = "GOV"  # "Moscow said": a capital standing alone is its government
    if out["sector"] is None and a_sector:
        out["sector"] = a_sector
        out["sectors"] = a_sector
    return out


def code_phrase(text: str) -> tuple[Optional[str], Optional[str]]:
    """(ISO3 country, PLOVER sector) of a noun phrase, either possibly None.

    >>> code_phrase("Ukrainian security forces")
    ('UKR', 'MIL')
    """
    toks = _tokens(text)
    if not toks:
        return None, None
    res = code_words([t for t, _ in toks], [c for _, c in toks])
    return res["country"], res["sector"]


def code_span(tokens: Iterable) -> tuple[Optional[str], Optional[str]]:
    """Code a spaCy Span (or token list), using lemmas so plurals spaCy knows are matched."""
    words, caps, lemmas = [], [], []
    for t in tokens:
        if t.is_punct and t.text != ",":
            continue
        if t.tag_ == "POS":
            continue
        words.append(t.lower_)
        caps.append(t.text[:1].isupper())
        lemmas.append(t.lemma_.lower() if t.lemma_ else None)
    if not words:
        return None, None
    res = code_words(words, caps, lemmas)
    return res["country"], res["sector"]


def country_code(name: str) -> Optional[str]:
    """ISO3 for a country name or demonym ("Ukraine", "North Korean"), else None."""
    key = " ".join(t for t, _ in _tokens(name))
    if key.startswith("the "):
        key = key[4:]
    return lexicon().countries.get(key)


@lru_cache(maxsize=1)
def agent_heads() -> frozenset:
    """Last words of agent phrases: a noun phrase whose head is not one has no agent sector
    of its own, so callers can skip coding it."""
    return frozenset(k.rsplit(" ", 1)[-1] for k, v in lexicon().agents.items() if v)


def country_name(iso3: Optional[str]) -> Optional[str]:
    """Display name of a country code ("UKR" -> "Ukraine")."""
    return lexicon().names.get(iso3) if iso3 else None


def metonym_country(name: str) -> Optional[str]:
    """Country a capital stands for ("Kyiv" -> "UKR"); the city is not the country entity."""
    key = " ".join(t for t, _ in _tokens(name))
    return lexicon().metonyms.get(key)


def known_actor(name: str) -> Optional[tuple[Optional[str], Optional[str]]]:
    """(country, sector) of a named actor in the dictionary ("Kremlin", "CNN"), else None."""
    key = " ".join(t for t, _ in _tokens(name))
    if key.startswith("the "):
        key = key[4:]
    val = lexicon().actors.get(key)
    return tuple(val) if val else None


def agent_sector(noun: str) -> Optional[str]:
    """PLOVER sector of an agent noun ("soldiers" -> MIL); None when unknown or a non-actor."""
    val = lexicon().agents.get(noun.lower().strip())
    return val[:3] if val else None


def company(name: str) -> Optional[tuple[Optional[str], str]]:
    """(country, "BUS") for an organisation name that says it is a firm, else None: a listed
    company ("Gazprom", "Lockheed Martin") or a company-form suffix ("Acme Widgets Ltd"); the
    country only when the listed name gives one ("Rolls-Royce Holdings plc" -> GBR)."""
    words = [t for t, _ in _tokens(name)]
    if words and words[0] == "the":
        words = words[1:]
    n = len(words)
    while n > 1 and words[n - 1].rstrip(".") in COMPANY_SUFFIXES:
        n -= 1
    actors = lexicon().actors
    val = actors.get(" ".join(words[:n]))
    if val and val[1] == "BUS":
        return val[0], "BUS"
    if n < len(words) and not val:
        return None, "BUS"
    return None
