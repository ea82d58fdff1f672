"""False events on ordinary news: events per article per BBC section, and a listing to judge by hand.

Why: GDELT's best-known failure is coding business, culture and sport news as conflict ("cut
rates", "attacked the market", "beat Chelsea"). The BBC corpus (business, entertainment, politics,
sport, tech) is mostly non-political, so the events the coder finds there are mostly junk; the
rate per article per section is the measure, and ``--list`` prints each event with its sentence
for a hand judgement. Parses are cached under $CHRONICLE_EVENT_CACHE (never in the repo).
The events are coded with the junk gate off and the gate's verdict is computed on them, so one run
gives both rates ("per_article_ungated" and "per_article") and the listing marks each event the gate
drops ("DROP") with its actor and target codes. Writes bench/results/events_news.json.

    python bench/events_news_precision.py [--per-section 80] [--list FILE]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

BBC = REPO.parent / "shared" / "data" / "corpora" / "bbc" / "bbc"
CACHE = Path(os.environ.get("CHRONICLE_EVENT_CACHE", "/tmp/chronicle_event_cache"))
SECTIONS = ("business", "entertainment", "politics", "sport", "tech")


def _docs(section: str, n: int):
    from spacy.tokens import DocBin

    from chronicle.nlp import load

    files = sorted((BBC / section).glob("*.txt"))[::3][:n]  # every third: a spread over the section
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    path = CACHE / f"news_{section}_{n}.docbin"
    nlp = load()
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe(texts, batch_size=16))
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=False, docs=docs).to_disk(path)
    return files, texts, docs


def run(per_section: int, listing=None) -> dict:
    from chronicle.extract import events as ev
    from chronicle.model import Article, Document
    from chronicle.pipeline import run_extractors

    gate = ev.USE_JUNK_GATE
    ev.USE_JUNK_GATE = False
    out = {}
    try:
        for section in SECTIONS:
            files, texts, docs = _docs(section, per_section)
            n = kept = 0
            by_type: dict = {}
            for f, text, doc in zip(files, texts, docs):
                document = run_extractors(Document(article=Article(text=text, published="2005-01-01"), doc=doc))
                drops = ev.junk_flags([(e.actor, e.target) for e in document.events],
                                      ev.political_share(document.entities),
                                      sum(1 for _ in doc.sents)) if gate else \
                    [False] * len(document.events)
                n += len(document.events)
                kept += drops.count(False)
                for e, drop in zip(document.events, drops):
                    if not drop:
                        by_type[e.type] = by_type.get(e.type, 0) + 1
                    if listing is not None:
                        trig = e.extra["trigger"]
                        word = text[trig["start"]:trig["end"]]
                        mod = e.extra.get("modality") or ""
                        listing.write(f"{section}/{f.name}\t{'DROP' if drop else 'keep'}\t{e.type}/{e.mode}\t[{word}]\t"
                                      f"{mod}\t{_role(e.actor)} -> {_role(e.target)}\t"
                                      f"{e.evidence.text[:300]!r}\n")
            arts = max(1, len(texts))
            out[section] = {"articles": len(texts), "events": kept, "per_article": round(kept / arts, 3),
                            "events_ungated": n, "per_article_ungated": round(n / arts, 3),
                            "by_type": dict(sorted(by_type.items()))}
            print(f"{section:14s} {len(texts):4d} articles {kept:5d} events {kept / arts:.2f}/article "
                  f"(without the junk gate {n:5d}, {n / arts:.2f}/article)")
    finally:
        ev.USE_JUNK_GATE = gate
    return out


def _role(role) -> str:
    if role is None:
        return ""
    return f"{role.name} [{role.country or '-'} {role.sector or '-'}]"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-section", type=int, default=80)
    ap.add_argument("--list", default=None)
    ap.add_argument("--no-fallback", action="store_true", help="rules only (events.USE_FALLBACK off for this run)")
    ap.add_argument("--no-gate", action="store_true", help="report without the junk gate (events.USE_JUNK_GATE off)")
    args = ap.parse_args()
    if args.no_fallback:
        from chronicle.extract import events
        events.USE_FALLBACK = False
    if args.no_gate:
        from chronicle.extract import events
        events.USE_JUNK_GATE = False
    listing = open(args.list, "w", encoding="utf-8") if args.list else None
    out = run(args.per_section, listing)
    if listing:
        listing.close()
    res = REPO / "bench" / "results" / "events_news.json"
    res.write_text(json.dumps(out, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
