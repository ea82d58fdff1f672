"""Hand-made chronicle/1 records for the API, page and browser tests (texts written for the tests).

Spans are computed from the text, so each record is valid against ``chronicle.record.validate``.
"""
from __future__ import annotations

HARBOUR_TEXT = (
    "Harbour Minister Elena Marsh on Tuesday said that coastguard crews had seized two smuggling boats "
    "near Port Avalon.\n\n"
    "\"Our crews stopped both boats before dawn. Nobody was hurt,\" Marsh said.\n\n"
    "The Avalon Coastguard later confirmed the seizure, and Marsh added that the crews would be thanked."
)

XSS_TEXT = (
    "A reader sent this: <script>alert(1)</script> and then <img src=x onerror=alert(1)> as a test.\n\n"
    "\"We do not run what readers send,\" said editor Tom Vale."
)

FLOOD_TEXT = (
    "Mayor Ana Ruiz said on Friday that the flood barrier in Riverton held.\n\n"
    "\"The barrier did its job,\" Ruiz said."
)


def span(text: str, sub: str, occurrence: int = 0) -> dict:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(sub, start + 1)
    return {"start": start, "end": start + len(sub), "text": sub}


def _article(id_, text, title, published, source, url=None):
    return {"id": id_, "url": url, "source": source, "title": title, "published": published,
            "language": "en", "text": text}


def harbour_record() -> dict:
    t = HARBOUR_TEXT
    return {
        "schema": "chronicle/1",
        "article": _article("harbour-1", t, "Coastguard seizes two boats", "2025-03-04", "Avalon Daily",
                            "https://news.example/harbour"),
        "entities": [
            {"id": "E1", "name": "Elena Marsh", "type": "PERSON", "country": "AVL", "sector": "GOV",
             "mentions": [span(t, "Harbour Minister Elena Marsh"), span(t, "Marsh", 1), span(t, "Marsh", 2)],
             "aliases": ["Minister Marsh"]},
            {"id": "E2", "name": "Avalon Coastguard", "type": "ORG", "country": "AVL", "sector": "MIL",
             "mentions": [span(t, "coastguard crews"), span(t, "The Avalon Coastguard")]},
        ],
        "attributions": [
            {"id": "A1", "kind": "direct",
             "content": span(t, "Our crews stopped both boats before dawn. Nobody was hurt,"),
             "cue": span(t, "said", 1),
             "source": {"entity": "E1", "name": "Elena Marsh", "mention": span(t, "Marsh", 1)},
             "medium": None, "date": "2025-03-04", "reported_by": None, "confidence": 0.9},
            {"id": "A2", "kind": "indirect",
             "content": span(t, "coastguard crews had seized two smuggling boats near Port Avalon"),
             "cue": span(t, "said"),
             "source": {"entity": "E1", "name": "Elena Marsh", "mention": span(t, "Harbour Minister Elena Marsh")},
             "medium": None, "date": "2025-03-04", "reported_by": None, "confidence": 0.8},
        ],
        "times": [{"id": "T1", "span": span(t, "Tuesday"), "type": "DATE", "value": "2025-03-04"}],
        "places": [{"id": "P1", "span": span(t, "Port Avalon"), "name": "Port Avalon", "geonameid": None,
                    "country": "UA", "feature": "PPL", "lat": 51.7, "lon": 35.3}],
        "events": [{"id": "V1", "type": "COERCE", "mode": "seize",
                    "actor": {"entity": "E2", "name": "Avalon Coastguard", "mention": span(t, "coastguard crews"),
                              "country": "AVL", "sector": "MIL"},
                    "target": {"entity": None, "name": "smuggling boats", "mention": span(t, "two smuggling boats"),
                               "country": None, "sector": None},
                    "place": "P1", "date": "2025-03-04", "date_precision": "day", "count": 2,
                    "evidence": span(t, "coastguard crews had seized two smuggling boats near Port Avalon"),
                    "attributed_to": "A2", "negated": False, "confidence": 0.7}],
    }


def xss_record() -> dict:
    t = XSS_TEXT
    return {
        "schema": "chronicle/1",
        "article": _article("xss-1", t, "<script>alert('title')</script> Reader mail", "2025-03-05",
                            "<b>Bold Source</b>"),
        "entities": [{"id": "E1", "name": "Tom Vale", "type": "PERSON", "country": None, "sector": "MED",
                      "mentions": [span(t, "editor Tom Vale")]},
                     {"id": "E2", "name": "<img src=x onerror=alert(2)>", "type": "ORG", "country": None,
                      "sector": None, "mentions": [span(t, "<img src=x onerror=alert(1)>")]}],
        "attributions": [{"id": "A1", "kind": "direct", "content": span(t, "We do not run what readers send,"),
                          "cue": span(t, "said"),
                          "source": {"entity": "E1", "name": "Tom Vale", "mention": span(t, "editor Tom Vale")},
                          "medium": None, "date": None, "reported_by": None, "confidence": 0.9}],
        "times": [],
        "places": [],
        "events": [{"id": "V1", "type": "ASSAULT", "mode": None,
                    "actor": {"entity": None, "name": "<script>alert(3)</script>", "mention": None,
                              "country": None, "sector": None},
                    "target": None, "place": None, "date": None, "date_precision": None, "count": None,
                    "evidence": span(t, "<script>alert(1)</script>"), "attributed_to": None, "negated": False,
                    "confidence": 0.1}],
    }


def flood_record() -> dict:
    t = FLOOD_TEXT
    return {
        "schema": "chronicle/1",
        "article": _article("flood-1", t, "Riverton barrier holds", "2025-02-14", "Riverton Post"),
        "entities": [{"id": "E1", "name": "Ana Ruiz", "type": "PERSON", "country": None, "sector": "GOV",
                      "mentions": [span(t, "Mayor Ana Ruiz"), span(t, "Ruiz", 1)]}],
        "attributions": [{"id": "A1", "kind": "direct", "content": span(t, "The barrier did its job,"),
                          "cue": span(t, "said", 1),
                          "source": {"entity": "E1", "name": "Ana Ruiz", "mention": span(t, "Ruiz", 1)},
                          "medium": None, "date": "2025-02-14", "reported_by": None, "confidence": 0.9}],
        "times": [{"id": "T1", "span": span(t, "Friday"), "type": "DATE", "value": "2025-02-14"}],
        "places": [{"id": "P1", "span": span(t, "Riverton"), "name": "Riverton", "geonameid": None,
                    "country": "US", "feature": "PPL", "lat": 43.0, "lon": -108.4}],
        "events": [],
    }


def bulk_records(n: int) -> list[dict]:
    """Small distinct records for pagination and complete-download tests."""
    out = []
    for i in range(n):
        text = f"Bulletin number {i}: the lighthouse keeper reported calm seas."
        out.append({"schema": "chronicle/1",
                    "article": _article(f"bulk-{i:04d}", text, f"Bulletin {i}", f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                                        "Lighthouse Log"),
                    "entities": [], "attributions": [], "times": [], "places": [], "events": []})
    return out


def all_records() -> list[dict]:
    return [harbour_record(), xss_record(), flood_record()]
