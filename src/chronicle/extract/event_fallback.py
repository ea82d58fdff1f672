"""Fallback typer for sentences where no lexicon trigger fired.

Why: about one gold sentence in ten gets no event from the rules (an unlisted verb, an idiom),
and a miss is always wrong. A softmax regression over the sentence root's lemma, its
dependents, the sentence's lemma n-grams and the word vectors of sentence and root guesses the
PLOVER type or NONE; the event is kept only when the model is confident and the rule coder's
own clause logic finds participants (roles, place and date come from it, so nothing is
stitched from elsewhere).

Trained by ``scripts/train_event_fallback.py`` (PLV train part, the PLOVER gold sentences,
ConfliBERT's coarse CAMEO classes, BBC sentences as NONE); the weights ship as
``chronicle/data/event_fallback.npz`` (~270 KB, no download). Its threshold (0.9) is the one that
adds no event to held-out BBC news while gaining in cross-validation; the gain is small (+1 point
on PLV dev, none on the gold dev half) because lower thresholds, which gain more, invent events on
ordinary news (GDELT's failure). ``events.USE_FALLBACK = False`` or absent weights = rules only.
Numbers in the script's docstring and bench/results/event_fallback_train.json.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

import numpy as np

from .event_classifier import N_HASH, load_weights, softmax, top
from .event_classifier import _h  # the same feature hash for both event models

_PATH = Path(__file__).resolve().parent.parent / "data" / "event_fallback.npz"
_CHILD_DEPS = {"dobj", "prep", "prt", "xcomp", "ccomp", "attr", "acomp", "neg", "dative", "agent", "oprd", "advmod"}


def root_verb(sent):
    """The clause head the event would hang on: the root, or its verbal complement under "say"."""
    root = sent.root
    if root.lemma_.lower() in ("say", "tell", "state", "report", "announce") or root.pos_ == "AUX":
        for c in root.children:
            if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX"):
                return c
    return root


def features(sent) -> list[int]:
    """Hashed feature indices of a sentence (root predicate and its dependents, lemma n-grams)."""
    v = root_verb(sent)
    lv = v.lemma_.lower()
    feats = [f"root={lv}", f"rootpos={v.pos_}", "bias"]
    for c in v.children:
        if c.dep_ in _CHILD_DEPS:
            lc = c.lemma_.lower()
            feats.append(f"c={c.dep_}:{lc}")
            feats.append(f"vc={lv}:{c.dep_}:{lc}")
            if c.dep_ == "prep":
                for g in c.children:
                    if g.dep_ == "pobj":
                        feats.append(f"pp={lc}:{g.lemma_.lower()}")
            if c.dep_ in ("xcomp", "ccomp"):
                for g in c.children:
                    if g.dep_ in ("dobj", "prep", "prt"):
                        feats.append(f"cc={lc}:{g.dep_}:{g.lemma_.lower()}")
        if c.dep_ in ("nsubj", "nsubjpass"):
            feats.append(f"subj={c.dep_}:{c.ent_type_ or c.lemma_.lower()}")
    lem = [t.lemma_.lower() for t in sent if t.is_alpha and not t.is_stop]
    feats.extend(f"w={x}" for x in lem)
    feats.extend(f"b={a}_{b}" for a, b in zip(lem, lem[1:]))
    return sorted({_h(f) for f in feats})


# Which participants a guessed event needs: "actor" = a resolved actor (an entity or a country code)
# and a named target, "both" = both resolved, "none" = whatever the rules' clause logic accepts.
# Measured in scripts/train_event_fallback.py: "actor" and "both" remove nearly all of the small gain.
GATE = "none"


def _resolved(role) -> bool:
    return role is not None and bool(role.name) and bool(role.entity or role.country)


def acceptable(coded: dict) -> bool:
    """Whether a fallback event coded by the rules' clause logic is specific enough to keep."""
    if GATE == "none":
        return True
    target = coded["target"]
    if GATE == "both":
        return _resolved(coded["actor"]) and _resolved(target)
    return _resolved(coded["actor"]) and target is not None and bool(target.name)


def design(rows) -> np.ndarray:
    X = np.zeros((len(rows), N_HASH), dtype=np.float32)
    for i, idx in enumerate(rows):
        X[i, idx] = 1.0 / np.sqrt(len(idx))
    return X


def dense(sent) -> np.ndarray:
    """Unit-length word vectors of the sentence and of its root predicate (zeros without vectors):
    they let a few thousand examples generalise to verbs and nouns the training data never had."""
    out = []
    for vec in (sent.vector, root_verb(sent).vector):
        n = float(np.linalg.norm(vec)) if vec.size else 0.0
        out.append(vec / n if n else np.zeros_like(vec))
    return np.concatenate(out).astype(np.float32)


class Model:
    def __init__(self, W: np.ndarray, labels: list[str], threshold: float, Wd: Optional[np.ndarray] = None):
        self.W, self.labels, self.threshold, self.Wd = W, labels, threshold, Wd

    def predict(self, idx, vec: Optional[np.ndarray] = None) -> tuple[str, float]:
        return top(self.labels, softmax(self.W, self.Wd, idx, vec))


@lru_cache(maxsize=1)
def model() -> Optional[Model]:
    loaded = load_weights(_PATH)
    if loaded is None:
        return None
    W, Wd, labels, data = loaded
    return Model(W, labels, float(data["threshold"]), Wd)
