"""Compile the actor-coding lexicon shipped in ``src/chronicle/data/actor_lexicon.json.gz``.

The runtime must never read ``../shared``; this script turns the research dictionaries (all MIT
licensed, see ``src/chronicle/data/PROVENANCE.md``) into one small JSON file with three tables:

- ``countries``: lower-cased country names, alternates and demonyms -> ISO 3166-1 alpha-3
  (NGEC ``countries.csv`` plus the country-level synonyms of Phoenix.Countries.actors.txt);
- ``agents``: lower-cased agent noun phrases -> PLOVER sector code (``PLOVER_agents.txt``,
  substitution sets and regular plurals expanded; "" means "known non-actor, block");
- ``actors``: lower-cased named actors (people, institutions, media, non-state armed groups)
  -> [ISO3 or null, sector or null] from the Phoenix actor files, using each actor's current
  role when the entry is dated.

Political parties, party members ("Labour MP", "Democratic senator") and frequent companies come
from the hand-written ``src/chronicle/data/actor_supplement.tsv`` (the 2014 dictionaries list no
party at all); it adds two small tables, ``party_adjs`` and ``party_members``.

A few hand-written entries (``CURATED_*`` below) fill gaps the 2014 dictionaries cannot know
(current leaders, security services, modern unit names) or correct entries that mis-code news
prose (a bare "spokesman" is coded by whom he speaks for, not as a journalist).

Usage: python scripts/build_actor_lexicon.py [--shared ../shared/data/events] [--out PATH]
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared" / "data" / "events"
DEFAULT_OUT = REPO / "src" / "chronicle" / "data" / "actor_lexicon.json.gz"
SUPPLEMENT = REPO / "src" / "chronicle" / "data" / "actor_supplement.tsv"

# Sector codes of PLOVER_agents.txt (three letters each; compound codes concatenate them).
SECTORS = {
    "AGR", "BUS", "COP", "CRM", "CVL", "EDU", "ELI", "GOV", "IGO", "JRN", "JUD", "LAB", "LEG",
    "MED", "MIL", "NGO", "OPP", "PRE", "PRM", "PTY", "REB", "REF", "REL", "SOC", "SPY", "UAF",
    "MNC", "INS", "NGM", "SEP", "HLH", "ENV", "DEV", "HRI", "RAD", "MOD", "UIS", "JNK", "NON",
    "UNK",
}
BLOCK = {"JNK", "NON", "UNK"}

# Hand-written agent phrases: gaps and corrections, with the reason beside each group.
CURATED_AGENTS = {
    # A government's opponents are the opposition (PLOVER OPP), whoever's government it is.
    "opponent": "OPP", "opponents": "OPP", "political opponents": "OPP", "political opponent": "OPP",
    # Intelligence officers are PLOVER SPY, not GOV.
    "intelligence official": "SPY", "intelligence officials": "SPY", "intelligence officer": "SPY",
    "intelligence officers": "SPY", "intelligence agent": "SPY", "intelligence agents": "SPY",
    "intelligence chief": "SPY", "intelligence service": "SPY", "intelligence services": "SPY",
    # A spokesman carries the sector of whom he speaks for ("military spokesman" is MIL).
    "spokesman": "", "spokesmen": "", "spokeswoman": "", "spokeswomen": "",
    "spokesperson": "", "spokespersons": "", "spokespeople": "",
    # Bare military nouns common in war reporting, missing from the 2014 list.
    "force": "", "forces": "MIL", "paratrooper": "MIL", "paratroopers": "MIL",
    "armed forces": "MIL", "special forces": "MIL", "special operations forces": "MIL",
    "tactical group": "MIL", "brigade": "MIL", "brigades": "MIL", "battalion": "MIL",
    "battalions": "MIL", "regiment": "MIL", "regiments": "MIL", "military personnel": "MIL",
    "servicemen": "MIL", "serviceman": "MIL", "service members": "MIL", "servicemembers": "MIL",
    "service member": "MIL", "commander": "MIL", "commanders": "MIL", "general staff": "MIL",
    "defence ministry": "GOVMIL", "defense ministry": "GOVMIL", "ministry of defence": "GOVMIL",
    "ministry of defense": "GOVMIL", "defence minister": "GOVMIL", "defense minister": "GOVMIL",
    "security forces": "MIL", "security force": "MIL", "air defence": "MIL", "air defense": "MIL",
    # Security/intelligence services (SBU, FSB, ...) are PLOVER SPY.
    "security service": "SPY", "security services": "SPY", "intelligence services": "SPY",
    "intelligence agency": "SPY", "intelligence agencies": "SPY",
    # Heads of state/government and their offices.
    "presidency": "GOV", "president's office": "GOV", "presidential office": "GOV",
    "foreign ministry": "GOV", "foreign minister": "GOV", "prime minister": "GOV",
    "officials": "GOV", "official": "GOV", "administration": "GOV", "prosecutor": "JUD",
    "prosecutors": "JUD", "prosecutor general": "JUD", "lawmaker": "LEG", "lawmakers": "LEG",
    "parliament": "LEG", "senator": "LEG", "senators": "LEG", "congressman": "LEG",
    "congresswoman": "LEG", "legislator": "LEG", "legislators": "LEG", "mp": "LEG", "mps": "LEG",
    "rebels": "REB", "militants": "REB", "insurgents": "REB", "separatists": "REB",
    "news agency": "JRN", "broadcaster": "JRN", "newspaper": "JRN", "outlet": "JRN",
    # State military equipment is coded MIL (PLOVER: "all state-military personnel/equipment").
    "aircraft": "MIL", "warplane": "MIL", "warplanes": "MIL", "fighter jet": "MIL",
    "fighter jets": "MIL", "jets": "MIL", "tank": "MIL", "tanks": "MIL", "helicopter": "MIL",
    "helicopters": "MIL", "gunship": "MIL", "gunships": "MIL", "drone": "MIL", "drones": "MIL",
    "artillery": "MIL", "warship": "MIL", "warships": "MIL", "gunboat": "MIL", "gunboats": "MIL",
    "navy": "MIL", "air force": "MIL", "air forces": "MIL", "missile": "MIL", "missiles": "MIL",
    "airstrike": "MIL", "airstrikes": "MIL", "air strike": "MIL", "air strikes": "MIL",
    "peacekeeper": "MIL", "peacekeepers": "MIL", "peacekeeping force": "MIL",
    # Generic political nouns the 2014 list leaves uncoded.
    "leader": "GOV", "leaders": "GOV", "negotiator": "GOV", "negotiators": "GOV",
    "administrator": "GOV", "administrators": "GOV", "people": "CVL", "population": "CVL",
    "opposition": "OPP", "opposition groups": "OPP", "opposition group": "OPP",
    "opposition candidates": "OPP", "opposition candidate": "OPP", "peace movement": "OPP",
    "congress": "LEG", "assembly": "LEG", "national assembly": "LEG",
    "prisoners of war": "MIL", "prisoner of war": "MIL", "pows": "MIL", "pow": "MIL",
}

# Hand-written named actors the 2014 dictionaries lack or code by an outdated role.
CURATED_ACTORS = {
    "volodymyr zelenskyy": ["UKR", "GOV"], "volodymyr zelensky": ["UKR", "GOV"],
    "zelenskyy": ["UKR", "GOV"], "zelensky": ["UKR", "GOV"], "zelenskiy": ["UKR", "GOV"],
    "vladimir putin": ["RUS", "GOV"], "putin": ["RUS", "GOV"], "kremlin": ["RUS", "GOV"],
    "kim jong un": ["PRK", "GOV"], "kim jong-un": ["PRK", "GOV"],
    "joe biden": ["USA", "GOV"], "biden": ["USA", "GOV"], "donald trump": ["USA", "GOV"],
    "trump": ["USA", "GOV"], "white house": ["USA", "GOV"], "pentagon": ["USA", "MIL"],
    "downing street": ["GBR", "GOV"], "elysee": ["FRA", "GOV"], "élysée": ["FRA", "GOV"],
    "security service of ukraine": ["UKR", "SPY"], "sbu": ["UKR", "SPY"],
    "armed forces of ukraine": ["UKR", "MIL"], "general staff of the armed forces of ukraine": ["UKR", "MIL"],
    "fsb": ["RUS", "SPY"], "federal security service": ["RUS", "SPY"],
    "gur": ["UKR", "SPY"], "cia": ["USA", "SPY"], "fbi": ["USA", "COP"], "mi6": ["GBR", "SPY"],
    "mossad": ["ISR", "SPY"], "shin bet": ["ISR", "SPY"],
    "idf": ["ISR", "MIL"], "israel defense forces": ["ISR", "MIL"],
    "wagner group": ["RUS", "UAF"], "wagner": ["RUS", "UAF"],
    "hamas": ["PSE", "REB"], "hezbollah": ["LBN", "REB"], "houthis": ["YEM", "REB"],
    "nato": [None, "IGO"], "united nations": [None, "IGO"], "un": [None, "IGO"],
    "european union": [None, "IGO"], "eu": [None, "IGO"], "u.n.": [None, "IGO"],
    "e.u.": [None, "IGO"], "european commission": [None, "IGO"],
    # Media outlets (PLOVER JRN), with the country they are based in.
    "cnn": ["USA", "JRN"], "bbc": ["GBR", "JRN"], "reuters": ["GBR", "JRN"],
    "associated press": ["USA", "JRN"], "ap": ["USA", "JRN"], "afp": ["FRA", "JRN"],
    "agence france-presse": ["FRA", "JRN"], "al jazeera": ["QAT", "JRN"], "xinhua": ["CHN", "JRN"],
    "tass": ["RUS", "JRN"], "ria novosti": ["RUS", "JRN"], "interfax": ["RUS", "JRN"],
    "ukrinform": ["UKR", "JRN"], "kyiv independent": ["UKR", "JRN"], "yonhap": ["KOR", "JRN"],
    "kcna": ["PRK", "JRN"], "korean central news agency": ["PRK", "JRN"],
    "new york times": ["USA", "JRN"], "washington post": ["USA", "JRN"], "fox news": ["USA", "JRN"],
    "nbc news": ["USA", "JRN"], "cbs news": ["USA", "JRN"], "abc news": ["USA", "JRN"],
    "npr": ["USA", "JRN"], "bloomberg": ["USA", "JRN"], "wall street journal": ["USA", "JRN"],
    "politico": ["USA", "JRN"], "axios": ["USA", "JRN"], "guardian": ["GBR", "JRN"],
    "financial times": ["GBR", "JRN"], "sky news": ["GBR", "JRN"], "the times": ["GBR", "JRN"],
    "der spiegel": ["DEU", "JRN"], "le monde": ["FRA", "JRN"], "usa today": ["USA", "JRN"],
    "upi": ["USA", "JRN"], "united press international": ["USA", "JRN"],
    "los angeles times": ["USA", "JRN"], "breitbart": ["USA", "JRN"], "breitbart news": ["USA", "JRN"],
    "msnbc": ["USA", "JRN"], "cnbc": ["USA", "JRN"], "abc": ["USA", "JRN"], "nbc": ["USA", "JRN"],
    "cbs": ["USA", "JRN"], "pbs": ["USA", "JRN"], "the hill": ["USA", "JRN"], "vox": ["USA", "JRN"],
    "buzzfeed news": ["USA", "JRN"], "huffington post": ["USA", "JRN"], "the atlantic": ["USA", "JRN"],
    "the new yorker": ["USA", "JRN"], "time magazine": ["USA", "JRN"], "newsweek": ["USA", "JRN"],
    "daily mail": ["GBR", "JRN"], "the telegraph": ["GBR", "JRN"], "the independent": ["GBR", "JRN"],
    "the economist": ["GBR", "JRN"], "deutsche welle": ["DEU", "JRN"], "dw": ["DEU", "JRN"],
    "france 24": ["FRA", "JRN"], "rt": ["RUS", "JRN"], "sputnik": ["RUS", "JRN"],
    "ria": ["RUS", "JRN"], "meduza": ["RUS", "JRN"], "kommersant": ["RUS", "JRN"],
    "ukrainska pravda": ["UKR", "JRN"], "suspilne": ["UKR", "JRN"], "nhk": ["JPN", "JRN"],
    "kyodo": ["JPN", "JRN"], "anadolu": ["TUR", "JRN"], "anadolu agency": ["TUR", "JRN"],
    "irna": ["IRN", "JRN"], "wafa": ["PSE", "JRN"], "al arabiya": ["ARE", "JRN"],
    "times of israel": ["ISR", "JRN"], "haaretz": ["ISR", "JRN"], "global times": ["CHN", "JRN"],
    "south china morning post": ["HKG", "JRN"], "yonhap news agency": ["KOR", "JRN"],
}

CURATED_COUNTRIES = {
    "u.s.": "USA", "us": "USA", "america": "USA", "u.s.a.": "USA", "usa": "USA", "american": "USA",
    "britain": "GBR", "briton": "GBR", "britons": "GBR", "uk": "GBR", "u.k.": "GBR", "dprk": "PRK", "democratic people republic of korea": "PRK",
    "democratic peoples republic of korea": "PRK",
    "russian federation": "RUS", "soviet": None, "burma": "MMR", "burmese": "MMR",
    "the netherlands": "NLD", "holland": "NLD", "dutch": "NLD", "south korean": "KOR",
    "palestinian": "PSE", "palestinians": "PSE", "palestine": "PSE", "gaza": "PSE",
    "taiwan": "TWN", "taiwanese": "TWN", "kosovo": "XKX", "bosnia": "BIH", "bosnian": "BIH",
    "west bank": "PSE", "northern ireland": "GBR", "northern irish": "GBR", "scotland": "GBR",
    "wales": "GBR", "england": "GBR", "congolese": None, "kampuchea": "KHM", "kampuchean": "KHM",
    "ivory coast": "CIV", "czech": "CZE", "czech republic": "CZE", "kurdish": None,
}

# Capitals used for their governments ("Kyiv said", "Moscow's troops"): code a phrase's
# country, but never merge the city with the country entity.
CURATED_METONYMS = {
    "kyiv": "UKR", "kiev": "UKR", "moscow": "RUS", "beijing": "CHN", "washington": "USA",
    "pyongyang": "PRK", "seoul": "KOR", "tehran": "IRN", "ankara": "TUR", "london": "GBR",
    "paris": "FRA", "berlin": "DEU", "tokyo": "JPN", "jerusalem": "ISR", "damascus": "SYR",
    "baghdad": "IRQ", "kabul": "AFG", "minsk": "BLR", "brussels": None, "taipei": "TWN",
    "new delhi": "IND", "islamabad": "PAK", "riyadh": "SAU", "cairo": "EGY",
}

_SUBST_RE = re.compile(r"^!(\w+)!\s*=\s*(.+)$")
_AGENT_RE = re.compile(r"^([^\[#]+?)\s*(?:\{([^}]*)\})?\s*\[~?([A-Z]+)\]")


def _norm(phrase: str) -> str:
    phrase = phrase.replace("_", " ").strip().lower()
    return re.sub(r"\s+", " ", phrase)


def _plurals(phrase: str) -> list[str]:
    """Regular plurals of the last word: the agents file leaves them to the coder."""
    words = phrase.split(" ")
    last = words[-1]
    if not last or not last[-1].isalpha():
        return []
    if last.endswith("man"):
        forms = [last[:-3] + "men"]
    elif last.endswith("person"):
        forms = [last[:-6] + "people", last + "s"]
    elif last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        forms = [last[:-1] + "ies"]
    elif last.endswith(("s", "x", "ch", "sh")):
        forms = [last + "es"]
    else:
        forms = [last + "s"]
    return [" ".join(words[:-1] + [f]) for f in forms]


def parse_agents(path: Path) -> dict[str, str]:
    subst: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = _SUBST_RE.match(line)
        if m:
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = _AGENT_RE.match(line)
        if not m:
            continue
        phrase, plural, code = m.group(1), m.group(2), m.group(3)
        parts = [code[i:i + 3] for i in range(0, len(code), 3)]
        value = "" if parts[0] in BLOCK else "".join(p for p in parts if p in SECTORS)
        variants = [phrase]
        for name, words in subst.items():
            token = f"!{name}!"
            if any(token in v for v in variants):
                variants = [v.replace(token, w) for v in variants for w in words]
        forms: list[str] = []
        for v in variants:
            n = _norm(v)
            forms.append(n)
            if plural is None:
                forms.extend(_plurals(n))
        if plural:
            forms.append(_norm(plural))
        for f in forms:
            if f and "!" not in f:
                agents[f] = value  # later lines win, as in the file's own overrides
    return agents


def parse_countries_csv(path: Path) -> tuple[dict[str, str], set[str], dict[str, str]]:
    out: dict[str, str] = {}
    iso3: set[str] = set()
    names: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = row["CCA3"].strip()
            if row["CCA2"].strip() == "NA":  # European Union, United Nations: IGOs, not countries
                continue
            iso3.add(code)
            names[code] = row["Name"].strip()
            out[row["Name"].strip().lower()] = code
            # Only the first few alternates are demonyms/short names of the state itself; later
            # ones in e.g. GBR/USA are overseas territories, which we still map to the state.
            for alt in row["Nationality"].split(","):
                alt = alt.strip().lower()
                if alt and len(alt) > 1:
                    out.setdefault(alt, code)
    return out, iso3, names


def _split_code(code: str, iso3: set[str]) -> tuple[str | None, str | None]:
    code = code.strip().upper()
    if code == "MED":  # old CAMEO media code (Phoenix.International), PLOVER's JRN
        return None, "JRN"
    country = None
    if code[:3] in iso3 and code[:3] not in SECTORS:
        country, rest = code[:3], code[3:]
    elif code[:3] in {"IGO", "NGO", "MNC", "INT", "NGM"}:
        rest = code
        tail = code[-3:]
        if len(code) >= 6 and tail in iso3:
            country, rest = tail, code[:-3]
    else:
        rest = code
    parts = [rest[i:i + 3] for i in range(0, len(rest), 3)]
    mapped = []
    for p in parts:
        p = {"MNC": "BUS", "MED": "JRN", "INT": "", "NGM": "NGO", "SEP": "REB", "INS": "REB",
             "HLH": "MED"}.get(p, p)
        if p in SECTORS and p not in BLOCK:
            mapped.append(p)
    sector = mapped[0] if mapped else None
    return country, sector


def _current_code(codes: list[tuple[str, str]]) -> str | None:
    """The role in force now: an open-ended ``>date`` range, else the undated default."""
    open_ended = [(d, c) for c, d in codes if d.startswith(">")]
    if open_ended:
        return max(open_ended)[1]
    undated = [c for c, d in codes if not d]
    if undated:
        return undated[-1]
    return codes[-1][0] if codes else None


def _variants(name: str) -> list[str]:
    """The forms a name takes in tokenised news text: possessives dropped as the coder drops them
    ("Democratic People's Republic of Korea"), a parenthesised acronym apart from the name
    ("Moro Islamic Liberation Front (MILF)")."""
    out = [name]
    bare = re.sub(r"'s\b|(?<=s)'(?=\s|$)", "", name).strip()
    if bare != name:
        out.append(bare)
    m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*$", bare)
    if m and m.group(1):
        out.append(m.group(1).strip())
        if re.fullmatch(r"[a-z][a-z\-]{2,}", m.group(2)):
            out.append(m.group(2))
    return out


def parse_actor_file(path: Path, iso3: set[str], country_blocks: dict[str, str],
                     actors: dict[str, list], places: dict[str, str],
                     people: dict[str, list] | None = None) -> None:
    names: list[str] = []
    codes: list[tuple[str, str]] = []
    person = False

    def flush() -> None:
        if not names or not codes:
            return
        code = _current_code(codes)
        if code is None:
            return
        country, sector = _split_code(code.split()[0], iso3)
        if sector is None and country is not None and len(code.strip()) == 3:
            # A bare country block (country names, cities, rivers): its first name is the
            # state's; the rest are places, kept apart as a last-resort country hint.
            for n in names[:1]:
                country_blocks.setdefault(n, country)
            for n in names[1:]:
                if len(n) >= 3:
                    places.setdefault(n, country)
            return
        if country is None and sector is None:
            return
        for n in names:
            for v in _variants(n):
                if len(v) >= 2:
                    actors.setdefault(v, [country, sector])
        if person and people is not None:
            words = names[0].split(" ")
            if len(words) >= 3:  # "carlos saul menem" is "Carlos Menem" in the news
                actors.setdefault(f"{words[0]} {words[-1]}", [country, sector])
            if len(words) >= 2:
                people.setdefault(words[-1], []).append([country, sector])

    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        body = raw.split("#", 1)[0]
        brackets = re.findall(r"\[([^\]]+)\]", body)
        text = re.sub(r"\[[^\]]*\]", "", body)
        if raw[0] in " \t":
            for b in brackets:
                bits = b.split(None, 1)
                codes.append((bits[0], bits[1] if len(bits) > 1 else ""))
            continue
        if raw.startswith("+"):
            n = _norm(text.lstrip("+"))
            if n:
                names.append(n)
            for b in brackets:
                bits = b.split(None, 1)
                codes.append((bits[0], bits[1] if len(bits) > 1 else ""))
            continue
        flush()
        names, codes = [], []
        person = "CountryInfo" in raw  # the CountryInfo leader lists: people
        n = _norm(text)
        if n:
            names.append(n)
        for b in brackets:
            bits = b.split(None, 1)
            codes.append((bits[0], bits[1] if len(bits) > 1 else ""))
    flush()


# Surnames that are ordinary English words: never a name on their own.
_COMMON_WORDS = {"brown", "white", "black", "green", "young", "king", "bush", "rice", "cook", "wood", "park",
                 "long", "little", "hall", "ward", "rich", "hope", "sharp", "strong", "stone", "field", "house",
                 "price", "major", "noble", "best", "good", "gold", "silver", "shore", "fisher", "baker", "hunter",
                 "miller", "carter", "walker", "turner", "mason", "knight", "bishop", "porter", "singer", "church",
                 "marsh", "banks", "moore", "paris", "london", "jordan", "chase", "grant", "frank", "lord", "love",
                 "power", "rose", "summer", "winter", "spring", "march", "may", "august", "wells", "north", "south",
                 "west", "east", "english", "french", "german", "swiss", "dutch", "welsh", "irish", "scott", "bolt",
                 "sands", "hill", "hills", "lane", "street", "bridge", "ford", "castle", "tower", "abbott", "gates"}


def _name_forms(name: str) -> list[str]:
    """Keys a name is looked up by: the runtime tokeniser's form (possessive 's and punctuation
    dropped) and spaCy's, which splits hyphens ("Zanu-PF" -> "zanu pf")."""
    text = name.replace("\u2019", "'")
    text = re.sub(r"'s\b|(?<=s)'(?=\s|$)", "", text)
    toks = re.findall(r"[A-Za-z\u00C0-\u024F](?:[A-Za-z\u00C0-\u024F0-9\-]|\.(?=[A-Za-z]))*\.?|\d+", text)
    key = " ".join(t.lower() for t in toks)
    forms = [key]
    if "-" in key:
        forms.append(re.sub(r"\s*-\s*", " ", key).strip())
    return [f for f in forms if f]


def parse_supplement(path: Path) -> tuple[dict[str, list], dict[str, str], dict[str, str]]:
    """(actors, party adjectives -> ISO3, party member nouns -> sector) of the supplement."""
    actors: dict[str, list] = {}
    adjs: dict[str, str] = {}
    members: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        kind, country, sector, names = raw.split("\t")
        country = None if country == "-" else country
        if sector not in SECTORS:
            raise ValueError(f"{path.name}: unknown sector {sector!r} in {raw!r}")
        for name in names.split("|"):
            for form in _name_forms(name):
                if kind in ("party", "company", "org"):
                    actors[form] = [country, sector]
                elif kind == "adj":
                    adjs[form] = country
                elif kind == "member":
                    members[form] = sector
                else:
                    raise ValueError(f"{path.name}: unknown kind {kind!r}")
    return actors, adjs, members


def build(shared: Path) -> dict:
    countries, iso3, names = parse_countries_csv(shared / "ngec_assets" / "countries.csv")
    agents = parse_agents(shared / "ngec_assets" / "PLOVER_agents.txt")
    actors: dict[str, list] = {}
    blocks: dict[str, str] = {}
    places: dict[str, str] = {}
    cd = shared / "cameo_dicts"
    people: dict[str, list] = {}
    for name in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                 "Phoenix.MilNonState.actors.txt"):
        parse_actor_file(cd / name, iso3 | {"PSE"}, blocks, actors, places, people)
    for name, code in blocks.items():
        if code in iso3:
            countries.setdefault(name, code)
    for k, v in CURATED_COUNTRIES.items():
        if v is None:
            countries.pop(k, None)
        else:
            countries[k] = v
    metonyms = {}
    for k, v in CURATED_METONYMS.items():
        countries.pop(k, None)
        if v:
            metonyms[k] = v
    agents.update(CURATED_AGENTS)
    # Actor names that are also plain agent nouns or country names would shadow them.
    for k in list(actors):
        if k in countries or k.isdigit() or (k in agents and actors[k][0] is None):
            del actors[k]
    # A one-word actor name that is also a word of agent phrases ("organization", "front") is a
    # common noun in news text, not a name.
    agent_words = {w for k in agents for w in k.split(" ")}
    for k in list(actors):
        if " " not in k and (k in agent_words or len(k) < 3):
            del actors[k]
    # A leader's surname alone ("President Mugabe") when no other listed person or name shares it
    # and it is no country, place or agent word.
    # a word also found inside other names ("Ali Tamim Fartak") may be anyone's given name ("Tamim")
    given = {w for k in actors if " " in k for w in k.split(" ")[:-1]}
    for surname, vals in people.items():
        if len(vals) == 1 and len(surname) >= 5 and surname.isalpha() and surname not in actors and \
                surname not in given and \
                surname not in countries and surname not in places and surname not in agent_words and \
                surname not in blocks and surname not in _COMMON_WORDS:
            actors[surname] = list(vals[0])
    sup_actors, party_adjs, party_members = parse_supplement(SUPPLEMENT)
    actors.update(sup_actors)
    actors.update({k: list(v) for k, v in CURATED_ACTORS.items()})
    # Country slots must hold ISO3 codes: CAMEO pseudo-countries (UNO, EUR, ...) are not.
    valid = iso3 | {"PSE", "TWN"}
    countries = {k: v for k, v in countries.items() if v in valid}
    for k, v in actors.items():
        if v[0] is not None and v[0] not in valid:
            v[0] = None
    actors = {k: v for k, v in actors.items() if v[0] or v[1]}
    # Names that are also ordinary words or other tables' keys make bad place hints.
    places = {k: v for k, v in places.items()
              if v in valid and k not in countries and k not in metonyms and k not in agents
              and k not in actors and not k.isdigit()}
    return {
        "version": 1,
        "countries": dict(sorted(countries.items())),
        "metonyms": dict(sorted(metonyms.items())),
        "places": dict(sorted(places.items())),
        "names": dict(sorted(names.items())),
        "agents": dict(sorted(agents.items())),
        "actors": dict(sorted(actors.items())),
        "party_adjs": dict(sorted(party_adjs.items())),
        "party_members": dict(sorted(party_members.items())),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    lex = build(args.shared)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(lex, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with gzip.GzipFile(args.out, "wb", mtime=0) as fh:
        fh.write(data)
    print(f"countries={len(lex['countries'])} agents={len(lex['agents'])} "
          f"actors={len(lex['actors'])} -> {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
