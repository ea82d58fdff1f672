"""The fallback typer for trigger-less sentences, with a hand-made model (no shipped weights)."""
from __future__ import annotations

import numpy as np

from chronicle.extract import event_fallback as F
from chronicle.extract import events as X

TEXT = ("Russian troops attacked Kharkiv on Monday. "
        "Ukrainian soldiers pelted the Russian convoy near Sumy on Tuesday.")


def _model(label: str, threshold: float = 0.5) -> F.Model:
    """Every sentence gets ``label`` with high probability (the bias feature decides)."""
    labels = ["NONE", "ASSAULT"]
    W = np.zeros((F.N_HASH, 2), dtype=np.float32)
    W[F._h("bias"), labels.index(label)] = 50.0
    return F.Model(W, labels, threshold)


def _coded(make_doc, monkeypatch, model):
    monkeypatch.setattr(X, "USE_FALLBACK", True)
    monkeypatch.setattr(F, "model", lambda: model)
    return X.coded(make_doc(TEXT, published="2025-03-10", upto="attributions"))


def test_fallback_off_by_default():
    assert X.USE_FALLBACK is False


def test_fallback_codes_only_triggerless_sentence_with_clause_roles(make_doc, monkeypatch):
    cands = _coded(make_doc, monkeypatch, _model("ASSAULT"))
    fb = [c for c in cands if "fallback" in c["extra"]]
    assert len(fb) == 1
    c = fb[0]
    assert c["type"] == "ASSAULT"
    assert c["evidence"].start == TEXT.index("Ukrainian")
    assert "soldiers" in c["actor"].name
    assert c["target"] is not None and "convoy" in c["target"].name
    assert c["confidence"] <= 0.6
    rules = [c for c in cands if "fallback" not in c["extra"]]
    assert rules and all(c["evidence"].start == 0 for c in rules)


def test_fallback_silent_when_model_says_none_or_unsure(make_doc, monkeypatch):
    assert not any("fallback" in c["extra"] for c in _coded(make_doc, monkeypatch, _model("NONE")))
    assert not any("fallback" in c["extra"] for c in _coded(make_doc, monkeypatch, _model("ASSAULT", 1.01)))


def test_features_deterministic_and_rooted(nlp):
    sent = next(nlp("Ukrainian soldiers pelted the Russian convoy.").sents)
    assert F.root_verb(sent).lemma_ == "pelt"
    idx = F.features(sent)
    assert idx == F.features(sent) and F._h("root=pelt") in idx and F._h("bias") in idx
