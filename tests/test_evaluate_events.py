"""The event scorer: gold actor lookup, pair matching and the scores, on records written here."""
from __future__ import annotations

import json

from chronicle.evaluate import events as ev


def test_find_all_tolerates_doubled_spaces_and_ellipsis_gaps():
    text = "U.S. and Russian negotiators met the Homeland Union (Conservatives) in Vilnius."
    assert ev._find_all(text, "Homeland Union  (Conservatives)") == [(37, 67)]
    spans = ev._find_all(text, "U.S. ... negotiators")
    assert [text[s:e] for s, e in spans] == ["U.S.", "negotiators"]
    assert ev._find_all(text, "nobody here") == []


def test_gsr_loader_maps_old_names_and_skips_documents(tmp_path):
    recs = [
        {"id": "X-1", "event": "DEMAND", "text": "Norway demanded that Sweden pay.",
         "source": [{"actorText": "Norway"}], "target": [{"actorText": "Sweden"}]},
        {"id": "X-2", "event": "DOCUMENT", "text": "whole story"},
    ]
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(recs), encoding="utf-8")
    items = ev.load(str(path))
    assert len(items) == 1
    assert items[0]["gold"] == "REQUEST"
    assert items[0]["source"] == [(0, 6)] and items[0]["target"] == [(21, 27)]


def test_match_counts_a_modifier_of_the_actor_phrase(make_doc):
    text = "Demonstrators in Lagos blocked a road to protest against the government."
    document = make_doc(text, published="2025-03-10")
    item = {"source": ev._find_all(text, "Lagos"), "target": ev._find_all(text, "government")}
    best = ev.match(document.events, item, document)
    assert best is not None, [e.to_json() for e in document.events]
    assert best.actor.mention.text == "Demonstrators"


def test_scores_macro_f1_and_coverage():
    res = ev.scores(["AGREE", "AGREE", "ASSAULT", "ASSAULT"], ["AGREE", "NONE", "ASSAULT", "AGREE"])
    assert res["accuracy"] == 0.5
    assert res["coverage"] == 0.75
    assert res["per_class"]["AGREE"]["f1"] == 0.5
    assert res["per_class"]["ASSAULT"]["f1"] == round(2 * 1.0 * 0.5 / 1.5, 3)


def test_gold_sentence_split_is_fixed_and_covers_every_record(tmp_path):
    recs = [{"id": f"GSR-{i}", "event": "AGREE", "text": f"Chile agreed with Peru {i}."} for i in range(40)]
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(recs), encoding="utf-8")
    train = {it["id"] for it in ev.load(str(path), "train")}
    dev = {it["id"] for it in ev.load(str(path), "dev")}
    assert train and dev and not train & dev
    assert train | dev == {r["id"] for r in recs}
    assert ev.gsr_split("GSR-7") == ev.gsr_split("GSR-7")


def test_match_reads_through_a_participle_but_not_a_relative_clause(make_doc):
    text = "Workers affiliated with the Dockers' Union stopped work to protest against the port authority."
    document = make_doc(text, published="2025-03-10")
    item = {"source": ev._find_all(text, "Dockers' Union"), "target": []}
    assert ev.match(document.events, item, document) is not None, [e.to_json() for e in document.events]
    text2 = "Officials who met the Dockers' Union stopped the talks."
    doc2 = make_doc(text2, published="2025-03-10")
    actor = next(e.actor for e in doc2.events if e.actor.mention is not None)
    phrase = ev._noun_phrase(actor.mention, doc2)
    assert "Dockers" not in text2[phrase.start:phrase.end]


def test_gold_sentence_scores_say_when_the_shipped_model_saw_them(tmp_path):
    """The fallback typer is trained on the PLOVER gold sentences: a score on them must not pass
    for a held-out number, so the report adds the rules-only score."""
    if not ev._fallback_on():
        import pytest
        pytest.skip("fallback switched off or no weights")
    recs = [{"id": "X-1", "event": "ASSAULT", "text": "Rebels shelled the town of Marla on Monday.",
             "source": [{"actorText": "Rebels"}], "target": [{"actorText": "Marla"}]}]
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(recs), encoding="utf-8")
    lines = []
    res = ev.run([str(path)], out=lines.append)
    assert any("rules only" in line for line in lines)
    assert res["gold.json"]["rules_only"]["n"] == 1
    from chronicle.extract import events as coder
    assert coder.USE_FALLBACK  # restored after the rules-only pass
