"""The fallback typer for trigger-less sentences: hand-made models for the mechanics, and the
shipped weights (when they ship) for what ordinary news must not get."""
from __future__ import annotations

import numpy as np
import pytest

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


def test_switch_and_weights_agree():
    """On only with weights that ship, are small and carry a real threshold (<= 1 fires)."""
    if not X.USE_FALLBACK:
        pytest.skip("fallback switched off")
    assert F._PATH.exists() and F._PATH.stat().st_size < 3_000_000
    m = F.model()
    assert m is not None and m.threshold <= 1.0 and "NONE" in m.labels and m.Wd is not None


def test_gate_wants_a_resolved_actor_and_a_named_target(monkeypatch):
    from chronicle.model import Role
    ukr = Role(name="Ukraine", country="UKR")
    anon = Role(name="the group")
    convoy = Role(name="the convoy")
    monkeypatch.setattr(F, "GATE", "actor")
    assert F.acceptable({"actor": ukr, "target": convoy})
    assert not F.acceptable({"actor": ukr, "target": None})
    assert not F.acceptable({"actor": anon, "target": convoy})
    monkeypatch.setattr(F, "GATE", "both")
    assert not F.acceptable({"actor": ukr, "target": convoy})
    assert F.acceptable({"actor": ukr, "target": Role(name="Russia", country="RUS")})


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


def test_fallback_never_second_guesses_a_verb_the_lexicon_knows(make_doc, monkeypatch):
    """"released growth figures": the rules know "release" and declined this reading; the
    model (which learnt "release" = RETREAT from prisoner releases) must not bring it back."""
    monkeypatch.setattr(X, "USE_FALLBACK", True)
    monkeypatch.setattr(F, "model", lambda: _model("ASSAULT"))
    text = "The Kenyan central bank released growth figures on Tuesday."
    cands = X.coded(make_doc(text, published="2025-03-10", upto="attributions"))
    assert not any("fallback" in c["extra"] for c in cands)
    # an unlisted verb in the same frame still reaches the model
    assert any("fallback" in c["extra"] for c in _coded(make_doc, monkeypatch, _model("ASSAULT")))


def test_shipped_fallback_leaves_ordinary_news_alone(make_doc):
    """Sentences written for this test in the style of business and culture news: with the shipped
    weights and threshold no fallback event appears."""
    if not X.USE_FALLBACK or F.model() is None:
        pytest.skip("fallback switched off or no weights")
    text = ("The Kenyan central bank released growth figures on Tuesday. "
            "Can the search giant dominate the next decade? "
            "The band's new album topped the charts in its first week. "
            "Shares in the carmaker slid after it posted weaker profits. "
            "The festival organisers unveiled this year's line-up at a packed venue.")
    cands = X.coded(make_doc(text, published="2025-03-10", upto="attributions"))
    assert [c["type"] for c in cands if "fallback" in c["extra"]] == []
