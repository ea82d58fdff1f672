"""Attribution accuracy and cost on PolNeAR dev (84 articles), written to bench/results/attributions.json.

Runs Chronicle's whole pipeline on each article (actors and times feed source resolution and
dates), scores attributions at the article level (see chronicle.evaluate.attributions for the
metric), and times the attribution stage against the spaCy parse of the same texts, because the
stage must stay cheap next to the parse (target: at most 15%).

Usage: python bench/attributions_eval.py [--split dev|train] [--errors] [--out PATH]
"""
from __future__ import annotations

import argparse
import json
import platform
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from chronicle.evaluate import attributions  # noqa: E402

POLNEAR = REPO.parent / "shared" / "data" / "quotes" / "polnear" / "data"
TARGETS = {"direct_f1_cov0.8": 0.85, "direct_source_acc": 0.90, "all_f1_cov0.3": 0.65,
           "attributions_vs_parse": 0.15}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--out", default=None)
    args = ap.parse_args(argv)
    gold = POLNEAR / args.split
    if not gold.exists():
        print(f"PolNeAR {args.split} not found at {gold}", file=sys.stderr)
        return 2
    res = attributions.run([str(gold)], errors=args.errors)
    res["data"] = f"PolNeAR v1.0.0 {args.split}"
    res["targets"] = TARGETS
    res["checks"] = {
        "direct_f1_cov0.8": res["direct"]["cov0.8"]["f1"],
        "direct_source_acc": res["direct"]["source_acc_cov0.8"],
        "all_f1_cov0.3": res["all"]["cov0.3"]["f1"],
        "attributions_vs_parse": res["timing"]["attributions_vs_parse"],
    }
    res["machine"] = {"python": platform.python_version(), "processor": platform.machine()}
    out = Path(args.out) if args.out else REPO / "bench" / "results" / (
        "attributions.json" if args.split == "dev" else f"attributions_{args.split}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    print(f"-> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
