"""The BRAT reader and the article-level attribution scorer, on a tiny hand-written gold."""
from __future__ import annotations

import pytest

from chronicle.evaluate import attributions as ev
from chronicle.evaluate import brat
from datapaths import shared

TEXT = ('"We will win this," Smith said.\n\n'
        'The mayor said that taxes would rise.\n')
ANN = (
    "T1\tContent 0 19\t\"We will win this,\"\n"
    "T2\tSource 20 25\tSmith\n"
    "T3\tCue 26 30\tsaid\n"
    "T4\tAttribution 26 30\tsaid\n"
    "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
    "T5\tSource 33 42\tThe mayor\n"
    "T6\tCue 43 47\tsaid\n"
    "T7\tContent 48 69;69 70\tthat taxes would rise\n"
    "a continuation line of a multi-line span text\n"
    "T8\tAttribution 43 47\tsaid\n"
    "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n"
)


@pytest.fixture()
def gold_dir(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "a_x1.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "attributions" / "a_x2.ann").write_text("", encoding="utf-8")  # second annotator ignored
    return tmp_path


def test_brat_reader(gold_dir):
    (art,) = brat.load([str(gold_dir)])
    assert art.annotator == "x1"
    assert len(art.attributions) == 2
    g = art.attributions[1]
    assert g.content == [(48, 69), (69, 70)]
    assert TEXT[g.source[0][0]:g.source[0][1]] == "The mayor"
    assert brat.load([str(gold_dir / "attributions" / "a_x1.ann")])[0].text == TEXT


def test_brat_missing_text_is_a_numbered_error(tmp_path):
    (tmp_path / "lonely.ann").write_text("", encoding="utf-8")
    with pytest.raises(brat.BratError, match="E002"):
        brat.load([str(tmp_path / "lonely.ann")])


def _pred(start, end, kind, src=None, cue=None):
    return {"kind": kind, "content": {"start": start, "end": end, "text": TEXT[start:end]},
            "source": {"mention": {"start": src[0], "end": src[1]} if src else None},
            "cue": {"start": cue[0], "end": cue[1]} if cue else None}


def test_scorer_normalises_quotes_and_that(gold_dir):
    golds = brat.load([str(gold_dir)])
    perfect = [[_pred(1, 17, "direct", (20, 25), (26, 30)), _pred(53, 69, "indirect", (33, 42), (43, 47))]]
    res = ev.score(golds, perfect, out=lambda s: None)
    assert res["all"]["exact"]["f1"] == 1.0
    assert res["direct"]["cov0.8"]["r"] == 1.0 and res["direct"]["cov0.8"]["n_gold"] == 1
    assert res["all"]["source_acc_cov0.8"] == 1.0
    assert res["cue"]["f1"] == 1.0


def test_scorer_coverage_is_two_sided(gold_dir):
    golds = brat.load([str(gold_dir)])
    swallow = [[_pred(0, len(TEXT) - 1, "indirect", (20, 25), (26, 30))]]  # the whole article
    res = ev.score(golds, swallow, out=lambda s: None)
    assert res["all"]["cov0.8"]["p"] == 0.0
    lines = []
    ev.score(golds, [[]], errors=True, out=lines.append)
    assert sum("MISS" in ln for ln in lines) == 2


def test_run_end_to_end(gold_dir):
    lines = []
    res = ev.run([str(gold_dir)], out=lines.append)
    assert res["all"]["cov0.3"]["r"] == 1.0
    assert res["direct"]["cov0.8"]["f1"] == 1.0
    assert any("direct" in ln for ln in lines)


@pytest.mark.slow
def test_polnear_dev_and_train_never_crash(nlp):
    """Every PolNeAR train/dev article goes through the extractor (odd quotes, long texts)."""
    from chronicle.extract import attributions
    from chronicle.model import Article, Document

    n = 0
    for split in ("dev", "train"):
        arts = brat.load([str(shared("quotes", "polnear", "data", split))])
        for art, sdoc in zip(arts, nlp.pipe((a.text for a in arts), batch_size=16)):
            document = Document(article=Article(text=art.text), doc=sdoc)
            for a in attributions.extract(document):
                assert a.content.text == art.text[a.content.start:a.content.end]
                assert 0.0 <= a.confidence <= 1.0
            n += 1
    assert n == 924
