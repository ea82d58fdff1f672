"""The re-typing block of the event coder, with hand-made models (no re-typer weights ship)."""
from __future__ import annotations

import numpy as np

from chronicle.extract import event_classifier as C
from chronicle.extract import events as X

TEXT = "Russian forces shelled Kharkiv on Monday."
LABELS = ["ASSAULT", "COERCE"]


class _Fixed(C.Model):
    """Every event gets P(COERCE) = p_coerce, whatever its features."""

    def __init__(self, p_coerce: float, threshold: float, low: float):
        super().__init__(np.zeros((C.N_HASH, 2), dtype=np.float32), LABELS, dim=0, threshold=threshold, low=low)
        self.p = p_coerce

    def proba(self, idx, vec) -> np.ndarray:
        return np.array([1 - self.p, self.p])


def _model(p_coerce: float, threshold: float, low: float) -> C.Model:
    return _Fixed(p_coerce, threshold, low)


def _coded(make_doc, monkeypatch, model):
    monkeypatch.setattr(X, "USE_CLASSIFIER", True)
    monkeypatch.setattr(C, "model", lambda: model)
    return X.coded(make_doc(TEXT, published="2025-03-10", upto="attributions"))


def test_classifier_off_and_no_weights_by_default():
    assert X.USE_CLASSIFIER is False
    assert not C._PATH.exists()


def test_confident_model_overrides_and_keeps_the_rule_type(make_doc, monkeypatch):
    cands = _coded(make_doc, monkeypatch, _model(0.95, threshold=0.9, low=0.2))
    assert [c["type"] for c in cands] == ["COERCE"]
    assert cands[0]["extra"]["rule_type"] == "ASSAULT"


def test_no_override_when_unsure_or_when_the_rule_type_keeps_probability(make_doc, monkeypatch):
    cands = _coded(make_doc, monkeypatch, _model(0.8, threshold=0.9, low=1.0))
    assert [c["type"] for c in cands] == ["ASSAULT"] and "rule_type" not in cands[0]["extra"]
    cands = _coded(make_doc, monkeypatch, _model(0.95, threshold=0.5, low=0.01))
    assert [c["type"] for c in cands] == ["ASSAULT"]
