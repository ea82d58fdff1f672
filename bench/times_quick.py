"""Fast re-scoring of the times tagger for rule work: the spaCy parses of TBAQ and MEANTIME are
cached (``/tmp``, not the repo), so a rule change is scored in seconds, not a minute.

Why also 5-fold CV over train documents: a variant that only helps some train documents shows up
as an uneven fold gain; choices are made on train folds, never on dev or the held-out MEANTIME part
(those print aggregate numbers only).

Usage: python bench/times_quick.py [--folds] [--shapes]
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from times_eval import DEV, MEANTIME, TBAQ, meantime_split  # noqa: E402
from chronicle.evaluate.timeml import read_all  # noqa: E402
from chronicle.evaluate.times import match, score, system_times  # noqa: E402

CACHE = Path("/tmp/chronicle_times_parse_cache.spacy")


def _docs():
    from spacy.tokens import DocBin
    from chronicle.nlp import load

    gold = list(read_all([TBAQ / "TimeBank", TBAQ / "AQUAINT"])) + list(read_all([MEANTIME]))
    global N_TBAQ
    N_TBAQ = len(gold) - len(list(read_all([MEANTIME])))
    nlp = load()
    if CACHE.exists():
        parsed = list(DocBin().from_disk(CACHE).get_docs(nlp.vocab))
        if len(parsed) == len(gold) and all(p.text == g.text for p, g in zip(parsed, gold)):
            return gold, parsed
    parsed = list(nlp.pipe([g.text for g in gold], batch_size=16))
    DocBin(store_user_data=False, docs=parsed).to_disk(CACHE)
    return gold, parsed


def _system(gd, doc):
    out = system_times(gd, doc=doc)
    for sys_t in out:
        RULE_OF[id(sys_t)] = sys_t.rule
    return out


RULE_OF: dict[int, str] = {}
N_TBAQ = 0


def shape(v: str) -> str:
    return re.sub(r"\d", "9", v or "")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", action="store_true")
    ap.add_argument("--dump", help="write train and MEANTIME-tune system times to this file (for diffs)")
    ap.add_argument("--shapes", action="store_true", help="aggregate value-error shapes (no sentences)")
    args = ap.parse_args(argv)
    gold, parsed = _docs()
    pairs = {g.name: (g, _system(g, d)) for g, d in zip(gold, parsed)}
    tbaq, meantime = gold[:N_TBAQ], gold[N_TBAQ:]
    dev = [g for g in tbaq if g.name in set(DEV)]
    train = [g for g in tbaq if g.name not in set(DEV)]
    tune, held = meantime_split(meantime)
    parts = {"train": train, "dev": dev, "meantime": meantime, "mt_tune": tune, "mt_held": held}
    quiet = lambda s: None  # noqa: E731
    line = []
    for name, docs in parts.items():
        m = score([pairs[g.name] for g in docs], out=quiet)
        line.append(f"{name} v {m['value']['f1']:.2f} s {m['strict']['f1']:.2f}")
    print(" | ".join(line))
    if args.dump:
        with open(args.dump, "w") as fh:
            for g in train + tune:
                for t in pairs[g.name][1]:
                    ctx = g.text[max(0, t.start - 60):t.end + 30].replace("\n", " ")
                    fh.write(f"{g.name} {g.dct} {t.text!r} {t.type} {t.value} ...{ctx}...\n")
    if args.folds:
        names = sorted(g.name for g in train)
        fold_scores = []
        for k in range(5):
            docs = [pairs[n] for i, n in enumerate(names) if i % 5 == k]
            m = score(docs, out=quiet)
            fold_scores.append(f"{m['value']['f1']:.2f}")
        print("train folds value:", " ".join(fold_scores))
    if args.shapes:
        for name in ("train", "dev", "mt_held"):
            c = Counter()
            for g in parts[name]:
                gd, sys_ = pairs[g.name]
                for i, j in match(gd.timexes, sys_):
                    if gd.timexes[i].value != sys_[j].value:
                        c[(shape(gd.timexes[i].value), shape(sys_[j].value), RULE_OF.get(id(sys_[j])))] += 1
                missed = {i for i, _ in match(gd.timexes, sys_)}
                for i, t in enumerate(gd.timexes):
                    if i not in missed:
                        c[("MISS", shape(t.value))] += 1
            print(name, c.most_common(40))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
