"""Article text cut into flat, colour-coded segments from a record's spans.

Records overlap freely (a quote contains entity mentions, dates and places; an event's
evidence spans a sentence), and nested HTML cannot express arbitrary overlaps. So the text is
cut at every span boundary into flat segments, each carrying the set of layers active over it;
CSS gives each layer its own visual channel (background for quotes, underline for entities,
outline for places, ...) so overlapping layers stay readable.

Segments are plain data: the template prints ``segment.text`` through Jinja's autoescape, one
segment at a time. Nothing here builds HTML or marks text safe, so article text (untrusted
HTML) can never become markup.
"""
from __future__ import annotations

from dataclasses import dataclass, field

SPEAKER_COLOURS = 8  # CSS classes spk-0 .. spk-7


@dataclass
class Layer:
    kind: str  # quote | cue | entity | time | place | event
    rid: str  # record id, e.g. A1, E3
    css: str
    title: str
    href: str | None = None


@dataclass
class Segment:
    text: str
    start: int
    end: int
    layers: list[Layer] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # ids of records whose span starts here

    @property
    def css(self) -> str:
        return " ".join(sorted({c for layer in self.layers for c in layer.css.split()}))

    @property
    def title(self) -> str:
        return "; ".join(layer.title for layer in self.layers)

    @property
    def href(self) -> str | None:
        for layer in self.layers:
            if layer.href:
                return layer.href
        return None

    @property
    def ids(self) -> str:
        return " ".join(layer.rid for layer in self.layers)


def speaker_classes(record: dict) -> dict[str, int]:
    """A stable colour index per speaker, in order of first quote, so one speaker keeps one colour."""
    out: dict[str, int] = {}
    for a in record.get("attributions", []):
        key = speaker_key(a)
        if key not in out:
            out[key] = len(out) % SPEAKER_COLOURS
    return out


def speaker_key(a: dict) -> str:
    src = a.get("source") or {}
    return src.get("entity") or src.get("name") or "?"


def anchor_id(rid: str, i: int | None = None) -> str:
    return f"r-{rid}" if i is None else f"r-{rid}-{i}"


def _valid(span: dict | None, n: int) -> bool:
    return bool(span) and isinstance(span.get("start"), int) and isinstance(span.get("end"), int) \
        and 0 <= span["start"] < span["end"] <= n


def layers_of(record: dict, entity_href=None) -> list[tuple[int, int, Layer, str]]:
    """Every highlightable span of a record as ``(start, end, layer, anchor)``."""
    text = record.get("article", {}).get("text", "") or ""
    n = len(text)
    out: list[tuple[int, int, Layer, str]] = []
    entities = {e["id"]: e for e in record.get("entities", [])}
    colours = speaker_classes(record)

    for e in record.get("entities", []):
        href = entity_href(e["name"]) if entity_href else None
        for i, m in enumerate(e.get("mentions", [])):
            if _valid(m, n):
                layer = Layer("entity", e["id"], f"hl-ent ent-{_safe(e.get('type'))}",
                              f"{e.get('type')}: {e['name']} ({e['id']})", href)
                out.append((m["start"], m["end"], layer, anchor_id(e["id"], i)))
    for a in record.get("attributions", []):
        src = a.get("source") or {}
        speaker = src.get("name") or (entities.get(src.get("entity")) or {}).get("name") or "unknown"
        if _valid(a.get("content"), n):
            layer = Layer("quote", a["id"], f"hl-quote q-{_safe(a.get('kind'))} spk-{colours[speaker_key(a)]}",
                          f"{a.get('kind', 'quote')} quote by {speaker} ({a['id']})")
            out.append((a["content"]["start"], a["content"]["end"], layer, anchor_id(a["id"])))
        if _valid(a.get("cue"), n):
            out.append((a["cue"]["start"], a["cue"]["end"],
                        Layer("cue", a["id"], "hl-cue", f"cue of {a['id']}"), anchor_id(a["id"], 0)))
    for t in record.get("times", []):
        if _valid(t.get("span"), n):
            out.append((t["span"]["start"], t["span"]["end"],
                        Layer("time", t["id"], "hl-time", f"{t.get('type')} {t.get('value')} ({t['id']})"),
                        anchor_id(t["id"])))
    for p in record.get("places", []):
        if _valid(p.get("span"), n):
            out.append((p["span"]["start"], p["span"]["end"],
                        Layer("place", p["id"], "hl-place",
                              f"place: {p.get('name')} {p.get('country') or ''} ({p['id']})"),
                        anchor_id(p["id"])))
    for v in record.get("events", []):
        trigger = v.get("trigger") if _valid(v.get("trigger"), n) else v.get("evidence")
        if _valid(trigger, n):
            out.append((trigger["start"], trigger["end"],
                        Layer("event", v["id"], "hl-event", f"event {v.get('type')}/{v.get('mode')} ({v['id']})"),
                        anchor_id(v["id"])))
    return out


def _safe(token) -> str:
    """A CSS class fragment from a record value: letters, digits and dashes only."""
    return "".join(ch for ch in str(token or "x") if ch.isalnum() or ch == "-")[:24] or "x"


def segments(record: dict, entity_href=None) -> list[Segment]:
    """The article text cut at every span boundary; concatenated ``text`` equals the article text."""
    text = record.get("article", {}).get("text", "") or ""
    spans = layers_of(record, entity_href)
    cuts = {0, len(text)}
    for s, e, _, _ in spans:
        cuts.add(s)
        cuts.add(e)
    bounds = sorted(cuts)
    starts: dict[int, list[str]] = {}
    for s, _, _, anchor in spans:
        starts.setdefault(s, [])
        if anchor not in starts[s]:
            starts[s].append(anchor)
    # Sweep: spans sorted by start; active set rebuilt per segment (records per article are few).
    spans.sort(key=lambda x: (x[0], -x[1]))
    out: list[Segment] = []
    j = 0
    active: list[tuple[int, int, Layer, str]] = []
    for a, b in zip(bounds, bounds[1:]):
        while j < len(spans) and spans[j][0] <= a:
            active.append(spans[j])
            j += 1
        active = [x for x in active if x[1] > a]
        out.append(Segment(text[a:b], a, b, [x[2] for x in active], starts.get(a, [])))
    return out
