"""Where do the TBAQ dev value errors sit? Aggregate counts only: no dev sentence or value is printed.

Why: the dev split's value F1 stays about 10 points under train's while rule work on train, MEANTIME
tune and unannotated news moves it by tenths. This script measures three things that tell whether the
gap is rules that do not generalise or documents that follow other conventions:

1. how the wrong values spread over documents (train and dev), and the dev value F1 with its worst
   documents left out, one by one;
2. for the worst dev documents, whether another creation date would explain the gold (the tagger is
   rerun with every date within three years of the DCT; a document annotated against another
   reference date would gain many values at one offset);
3. how often TBAQ train itself writes the value forms that fill the worst dev documents: years as
   ``YYYY-XX``, quarters as ``YYYY-QX``, "a year ago/earlier" as a quarter, a year, a month or a day.

Run: python bench/times_dev_anatomy.py [--top 6]  (about a minute; cached parses from times_quick)
Writes bench/results/times_dev_anatomy.json.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

import times_quick as tq  # noqa: E402
from chronicle.evaluate.times import match, score, system_times  # noqa: E402

OUT = REPO / "bench" / "results" / "times_dev_anatomy.json"


def _right(gd, doc, dct=None) -> tuple[int, int]:
    gd = dataclasses.replace(gd, dct=dct or gd.dct)
    sys_ = system_times(gd, doc=doc)
    pairs = match(gd.timexes, sys_)
    return sum(gd.timexes[i].value == sys_[j].value for i, j in pairs), len(pairs)


def _year_ago_forms(docs) -> Counter:
    c: Counter = Counter()
    for g in docs:
        for t in g.timexes:
            if re.fullmatch(r"(?:a|one) year (?:ago|earlier)", g.text[t.start:t.end].lower()):
                v = t.value
                c["day" if re.fullmatch(r"\d{4}-\d\d-\d\d", v) else "quarter" if "-Q" in v
                  else "month" if re.fullmatch(r"\d{4}-\d\d", v) else "year" if re.fullmatch(r"\d{4}", v) else "other"] += 1
    return c


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=6, help="worst dev documents searched for another reference date")
    args = ap.parse_args(argv)
    if not tq.TBAQ.exists():
        print(f"TBAQ not found under {tq.TBAQ}: nothing to measure")
        return {}
    gold, parsed = tq._docs()
    parse_of = {g.name: d for g, d in zip(gold, parsed)}
    tbaq = gold[:tq.N_TBAQ]
    parts = {"train": [g for g in tbaq if g.name not in tq.DEV], "dev": [g for g in tbaq if g.name in tq.DEV]}
    result: dict = {}
    wrong_of: dict = {}
    for name, docs in parts.items():
        wrong = {}
        for g in docs:
            r, m = _right(g, parse_of[g.name])
            wrong[g.name] = m - r
        wrong_of[name] = wrong
        worst = sorted(wrong.values(), reverse=True)
        result[name] = {"docs": len(docs), "wrong_values": sum(worst), "worst_docs": worst[:8]}
        print(f"{name}: {len(docs)} docs, {sum(worst)} wrong values; most in one document: {worst[:8]}")
    dev = sorted(parts["dev"], key=lambda g: -wrong_of["dev"][g.name])
    curve = []
    for k in range(6):
        m = score([(g, system_times(g, doc=parse_of[g.name])) for g in dev[k:]], out=lambda s: None)
        curve.append(round(m["value"]["f1"], 2))
    result["dev_value_f1_without_worst_k"] = curve
    print("dev value F1 with the k worst documents left out, k = 0..5:", curve)
    gains = []
    for g in dev[:args.top]:
        base_right, _ = _right(g, parse_of[g.name])
        dct = dt.date.fromisoformat(g.dct)
        best = max((_right(g, parse_of[g.name], (dct + dt.timedelta(days=off)).isoformat())[0] - base_right, off)
                   for off in range(-1095, 1096, 1) if off)
        gains.append({"wrong": wrong_of["dev"][g.name], "best_gain": max(best[0], 0), "offset_days": best[1]})
    result["other_reference_date"] = gains
    print("worst dev documents, values gained by the best other creation date (wrong, gain):",
          [(x["wrong"], x["best_gain"]) for x in gains])
    train = parts["train"]
    forms = {
        "years": sum(bool(re.fullmatch(r"\d{4}", t.value)) for g in train for t in g.timexes),
        "years_as_YYYY-XX": sum(bool(re.fullmatch(r"\d{4}-XX(?:-XX)?", t.value)) for g in train for t in g.timexes),
        "quarters": sum(bool(re.search(r"-Q\d$", t.value)) for g in train for t in g.timexes),
        "quarters_as_YYYY-QX": sum(t.value.endswith("-QX") for g in train for t in g.timexes),
        "a_year_ago_or_earlier": dict(_year_ago_forms(train)),
    }
    result["train_forms"] = forms
    print("TBAQ train value forms:", forms)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
