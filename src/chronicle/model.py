"""The one in-memory document model every stage reads and extends.

Ingest produces an :class:`Article`; ``nlp`` wraps it with a parsed spaCy ``Doc`` into a
:class:`Document`; each extractor reads the Document (the parse plus the records of the
extractors before it) and returns its own list of records, which the pipeline stores on the
Document. Serialisation to the ``chronicle/1`` JSON contract lives in :mod:`chronicle.record`.

Records carry character offsets into ``article.text`` (never token indices), so a record stays
checkable against the text it came from whatever tokenizer produced it.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Optional

SCHEMA = "chronicle/1"


@dataclass(frozen=True)
class Span:
    """Characters ``[start, end)`` of the article text; ``text`` always equals that slice."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


def text_id(text: str) -> str:
    """Article id when the input gives none: stable across runs and machines."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Article:
    """What ingest hands on: the text and what is known about where it came from."""

    text: str
    id: str = ""
    url: Optional[str] = None
    source: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None  # ISO date, YYYY-MM-DD
    language: Optional[str] = "en"
    meta: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = text_id(self.text)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "url": self.url,
            "source": self.source,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "text": self.text,
        }


@dataclass
class Entity:
    """An in-document canonical entity: every mention that refers to the same actor."""

    id: str
    name: str
    type: str  # PERSON, ORG, GPE, NORP, LOC, GROUP, ...
    mentions: list[Span] = field(default_factory=list)
    country: Optional[str] = None  # ISO 3166-1 alpha-3
    sector: Optional[str] = None  # PLOVER agent code (GOV, MIL, ...)
    aliases: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        out = {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "country": self.country,
            "sector": self.sector,
            "mentions": [m.to_json() for m in self.mentions],
        }
        if self.aliases:
            out["aliases"] = list(self.aliases)
        out.update(self.extra)
        return out


@dataclass
class SourceRef:
    """Who an attribution is attributed to, as named in the text and as resolved."""

    name: Optional[str]
    entity: Optional[str] = None
    mention: Optional[Span] = None

    def to_json(self) -> dict:
        return {
            "entity": self.entity,
            "name": self.name,
            "mention": self.mention.to_json() if self.mention else None,
        }


@dataclass
class Attribution:
    id: str
    kind: str  # direct | indirect | mixed
    content: Span
    source: SourceRef
    cue: Optional[Span] = None
    medium: Optional[str] = None
    date: Optional[str] = None
    reported_by: Optional[dict] = None  # {"entity": "E7", "name": "CNN"}
    confidence: float = 0.0
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        out = {
            "id": self.id,
            "kind": self.kind,
            "content": self.content.to_json(),
            "cue": self.cue.to_json() if self.cue else None,
            "source": self.source.to_json(),
            "medium": self.medium,
            "date": self.date,
            "reported_by": self.reported_by,
            "confidence": round(float(self.confidence), 3),
        }
        out.update(self.extra)
        return out


@dataclass
class Time:
    id: str
    span: Span
    type: str  # DATE | TIME | DURATION | SET
    value: str
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        out = {"id": self.id, "span": self.span.to_json(), "type": self.type, "value": self.value}
        out.update(self.extra)
        return out


@dataclass
class Place:
    id: str
    span: Span
    name: str
    geonameid: Optional[int]
    country: Optional[str]  # ISO 3166-1 alpha-2, as GeoNames
    feature: Optional[str]  # GeoNames feature code: PCLI, ADM1, PPLC, PPL, ...
    lat: Optional[float]
    lon: Optional[float]
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        out = {
            "id": self.id,
            "span": self.span.to_json(),
            "name": self.name,
            "geonameid": self.geonameid,
            "country": self.country,
            "feature": self.feature,
            "lat": self.lat,
            "lon": self.lon,
        }
        out.update(self.extra)
        return out


@dataclass
class Role:
    """An event participant: the canonical entity if resolved, and its actor codes."""

    name: str
    entity: Optional[str] = None
    mention: Optional[Span] = None
    country: Optional[str] = None
    sector: Optional[str] = None

    def to_json(self) -> dict:
        return {
            "entity": self.entity,
            "name": self.name,
            "mention": self.mention.to_json() if self.mention else None,
            "country": self.country,
            "sector": self.sector,
        }


@dataclass
class Event:
    id: str
    type: str  # PLOVER event type
    mode: Optional[str]
    actor: Role
    evidence: Span
    target: Optional[Role] = None
    place: Optional[str] = None  # Place id
    date: Optional[str] = None
    date_precision: Optional[str] = None  # day | month | year | None
    count: Optional[int] = None
    attributed_to: Optional[str] = None  # Attribution id
    negated: bool = False
    confidence: float = 0.0
    evidence_all: list[Span] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        out = {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "actor": self.actor.to_json(),
            "target": self.target.to_json() if self.target else None,
            "place": self.place,
            "date": self.date,
            "date_precision": self.date_precision,
            "count": self.count,
            "evidence": self.evidence.to_json(),
            "attributed_to": self.attributed_to,
            "negated": self.negated,
            "confidence": round(float(self.confidence), 3),
        }
        if self.evidence_all:
            out["evidence_all"] = [s.to_json() for s in self.evidence_all]
        out.update(self.extra)
        return out


@dataclass
class Document:
    """An article, its spaCy parse, and the records extracted so far.

    ``doc`` is the spaCy ``Doc`` of ``article.text`` (character offsets are shared). Extractors
    read it and the record lists of the stages before them; the pipeline fills the lists.
    """

    article: Article
    doc: Any = None  # spacy.tokens.Doc
    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    def span(self, start: int, end: int) -> Span:
        """A Span over the article text; the only way records should build spans."""
        if not (0 <= start <= end <= len(self.article.text)):
            raise ValueError(f"E010 span [{start}, {end}) outside article text of length {len(self.article.text)}")
        return Span(start, end, self.article.text[start:end])

    def entity(self, entity_id: Optional[str]) -> Optional[Entity]:
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def entity_at(self, start: int, end: int) -> Optional[Entity]:
        """The entity with a mention covering ``[start, end)``, preferring the tightest mention.

        Falls back to the longest non-place mention inside the range (the head actor of a longer
        phrase), then to a place.
        """
        best = None
        best_len = None
        for ent in self.entities:
            for m in ent.mentions:
                if m.start <= start and end <= m.end:
                    ln = m.end - m.start
                    if best_len is None or ln < best_len:
                        best, best_len = ent, ln
        if best is not None:
            return best
        # A longer phrase ("the soldiers of Tactical Group No. 84 of Ukraine's forces") is about its
        # longest inner actor, not about the country an adjective in it names.
        inner = [(ent.type not in ("GPE", "LOC"), m.end - m.start, -m.start, ent)
                 for ent in self.entities for m in ent.mentions if start <= m.start and m.end <= end]
        return max(inner, key=lambda t: t[:3])[3] if inner else None

    def attribution_at(self, start: int, end: int) -> Optional[Attribution]:
        """The attribution whose content holds ``[start, end)``, the innermost one when nested:
        an event or claim found there is that source's claim, not a fact."""
        best = None
        for a in self.attributions:
            c = a.content
            if c.start <= start and end <= c.end:
                if best is None or (c.end - c.start) < (best.content.end - best.content.start):
                    best = a
        return best

    def place(self, place_id: Optional[str]) -> Optional[Place]:
        for p in self.places:
            if p.id == place_id:
                return p
        return None
