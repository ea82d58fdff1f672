"""The shipped event models, on and off: PLV dev, the PLOVER gold sentences, BBC false events, time.

Runs the real scorer (``chronicle.evaluate.events.evaluate``: full pipeline, the scorer's matching)
with ``events.USE_FALLBACK`` off and on. PLV dev was never trained on. The shipped fallback *was*
trained on all gold sentences, so its gold numbers here are training-set numbers, printed for
completeness only: the honest gold numbers are the k-fold and fixed-half ones of
``scripts/train_event_fallback.py`` (bench/results/event_fallback_train.json).

False events: every 10th BBC article of the sorted corpus (none of them trained on: the no-event
sentences come from articles i % 10 == 5); events per article with and without the model, and
``--show`` prints each event the model adds, for a hand check (printed, not saved: BBC text may
not be redistributed). Time: the events stage over those articles against their spaCy parse.
Writes bench/results/event_models.json.

    python bench/event_model_eval.py [--show]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

import event_model_data as D  # noqa: E402

from chronicle.evaluate import events as E  # noqa: E402
from chronicle.extract import events as X  # noqa: E402


def scored(items) -> dict:
    res = E.evaluate(items, out=lambda *a: None)
    return {"n": res["n"], "accuracy": res["accuracy"], "macro_f1": res["macro_f1"], "coverage": res["coverage"]}


def bbc(show: bool) -> dict:
    its, docs = D.documents("bbc_eval")
    out = {"articles": len(its)}
    added = []
    for on in (False, True):
        X.USE_FALLBACK = on
        t = time.perf_counter()
        coded = [X.coded(d) for d in docs]
        secs = time.perf_counter() - t
        n = sum(len(c) for c in coded)
        key = "fallback_on" if on else "rules_only"
        out[key] = {"events": n, "per_article": round(n / len(docs), 3), "events_s": round(secs, 3)}
        if on:
            added = [(it["id"], c) for it, cs in zip(its, coded) for c in cs if "fallback" in c["extra"]]
            out[key]["fallback_events"] = len(added)
    X.USE_FALLBACK = False
    if show:
        for doc_id, c in added:
            t = c["target"].name if c["target"] else None
            print(f"  [{doc_id}] {c['type']} p={c['extra']['fallback']} {c['actor'].name!r} -> {t!r} :: "
                  f"{c['evidence'].text[:220]!r}")
    from chronicle.nlp import load
    nlp = load()
    t = time.perf_counter()
    list(nlp.pipe([it["text"] for it in its], batch_size=16))
    out["parse_s"] = round(time.perf_counter() - t, 3)
    for key in ("rules_only", "fallback_on"):
        out[key]["events_over_parse"] = round(out[key]["events_s"] / out["parse_s"], 4)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="print the BBC events the model adds")
    args = ap.parse_args()
    plv_dev = E.load_plv(D.PLV, split="dev")
    gsr = {s: E.load_gsr(D.GSR, split=s) for s in ("train", "dev")}
    report: dict = {}
    for on in (False, True):
        X.USE_FALLBACK = on
        key = "fallback_on" if on else "rules_only"
        report[key] = {"plv_dev": scored(plv_dev),
                       "gsr_all_TRAINED_ON": scored(gsr["train"] + gsr["dev"]),
                       "gsr_dev_half_TRAINED_ON": scored(gsr["dev"])}
        r = report[key]
        print(f"{key:12s} PLV dev acc {r['plv_dev']['accuracy']:.3f} F1 {r['plv_dev']['macro_f1']:.3f} | gold (trained on) "
              f"{r['gsr_all_TRAINED_ON']['accuracy']:.3f}")
    X.USE_FALLBACK = False
    report["bbc"] = bbc(args.show)
    b = report["bbc"]
    print(f"BBC {b['articles']} articles: events/article rules {b['rules_only']['per_article']} -> with model "
          f"{b['fallback_on']['per_article']} ({b['fallback_on']['fallback_events']} added); events/parse "
          f"{100 * b['rules_only']['events_over_parse']:.1f}% -> {100 * b['fallback_on']['events_over_parse']:.1f}%")
    train = REPO / "bench" / "results" / "event_fallback_train.json"
    if train.exists():
        report["training_cv"] = json.loads(train.read_text(encoding="utf-8"))
    res = REPO / "bench" / "results" / "event_models.json"
    res.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"-> {res.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
