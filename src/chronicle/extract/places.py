"""Places: toponyms in the text, resolved to GeoNames entries of the offline gazetteer.

Detection takes spaCy's GPE/LOC/FAC entities, demonyms among NORP entities, and gazetteer
matches for capitalised names NER missed; "the Kursk region" becomes the span "Kursk region"
with a hint that an administrative region is meant. Resolution scores every gazetteer sense of a
name by prominence (population, feature class), fit to the mention (region word -> ADM1/ADM2,
"city of" -> populated place), an explicit container ("Kursk, Russia"), and the article's
country/region focus computed from the other places, then gives a name one sense per article.
The source tells something too: a local paper's domain names its home town ("parisbeacon.com":
that Paris is not the capital of France), a country-code domain its country, and US local-news
conventions (AP state abbreviations, "Rapides Parish", "Name, 44, of 2517 Memphis St.", sheriffs,
dollar amounts) make US namesakes likelier.

The stage reads only the parse (actors are not needed), so it can run alone for evaluation.
"""
from __future__ import annotations

import math
import re
from urllib.parse import urlparse
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional

import numpy as np

from ..model import Document, Place
from . import gazetteer as gz

ASSIGNS = "places"
REQUIRES = ("parse",)

# words after a name that say "the administrative region called X"
REGION_WORDS = {
    "region": ("ADM1", "ADM2"), "oblast": ("ADM1",), "province": ("ADM1", "ADM2"),
    "governorate": ("ADM1",), "state": ("ADM1",), "prefecture": ("ADM1", "ADM2"),
    "county": ("ADM2",), "parish": ("ADM2",), "district": ("ADM2", "ADM1"), "krai": ("ADM1",),
    "department": ("ADM1", "ADM2"), "territory": ("ADM1",), "raion": ("ADM2",), "rayon": ("ADM2",),
}
SETTLEMENT_WORDS = {"city", "town", "village", "township", "settlement", "capital", "suburb", "port"}
DIRECTIONS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeastern", "northwestern", "southeastern", "southwestern", "northeast", "northwest",
    "southeast", "southwest", "downtown", "upstate", "coastal", "rural",
}
ADMIN_FEATURES = {"PCLI", "CONT", "ADM1", "ADM2"}
FEATURE_PRIOR = {"CONT": 3.5, "PCLI": 4.0, "ADM1": 1.5, "PPLC": 3.0, "ADM2": -0.5, "PPL": 0.0,
                 "RGN": 1.0, "ZN": 1.0, "OCN": 2.0, "SEA": 1.0, "GULF": 1.0, "STM": 1.0, "MTS": 1.0, "PEN": 1.0}
# a capitalised name NER missed is taken only when it is a prominent place: unknown capitalised
# words are mostly people and organisations
MIN_POP_UNTAGGED = 100_000
MIN_POP_ORG = 500_000
MIN_POP_PERSON = 500_000
KEEP_FAC = True
MIN_POP_INNER = 20_000
# names of natural features and parks: "Lake Ontario" is not Ontario
NATURAL_HEADS = {"Lake", "River", "Mount", "Mt.", "Park", "Creek", "Island", "Islands", "Bay", "Falls", "Valley",
                 "Canyon", "Forest", "Beach", "Mountains", "Mountain", "Hills", "Peninsula", "Sea", "Ocean",
                 "Gulf", "Strait", "Harbor", "Harbour", "Lakes", "Reservoir", "Wilderness", "Desert"}
STREET_WORDS = {"Street", "St.", "Road", "Rd.", "Avenue", "Ave.", "Boulevard", "Blvd.", "Drive", "Lane",
                "Parkway", "Pkwy.", "Highway", "Interstate", "Route", "Turnpike", "Expressway", "Freeway"}
PLACE_TAILS = {"Square", "Grove", "Heights", "Hills", "Hill", "Village", "Valley", "Springs", "Point",
               "Ridge", "Crossing", "Junction", "Corners", "Acres", "Gardens", "Terrace", "Plaza", "City"}
CITY_BODIES = {"Council", "Commission", "Hall", "Manager", "Schools", "Attorney", "Clerk", "Administrator",
               "Engineer", "Board", "Police", "Fire", "Planning", "Government", "Officials"}
COMMON_HEADLINE_WORDS = {"man", "woman", "boy", "girl", "police", "fire", "teen", "driver", "child", "mother",
                         "father", "family", "students", "officials", "residents", "council", "crash", "deputies"}
NUMBERED_ROADS = {"Highway", "Interstate", "Route"}
ALT_PENALTY = 2.5
W_COUNTRY, W_ADMIN1, W_COH, COH_CAP, W_CONTAINER, NEAR_KM = 4.0, 4.0, 3.0, 2.0, 8.0, 50.0
MAX_SENSES = 30
# a paper's home town is a town: the capital or country of the same name is the famous namesake
HOME_DEMOTED = {"PCLI", "PPLC", "CONT", "ADM1", "ADM2"}
W_HOME = 4.0
# words of newspaper names and site sections that are also names of towns somewhere
HOME_STOPWORDS = {
    "news", "local", "localnews", "metro", "community", "business", "sports", "lifestyle", "lifestyles",
    "opinion", "article", "articles", "story", "stories", "content", "national", "world", "state", "region",
    "home", "index", "live", "online", "daily", "times", "herald", "press", "review", "register",
    "tribune", "journal", "gazette", "courier", "record", "leader", "chronicle", "telegraph",
    "independent", "dispatch", "observer", "enterprise", "bulletin", "standard", "republic", "union",
    "mercury", "beacon", "sentinel", "examiner", "monitor", "globe", "reporter", "pilot", "banner",
    "advocate", "citizen", "democrat", "republican", "eagle", "progress", "express", "messenger",
    "argus", "inquirer", "services", "updates", "dynamic", "templates", "portal", "satellite",
    "newsstand", "community", "crime", "courts", "police", "government", "apps", "spages",
}
HOME_MIN_POP = 1_000
W_HOST_COUNTRY = 4.5
CITY_REGION_KM = 100.0
# a sense this near its stated region is kept even when the admin codes disagree
FALLBACK_KM = 250.0
# a well-known sense outside its stated region means the region was misread ("Tbilisi, Georgia")
FALLBACK_MAX_POP = 20_000
# ccTLDs whose country code differs from the ISO code
CCTLD = {"uk": "GB"}
GENERIC_TLDS = {"com", "net", "org", "info", "biz", "edu", "gov", "mil", "int", "news", "co", "tv", "fm", "me", "io"}
# US local news is the commonest English news; its cues make US namesakes likelier (Paris, Tenn.)
_US_CUES = re.compile(
    r"\b(?:(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|"
    r"Nebr|Nev|N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Okla|Ore|Pa|R\.I|S\.C|S\.D|Tenn|Tex|Vt|Va|Wash|W\.Va|Wis|Wyo)\."
    r"(?= [-—–]| \d| [A-Z]|,)|[A-Z]\w+ (?:County|Township|Parish)\b|[Ss]heriff|Interstate \d|U\.S\. \d|"
    r"[Ss]tate [Rr]oute|Gov\. |[Ss]tate [Ss]en(?:ate|\.)|[Ss]tate [Rr]ep\.|high school|middle school|"
    r"[Cc]ity [Cc]ouncil|[Cc]ounty [Cc]ommission|[Ss]chool [Bb]oard|(?<=\$)\d|[Pp]olice [Dd]epartment|"
    r"state (?:law|officials|ethics|lawmakers|agency|budget|troopers|legislature|legislators)|"
    r"(?<=\()[DR]-[A-Z]|Medical Center|[Ff]ire [Dd]epartment|\d mph|"
    r"\d+ block of|(?<=, )\d\d, of|\d+ [A-Z]\w+ (?:St|Ave|Rd|Blvd|Dr)\.|\d+ [A-Z]\w+ (?:Street|Avenue|Drive|Road))")
W_US_CUE = 1.5
PLURAL_REGION_WORDS = {"counties": "county", "parishes": "parish", "provinces": "province", "states": "state",
                       "regions": "region", "districts": "district", "oblasts": "oblast",
                       "governorates": "governorate", "prefectures": "prefecture", "departments": "department"}
_LIST_OF_REGIONS = re.compile(
    r"((?:[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2}(?:, and |, or |, | and | or )){1,12}[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2})"
    r" (" + "|".join(PLURAL_REGION_WORDS) + r")\b")
W_POP = 1.0
COH_TEMP = 6.0
W_ADJECTIVAL = 0.5


@dataclass
class Mention:
    start: int
    end: int
    key: str  # the name looked up
    label: str  # spaCy label or "GAZ"
    hint: tuple = ()  # preferred feature codes from the context
    settlement: bool = False
    adjectival: bool = False
    directional: bool = False  # "eastern Donetsk": part of an area, so rather the region than the town
    home: bool = False  # the name is in the source's domain ("parisbeacon.com"): the paper's home town
    home_country: Optional[str] = None  # the paper's country when its domain says so
    candidates: tuple = ()
    container: Optional["Mention"] = None
    fallback: Optional[gz.Entry] = None  # no sense fits: located at its container instead
    scores: dict = field(default_factory=dict)
    choice: Optional[gz.Entry] = None
    confidence: float = 0.0


def _lookup_variants(gaz: gz.Gazetteer, text: str) -> tuple:
    """Senses of a name, trying "the"/direction-stripped and region-word-stripped variants."""
    hits = gaz.lookup(text)
    if hits:
        return hits
    words = text.split()
    if len(words) > 1 and words[0].lower() in DIRECTIONS | {"the"}:
        if len(words) == 2 and words[1] in STREET_WORDS:
            return ()  # "North Street" is a street, not Street in Somerset
        return _lookup_variants(gaz, " ".join(words[1:]))
    if len(words) > 1 and words[-1].lower() in REGION_WORDS:
        return gaz.lookup(" ".join(words[:-1]))
    return ()


def _detect(document: Document, gaz: gz.Gazetteer) -> list[Mention]:
    doc = document.doc
    mentions: list[Mention] = []
    covered = [False] * len(doc)
    person_words = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}

    def add(i: int, j: int, label: str, adjectival: bool = False) -> Optional[Mention]:
        # strip a leading "the" and direction words the gold spans leave out
        directional = False
        while i < j - 1 and (doc[i].lower_ == "the" or (doc[i].lower_ in DIRECTIONS and doc[i].is_lower)):
            directional = directional or doc[i].lower_ != "the"
            i += 1
        if i > 0 and doc[i - 1].lower_ in DIRECTIONS and doc[i - 1].is_lower:
            directional = True
        while j > i + 1 and (doc[j - 1].tag_ == "POS" or doc[j - 1].text in ("'", "’", "-", ".", ",")):
            j -= 1
        if i >= j:
            return None
        # "ST. PAUL —": in capitals the tokenizer splits the abbreviation's dot off, and NER the name
        if j == i + 1 and j + 1 < len(doc) and doc[i].lower_ in ("st", "mt", "ft") and doc[j].text == "." \
                and doc[j + 1].text[:1].isupper() and _named(gaz.lookup(doc[i:j + 2].text)):
            j += 2
        if covered[i] or covered[j - 1]:
            return None
        # "the City of Richmond's public works": the town itself (one sense with "Richmond"), not an
        # independent city's ADM2 that happens to carry the phrase as its name
        of_town = j - i > 2 and doc[i].lower_ in ("city", "town", "village") and doc[i + 1].lower_ == "of" \
            and not adjectival
        if of_town:
            i += 2
        # "St. Paul", "Mt. Pleasant": NER often starts the name after the abbreviation
        if i > 0 and doc[i - 1].text.lower().rstrip(".") in ("st", "mt", "ft") and not covered[i - 1]:
            i -= 1
        # "New London", "Tennessee Colony": NER took part of a longer place name
        if i > 0 and not covered[i - 1] and doc[i - 1].text[:1].isupper() and not doc[i].is_sent_start \
                and doc[i - 1].pos_ == "PROPN" and _named(gaz.lookup(doc[i - 1:j].text)):
            i -= 1
        if j < len(doc) and doc[j].text[:1].isupper() and doc[j].pos_ == "PROPN" \
                and _named(gaz.lookup(doc[i:j + 1].text)):
            j += 1
        hint: tuple = ()
        # "Kursk region", "Rakhine state": take the region word into the span
        if j < len(doc) and doc[j].lower_ in REGION_WORDS and doc[j].is_lower:
            hint = REGION_WORDS[doc[j].lower_]
            j += 1
        elif doc[j - 1].lower_ in REGION_WORDS and j - i > 1:
            hint = REGION_WORDS[doc[j - 1].lower_]
        # "Dublin City Council": the town Dublin, unless "X City" is itself a town's name (Kansas City)
        if j - i > 1 and doc[j - 1].text == "City" and j < len(doc) and doc[j].text in CITY_BODIES \
                and not any(c.kind == gz.NAME_MAIN and c.feature.startswith("PPL")
                            for c in gaz.lookup(doc[i:j].text)) \
                and any(c.feature.startswith("PPL") for c in gaz.lookup(doc[i:j - 1].text)):
            j -= 1
            of_town = True
        settlement = of_town
        if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in SETTLEMENT_WORDS:
            settlement = True
        elif j < len(doc) and doc[j].lower_ in ("city", "town", "village") and doc[j].is_lower:
            settlement = True
        text = doc[i:j].text
        cands = gaz.lookup(text) if adjectival else _lookup_variants(gaz, text)
        if not cands and not adjectival and j - i > 1 and not any(t.text in NATURAL_HEADS for t in doc[i:j]) \
                and doc[j - 1].text not in STREET_WORDS:  # "Dublin Road" is a street, not Dublin
            # "Vancouver International Airport", "Rajasthan assembly": the place name inside
            sub = _inner_place(doc, gaz, i, j, label)
            if sub is not None:
                i, j, cands = sub
                hint = ()
                text = doc[i:j].text
        if text.lower() in DIRECTIONS:  # "the West", "the South": not Cameroon's West region
            cands = tuple(c for c in cands if c.feature == "RGN")
            if not cands:
                return None
        if label in ("GAZ", "REPEAT", "PERSON") and text in person_words:
            return None  # "Trapani" is the surname of someone named in full elsewhere
        if j == i + 1 and doc[i].is_sent_start and doc[i].lower_ in COMMON_HEADLINE_WORDS:
            return None  # "Man arrested after ...": a headline's capitalised common word
        if adjectival:
            cands = tuple(c for c in cands if c.kind == gz.NAME_DEMONYM)
            if not cands:
                return None
        else:
            cands = tuple(c for c in cands if c.kind != gz.NAME_DEMONYM) or cands
        m = Mention(doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text), text, label, hint=hint,
                    settlement=settlement, adjectival=adjectival, candidates=cands, directional=directional)
        mentions.append(m)
        for k in range(i, j):
            covered[k] = True
        return m

    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC", "FAC"):
            # "Kursk, Russia" tagged as one entity: split at commas, the later part contains the earlier
            parts, start = [], ent.start
            for k in range(ent.start, ent.end):
                if doc[k].text == ",":
                    parts.append((start, k))
                    start = k + 1
            parts.append((start, ent.end))
            prev = None
            for (i, j) in parts:
                if i >= j:
                    continue
                if ent.label_ == "FAC" and not KEEP_FAC and not gaz.lookup(doc[i:j].text):
                    continue
                m = add(i, j, ent.label_)
                if prev is not None and m is not None:
                    prev.container = m
                prev = m
        elif ent.label_ == "NORP":
            if add(ent.start, ent.end, "NORP", adjectival=True) is None \
                    and _prominent(gaz.lookup(ent.text), MIN_POP_ORG):
                add(ent.start, ent.end, "NORP")  # NER calls "D. C." a nationality
        elif ent.label_ == "PERSON" and _prominent(gaz.lookup(ent.text), MIN_POP_PERSON):
            # NER calls unfamiliar city names people ("struck Kharkov"); a well-known place wins
            add(ent.start, ent.end, "PERSON")

    # token attributes once, as plain lists: the scans below touch every token several times
    n = len(doc)
    full = document.text
    t_text = [t.text for t in doc]
    t_idx = [t.idx for t in doc]
    t_end = [t.idx + len(t.text) for t in doc]
    t_cap = [x[:1].isupper() for x in t_text]
    t_ent = [t.ent_type_ for t in doc]
    # all-capital datelines ("RALEIGH, N.C. --") are names, whatever the tagger says
    t_pos = ["PROPN" if (t.is_upper and len(t) >= 4 and t.is_alpha) else t.pos_ for t in doc]

    def stext(i: int, j: int) -> str:
        return full[t_idx[i]:t_end[j - 1]]

    # what NER missed: capitalised runs that name a prominent place, longest first
    i = 0
    while i < n:
        if (covered[i] or not t_cap[i] or t_ent[i] in ("PERSON", "NORP", "DATE", "TIME")
                or (t_text[i].isupper() and len(t_text[i]) <= 5 and "." not in t_text[i]
                    and not _prominent(gaz.lookup(t_text[i]), 10**9))):  # acronyms, but US, UK, EU
            i += 1
            continue
        # inside an organisation's name ("the Texas Department of ...") only well-known places count
        in_org = t_ent[i] == "ORG"
        min_pop = MIN_POP_ORG if in_org else MIN_POP_UNTAGGED
        found = None
        for j in range(min(n, i + 4), i, -1):
            if not t_cap[j - 1] or any(covered[k] for k in range(i, j)):
                continue
            if in_org and t_ent[j - 1] != "ORG":
                continue
            propn = all(t_pos[k] == "PROPN" for k in range(i, j))
            if not propn and t_pos[j - 1] not in ("ADJ", "NOUN"):
                continue
            hits = gaz.lookup(stext(i, j))
            if not hits:
                continue
            cands = [c for c in hits if c.kind != gz.NAME_DEMONYM] if propn else []
            regionword = j < n and doc[j].lower_ in REGION_WORDS
            county = j - i > 1 and t_text[j - 1] in ("County", "Parish") and any(
                c.feature == "ADM2" for c in cands)
            if cands and ((regionword and not in_org) or county or any(
                    c.feature in ("PCLI", "CONT", "ADM1", "PPLC") or c.population >= min_pop
                    for c in cands if c.kind == gz.NAME_MAIN)):
                found = j
                break
            if any(c.kind == gz.NAME_DEMONYM for c in hits):
                found = -j
                break
        if found is None:
            i += 1
            continue
        if found > 0:
            add(i, found, "GAZ")
            i = found
        else:
            add(i, -found, "GAZ", adjectival=True)
            i = -found

    # streets and roads ("Main Street", "Highway 19"): toponyms without a gazetteer entry
    i = 0
    while i < n:
        if t_text[i] in STREET_WORDS and not covered[i]:
            j = i + 1
            if t_text[i] in NUMBERED_ROADS:
                if j < n and doc[j].like_num and not covered[j]:
                    add(i, j + 1, "STREET")
                    i = j + 1
                    continue
            else:
                k = i
                while k > 0 and not covered[k - 1] and t_cap[k - 1] and t_text[k - 1].isalpha() \
                        and i - k < 3 and not doc[k - 1].is_sent_start:
                    k -= 1
                if k < i:
                    add(k, j, "STREET")
        i += 1

    # one name, one referent: a place name found once is a place wherever else it recurs
    known = {m.key for m in mentions if m.candidates and not m.adjectival and m.label in ("GPE", "LOC", "FAC")}
    firsts = {k.split()[0] for k in known if k}
    if known:
        i = 0
        while i < n:
            if covered[i] or t_text[i] not in firsts or t_ent[i] == "PERSON":
                i += 1
                continue
            for j in range(min(n, i + 4), i, -1):
                if stext(i, j) in known and not any(covered[k] for k in range(i, j)):
                    add(i, j, "REPEAT")
                    i = j - 1
                    break
            i += 1

    # "Springfield, Illinois" as separate entities: a comma between two places marks a container
    mentions.sort(key=lambda m: m.start)
    text = document.text
    for a, b in zip(mentions, mentions[1:]):
        if a.container is None and not a.adjectival and not b.adjectival and text[a.end:b.start].strip() == ",":
            a.container = b
    return mentions


def _inner_place(doc, gaz: gz.Gazetteer, i: int, j: int, label: str = "FAC"):
    """The longest well-known place name inside tokens ``[i, j)``, as ``(start, end, senses)``."""
    for length in range(j - i - 1, 0, -1):
        for s in range(i, j - length + 1):
            if not doc[s].text[:1].isupper() or doc[s].lower_ in DIRECTIONS:
                continue
            cands = tuple(c for c in gaz.lookup(doc[s:s + length].text) if c.kind != gz.NAME_DEMONYM)
            county = doc[s + length - 1].text in ("County", "Parish") and any(c.feature == "ADM2" for c in cands)
            if county or _prominent(cands, MIN_POP_INNER):
                return s, s + length, cands
    # "Glen Carbon Elementary", "Long Beach Airport": a facility named after its town leads with
    # the town's name, however small the town ("Meadow Grove", "Court Square" are names of their own)
    if label in ("GPE", "LOC"):
        return None
    for length in range(j - i - 1, 0, -1):
        if not doc[i + length - 1].text[:1].isupper() or doc[i].lower_ in DIRECTIONS \
                or doc[i + length].text in PLACE_TAILS:
            continue
        cands = tuple(c for c in gaz.lookup(doc[i:i + length].text) if c.kind != gz.NAME_DEMONYM)
        if any(c.kind == gz.NAME_MAIN and c.feature.startswith(("PPL", "ADM")) for c in cands):
            return i, i + length, cands
    return None


def _named(cands) -> bool:
    return any(c.kind == gz.NAME_MAIN for c in cands)


def _prominent(cands, min_pop: int) -> bool:
    return any(c.kind == gz.NAME_MAIN and (c.feature in ("PCLI", "CONT", "ADM1", "PPLC") or c.population >= min_pop)
               for c in cands)


def _within(entry: gz.Entry, container: gz.Entry) -> bool:
    if container.feature in ("PCLI",):
        return entry.country == container.country and entry.geonameid != container.geonameid
    if container.feature == "ADM1":
        return entry.admin1 == container.admin1 and entry.geonameid != container.geonameid
    if container.feature == "ADM2":
        return entry.admin2 == container.geonameid
    return False


def _near(a: gz.Entry, b: gz.Entry, km: float) -> bool:
    """Moscow and Moscow Oblast are different subjects, yet the city is inside the region's reach."""
    return (a.lat is not None and b.lat is not None and a.country == b.country
            and gz.haversine_km(a.lat, a.lon, b.lat, b.lon) <= km)


def _base_score(m: Mention, c: gz.Entry) -> float:
    prior = FEATURE_PRIOR.get(c.feature, -1.0)
    if c.kind == gz.NAME_ALT:  # an old or foreign name (Philadelphia for Amman) earns no capital bonus
        prior = min(prior, 0.0) - ALT_PENALTY
    if m.home and c.feature in HOME_DEMOTED and c.country != m.home_country:
        prior = min(prior, 0.0) - W_HOME
    s = W_POP * math.log10(c.population + 10) + prior
    if m.hint:
        s += 4.0 if c.feature in m.hint else -3.0
    elif m.directional and c.feature in ("ADM1", "ADM2", "PCLI", "RGN"):
        s += 1.0
    elif m.settlement:
        s += 2.0 if c.feature.startswith("PPL") else -2.0
    return s


def _pick(m: Mention, scores: dict[int, float]) -> None:
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    by_id = {c.geonameid: c for c in m.candidates}
    m.choice = by_id[ranked[0][0]]
    margin = ranked[0][1] - ranked[1][1] if len(ranked) > 1 else 6.0
    m.confidence = 1.0 / (1.0 + math.exp(-margin))
    m.scores = scores


def _prefer_city(cands, scores: dict[int, float]) -> None:
    """A city and the same-named region around it (Kyiv city / Kyiv ADM1): the city, unless the
    mention says "region"."""
    for c in cands:
        if c.feature not in ("ADM1", "ADM2"):
            continue
        for p in cands:
            if (p.feature.startswith("PPL") and p.kind == gz.NAME_MAIN
                    and ((p.admin1 == c.admin1 if c.feature == "ADM1" else p.admin2 == c.geonameid)
                         or _near(p, c, CITY_REGION_KM))
                    and p.population >= 0.05 * c.population):
                if scores[c.geonameid] >= scores[p.geonameid]:
                    scores[p.geonameid] = scores[c.geonameid] + 0.5


class _Group:
    """All mentions of one name in the article: one sense per article."""

    def __init__(self, mentions: list[Mention]):
        self.mentions = mentions
        self.cands = list(mentions[0].candidates)
        base = {c.geonameid: 0.0 for c in self.cands}
        for m in mentions:
            for c in self.cands:
                base[c.geonameid] += _base_score(m, c) / len(mentions)
        self.areal = any(m.hint or m.directional for m in mentions)
        if not self.areal:
            _prefer_city(self.cands, base)
        # the strongest senses only: a name can have hundreds of namesakes
        self.cands.sort(key=lambda c: -base[c.geonameid])
        self.cands = self.cands[:MAX_SENSES]
        self.base = np.array([base[c.geonameid] for c in self.cands])
        self.scores = self.base.copy()
        self.weight = 1.0 + math.log(len(mentions))
        # "English class", "American companies": a demonym is weaker evidence of where the story is
        self.adjectival = mentions[0].adjectival
        if self.adjectival:
            self.weight *= W_ADJECTIVAL

    @property
    def probs(self):
        e = np.exp(self.scores - self.scores.max())
        return e / e.sum()

    @property
    def support(self):
        """How much each sense may vouch for senses of other names: lesser senses too, so that
        two small namesakes next to each other (Paris and Henry County, Tennessee) find each other."""
        return np.exp((self.scores - self.scores.max()) / COH_TEMP)

    @property
    def choice(self):
        return self.cands[int(self.scores.argmax())]


def _relatedness(groups: list[_Group]):
    """Pairwise relatedness of all senses: nearby (~75 km) or inside the same ADM1/ADM2."""
    flat = [c for g in groups for c in g.cands]
    n = len(flat)
    lat = np.radians(np.array([c.lat if c.lat is not None else 0.0 for c in flat]))
    lon = np.radians(np.array([c.lon if c.lon is not None else 0.0 for c in flat]))
    point = np.array([c.lat is not None and c.feature not in ("PCLI", "CONT", "ADM1", "ZN", "RGN") for c in flat])
    dlat = lat[:, None] - lat[None, :]
    dlon = lon[:, None] - lon[None, :]
    h = np.sin(dlat / 2) ** 2 + np.cos(lat)[:, None] * np.cos(lat)[None, :] * np.sin(dlon / 2) ** 2
    dist = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(h, 0, 1)))
    rel = np.exp(-dist / NEAR_KM) * (point[:, None] & point[None, :])
    adm1 = np.array([c.feature == "ADM1" for c in flat])
    if adm1.any():
        keys = np.array([c.admin1 or "-" for c in flat])
        same = keys[:, None] == keys[None, :]
        inside = same & (adm1[:, None] ^ adm1[None, :])
        rel = np.maximum(rel, inside * 1.0)
    # a town and the county it lies in ("Richmond" and "Madison County"): related wherever the
    # county's centroid falls
    adm2 = np.array([c.feature == "ADM2" for c in flat])
    if adm2.any():
        gid = np.array([c.geonameid for c in flat])
        parent = np.array([c.admin2 or 0 for c in flat])
        inside = (parent[:, None] == gid[None, :]) & adm2[None, :]
        rel = np.maximum(rel, (inside | inside.T) * 1.0)
    np.fill_diagonal(rel, 0.0)
    return rel, n


def _region_lists(text: str, mentions: list[Mention]) -> None:
    """"Douglas, Sarpy and Lancaster counties": the plural region word types every name in the list."""
    if not any(w in text for w in PLURAL_REGION_WORDS):
        return
    for match in _LIST_OF_REGIONS.finditer(text):
        hint = REGION_WORDS[PLURAL_REGION_WORDS[match.group(2)]]
        for m in mentions:
            if match.start(1) <= m.start and m.end <= match.end(1) and not m.hint and not m.adjectival:
                m.hint = hint


def _host(document: Document, gaz: gz.Gazetteer, mentions: list[Mention]) -> Optional[str]:
    """What the source's address says about the article's geography.

    Local papers carry their town in their domain ("parisbeacon.com", "norfolkdailynews.com"):
    that name in the text is the home town, not its famous namesake. A country-code domain
    (".ca", ".co.uk") gives the paper's country, returned for the country focus.
    """
    art = document.article
    host = ""
    for raw in (art.url, art.source):
        if raw:
            host = (urlparse(raw).hostname if "//" in raw else raw.split("/")[0]) or ""
            if host:
                break
    host = host.lower().removeprefix("www.")
    if not host or "." not in host:
        return None
    labels = host.split(".")
    tld = labels[-1]
    country = None
    if tld not in GENERIC_TLDS and len(tld) == 2:
        country = CCTLD.get(tld, tld.upper())
    # the registered name: "news.postbulletin.com" -> postbulletin, "cambridge-news.co.uk" -> cambridge-news
    site = re.sub(r"[^a-z]", "", labels[-2] if len(labels) < 3 or len(labels[-2]) > 3 else labels[-3])
    if len(site) >= 4:
        for m in mentions:
            key = gz.norm(m.key).replace(" ", "")
            # "dailypostathenian": the town's adjective names it too
            if len(key) >= 4 and (key in site or (len(key) >= 6 and key[:-1] + "ian" in site)) \
                    and not m.adjectival and not m.hint:
                m.home, m.home_country = True, country
    # regional papers file local stories under the town's section ("/dublin_news/", "/metro/dekalb/"):
    # a section name is a home town too, unless it names a country or a state of the paper's
    # country ("/world/russia/", "/florida/"; a generic domain is taken to be American)
    sections = _path_sections(art.url)
    if sections:
        for m in mentions:
            if m.home or m.adjectival or m.hint:
                continue
            key = gz.norm(m.key).replace(" ", "")
            if len(key) >= 4 and key in sections and not any(
                    c.kind == gz.NAME_MAIN and (c.feature in ("PCLI", "CONT") or (
                        c.feature == "ADM1" and c.country == (country or "US"))) for c in m.candidates):
                m.home, m.home_country = True, country
    return country


def _unmentioned_home(document: Document, gaz: gz.Gazetteer, mentions: list[Mention],
                      country: Optional[str]) -> list[Mention]:
    """The paper's town when the article does not name it ("mt_pleasant_news" over a story about
    New London, Iowa): a silent mention whose senses take part in the focus and coherence, so
    that the town's neighbours win over more populous namesakes far away. Never output."""
    art = document.article
    if any(m.home for m in mentions) or not art.url or "//" not in art.url:
        return []
    host = (urlparse(art.url).hostname or "").lower().removeprefix("www.")
    labels = host.split(".")
    if len(labels) < 2:
        return []
    site = re.sub(r"[^a-z]", "", labels[-2] if len(labels) < 3 or len(labels[-2]) > 3 else labels[-3])
    names = [site[:k] for k in range(len(site), 4, -1)] + [site[k:] for k in range(1, len(site) - 4)]
    for d in urlparse(art.url).path.split("/")[1:-1]:
        words = [w for w in re.split(r"[^a-z]+", gz.norm(d.replace("_", " ").replace("-", " "))) if w]
        if 0 < len(words) <= 6:
            names += [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)]
    said = {gz.norm(m.key) for m in mentions}
    home_cc = country or "US"
    out: list[Mention] = []
    for name in names:
        if len(name) < 5 or name in said or name in HOME_STOPWORDS or name.replace(" ", "") in HOME_STOPWORDS \
                or any(name.replace(" ", "") in m.key.replace(" ", "") for m in out):  # "spring" of "springfield"
            continue
        # "/News/Kanawha/": a county's section is named without the word "County"
        senses = gaz.lookup(name) + (gaz.lookup(name + " county") if home_cc == "US" else ())
        cands = tuple(c for c in senses if c.kind == gz.NAME_MAIN and c.country == home_cc
                      and c.feature.startswith(("PPL", "ADM2")) and c.population >= HOME_MIN_POP)
        if cands:
            said.add(name)
            out.append(Mention(-1, -1, name, "HOME", home=True, home_country=country, candidates=cands))
            if len(out) >= 2:
                break
    return out


def _path_sections(url: Optional[str]) -> set[str]:
    """Names a URL's directories spell: every run of words in each directory, joined
    ("/mt_pleasant_news/" -> mt, mtpleasant, mtpleasantnews, pleasant, ...), as saint/mount-expanded keys too."""
    if not url or "//" not in url:
        return set()
    dirs = urlparse(url).path.split("/")[1:-1]
    out: set[str] = set()
    for d in dirs:
        words = [w for w in re.split(r"[^a-z]+", gz.norm(d.replace("_", " ").replace("-", " "))) if w]
        if not words or len(words) > 6:
            continue
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                out.add("".join(words[i:j]))
    return out


def _us_local(text: str) -> float:
    """How much the text reads like US local news: a vote for the US in the country focus."""
    kinds = {m.group(0).split()[-1].lower().rstrip("0123456789") for m in _US_CUES.finditer(text)}
    return W_US_CUE * min(len(kinds), 4) if len(kinds) >= 2 else 0.0


def _resolve(mentions: list[Mention], host_country: Optional[str] = None, us_vote: float = 0.0) -> None:
    by_key: dict[tuple, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.candidates:
            by_key[(gz.norm(m.key), m.adjectival, m.hint)].append(m)
    groups = [_Group(ms) for ms in by_key.values()]
    if not groups:
        return
    rel, _ = _relatedness(groups)
    offsets = np.cumsum([0] + [len(g.cands) for g in groups])
    group_of = {id(m): gi for gi, g in enumerate(groups) for m in g.mentions}
    for _ in range(3):
        # the article's country / ADM1 focus, from every other name's current sense
        choices = [(g.choice, g.weight * float(g.probs.max())) for g in groups]
        for gi, g in enumerate(groups):
            countries: dict[str, float] = defaultdict(float)
            admin1: dict[str, float] = defaultdict(float)
            for hj, (c, w) in enumerate(choices):
                if hj == gi:
                    continue
                countries[c.country] += w
                if c.feature != "PCLI" and c.admin1 and not groups[hj].adjectival:
                    admin1[c.admin1] += w
            ct = sum(countries.values()) or 1.0
            at = sum(admin1.values()) or 1.0
            # coherence: senses near / inside likely senses of the other names
            coh = np.zeros(len(g.cands))
            rows = rel[offsets[gi]:offsets[gi + 1]]
            for hj, h in enumerate(groups):
                if hj != gi and not h.adjectival:
                    coh += (rows[:, offsets[hj]:offsets[hj + 1]] * h.support[None, :]).max(axis=1)
            scores = g.base.copy()
            for k, c in enumerate(g.cands):
                if c.feature != "CONT":
                    scores[k] += W_COUNTRY * countries.get(c.country, 0.0) / ct
                    if host_country is not None and c.country == host_country:
                        scores[k] += W_HOST_COUNTRY
                    elif c.country == "US":
                        scores[k] += us_vote
                if c.feature not in ("PCLI", "CONT"):
                    scores[k] += W_ADMIN1 * admin1.get(c.admin1, 0.0) / at
                scores[k] += W_COH * min(coh[k], COH_CAP)
                for m in g.mentions:
                    cont = m.container
                    if cont is not None and id(cont) in group_of:
                        if _within(c, groups[group_of[id(cont)]].choice):
                            scores[k] += W_CONTAINER / len(g.mentions)
            if not g.areal:
                sd = {c.geonameid: float(v) for c, v in zip(g.cands, scores)}
                _prefer_city(g.cands, sd)
                scores = np.array([sd[c.geonameid] for c in g.cands])
            g.scores = scores
    for g in groups:
        sc = {c.geonameid: float(s) for c, s in zip(g.cands, g.scores)}
        for m in g.mentions:
            m.candidates = tuple(g.cands)
            _pick(m, sc)
    # "Grantville, Pennsylvania" when the gazetteer knows no Grantville in Pennsylvania: the town is
    # too small for it, and the state says more about where it is than any namesake elsewhere
    for m in mentions:
        cont = m.container
        if m.choice is not None and cont is not None and cont.choice is not None \
                and cont.choice.feature == "ADM1" and m.choice.feature.startswith(("PPL", "ADM2")) \
                and cont.choice.admin1 and not _near(m.choice, cont.choice, FALLBACK_KM) \
                and m.choice.population < FALLBACK_MAX_POP \
                and not any(_within(c, cont.choice) for c in m.candidates):
            m.choice, m.fallback, m.confidence = None, cont.choice, 0.3


def geo_precision(place: Optional[Place]) -> Optional[str]:
    """ACLED-style precision of a place: "town", "region" or "country" (None when unlocated).

    For events to report how exactly a pin is known: a town is a point, a region or country
    a centroid standing for an area.
    """
    if place is None or place.lat is None:
        return None
    feature = place.feature or ""
    if feature.startswith("PCL") or feature in ("CONT", "ZN", "OCN"):
        return "country"
    if feature.startswith("PPL"):
        return "town"
    if place.geonameid is None and place.extra.get("near"):
        return "town"  # a street or site placed at the article's town
    return "region"


def _focus_place(mentions: list[Mention]) -> Optional[gz.Entry]:
    """The town the article is most about: its most mentioned confidently resolved settlement."""
    weight: dict[int, float] = defaultdict(float)
    entry = {}
    for m in mentions:
        c = m.choice
        if c is not None and not m.adjectival and (c.feature.startswith("PPL") or c.feature == "ADM2"):
            weight[c.geonameid] += m.confidence
            entry[c.geonameid] = c
    if not weight:
        return None
    return entry[max(weight, key=weight.get)]


def extract(document: Document) -> list[Place]:
    if document.doc is None:
        return []
    gaz = gz.load()
    mentions = _detect(document, gaz)
    _region_lists(document.text, mentions)
    host_country = _host(document, gaz, mentions)
    silent = _unmentioned_home(document, gaz, mentions, host_country)
    _resolve(mentions + silent, host_country, _us_local(document.text) if host_country in (None, "US") else 0.0)
    focus = _focus_place(mentions)
    places = []
    for m in mentions:
        c = m.choice
        extra = {"confidence": round(m.confidence if c else 0.2, 3), "detected_by": m.label}
        if m.adjectival:
            extra["adjectival"] = True
        if c is None:
            # a street or a place too small for the gazetteer: located, roughly, at its stated
            # container or else the article's main town (no GeoNames id; "near" says whose point)
            if m.fallback is not None:
                f = m.fallback
                extra["near"] = f.public_id
                places.append(Place(id=f"P{len(places) + 1}", span=document.span(m.start, m.end),
                                    name=document.text[m.start:m.end], geonameid=None, country=f.country or None,
                                    feature=None, lat=None if f.lat is None else round(f.lat, 5),
                                    lon=None if f.lon is None else round(f.lon, 5), extra=extra))
                continue
            if focus is not None:
                extra["near"] = focus.public_id
            places.append(Place(id=f"P{len(places) + 1}", span=document.span(m.start, m.end),
                                name=document.text[m.start:m.end], geonameid=None,
                                country=focus.country if focus else None, feature=None,
                                lat=focus.lat if focus else None, lon=focus.lon if focus else None,
                                extra=extra))
            continue
        places.append(Place(
            id=f"P{len(places) + 1}", span=document.span(m.start, m.end), name=c.name,
            geonameid=c.public_id, country=c.country or None, feature=c.feature,
            lat=None if c.lat is None else round(c.lat, 5), lon=None if c.lon is None else round(c.lon, 5),
            extra=extra))
    return places
