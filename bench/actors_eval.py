"""Actors benchmark, written to bench/results/actors.json.

- seed gold (entities, types, codes, mention texts) -- ../shared/data/seed/kursk-pows.gold.json;
- actor codes on the PLOVER gold-standard records (country / sector of each gold actor's phrase);
- PolNeAR dev: share of attribution sources resolved to an entity, pronoun sources resolved, and
  the actors stage's time relative to the spaCy parse.

    python bench/actors_eval.py [--errors] [--limit N]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from chronicle.evaluate import actors as ev  # noqa: E402

DATA = REPO.parent / "shared" / "data"
SEED = DATA / "seed" / "kursk-pows.gold.json"
GSR = DATA / "events" / "plover" / "PLOVER_GSR_CAMEO.txt"
POLNEAR_DEV = DATA / "quotes" / "polnear" / "data" / "dev"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--limit", type=int, default=None, help="PolNeAR articles (default all 84)")
    args = ap.parse_args()
    results = {}
    gold = [str(p) for p in (SEED, GSR) if p.exists()]
    if gold:
        results.update(ev.run(gold, errors=args.errors))
    if POLNEAR_DEV.exists():
        results["polnear_dev"] = ev.polnear_sources([str(POLNEAR_DEV)], errors=args.errors, limit=args.limit)
    out = REPO / "bench" / "results" / "actors.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
