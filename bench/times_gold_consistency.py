"""How consistently does the TBAQ gold itself normalise the same words? A ceiling for rules.

Why: the times tagger is a rule system; a rule gives one value for one form in one context. When the
annotators gave "last week" a week number in one file and ``1989-WXX`` in another, or "a year ago"
a year here and a quarter there, no rule can get both right. This script measures that on the gold
alone (no system output): it groups the gold TIMEX3s by their lower-cased words, keeps the forms whose
value depends on the publication date only (no digits, month or weekday names, whose values move
with the text), turns each value into a signature relative to the document's creation time
(``last week`` in week 43 -> ``W-1``; ``1989-WXX`` -> ``WXX``; ``PRESENT_REF``; ``P1Y``) and reports
how many of them agree with the majority signature of their form.

Run: python bench/times_gold_consistency.py [--min 3] [--show 25]
Writes bench/results/times_gold_consistency.json. Only gold is read; for the dev part only the
aggregate is printed (its forms are not listed).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from chronicle.evaluate.timeml import read_all  # noqa: E402
from chronicle.evaluate.times_splits import TBAQ_DEV  # noqa: E402

TBAQ = REPO.parent / "shared" / "data" / "time" / "tbaq-cleaned" / "TBAQ-cleaned"
_CALENDAR_WORDS = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.I)


def signature(value: str, dct: dt.date) -> str:
    """A TIMEX3 value relative to the creation time (the part a DCT-driven rule decides)."""
    v = value.strip()
    if m := re.fullmatch(r"(\d{4})", v):
        return f"Y{int(m[1]) - dct.year:+d}"
    if m := re.fullmatch(r"(\d{4})-(\d\d)", v):
        return f"M{(int(m[1]) - dct.year) * 12 + int(m[2]) - dct.month:+d}"
    if m := re.fullmatch(r"(\d{4})-W(\d\d?)(-WE)?", v):
        iso = dct.isocalendar()
        try:
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return "W?"
        weeks = (monday - dt.date.fromisocalendar(iso[0], iso[1], 1)).days // 7
        return f"W{weeks:+d}" + ("WE" if m[3] else "")
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
        return f"Q{(int(m[1]) - dct.year) * 4 + int(m[2]) - (dct.month - 1) // 3 - 1:+d}"
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(T.*)?", v):
        try:
            days = (dt.date(int(m[1]), int(m[2]), int(m[3])) - dct).days
        except ValueError:
            return "D?"
        return f"D{days:+d}" + (m[4] or "")
    if m := re.fullmatch(r"(\d{4})(-[A-Z]+X*|-XX(?:-XX)?|-WXX|-QX)", v):
        return f"Y{int(m[1]) - dct.year:+d}{m[2]}"
    return v  # references, durations, sets, underspecified values


def consistency(docs, min_count: int) -> tuple[dict, list]:
    forms: dict[str, Counter] = defaultdict(Counter)
    for d in docs:
        if not d.dct:
            continue
        dct = dt.date.fromisoformat(d.dct)
        for t in d.timexes:
            words = " ".join(d.text[t.start:t.end].lower().split())
            if _CALENDAR_WORDS.search(words):
                continue
            forms[words][signature(t.value, dct)] += 1
    kept = {w: c for w, c in forms.items() if sum(c.values()) >= min_count}
    n = sum(sum(c.values()) for c in kept.values())
    agree = sum(c.most_common(1)[0][1] for c in kept.values())
    rows = sorted(((w, sum(c.values()), c.most_common(1)[0][1], dict(c.most_common(4))) for w, c in kept.items()),
                  key=lambda r: (r[2] / r[1], -r[1]))
    return {"forms": len(kept), "timexes": n, "agree_with_majority": agree,
            "share": round(agree / n, 4) if n else None}, rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--min", type=int, default=3, help="forms seen at least this often")
    ap.add_argument("--show", type=int, default=25, help="least consistent train forms to list")
    args = ap.parse_args(argv)
    docs = list(read_all([TBAQ / "TimeBank", TBAQ / "AQUAINT"]))
    train = [d for d in docs if d.name not in TBAQ_DEV]
    dev = [d for d in docs if d.name in TBAQ_DEV]
    results = {}
    for name, part in (("train", train), ("dev", dev)):
        summary, rows = consistency(part, args.min)
        results[name] = summary
        print(f"{name}: {summary['timexes']} gold TIMEX3s in {summary['forms']} DCT-relative forms seen "
              f">= {args.min} times; {summary['agree_with_majority']} ({100 * (summary['share'] or 0):.1f}%) "
              "take their form's majority value")
        if name == "train":
            for words, n, top, sigs in rows[:args.show]:
                print(f"   {words!r:28} {top}/{n}  {sigs}")
    out = REPO / "bench" / "results" / "times_gold_consistency.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print("wrote", out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
