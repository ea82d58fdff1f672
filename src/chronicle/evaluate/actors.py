"""Scoring actors: entities against Chronicle-style gold, actor codes against PLOVER gold records.

Why two scorers: no public corpus has in-document coreference *and* actor codes for news, so
(1) hand gold in the ``chronicle/1`` shape (the seed article: entity names, types, country,
sector, mention texts) scores canonicalisation and coreference, and (2) the PLOVER gold-standard
records (322 sentences whose source/target actors carry CAMEO country + sector codes) score
:func:`chronicle.extract.actor_codes.code_span` on the noun phrase each gold actor heads -- the
phrase an event coder would code, since the gold ``actorText`` is often only the country word.

Files: a ``*.gold.json`` with ``entities`` (text from ``article.text`` or the sibling file named
in ``article.file``), or ``PLOVER_GSR_CAMEO.txt`` (a JSON array).
"""
from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Optional

from ..errors import UsageError
from ..model import Article, Document

# CAMEO country codes that differ from ISO 3166-1 alpha-3.
CAMEO_ISO = {"ITL": "ITA", "VTN": "VNM", "JAP": "JPN", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "GER": "DEU", "BUL": "BGR",
             "SER": "SRB", "KOS": "XKX", "PAL": "PSE", "WSB": "PSE", "GZS": "PSE", "SUD": "SDN",
             "NIG": "NGA", "TAW": "TWN", "UK": "GBR"}
PLOVER_SECTORS = {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR",
                  "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL",
                  "SOC", "IGO", "NGO"}
# Hand gold sometimes names a sector in words; PLOVER's code for news media is JRN.
SECTOR_SYNONYMS = {"MEDIA": "JRN", "MILITARY": "MIL", "GOVERNMENT": "GOV", "POLICE": "COP"}
NON_COUNTRY = {"IGO", "NGO", "MNC", "INT", "REB", "UAF", "---", ""}


def _nlp():
    from ..nlp import load

    return load()


def _doc(nlp, text: str, published: Optional[str] = None) -> Document:
    return Document(article=Article(text=text, published=published), doc=nlp(text))


# -- chronicle gold -------------------------------------------------------------------------

def score_entities(gold: list[dict], pred: list[dict], errors: bool = False, out: Callable = print) -> dict:
    """Match gold entities to predictions by name (or alias/mention text); score fields."""
    by_text: dict[str, dict] = {}
    for p in pred:
        by_text.setdefault(p["name"].lower(), p)
    c = Counter()
    for g in gold:
        c["gold"] += 1
        cands = [g["name"]] + list(g.get("aliases", []))
        p = next((by_text[n.lower()] for n in cands if n.lower() in by_text), None)
        if p is None:
            if errors:
                out(f"  MISS entity {g['name']!r}")
            continue
        c["found"] += 1
        c["type_ok"] += p["type"] == g["type"]
        for f in ("country", "sector"):
            if g.get(f):
                c[f + "_n"] += 1
                want = SECTOR_SYNONYMS.get(g[f], g[f]) if f == "sector" else g[f]
                ok = p.get(f) == want
                c[f + "_ok"] += ok
                if errors and not ok:
                    out(f"  {f.upper()} {g['name']!r}: gold {g[f]} got {p.get(f)}")
        pm = Counter(m["text"] for m in p["mentions"])
        for m in g.get("mentions", []):
            c["mention_n"] += 1
            if pm[m] > 0:
                pm[m] -= 1
                c["mention_ok"] += 1
            elif errors:
                out(f"  MENTION {g['name']!r}: {m!r} not among {sorted(set(x['text'] for x in p['mentions']))}")
    named = [p for p in pred if not p.get("nominal")]
    res = {
        "gold": c["gold"], "predicted_named": len(named), "predicted_all": len(pred),
        "entity_recall": c["found"] / c["gold"] if c["gold"] else 0.0,
        "type_acc": c["type_ok"] / c["found"] if c["found"] else 0.0,
        "country_acc": c["country_ok"] / c["country_n"] if c["country_n"] else None,
        "sector_acc": c["sector_ok"] / c["sector_n"] if c["sector_n"] else None,
        "mention_recall": c["mention_ok"] / c["mention_n"] if c["mention_n"] else None,
    }
    return res


def _eval_chronicle_gold(path: Path, errors: bool, out: Callable) -> dict:
    gold = json.loads(path.read_text(encoding="utf-8"))
    art = gold.get("article", {})
    text = art.get("text")
    if text is None and art.get("file"):
        text = (path.parent / art["file"]).read_text(encoding="utf-8")
    if text is None:
        raise UsageError(f"E002 {path}: gold has no article.text and no article.file")
    from ..extract import actors

    d = _doc(_nlp(), text, art.get("published"))
    t0 = time.perf_counter()
    ents = actors.extract(d)
    dt = time.perf_counter() - t0
    res = score_entities(gold.get("entities", []), [e.to_json() for e in ents], errors, out)
    res["seconds"] = round(dt, 4)
    return res


# -- PLOVER gold-standard records -----------------------------------------------------------

def _gold_country(code: str) -> Optional[str]:
    code = (code or "").strip().upper()[:3]
    if code in NON_COUNTRY:
        return None
    return CAMEO_ISO.get(code, code)


def _phrase_tokens(doc, start: int, end: int):
    """The noun phrase an event coder codes for a gold actor text: its noun chunk, or the
    head noun the country adjective modifies ("Hungarian ... officials")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    for nc in doc.noun_chunks:
        if nc.start <= root.i < nc.end:
            return doc[min(nc.start, span.start):max(nc.end, span.end)]
    if root.dep_ in ("amod", "compound", "poss") and root.head.pos_ in ("NOUN", "PROPN"):
        h = root.head
        return doc[min(span.start, h.i):max(span.end, h.i + 1)]
    return span


def _eval_gsr(path: Path, errors: bool, out: Callable) -> dict:
    from ..extract.actor_codes import code_span

    recs = [r for r in json.loads(path.read_text(encoding="utf-8")) if isinstance(r, dict) and r.get("text")]
    nlp = _nlp()
    c = Counter()
    for r in recs:
        text = r["text"]
        doc = None
        for role in ("source", "target"):
            actors = r.get(role) or []
            if not isinstance(actors, list):
                continue
            for a in actors:
                at = (a.get("actorText") or "").strip()
                i = text.find(at) if at else -1
                if i < 0:
                    continue
                if doc is None:
                    doc = nlp(text)
                toks = _phrase_tokens(doc, i, i + len(at))
                if toks is None:
                    continue
                country, sector = code_span(toks)
                gc = _gold_country(a.get("code", ""))
                gs = (a.get("sector") or "").strip().upper()[:3] or None
                gs = {"CIV": "CVL", "HLH": "MED"}.get(gs, gs)
                if gs not in PLOVER_SECTORS:
                    gs = None  # "***", CAMEO religion codes: no PLOVER sector to compare
                for kind, gold, got in (("country", gc, country), ("sector", gs, sector)):
                    if gold:
                        c[kind + "_n"] += 1
                        c[kind + "_ok"] += got == gold
                        c[kind + "_none"] += got is None
                        if errors and got != gold:
                            out(f"  {kind.upper()} {toks.text!r}: gold {gold} got {got}")
    n = lambda k: c[k + "_n"] or 1  # noqa: E731
    return {
        "country_n": c["country_n"], "country_acc": c["country_ok"] / n("country"),
        "country_abstain": c["country_none"] / n("country"),
        "sector_n": c["sector_n"], "sector_acc": c["sector_ok"] / n("sector"),
        "sector_abstain": c["sector_none"] / n("sector"),
    }


def run(paths: list[str], errors: bool = False, out: Callable = print) -> dict:
    report = {}
    for p in paths:
        path = Path(p)
        if not path.exists():
            raise UsageError(f"E002 gold file not found: {path}")
        head = path.read_text(encoding="utf-8")[:200].lstrip()
        if head.startswith("["):
            res = _eval_gsr(path, errors, out)
            out(f"{path.name}: country acc={res['country_acc']:.3f} (n={res['country_n']}, "
                f"abstain {res['country_abstain']:.3f}) sector acc={res['sector_acc']:.3f} "
                f"(n={res['sector_n']}, abstain {res['sector_abstain']:.3f})")
        else:
            res = _eval_chronicle_gold(path, errors, out)
            out(f"{path.name}: entities {res['gold']} gold / {res['predicted_named']} named predicted; "
                f"recall={res['entity_recall']:.3f} type={res['type_acc']:.3f} "
                f"country={_fmt(res['country_acc'])} sector={_fmt(res['sector_acc'])} "
                f"mentions={_fmt(res['mention_recall'])}")
        report[path.name] = res
    return report


def _fmt(x) -> str:
    return "n/a" if x is None else f"{x:.3f}"


# -- PolNeAR sources (a proxy: coverage, not correctness) -----------------------------------

PRONOUNS = {"he", "she", "him", "her", "they", "them", "it", "i", "we", "you"}


def polnear_sources(paths: list[str], errors: bool = False, out: Callable = print,
                    limit: Optional[int] = None) -> dict:
    """How many attribution sources the actors stage gives an entity, and at what cost.

    PolNeAR has no coreference gold, so this measures reach: the share of gold Source spans
    that ``document.entity_at`` resolves to an entity (what the attributions stage relies on),
    the share of third-person pronoun sources resolved, and actors time / parse time.
    ``errors`` prints each resolved pronoun source with its entity for checking by eye.
    """
    from . import brat
    from ..extract import actors

    nlp = _nlp()
    arts = brat.load(paths)[:limit]
    c = Counter()
    t_parse = t_act = 0.0
    for art in arts:
        t0 = time.perf_counter()
        d = _doc(nlp, art.text)
        t1 = time.perf_counter()
        d.entities = actors.extract(d)
        t2 = time.perf_counter()
        t_parse += t1 - t0
        t_act += t2 - t1
        for g in art.attributions:
            if not g.source:
                continue
            s, e = g.source[0][0], g.source[-1][1]
            src = art.text[s:e].strip()
            c["sources"] += 1
            ent = d.entity_at(s, e)
            c["covered"] += ent is not None
            if src.lower() in PRONOUNS and src.lower() not in ("i", "we", "you"):
                c["pron"] += 1
                hit = ent is not None and any(m.start == s and m.end == e for m in ent.mentions)
                c["pron_resolved"] += hit
                if errors:
                    ctx = art.text[max(0, s - 80):e + 20].replace("\n", " ")
                    out(f"  {src!r} -> {ent.name if hit else None!r} | ...{ctx}")
    res = {
        "articles": len(arts), "sources": c["sources"],
        "source_coverage": c["covered"] / (c["sources"] or 1),
        "pronoun_sources": c["pron"], "pronoun_resolved": c["pron_resolved"] / (c["pron"] or 1),
        "parse_seconds": round(t_parse, 3), "actors_seconds": round(t_act, 3),
        "actors_over_parse": round(t_act / t_parse, 4) if t_parse else None,
    }
    out(f"PolNeAR sources: {res['articles']} articles, source coverage={res['source_coverage']:.3f} "
        f"(n={res['sources']}), 3rd-person pronoun sources resolved={res['pronoun_resolved']:.3f} "
        f"(n={res['pronoun_sources']}); actors/parse time={res['actors_over_parse']}")
    return res
