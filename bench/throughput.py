"""Throughput: bare spaCy ``nlp.pipe`` vs. Chronicle's full extraction, in one run, same articles.

Speed is reported as a ratio against the bare parse measured in the same process, because
absolute timings on a shared 2-core machine are noisy. Also reports each extractor's time as a
share of the parse (the budgets of issues 3-6: attributions <= 15%, times <= 5%, places <= 10%,
events <= 20%), and peak RSS.

    python bench/throughput.py [--corpus DIR] [--limit N] [--batch-size 8]

Writes bench/results/throughput.json and prints one summary line.
"""
from __future__ import annotations

import argparse
import importlib
import json
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "data" / "corpora" / "bbc"


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--limit", type=int, default=0, help="use only the first N articles (0 = all)")
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--model", default=None)
    ap.add_argument("--chunk", type=int, default=64, help="articles per interleaved bare/full measurement")
    ap.add_argument("--out", default=str(HERE / "results" / "throughput.json"))
    args = ap.parse_args(argv)

    from chronicle.ingest import IngestOptions, InputProblem, read_inputs
    from chronicle.nlp import load, parse_many
    from chronicle.pipeline import EXTRACTORS
    from chronicle.record import to_record

    if not Path(args.corpus).exists():
        sys.exit(f"corpus not found: {args.corpus}")
    articles, problems = [], []
    for item in read_inputs([args.corpus], IngestOptions(title_line="yes")):
        (problems if isinstance(item, InputProblem) else articles).append(item)
    if args.limit:
        articles = articles[: args.limit]
    words = sum(len(a.text.split()) for a in articles)
    nlp = load(args.model)
    for _ in nlp.pipe([a.text for a in articles[:8]]):  # warm-up outside the clocks
        pass

    # Interleave the two measurements chunk by chunk, so that load from other processes on this
    # shared machine falls on both alike and the ratio stays meaningful.
    modules = [importlib.import_module(f"chronicle.extract.{n}") for n in EXTRACTORS]
    per_stage = {n: 0.0 for n in EXTRACTORS}
    bare = full = parse_time = serialise = 0.0
    counts = {"entities": 0, "attributions": 0, "times": 0, "places": 0, "events": 0}
    for i in range(0, len(articles), args.chunk):
        chunk = articles[i:i + args.chunk]
        t0 = time.perf_counter()
        for _ in nlp.pipe((a.text for a in chunk), batch_size=args.batch_size):
            pass
        bare += time.perf_counter() - t0

        t0 = time.perf_counter()
        docs = parse_many(chunk, model=args.model, batch_size=args.batch_size)
        while True:
            ts = time.perf_counter()
            document = next(docs, None)
            parse_time += time.perf_counter() - ts
            if document is None:
                break
            for name, mod in zip(EXTRACTORS, modules):
                ts = time.perf_counter()
                setattr(document, mod.ASSIGNS, mod.extract(document))
                per_stage[name] += time.perf_counter() - ts
            ts = time.perf_counter()
            json.dumps(to_record(document))
            serialise += time.perf_counter() - ts
            for k in counts:
                counts[k] += len(getattr(document, k))
        full += time.perf_counter() - t0

    n = len(articles)
    result = {
        "corpus": args.corpus,
        "articles": n,
        "words": words,
        "input_problems": len(problems),
        "batch_size": args.batch_size,
        "chunk": args.chunk,
        "bare_spacy": {"seconds": round(bare, 2), "articles_per_s": round(n / bare, 2), "words_per_s": round(words / bare)},
        "chronicle": {"seconds": round(full, 2), "articles_per_s": round(n / full, 2), "words_per_s": round(words / full)},
        "ratio_chronicle_over_bare_time": round(full / bare, 3),
        "extractor_share_of_parse": {k: round(v / parse_time, 4) for k, v in per_stage.items()},
        "serialise_share_of_parse": round(serialise / parse_time, 4),
        "records": counts,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2))
    shares = " ".join(f"{k}={v:.1%}" for k, v in result["extractor_share_of_parse"].items())
    print(f"{n} articles, {words} words: bare spaCy {result['bare_spacy']['words_per_s']} w/s, "
          f"Chronicle {result['chronicle']['words_per_s']} w/s, time ratio {result['ratio_chronicle_over_bare_time']}x; "
          f"extractors/parse: {shares}; peak RSS {result['peak_rss_mb']} MB")
    return result


if __name__ == "__main__":
    main()
