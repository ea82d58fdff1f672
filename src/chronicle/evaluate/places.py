"""Scoring places against geoparsing gold: LGL, TR-News, GeoWebNews and GeoVirus XML.

Why these numbers: detection P/R/F1 says whether toponyms are found; resolution is scored on the
gold toponyms that were detected (the figure Mordecai and CLAVIN report: exact GeoNames id, and
within 161 km = 100 miles), and end to end over all gold toponyms, so a resolver cannot look
good by detecting only easy names.

Formats (Gritta et al.'s "Pragmatic Guide" repository):
- LGL / TR-News: ``<toponym><start/><end/><phrase/><gaztag geonameid=..><lat/><lon/>``;
- GeoWebNews: ``<toponym><type/><start/><end/><geonamesID/><latitude/><longitude/>``; toponyms are
  the types below (expressions such as "the city", non-toponyms and languages are not);
- GeoVirus: ``<location><start/><end/><lat/><lon/>`` (coordinates only, no ids).

Only the places stage runs (on a bare spaCy parse) with the article's ``url`` / ``domain`` when the
gold file has them (LGL does): the stage reads nothing else, as it would in production.
"""
from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional

from ..errors import UsageError

GWN_TOPONYM_TYPES = {
    "Literal", "Literal_Modifier", "Metonymic", "Mixed", "Coercion", "Embedded_Literal",
    "Embedded_Non_Lit", "Non_Literal_Modifier", "Demonym",
}
KM = 161.0


@dataclass
class Gold:
    start: int
    end: int
    text: str
    geonameid: Optional[int]
    lat: Optional[float]
    lon: Optional[float]
    kind: str = ""


@dataclass
class GoldArticle:
    id: str
    text: str
    toponyms: list
    published: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None


def _f(x: Optional[str]) -> Optional[float]:
    try:
        return float(x) if x not in (None, "") else None
    except ValueError:
        return None


def _i(x: Optional[str]) -> Optional[int]:
    x = (x or "").strip()
    return int(x) if x.isdigit() else None


def read(path: str | Path) -> list[GoldArticle]:
    """Articles with gold toponyms from one XML file, whichever of the formats it is in."""
    root = ET.parse(path).getroot()
    out = []
    for n, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        aid = art.get("docid") or art.get("file") or art.findtext("source") or str(n)
        dl = (art.findtext("dltime") or "")[:10] or None
        golds = []
        for t in art.iter("toponym"):
            start, end = _i(t.findtext("start")), _i(t.findtext("end"))
            if start is None or end is None:
                continue
            gaz = t.find("gaztag")
            if gaz is not None or t.find("phrase") is not None:  # LGL / TR-News
                golds.append(Gold(start, end, text[start:end],
                                  _i(gaz.get("geonameid")) if gaz is not None else None,
                                  _f(gaz.findtext("lat")) if gaz is not None else None,
                                  _f(gaz.findtext("lon")) if gaz is not None else None))
            else:  # GeoWebNews
                kind = t.findtext("type") or ""
                if kind not in GWN_TOPONYM_TYPES:
                    continue
                golds.append(Gold(start, end, text[start:end], _i(t.findtext("geonamesID")),
                                  _f(t.findtext("latitude")), _f(t.findtext("longitude")), kind))
        for loc in art.iter("location"):  # GeoVirus
            start, end = _i(loc.findtext("start")), _i(loc.findtext("end"))
            if start is not None and end is not None:
                golds.append(Gold(start, end, text[start:end], None, _f(loc.findtext("lat")),
                                  _f(loc.findtext("lon"))))
        out.append(GoldArticle(str(aid), text, golds, dl, art.findtext("url") or None,
                               art.findtext("domain") or None))
    return out


def _match(golds: list[Gold], preds: list) -> list[tuple[Gold, object]]:
    """Pairs (gold, predicted place) by span overlap, each side used once, exact spans first."""
    pairs, used = [], set()
    for exact in (True, False):
        for g in golds:
            if any(g is p[0] for p in pairs):
                continue
            for k, p in enumerate(preds):
                if k in used:
                    continue
                s, e = p.span.start, p.span.end
                if (s == g.start and e == g.end) if exact else (s < g.end and g.start < e):
                    pairs.append((g, p))
                    used.add(k)
                    break
    return pairs


def score(articles: Iterable[GoldArticle], predict: Callable[[list[GoldArticle]], list[list]],
          errors: bool = False, out=print) -> dict:
    from ..extract.gazetteer import haversine_km

    articles = list(articles)
    preds_all, timing = predict(articles)
    n_gold = n_pred = n_match = n_strict = 0
    res = {"ided": 0, "exact": 0, "coord": 0, "within": 0, "err_km": [], "gold_ided": 0, "gold_coord": 0}
    misses = []
    for art, preds in zip(articles, preds_all):
        golds = art.toponyms
        n_gold += len(golds)
        n_pred += len(preds)
        pairs = _match(golds, preds)
        n_match += len(pairs)
        n_strict += sum(1 for g, p in pairs if (p.span.start, p.span.end) == (g.start, g.end))
        matched = {id(g): p for g, p in pairs}
        for g in golds:
            res["gold_ided"] += g.geonameid is not None
            res["gold_coord"] += g.lat is not None
            p = matched.get(id(g))
            if p is None:
                if errors:
                    misses.append(f"MISS   {art.id}: {g.text!r} [{g.start}:{g.end}] {g.kind}")
                continue
            if g.geonameid is not None:
                res["ided"] += 1
                res["exact"] += p.geonameid == g.geonameid
            if g.lat is not None:
                res["coord"] += 1
                if g.geonameid is not None and p.geonameid == g.geonameid:
                    d = 0.0  # the same GeoNames entry: sources round its point differently
                    res["err_km"].append(d)
                    res["within"] += 1
                elif p.lat is not None:
                    d = haversine_km(g.lat, g.lon, p.lat, p.lon)
                    res["err_km"].append(d)
                    res["within"] += d <= KM
                else:
                    d = None
                if errors and (d is None or d > KM or (g.geonameid and p.geonameid != g.geonameid)):
                    misses.append(f"WRONG  {art.id}: {g.text!r} gold={g.geonameid} -> {p.geonameid} "
                                  f"{p.name} {p.country} {p.feature} ({'-' if d is None else round(d)} km)")
        if errors:
            gold_spans = [(g.start, g.end) for g in golds]
            for p in preds:
                if not any(p.span.start < e and s < p.span.end for s, e in gold_spans):
                    misses.append(f"EXTRA  {art.id}: {p.span.text!r} -> {p.geonameid} {p.name} {p.feature} "
                                  f"[{p.extra.get('detected_by', '')}]")
    prec = n_match / n_pred if n_pred else 0.0
    rec = n_match / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    errs = res["err_km"]
    metrics = {
        "articles": len(articles), "gold": n_gold, "predicted": n_pred, "matched": n_match,
        "detection": {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
                      "strict_span_matches": n_strict},
        "resolution_on_detected": {
            "n_with_id": res["ided"], "exact": round(res["exact"] / res["ided"], 4) if res["ided"] else None,
            "n_with_coords": res["coord"],
            "within_161km": round(res["within"] / res["coord"], 4) if res["coord"] else None,
            "mean_error_km": round(sum(errs) / len(errs), 1) if errs else None,
            "median_error_km": round(sorted(errs)[len(errs) // 2], 1) if errs else None,
        },
        "end_to_end": {
            "exact": round(res["exact"] / res["gold_ided"], 4) if res["gold_ided"] else None,
            "within_161km": round(res["within"] / res["gold_coord"], 4) if res["gold_coord"] else None,
        },
        "time": timing,
    }
    if errors:
        for line in misses:
            out(line)
    d, r, e = metrics["detection"], metrics["resolution_on_detected"], metrics["end_to_end"]
    out(f"articles {len(articles)}  gold toponyms {n_gold}  predicted {n_pred}")
    out(f"detection   P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}  (overlap; exact spans {n_strict})")
    out(f"resolution on detected: exact {_pct(r['exact'])} of {r['n_with_id']}, within {KM:.0f} km "
        f"{_pct(r['within_161km'])} of {r['n_with_coords']}, mean error {r['mean_error_km']} km")
    out(f"end to end: exact {_pct(e['exact'])}, within {KM:.0f} km {_pct(e['within_161km'])}")
    if timing:
        out(f"time: parse {timing['parse_s']:.1f} s, places {timing['places_s']:.2f} s "
            f"({100 * timing['places_over_parse']:.1f}% of parse)")
    return metrics


def _pct(x: Optional[float]) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def predict_places(articles: list[GoldArticle]):
    """Parse with the shared pipeline and run only the places stage; times both."""
    from ..extract import gazetteer, places
    from ..model import Article, Document
    from ..nlp import load

    nlp = load()
    gazetteer.load()
    t0 = time.perf_counter()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
    t_parse = time.perf_counter() - t0
    out = []
    t0 = time.perf_counter()
    for a, d in zip(articles, docs):
        document = Document(article=Article(text=a.text, id=a.id, published=a.published, url=a.url,
                                                    source=a.source), doc=d)
        out.append(places.extract(document))
    t_places = time.perf_counter() - t0
    return out, {"parse_s": round(t_parse, 3), "places_s": round(t_places, 3),
                 "places_over_parse": round(t_places / t_parse, 4) if t_parse else None}


def run(paths: list[str], errors: bool = False, out=print, select=None) -> dict:
    """Score the places stage on gold XML files; ``select(i, article)`` keeps a subset."""
    articles = []
    for p in paths:
        if not Path(p).exists():
            raise UsageError(f"gold file {p} not found; give LGL / GeoWebNews / TR-News / GeoVirus XML")
        arts = read(p)
        articles.extend(a for i, a in enumerate(arts) if select is None or select(i, a))
    if not articles:
        raise UsageError("no articles with text in the given gold files")
    return score(articles, predict_places, errors=errors, out=out)
