"""Times benchmark: TempEval-3 Task A scores on TBAQ train/dev and MEANTIME, and the tagger's cost.

Usage: python bench/times_eval.py [--errors dev|train|meantime] [--speed-docs N]
Writes bench/results/times.json. Data come from ../shared/data (not part of the repo).

The dev split is fixed: the TBAQ files whose name's SHA-1 is 0 mod 5 (50 of 256 files, listed
below so that a change of the rule cannot silently move files). Rules are tuned on train only.
MEANTIME (English Wikinews, NewsReader's TimeML variant) is split too: the first 30 files by file
name are the tune part (looked at for error analysis), the other 90 are held out and reported apart,
so that the held-out number stays honest.
Speed: the times extractor's wall time against the spaCy parse time on BBC articles (target <= 5%).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from chronicle.evaluate.timeml import read_all  # noqa: E402
from chronicle.evaluate.times import evaluate_docs, report  # noqa: E402
from chronicle.evaluate.times_splits import MEANTIME_TUNE, TBAQ_DEV  # noqa: E402

DATA = REPO.parent / "shared" / "data"
TBAQ = DATA / "time" / "tbaq-cleaned" / "TBAQ-cleaned"
MEANTIME = DATA / "time" / "meantime" / "intra-doc_annotation"
BBC = DATA / "corpora" / "bbc" / "bbc"

DEV = sorted(TBAQ_DEV)  # fixed in the package (chronicle.evaluate.times_splits)


MEANTIME_TUNE_N = 30


def meantime_split(docs: list) -> tuple[list, list]:
    """Tune = the first 30 documents by file name (ids mix the four sub-corpora), held-out = the rest."""
    return [d for d in docs if d.name in MEANTIME_TUNE], [d for d in docs if d.name not in MEANTIME_TUNE]


def is_dev(name: str) -> bool:
    return int(hashlib.sha1(name.encode()).hexdigest(), 16) % 5 == 0


def speed(n_docs: int) -> dict:
    from chronicle.extract import times
    from chronicle.model import Article, Document
    from chronicle.nlp import load

    nlp = load()
    files = sorted(BBC.rglob("*.txt"))
    step = max(1, len(files) // n_docs)
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files[::step][:n_docs]]
    times.compiled()
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_times = 0
    for text, doc in zip(texts, docs):
        n_times += len(times.extract(Document(article=Article(text=text, published="2005-01-01"), doc=doc)))
    t_times = time.perf_counter() - t0
    return {"docs": len(texts), "parse_s": round(t_parse, 3), "times_s": round(t_times, 3),
            "ratio_pct": round(100 * t_times / t_parse, 2), "times_found": n_times}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", choices=["dev", "train", "meantime", "meantime_tune"], default=None)
    ap.add_argument("--speed-docs", type=int, default=300)
    ap.add_argument("--only", choices=["dev", "train", "meantime", "meantime_tune", "meantime_heldout"], default=None)
    args = ap.parse_args(argv)

    docs = list(read_all([TBAQ / "TimeBank", TBAQ / "AQUAINT"]))
    dev = [d for d in docs if d.name in set(DEV)]
    assert sorted(d.name for d in dev) == sorted(DEV) and all(is_dev(n) for n in DEV), "dev split changed"
    train = [d for d in docs if d.name not in set(DEV)]
    meantime = list(read_all([MEANTIME]))
    mt_tune, mt_held = meantime_split(meantime)
    assert sorted(d.name for d in meantime)[:MEANTIME_TUNE_N] == sorted(MEANTIME_TUNE), "MEANTIME split changed"
    results = {}
    for name, part in (("train", train), ("dev", dev), ("meantime", meantime), ("meantime_tune", mt_tune),
                       ("meantime_heldout", mt_held)):
        if args.only and not (name == args.only or (args.only == "meantime" and name.startswith("meantime"))):
            continue
        m = evaluate_docs(part, errors=args.errors == name)
        report(m, f"times {name}")
        results[name] = m
    if not args.only:
        results["speed_bbc"] = speed(args.speed_docs)
        print("speed:", results["speed_bbc"])
        out = REPO / "bench" / "results" / "times.json"
        out.write_text(json.dumps(results, indent=2) + "\n")
        print("wrote", out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
