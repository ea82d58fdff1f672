"""Build ``src/chronicle/data/cues.json``: attribution cue lemmas learnt from PolNeAR train.

Why learnt, not listed by hand: which verbs introduce speech in news ("said", "told", "argued",
"according to", "believes") and how reliably they do so is an empirical question; PolNeAR's
annotators marked every cue of 840 articles, so the counts give both the vocabulary and a
precision per lemma (how often a token with that lemma is an annotated cue), which the
extractor turns into confidence and uses to drop unreliable cues.

Usage: python scripts/build_cue_lexicon.py [POLNEAR_TRAIN_DIR] [--out PATH] [--min-count N]
The output holds only lemmas and counts (no text), so no corpus data enters the repository.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from chronicle.evaluate import brat  # noqa: E402
from chronicle.nlp import load  # noqa: E402

DEFAULT_TRAIN = REPO.parent / "shared" / "data" / "quotes" / "polnear" / "data" / "train"


def cue_head(tokens):
    """The token of a cue span that carries its meaning: the span's syntactic head, preferring
    a verb ("has learned" -> learn, "according to" -> accord)."""
    ids = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    verbs = [t for t in heads if t.pos_ in ("VERB", "AUX")] or [t for t in tokens if t.pos_ == "VERB"]
    return (verbs or heads or list(tokens))[0]


def has_that_clause(tok) -> bool:
    """A noun taking a content clause ("the claim that ...", "questions whether ..."), told
    apart from a relative clause ("the claim that he made") by the complementiser's role."""
    return any(c.dep_ in ("acl", "ccomp", "appos") and any(
        m.dep_ == "mark" and m.lower_ in ("that", "whether") and m.i < c.i for m in c.children)
        for c in tok.rights)


def _coarse(pos: str) -> str:
    return "VERB" if pos in ("VERB", "AUX") else pos


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train", nargs="?", default=str(DEFAULT_TRAIN))
    ap.add_argument("--out", default=str(REPO / "src" / "chronicle" / "data" / "cues.json"))
    ap.add_argument("--min-count", type=int, default=3)
    args = ap.parse_args(argv)

    arts = brat.load([args.train])
    nlp = load()
    cue_count: Counter = Counter()
    pos_count: dict[str, Counter] = defaultdict(Counter)
    phrase_count: Counter = Counter()
    occurrences: Counter = Counter()
    in_cue: Counter = Counter()
    with_clause: Counter = Counter()
    clause_in_cue: Counter = Counter()
    noun_clause: Counter = Counter()
    noun_clause_in_cue: Counter = Counter()
    for art, doc in zip(arts, nlp.pipe((a.text for a in arts), batch_size=16)):
        cue_tokens = set()
        cue_any = set()  # every token inside a gold cue: noun cues are often not the span head
        for g in art.attributions:
            for s, e in g.cue or ():
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                head = cue_head(span)
                lemma = head.lemma_.lower()
                cue_count[lemma] += 1
                pos_count[lemma][head.pos_] += 1
                phrase_count[" ".join(t.lemma_.lower() for t in span if not t.is_punct)] += 1
                cue_tokens.add(head.i)
                cue_any.update(t.i for t in span)
        for t in doc:
            if t.is_alpha:
                key = (t.lemma_.lower(), _coarse(t.pos_))
                occurrences[key] += 1
                in_cue[key] += t.i in cue_tokens
                if any(c.dep_ == "ccomp" for c in t.children):
                    with_clause[key] += 1
                    clause_in_cue[key] += t.i in cue_tokens
                if t.pos_ == "NOUN" and has_that_clause(t):
                    noun_clause[t.lemma_.lower()] += 1
                    noun_clause_in_cue[t.lemma_.lower()] += t.i in cue_any
    lemmas = {}
    for lemma, n in cue_count.most_common():
        if n < args.min_count or not lemma.isalpha():
            continue
        pos = pos_count[lemma].most_common(1)[0][0]
        key = (lemma, _coarse(pos))
        occ = max(occurrences[key], in_cue[key], 1)
        entry = {"count": n, "occurrences": occ, "precision": round(in_cue[key] / occ, 4),
                 "pos": dict(pos_count[lemma].most_common(3))}
        if with_clause[key]:
            entry["with_clause"] = with_clause[key]
            entry["precision_with_clause"] = round(clause_in_cue[key] / with_clause[key], 4)
        lemmas[lemma] = entry
    nouns = {lemma: {"with_clause": n, "in_cue": noun_clause_in_cue[lemma],
                     "precision": round(noun_clause_in_cue[lemma] / n, 4)}
             for lemma, n in noun_clause.most_common()
             if n >= args.min_count and noun_clause_in_cue[lemma] and lemma.isalpha()}
    phrases = {p: n for p, n in phrase_count.most_common() if n >= args.min_count and " " in p}
    out = {
        "about": "Attribution cue lemmas from PolNeAR v1.0.0 train (840 articles): count = gold cues "
                 "headed by the lemma, occurrences = tokens with the lemma and the cue's usual part of "
                 "speech, precision = share of those tokens that head a gold cue; with_clause / "
                 "precision_with_clause = the same for tokens governing a clausal complement (ccomp); "
                 "noun_clause = nouns with a that/whether complement ('the claim that ...') and the share "
                 "of them inside a gold cue. Built by scripts/build_cue_lexicon.py.",
        "articles": len(arts),
        "lemmas": lemmas,
        "noun_clause": nouns,
        "phrases": phrases,
    }
    Path(args.out).write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(lemmas)} lemmas, {len(phrases)} multi-word phrases -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
