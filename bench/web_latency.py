"""Web latency: search p95 and article-page render time on a ~3,000-article store.

Targets (issue 7): search p95 < 50 ms, article pages < 200 ms, on the 2,225 BBC articles plus
the 840 PolNeAR train texts. Requests go through the whole ASGI app in-process (routing,
security middleware, query, Jinja rendering), without a network hop.

The store can come from three places, reported in the output as ``fill``:

- ``--db URL``: a store you filled yourself, e.g. ``chronicle ingest`` over the same texts
  (the realistic case: full records with quotes, events and places);
- ``--fill full``: the real pipeline over all texts (slow: ~10+ min on 2 cores);
- ``--fill ner`` (default): a cheaper stand-in: each record carries its text and spaCy NER
  entities with every mention (real offsets), but no attributions/times/places/events. Article
  pages then render fewer highlights than real records would.

The filled store is cached in ``build/web-bench-<fill>.db`` and reused on the next run.

    .venv/bin/python bench/web_latency.py [--fill ner|full] [--db URL] [--queries 200] [--pages 300]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
DATA = REPO.parent / "shared" / "data"
BBC = DATA / "corpora" / "bbc" / "bbc"
POLNEAR = DATA / "quotes" / "polnear" / "data" / "train" / "text"
OUT = REPO / "bench" / "results" / "web.json"


def corpus():
    """Articles (Article objects) from BBC (synthetic 2005 dates) and PolNeAR train (dates from names)."""
    from chronicle.model import Article

    for i, f in enumerate(sorted(BBC.glob("*/*.txt"))):
        raw = f.read_text("latin-1")
        title, _, body = raw.partition("\n")
        yield Article(text=body.strip() or title, id=f"bbc-{f.parent.name}-{f.stem}", title=title.strip(),
                      source=f"BBC {f.parent.name}", published=f"2005-{1 + i % 12:02d}-{1 + i % 28:02d}")
    for f in sorted(POLNEAR.glob("*.txt")):
        m = re.match(r"([a-z]+)_(\d{4}-\d{2}-\d{2})_", f.name)
        text = f.read_text("utf-8", errors="replace").strip()
        yield Article(text=text, id=f"polnear-{f.stem}", title=text.split("\n", 1)[0][:120],
                      source=m.group(1) if m else "polnear", published=m.group(2) if m else None)


def ner_records(articles, batch_size: int = 32):
    """The stand-in: text + NER entities (one entity per distinct label/text, all its mentions)."""
    from chronicle.model import SCHEMA
    from chronicle.nlp import load

    nlp = load()
    keep = [p for p in nlp.pipe_names if p in ("tok2vec", "ner")]
    with nlp.select_pipes(enable=keep):
        for doc, art in nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=batch_size):
            groups: dict[tuple[str, str], list] = {}
            for ent in doc.ents:
                if ent.label_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "DATE"):
                    groups.setdefault((ent.label_, ent.text), []).append(
                        {"start": ent.start_char, "end": ent.end_char, "text": ent.text})
            entities, times = [], []
            for (label, name), mentions in groups.items():
                if label == "DATE":
                    for m in mentions:
                        times.append({"id": f"T{len(times) + 1}", "span": m, "type": "DATE", "value": m["text"]})
                else:
                    entities.append({"id": f"E{len(entities) + 1}", "name": name, "type": label, "country": None,
                                     "sector": None, "mentions": mentions})
            yield {"schema": SCHEMA, "article": art.to_json(), "entities": entities, "attributions": [],
                   "times": times, "places": [], "events": []}


def full_records(articles):
    from chronicle.pipeline import extract_articles
    from chronicle.record import to_record

    for doc in extract_articles(articles, batch_size=16, n_process=2):
        yield to_record(doc)


def fill_store(fill: str) -> str:
    from chronicle.store import Store

    path = REPO / "build" / f"web-bench-{fill}.db"
    path.parent.mkdir(exist_ok=True)
    url = f"sqlite:///{path}"
    store = Store(url)
    try:
        if store.count() >= 3000:
            print(f"reusing {path} ({store.count()} articles)")
            return url
        todo = [a for a in corpus() if not store.has(a.id)]
        print(f"filling {path}: {len(todo)} articles ({fill}) ...", flush=True)
        t = time.perf_counter()
        gen = ner_records(todo) if fill == "ner" else full_records(todo)
        batch = []
        for n, rec in enumerate(gen, 1):
            batch.append(rec)
            if len(batch) == 200:
                store.upsert_many(batch)
                batch = []
                print(f"  {n}/{len(todo)} in {time.perf_counter() - t:.0f} s", flush=True)
        if batch:
            store.upsert_many(batch)
        print(f"filled in {time.perf_counter() - t:.0f} s")
    finally:
        store.close()
    return url


def add_full_records(url: str) -> list[str]:
    """The bundled sample and the seed article through the full pipeline, added to the store."""
    from chronicle.ingest.readers import IngestOptions, read_inputs
    from chronicle.model import Article
    from chronicle.pipeline import extract_articles
    from chronicle.record import to_record
    from chronicle.store import Store

    paths = [str(REPO / "samples")] + [str(p) for p in [DATA / "seed" / "kursk-pows.txt"] if p.exists()]
    arts = [a for a in read_inputs(paths, IngestOptions(published="2025-01-11")) if isinstance(a, Article)]
    for a in arts:
        a.id = "full-" + a.id[:16]
    store = Store(url)
    try:
        store.upsert_many(to_record(d) for d in extract_articles(arts))
    finally:
        store.close()
    return [a.id for a in arts]


def queries(store, n: int, rng: random.Random) -> list[str]:
    """A fixed mix: common and rarer words, entity-name phrases, prefix and OR queries."""
    from sqlalchemy import func, select

    from chronicle.store import tables as T

    with store.engine.connect() as conn:
        names = [r[0] for r in conn.execute(
            select(T.entities.c.name, func.count()).group_by(T.entities.c.name)
            .order_by(func.count().desc()).limit(400))]
        texts = [r[0] for r in conn.execute(select(T.articles.c.text).order_by(T.articles.c.pk).limit(400))]
    words = Counter(w for t in texts for w in re.findall(r"[a-z]{4,}", t.lower()))
    ranked = [w for w, _ in words.most_common(3000)]
    common, rare = ranked[30:300], ranked[1000:3000]
    out = []
    for i in range(n):
        kind = i % 6
        if kind in (0, 1) and common:
            out.append(rng.choice(common))
        elif kind == 2 and rare:
            out.append(rng.choice(rare))
        elif kind == 3 and names:
            out.append(f'"{rng.choice(names)}"')
        elif kind == 4 and common:
            out.append(f"{rng.choice(common)[:4]}*")
        else:
            out.append(f"{rng.choice(common)} OR {rng.choice(rare or common)}")
    return out


def timed(client, urls: list[str]) -> list[float]:
    ms = []
    for u in urls:
        t = time.perf_counter()
        r = client.get(u)
        ms.append((time.perf_counter() - t) * 1000)
        if r.status_code != 200:
            raise RuntimeError(f"{u}: HTTP {r.status_code} {r.text[:200]}")
    return ms


def stats(ms: list[float]) -> dict:
    s = sorted(ms)
    pct = lambda p: round(s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))], 2)  # noqa: E731
    return {"n": len(s), "mean_ms": round(statistics.fmean(s), 2), "p50_ms": pct(50), "p95_ms": pct(95),
            "max_ms": round(s[-1], 2)}


def main() -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="an existing store URL to measure (e.g. one filled by chronicle ingest)")
    ap.add_argument("--fill", choices=("ner", "full"), default="ner")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if not args.db and not (BBC.exists() and POLNEAR.exists()):
        print(f"corpora not found under {DATA}; pass --db URL of a filled store")
        return {}

    from urllib.parse import quote, urlencode

    from fastapi.testclient import TestClient

    from chronicle.api.app import create_app
    from chronicle.store import Store

    url = args.db or fill_store(args.fill)
    full_ids = add_full_records(url)
    fill = "given store (--db)" if args.db else {"ner": "stand-in: text + spaCy NER entities/dates only",
                                                   "full": "full chronicle pipeline"}[args.fill]
    rng = random.Random(args.seed)
    store = Store(url)
    n_articles = store.count()
    qs = queries(store, args.queries, rng)
    ids = rng.sample(store.ids(), min(args.pages, n_articles))
    with store.engine.connect() as conn:
        from sqlalchemy import func, select

        from chronicle.store import tables as T

        top_entities = [r[0] for r in conn.execute(
            select(T.entities.c.name).group_by(T.entities.c.name).order_by(func.count().desc()).limit(30))]
    schema = store.schema_version
    store.close()

    out: dict = {"articles": n_articles, "fill": fill, "store": url.split("///")[-1], "schema_version": schema,
                 "client": "in-process ASGI (starlette TestClient): app + middleware + SQL + Jinja, no network",
                 "targets": {"search_p95_ms": 50, "article_page_ms": 200}}
    load_before = round(os.getloadavg()[0], 2)
    with TestClient(create_app(url)) as client:
        api = [f"/api/articles?{urlencode({'q': q, 'limit': 20})}" for q in qs]
        page = [f"/?{urlencode({'q': q})}" for q in qs]
        arts = [f"/articles/{quote(i, safe='')}" for i in ids]
        ents = [f"/entities/{quote(n, safe='')}" for n in top_entities]
        timed(client, api[:20] + page[:5] + arts[:20])  # warm caches, templates, connections
        out["search_api"] = stats(timed(client, api))
        out["search_page"] = stats(timed(client, page))  # distinct queries: facets computed cold
        out["search_page_repeat"] = stats(timed(client, page[:50]))  # same queries again: facets cached
        out["article_page"] = stats(timed(client, arts))
        if full_ids:  # real records are denser than the stand-in: time their pages too
            full = [f"/articles/{quote(i, safe='')}" for i in full_ids]
            out["article_page_full_pipeline_records"] = {**stats(timed(client, full * 20)), "articles": full_ids}
        out["article_json"] = stats(timed(client, [a + "?format=json" for a in arts]))
        out["entity_page_top30"] = stats(timed(client, ents))
        out["events_page"] = stats(timed(client, ["/events"] * 10))
        out["home_page_with_facets"] = stats(timed(client, ["/"] * 10))
    # the machine may be shared: a loaded CPU shows in every percentile, so record the load
    out["load_average_1m_before_after"] = [load_before, round(os.getloadavg()[0], 2)]
    out["meets_targets"] = {"search_api_p95": out["search_api"]["p95_ms"] < 50,
                            "search_page_p95": out["search_page"]["p95_ms"] < 50,
                            "article_page_p95": out["article_page"]["p95_ms"] < 200}
    print(json.dumps(out, indent=2))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, indent=2) + "\n")
    return out


if __name__ == "__main__":
    main()
