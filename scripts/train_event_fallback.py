"""Train the fallback typer shipped as ``src/chronicle/data/event_fallback.npz``.

The fallback guesses a PLOVER type for a sentence in which no lexicon trigger fired (a miss is
always wrong in the PLV/PLOVER scoring, and one gold sentence in ten has no rule event). The
event's roles, place and date still come from the rule coder's clause logic on the root verb.

Data (labels as *sets*, see ``scripts/event_model_train.py``):
- PLV_train, *train* part only (``chronicle.evaluate.events.plv_split``); YIELD = {CONCEDE, RETREAT};
- the PLOVER gold sentences (PLOVER 0.5 names mapped as in the scorer), in k-fold only: the fold
  being scored is never in its model;
- ConfliBERT ``cameo_class/train.tsv``: a coarse CAMEO class per sentence (checked on the data:
  1 = verbal cooperation {AGREE, CONSULT, SUPPORT}, 2 = material cooperation {COOPERATE, AID,
  CONCEDE, RETREAT}, 3 = verbal conflict {REQUEST, ACCUSE, REJECT, THREATEN}, 4 = material
  conflict {PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT}; 0 = statements/appeals, dropped), weight
  0.5. Half of its sentences are PLV sentences (113 of the 210 PLV dev pairs!), so every
  sentence also in PLV_train is dropped: otherwise PLV dev would leak in;
- NONE: the trigger-less sentences (root verb, >= 4 tokens, no rule event) of BBC articles
  ``i % 10 == 5`` of the sorted corpus, weight ``NEG_WEIGHT`` (PLV and the gold file hold only
  event sentences; without a no-event class the model types any sentence). The false-event check
  (``bench/event_model_eval.py``) uses the disjoint articles ``i % 10 == 0``.

Selection, all by 5-fold cross-validation with the full event coder (the fold's model injected,
gold pairs matched as in the scorer): PLV train pairs, gold sentences, and held-out BBC articles
(fallback events per article). A threshold is eligible when it adds no fallback event to the
held-out BBC articles (``MAX_BBC`` = 0), loses on neither CV set, and raises pooled PLV+gold CV
accuracy; among eligible thresholds the best pooled gain wins and ties go to the higher threshold
(the same gain from fewer firings). None eligible = threshold > 1 (never fire) and no weights.
Fallback events also pass ``event_fallback.acceptable`` (``--gate``; "none" = the participants
the clause logic finds).

Measured 2026-11-28 00:25 UTC on the rules of that time (gate "none", BBC weight 0.3, word vectors
on; sentences whose root verb the lexicon knows are left to the rules, see ``events._fallback``):

    threshold              0.0    0.5    0.6    0.7    0.8    0.9   (rules only)
    CV PLV train (n=840)  .864   .863   .863   .863   .862   .862   .861
    CV gold (n=322)       .854   .851   .851   .851   .848   .848   .848
    gold dev half (179)   .810   .810   .804   .804   .804   .804   .804   (model without the half)
    PLV dev (210)         .805   .800   .800   .800   .800   .800   .790
    CV firings right/wrong 5/14   3/4    3/4    3/3    1/0    1/0
    BBC held-out /article .077   .023   .014   .005   0      0
    BBC eval /article     .049   .027   .018   .013   .0045  0      (223 articles, never trained on)

Chosen: 0.9 (0.8 and 0.9 tie in CV; 0.9 fires less). The model is a small safety net, not a
second coder: it adds about one right event per thousand gold pairs in CV, +1 point on PLV dev
(0.790 -> 0.800), nothing on the gold dev half, and no event on the 223 never-trained BBC articles.
Lower thresholds gain more on the gold and PLV sets but add false events to ordinary news: a hand
check of the BBC-eval events at p >= 0.5 found one right of nine (the others: a court ruling or an
indictment read as ACCUSE, a settlement, a bankruptcy filing, a foundation stone as RETREAT, the
headline question "Can Yahoo dominate next decade?" as THREATEN). Earlier measurements (rules of
23:50): ``--no-dense`` (hashed features only) and ``--missed-weight 4`` gave the same picture;
gates "actor" and "both" remove nearly all of the gain. The ceiling of the mechanism (the gold
type forced on every missed sentence) is 34 of the 1,050 PLV pairs and 13 of the 322 gold
sentences; the model reaches a small part of that.

Usage: python scripts/train_event_fallback.py [--out src/chronicle/data/event_fallback.npz]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "scripts"))

import event_model_data as D  # noqa: E402
import event_model_train as TR  # noqa: E402

from chronicle.evaluate import events as E  # noqa: E402
from chronicle.extract import event_fallback as F  # noqa: E402
from chronicle.extract import events as X  # noqa: E402

LABELS = list(D.TYPES) + ["NONE"]
IX = {t: i for i, t in enumerate(LABELS)}
COARSE = {1: {"AGREE", "CONSULT", "SUPPORT"}, 2: {"COOPERATE", "AID", "CONCEDE", "RETREAT"},
          3: {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}, 4: {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}}
NEG_WEIGHT, CAMEO_WEIGHT, MISSED_WEIGHT = 0.3, 0.5, 1.0
MAX_BBC = 0.0
MIN_GAIN = 0.0  # pooled CV accuracy a threshold must add (strictly); neither CV set may lose
THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
K = 5
DENSE = True  # sentence and root-verb word vectors next to the hashed features


def gold_set(gold: str) -> set:
    return {"CONCEDE", "RETREAT"} if gold == "YIELD" else {gold}


def mask(labels) -> np.ndarray:
    m = np.zeros(len(LABELS), dtype=np.float32)
    for lab in labels:
        m[IX[lab]] = 1.0
    return m


def fold(key) -> int:
    """A fold by hash, salted: PLV's own dev split is hash % 5 == 0 of the same id."""
    return int(hashlib.sha1(f"fold:{key}".encode()).hexdigest(), 16) % K


class _Ev:
    """Just enough of an Event for :func:`chronicle.evaluate.events.match`."""

    def __init__(self, c):
        self.actor, self.target, self.confidence, self.type = c["actor"], c["target"], c["confidence"], c["type"]
        self.c = c


def predicted(cands, item, document) -> str:
    """The label the scorer would give (same matching and no-mark fallback as ``evaluate``)."""
    evs = [_Ev(c) for c in cands]
    ev = E.match(evs, item, document)
    if ev is None and not item["source"] and not item["target"]:
        ev = max(evs, key=lambda e: e.confidence, default=None)
    return E.label(ev.type if ev else None, item["labels"])


def sentence_of(document, item):
    marks = item["source"] + item["target"]
    sents = list(document.doc.sents)
    for s in sents:
        if marks and s.start_char <= marks[0][0] < s.end_char:
            return s
    return max(sents, key=len)


def trigless(document):
    X.USE_FALLBACK = False
    covered = {c["extra"]["trigger"]["start"] for c in X.coded(document)}
    for s in document.doc.sents:
        if len(s) >= 4 and F.root_verb(s).pos_ in ("VERB", "AUX") and \
                not any(s.start_char <= x < s.end_char for x in covered):
            yield s


def feats(sent) -> tuple:
    return F.features(sent), F.dense(sent)


def _norm(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())[:80]


class Data:
    def __init__(self):
        self.plv = D.documents("plv")
        self.gsr = D.documents("gsr")
        self.neg = D.documents("bbc_neg")
        cam_items, cam_docs = D.documents("cameo")
        plv_text = {_norm(it["text"]) for it in self.plv[0]}
        # (group, fold, features, label mask, weight, dense vector); fold -1 = in every training set
        ex = []
        for name, (items, docs) in (("plv", self.plv), ("gsr", self.gsr)):
            for it, d in zip(items, docs):
                sent = sentence_of(d, it)
                # the sentences the rules miss are the fallback's own population: weighted up
                w = MISSED_WEIGHT if any(s.start == sent.start for s in trigless(d)) else 1.0
                ex.append((f"{name}_{it['split']}", fold(it["id"]), *feats(sent), mask(gold_set(it["gold"])), w))
        self.n_cameo = 0
        for it, d in zip(cam_items, cam_docs):
            if it["coarse"] in COARSE and _norm(it["text"]) not in plv_text:
                self.n_cameo += 1
                ex.append(("cameo", -1, *feats(max(d.doc.sents, key=len)), mask(COARSE[it["coarse"]]), CAMEO_WEIGHT))
        for n, d in enumerate(self.neg[1]):
            for s in trigless(d):
                ex.append(("bbc", n % K, *feats(s), mask({"NONE"}), NEG_WEIGHT))
        self.ex = ex

    def model(self, keep) -> F.Model:
        sel = [e for e in self.ex if keep(e)]
        rows, masks = [e[2] for e in sel], np.stack([e[4] for e in sel])
        weights = np.array([e[5] for e in sel], np.float32)
        if not DENSE:
            return F.Model(TR.train(rows, masks, weights, F.N_HASH), LABELS, 0.0)
        W, Wd = TR.train(rows, masks, weights, F.N_HASH, dense=np.stack([e[3] for e in sel]))
        return F.Model(W, LABELS, 0.0, Wd)


def with_model(model):
    F.model = (lambda m=model: m)  # this model inside the event coder


def score(model, pairs) -> list[tuple]:
    """Per gold pair: (gold, rules-only label, {threshold: label with the fallback})."""
    with_model(model)
    out = []
    for it, d in pairs:
        X.USE_FALLBACK = False
        base = predicted(X.coded(d), it, d)
        X.USE_FALLBACK, X.FALLBACK_THRESHOLD = True, 0.0
        cands = X.coded(d)
        X.USE_FALLBACK, X.FALLBACK_THRESHOLD = False, None
        by_t = {t: predicted([c for c in cands if c["extra"].get("fallback", 1.0) >= t], it, d) for t in THRESHOLDS}
        out.append((it["gold"], base, by_t))
    return out


def fallback_events(model, docs) -> list[dict]:
    with_model(model)
    X.USE_FALLBACK, X.FALLBACK_THRESHOLD = True, 0.0
    out = [c for d in docs for c in X.coded(d) if "fallback" in c["extra"]]
    X.USE_FALLBACK, X.FALLBACK_THRESHOLD = False, None
    return out


def fired(rows, t) -> tuple[int, int]:
    """(right, wrong) among pairs whose label the fallback changed (from a miss: NONE)."""
    changed = [(g, p[t]) for g, b, p in rows if p[t] != b]
    return sum(g == p for g, p in changed), sum(g != p for g, p in changed)


def acc(rows, t=None) -> float:
    return float(np.mean([(p[t] if t is not None else b) == g for g, b, p in rows])) if rows else 0.0


def main() -> int:
    global DENSE, NEG_WEIGHT, MISSED_WEIGHT, MIN_GAIN
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(REPO / "src/chronicle/data/event_fallback.npz"))
    ap.add_argument("--results", default=str(REPO / "bench/results/event_fallback_train.json"))
    ap.add_argument("--gate", default=F.GATE, choices=("actor", "both", "none"))
    ap.add_argument("--no-dense", action="store_true")
    ap.add_argument("--neg-weight", type=float, default=NEG_WEIGHT)
    ap.add_argument("--missed-weight", type=float, default=MISSED_WEIGHT)
    ap.add_argument("--min-gain", type=float, default=MIN_GAIN)
    args = ap.parse_args()
    F.GATE = args.gate
    DENSE, NEG_WEIGHT, MISSED_WEIGHT, MIN_GAIN = not args.no_dense, args.neg_weight, args.missed_weight, args.min_gain
    t0 = time.time()
    data = Data()
    print(f"{len(data.ex)} examples ({data.n_cameo} ConfliBERT sentences not in PLV); {time.time() - t0:.0f}s")
    plv_train = [(it, d) for it, d in zip(*data.plv) if it["split"] == "train"]
    cv_plv, cv_gsr, bbc = [], [], {t: 0 for t in THRESHOLDS}
    for k in range(K):
        m = data.model(lambda e: e[0] != "plv_dev" and e[1] != k)
        cv_plv += score(m, [(it, d) for it, d in plv_train if fold(it["id"]) == k])
        cv_gsr += score(m, [(it, d) for it, d in zip(*data.gsr) if fold(it["id"]) == k])
        for c in fallback_events(m, [d for n, d in enumerate(data.neg[1]) if n % K == k]):
            for t in THRESHOLDS:
                bbc[t] += c["extra"]["fallback"] >= t
        print(f"fold {k} done, {time.time() - t0:.0f}s", flush=True)
    n_bbc = len(data.neg[1])
    report = {"cv": {}, "n_plv_train": len(cv_plv), "n_gsr": len(cv_gsr), "bbc_heldout_articles": n_bbc}
    base = acc(cv_plv + cv_gsr)
    best = (base + MIN_GAIN, 1.01)
    for t in THRESHOLDS:
        pooled = acc(cv_plv + cv_gsr, t)
        rate = bbc[t] / n_bbc
        report["cv"][str(t)] = {"plv_train": [round(acc(cv_plv), 4), round(acc(cv_plv, t), 4)],
                                "gsr": [round(acc(cv_gsr), 4), round(acc(cv_gsr, t), 4)],
                                "bbc_fallback_per_article": round(rate, 4)}
        print(f"  threshold {t:.2f}: CV PLV train {acc(cv_plv):.3f} -> {acc(cv_plv, t):.3f}; gold sentences "
              f"{acc(cv_gsr):.3f} -> {acc(cv_gsr, t):.3f}; fallback events per held-out BBC article {rate:.3f}")
        no_loss = acc(cv_plv, t) >= acc(cv_plv) and acc(cv_gsr, t) >= acc(cv_gsr)
        # ties go to the higher threshold: with the same CV gain, the model that fires less
        if rate <= MAX_BBC and no_loss and pooled > base + MIN_GAIN + 1e-9 and pooled >= best[0] - 1e-9:
            best = (pooled, t)
    thr = best[1]
    report["threshold"], report["gate"] = thr, args.gate
    print(f"chosen threshold {thr} (> 1 = never fire)")
    # the fixed halves and PLV dev at every threshold, each with a model that never saw them
    m = data.model(lambda e: e[0] not in ("plv_dev", "gsr_dev"))
    half = score(m, [(it, d) for it, d in zip(*data.gsr) if it["split"] == "dev"])
    m = data.model(lambda e: e[0] != "plv_dev")
    dev = score(m, [(it, d) for it, d in zip(*data.plv) if it["split"] == "dev"])
    for key, rows in (("gsr_dev_half", half), ("plv_dev", dev)):
        report[key] = {str(t): [round(acc(rows), 4), round(acc(rows, t), 4), len(rows)] for t in THRESHOLDS}
    print(f"rules only: gold dev half (n={len(half)}) {acc(half):.3f}; PLV dev (n={len(dev)}) {acc(dev):.3f}")
    for t in THRESHOLDS:
        print(f"  threshold {t:.2f}: gold dev half {acc(half, t):.3f}, PLV dev {acc(dev, t):.3f}; "
              f"CV firings right/wrong {fired(cv_plv + cv_gsr, t)}")
    final = data.model(lambda e: e[0] != "plv_dev")
    # false events on ordinary news, reported (never selected on): articles i % 10 == 0, not trained on
    bbc_items, bbc_docs = D.documents("bbc_eval")
    added = fallback_events(final, bbc_docs)
    report["bbc_eval"] = {"articles": len(bbc_docs),
                          "fallback_per_article": {str(t): round(sum(c["extra"]["fallback"] >= t for c in added)
                                                                 / len(bbc_docs), 4) for t in THRESHOLDS}}
    print(f"fallback events per BBC eval article: {report['bbc_eval']['fallback_per_article']}")
    for c in sorted(added, key=lambda c: -c["extra"]["fallback"]):
        if c["extra"]["fallback"] >= 0.5:  # printed for a hand check, not saved (BBC text)
            t = c["target"].name if c["target"] else None
            print(f"  {c['type']} p={c['extra']['fallback']} {c['actor'].name!r} -> {t!r} :: {c['evidence'].text[:200]!r}")
    if thr <= 1:
        arrays = dict(W=final.W.astype(np.float16), labels=np.array(LABELS), threshold=np.array(thr),
                      gate=np.array(args.gate))
        if final.Wd is not None:
            arrays["Wd"] = final.Wd.astype(np.float16)
        np.savez_compressed(args.out, **arrays)
        print(f"wrote {args.out} ({Path(args.out).stat().st_size // 1024} KB)")
    Path(args.results).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"{args.results} written, {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
