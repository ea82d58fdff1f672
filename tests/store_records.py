"""Hand-made ``chronicle/1`` records for store and export tests (no spaCy needed)."""
from __future__ import annotations


def span(text: str, s: str, occurrence: int = 0) -> dict:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(s, start + 1)
    return {"start": start, "end": start + len(s), "text": s}


def make_record(aid: str, text: str, *, title=None, published=None, source=None, url=None,
                entities=(), attributions=(), places=(), events=(), times=()) -> dict:
    """entities: (name, type, country, sector, [mention strings], aliases);
    attributions: (kind, content, speaker name, speaker entity id or None, cue or None);
    places: (surface, geonameid, country, lat, lon); times: (surface, value);
    events: (type, (actor name, country, sector, entity), target tuple or None, place id, evidence)."""
    rec = {
        "schema": "chronicle/1",
        "article": {"id": aid, "url": url, "source": source, "title": title, "published": published,
                    "language": "en", "text": text},
        "entities": [], "attributions": [], "times": [], "places": [], "events": [],
    }
    for i, (name, typ, country, sector, mentions, aliases) in enumerate(entities, 1):
        e = {"id": f"E{i}", "name": name, "type": typ, "country": country, "sector": sector,
             "mentions": [span(text, m) for m in mentions]}
        if aliases:
            e["aliases"] = list(aliases)
        rec["entities"].append(e)
    for i, (kind, content, speaker, ent, cue) in enumerate(attributions, 1):
        rec["attributions"].append({
            "id": f"A{i}", "kind": kind, "content": span(text, content),
            "cue": span(text, cue) if cue else None,
            "source": {"entity": ent, "name": speaker, "mention": None},
            "medium": None, "date": published, "reported_by": None, "confidence": 0.8})
    for i, (surface, value) in enumerate(times, 1):
        rec["times"].append({"id": f"T{i}", "span": span(text, surface), "type": "DATE", "value": value})
    for i, (surface, gid, country, lat, lon) in enumerate(places, 1):
        rec["places"].append({"id": f"P{i}", "span": span(text, surface), "name": surface,
                              "geonameid": gid, "country": country, "feature": "PPL",
                              "lat": lat, "lon": lon})

    def role(r):
        if r is None:
            return None
        name, country, sector, ent = r
        return {"entity": ent, "name": name, "mention": None, "country": country, "sector": sector}

    for i, (typ, actor, target, place, evidence) in enumerate(events, 1):
        rec["events"].append({
            "id": f"V{i}", "type": typ, "mode": None, "actor": role(actor), "target": role(target),
            "place": place, "date": published, "date_precision": "day" if published else None,
            "count": None, "evidence": span(text, evidence), "attributed_to": None,
            "negated": False, "confidence": 0.5})
    return rec


KURSK = ("Ukrainian President Volodymyr Zelenskyy said Tactical Group No. 84 captured two North "
         "Korean soldiers in Kursk Oblast. \"This was not an easy task,\" he added.")
KYIV = "Protesters marched in Kyiv on Sunday demanding the release of prisoners, the mayor said."
MOSCOW = "Russia and Ukraine agreed to exchange prisoners, officials in Moscow said on Wednesday."


def corpus() -> list[dict]:
    """Three articles: two sources, three dates, events of three types, one unlocated place."""
    kursk = make_record(
        "kursk", KURSK, title="Ukraine captures North Korean soldiers", published="2025-01-11",
        source="CNN", url="https://example.invalid/kursk",
        entities=[("Volodymyr Zelenskyy", "PERSON", "UKR", "GOV",
                   ["Ukrainian President Volodymyr Zelenskyy", "he"], ["Zelensky"]),
                  ("Tactical Group No. 84", "ORG", "UKR", "MIL", ["Tactical Group No. 84"], None)],
        attributions=[("indirect", "Tactical Group No. 84 captured two North Korean soldiers in Kursk Oblast",
                       "Volodymyr Zelenskyy", "E1", "said"),
                      ("direct", "This was not an easy task", "Volodymyr Zelenskyy", "E1", "added")],
        places=[("Kursk Oblast", 538555, "RU", 51.66, 36.49)],
        events=[("ASSAULT", ("Tactical Group No. 84", "UKR", "MIL", "E2"),
                 ("North Korean soldiers", "PRK", "MIL", None), "P1",
                 "Tactical Group No. 84 captured two North Korean soldiers")])
    kyiv = make_record(
        "kyiv", KYIV, title="Protest in Kyiv", published="2025-02-02", source="BBC",
        attributions=[("indirect", "Protesters marched in Kyiv on Sunday demanding the release of prisoners",
                       "the mayor", None, "said")],
        places=[("Kyiv", 703448, "UA", 50.45, 30.52)], times=[("Sunday", "2025-02-02")],
        events=[("PROTEST", ("Protesters", None, "CVL", None), None, "P1", "Protesters marched in Kyiv")])
    moscow = make_record(
        "moscow", MOSCOW, title="Prisoner exchange agreed", published="2025-03-05", source="CNN",
        entities=[("Russia", "GPE", "RUS", None, ["Russia"], None),
                  ("Ukraine", "GPE", "UKR", None, ["Ukraine"], None)],
        places=[("Moscow", None, "RU", None, None)],
        events=[("AGREE", ("Russia", "RUS", "GOV", "E1"), ("Ukraine", "UKR", "GOV", "E2"), "P1",
                 "Russia and Ukraine agreed to exchange prisoners"),
                ("CONSULT", ("Russia", "RUS", "GOV", "E1"), ("Ukraine", "UKR", "GOV", "E2"), None,
                 "agreed to exchange")])
    return [kursk, kyiv, moscow]
