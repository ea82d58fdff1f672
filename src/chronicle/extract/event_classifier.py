"""A small re-typer over rule-coded events: softmax regression on trigger, context and rule features.

Why: the rule lexicon codes what a verb usually means; annotated data (PLV) shows the conventions
a lexicon misses (a phone call vs. a request, a court's "charge" vs. an arrest). The model only
re-types events the rules found (so actors still come from the clause), and only when it is
confident. Trained by ``scripts/train_event_classifier.py``; weights ship as
``chronicle/data/event_classifier.npz`` (no download at run time). Absent weights or
``events.USE_CLASSIFIER = False`` (the default: see the training script for why) = rules only.
"""
from __future__ import annotations

import zlib
from functools import lru_cache
from pathlib import Path
from typing import Optional

import numpy as np

_PATH = Path(__file__).resolve().parent.parent / "data" / "event_classifier.npz"
N_HASH = 1 << 13
WINDOW = 4


def _h(feat: str) -> int:
    return zlib.crc32(feat.encode("utf-8")) % N_HASH


def features(trig, actor, target, modality: Optional[str], negated: bool):
    """(hashed sparse feature indices, dense trigger vector) for one coded event."""
    tok = trig.noun or trig.verb
    verb = trig.verb
    feats = [f"rule={trig.type}", f"rule_mode={trig.type}:{trig.mode}", f"src={trig.source}",
             f"trig={tok.lemma_.lower()}", f"verb={verb.lemma_.lower()}", f"mod={modality}", f"neg={negated}",
             f"verb_rule={verb.lemma_.lower()}:{trig.type}"]
    if trig.obj is not None:
        feats.append(f"obj={verb.lemma_.lower()}:{trig.obj.lemma_.lower()}")
    for c in verb.children:
        if c.dep_ in ("aux", "neg", "prt", "dobj", "prep", "xcomp", "acomp", "oprd"):
            feats.append(f"child={c.dep_}:{c.lemma_.lower()}")
    for role, name in ((actor, "a"), (target, "t")):
        if role is None or not role.name:
            feats.append(f"{name}=none")
        else:
            feats.append(f"{name}_sec={role.sector}")
            feats.append(f"{name}_has_country={bool(role.country)}")
    sent = verb.sent
    for t in sent.doc[max(sent.start, tok.i - WINDOW):min(sent.end, tok.i + WINDOW + 1)]:
        if t.is_alpha and not t.is_stop:
            feats.append(f"w={t.lemma_.lower()}")
    idx = sorted({_h(f) for f in feats})
    vec = tok.vector if tok.has_vector else np.zeros(0, dtype=np.float32)
    n = float(np.linalg.norm(vec)) if vec.size else 0.0
    return idx, (vec / n if n else vec)


class Model:
    """Rows are scaled to unit norm over the hashed features (as ``scripts/event_model_train.py``
    trains them); the trigger's word vector has its own weights ``Wd``."""

    def __init__(self, W: np.ndarray, labels: list[str], dim: int, threshold: float,
                 Wd: Optional[np.ndarray] = None, low: float = 1.0):
        self.W, self.labels, self.dim, self.threshold, self.Wd, self.low = W, labels, dim, threshold, Wd, low

    def proba(self, idx, vec) -> np.ndarray:
        return softmax(self.W, self.Wd, idx, vec)

    def predict(self, idx, vec) -> tuple[str, float]:
        return top(self.labels, self.proba(idx, vec))


def softmax(W: np.ndarray, Wd: Optional[np.ndarray], idx, vec: Optional[np.ndarray]) -> np.ndarray:
    """Class probabilities of both event models: hashed one-hots scaled to unit norm (as
    ``scripts/event_model_train.py`` trains them), plus the word-vector weights when both exist."""
    z = W[idx].sum(axis=0) / np.sqrt(max(1, len(idx)))
    if Wd is not None and vec is not None and vec.size == Wd.shape[0]:
        z = z + vec @ Wd
    z = z - z.max()
    p = np.exp(z)
    return p / p.sum()


def top(labels: list[str], p: np.ndarray) -> tuple[str, float]:
    k = int(p.argmax())
    return labels[k], float(p[k])


def load_weights(path: Path) -> Optional[tuple]:
    """(weights, word-vector weights or None, labels, npz arrays) of a trained event model, or
    None when none ships."""
    if not path.exists():
        return None
    data = np.load(path, allow_pickle=False)
    Wd = data["Wd"].astype(np.float32) if "Wd" in data.files else None
    return data["W"].astype(np.float32), Wd, [str(x) for x in data["labels"]], data


@lru_cache(maxsize=1)
def model() -> Optional[Model]:
    loaded = load_weights(_PATH)
    if loaded is None:
        return None
    W, Wd, labels, data = loaded
    return Model(W, labels, int(data["dim"]), float(data["threshold"]), Wd, float(data["low"]))
