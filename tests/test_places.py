"""Places: gazetteer look-ups, toponym detection and resolution on texts written for these tests,
and the seed article's gold places."""
from __future__ import annotations

import json

import pytest

from chronicle.extract import gazetteer as gz
from chronicle.extract import places
from datapaths import shared


@pytest.fixture(scope="module")
def gaz():
    return gz.load()


@pytest.fixture(scope="module")
def run(make_doc):
    def _run(text):
        return make_doc(text, upto="places").places

    return _run


def by_text(ps):
    return {p.span.text: p for p in ps}


def test_norm_folds_accents_case_and_punctuation():
    assert gz.norm("Al-Ḩudaydah") == "al hudaydah"
    assert gz.norm("St. Louis") == gz.norm("Saint Louis")
    assert gz.norm("Kyiv’s") != gz.norm("Kyiv")


def test_gazetteer_has_seed_places_and_transliterations(gaz):
    assert 703448 in {e.geonameid for e in gaz.lookup("Kyiv")}
    assert 703448 in {e.geonameid for e in gaz.lookup("Kiev")}
    assert 706483 in {e.geonameid for e in gaz.lookup("Kharkov")}
    assert 79415 in {e.geonameid for e in gaz.lookup("Hodeidah")}
    kursk = gaz.get(538555)
    assert kursk is not None and kursk.feature == "ADM1" and kursk.country == "RU"
    assert kursk.name == "Kursk Oblast"
    assert gaz.get(6252001).feature == "PCLI"
    assert {e.geonameid for e in gaz.lookup("U.S.")} >= {6252001}


def test_demonyms_are_indexed_as_such(gaz):
    kinds = {(e.geonameid, e.kind) for e in gaz.lookup("North Korean")}
    assert (1873107, gz.NAME_DEMONYM) in kinds


def test_region_word_joins_span_and_picks_adm1(run):
    ps = by_text(run("Troops were captured in the Kursk region on Saturday."))
    p = ps["Kursk region"]
    assert (p.geonameid, p.feature, p.country) == (538555, "ADM1", "RU")
    assert p.lat == pytest.approx(51.66, abs=0.5)


def test_plain_city_name_prefers_the_city_over_same_named_region(run):
    ps = by_text(run("The prisoners were taken to Kyiv, officials said."))
    assert ps["Kyiv"].geonameid == 703448
    assert ps["Kyiv"].feature == "PPLC"


def test_explicit_container_decides_ambiguous_name(run):
    ps = by_text(run("The mayor of Paris, Texas, met farmers from nearby towns on Tuesday."))
    assert ps["Paris"].country == "US"
    ps = by_text(run("Protesters gathered in Paris on Saturday, French police said."))
    assert ps["Paris"].country == "FR"


def test_demonyms_are_adjectival_places(run):
    ps = by_text(run("Turkish and North Korean diplomats met in Geneva."))
    assert ps["Turkish"].extra.get("adjectival") is True and ps["Turkish"].country == "TR"
    assert ps["North Korean"].geonameid == 1873107 and ps["North Korean"].extra["adjectival"]
    assert not ps["Geneva"].extra.get("adjectival")
    assert ps["Geneva"].country == "CH"


def test_transliterations_and_confidence(run):
    ps = by_text(run("Missiles struck Kharkov and the port of Hodeidah, Yemen, overnight."))
    assert ps["Kharkov"].geonameid == 706483
    assert ps["Hodeidah"].geonameid == 79415
    assert all(0.0 < p.extra["confidence"] <= 1.0 for p in ps.values())


def test_gaza_strip_and_possessive(run):
    ps = by_text(run("Aid trucks entered the Gaza Strip as Ukraine's allies met."))
    assert ps["Gaza Strip"].country == "PS"
    assert "Ukraine" in ps and ps["Ukraine"].geonameid == 690791


def test_one_sense_per_article(run):
    text = ("Georgia lawmakers met in Atlanta on Monday. The Georgia House passed the bill, "
            "and Georgia's governor is expected to sign it.")
    ps = run(text)
    georgias = {p.geonameid for p in ps if p.span.text.startswith("Georgia")}
    assert georgias == {4197000}


def test_spans_are_text_slices_and_ids_sequential(run):
    text = "Flooding hit Dhaka, Bangladesh, and parts of eastern India."
    ps = run(text)
    assert [p.id for p in ps] == [f"P{i}" for i in range(1, len(ps) + 1)]
    for p in ps:
        assert text[p.span.start:p.span.end] == p.span.text
    assert by_text(ps)["Dhaka"].country == "BD"


def test_seed_article_places(make_doc):
    text = shared("seed", "kursk-pows.txt").read_text()
    gold = json.loads(shared("seed", "kursk-pows.gold.json").read_text())["places"]
    ps = make_doc(text, published="2025-01-11", upto="places").places
    found = {(p.span.text, p.geonameid) for p in ps}
    for g in gold:
        assert (g["text"], g["geonameid"]) in found, g


def test_extract_without_parse_is_empty():
    from chronicle.model import Article, Document

    assert places.extract(Document(article=Article(text="Kyiv"))) == []


def test_direction_word_means_the_region(run):
    ps = by_text(run("Shelling hit eastern Donetsk overnight, while Donetsk city was calm."))
    assert ps["Donetsk"].feature in ("ADM1", "PPL")
    areal = [p for p in run("Shelling hit eastern Donetsk overnight.") if p.span.text == "Donetsk"]
    assert areal and areal[0].geonameid == 709716  # Donetsk Oblast


def test_streets_and_geo_precision(run):
    ps = run("Police closed Main Street in Springfield, Illinois, and flights to France were cancelled.")
    got = by_text(ps)
    assert "Main Street" in got and got["Main Street"].geonameid is None
    assert places.geo_precision(got["Main Street"]) == "town"  # placed at the article's town
    assert places.geo_precision(got["Springfield"]) == "town"
    assert places.geo_precision(got["Illinois"]) == "region"
    assert places.geo_precision(got["France"]) == "country"
    assert places.geo_precision(None) is None
