"""Nominal triggers, clause counts, fatalities and geo precision, on texts written for these tests."""
from __future__ import annotations

PUB = "2025-03-10"


def evs(make_doc, text):
    return make_doc(text, published=PUB).events


def of_type(make_doc, text, etype):
    found = [e for e in evs(make_doc, text) if e.type == etype]
    assert found, f"no {etype} in {text!r}: {[e.to_json() for e in evs(make_doc, text)]}"
    return found[0]


def test_nominal_attack_roles_from_the_noun_phrase(make_doc):
    e = of_type(make_doc, "A Saudi-led strike on a Yemeni school bus used a guided bomb.", "ASSAULT")
    assert e.actor.country == "SAU"
    assert e.target is not None and "school bus" in e.target.mention.text
    assert e.extra["trigger"]["text"] == "strike"


def test_nominal_backed_actor_is_the_regime_not_its_backer(make_doc):
    e = of_type(make_doc, "A Russia-backed Syrian regime offensive on the last rebel bastion has displaced "
                          "800,000 people.", "ASSAULT")
    assert e.actor.country == "SYR"


def test_nominal_arrest_of_target_with_count(make_doc):
    e = of_type(make_doc, "The arrest of 14 activists in Minsk drew wide attention.", "COERCE")
    assert e.mode == "arrest" and e.count == 14
    assert e.target is not None and "activists" in e.target.mention.text


def test_nominal_talks_between(make_doc):
    e = of_type(make_doc, "Talks between Iran and the United States resumed in Oman.", "CONSULT")
    assert {e.actor.country, e.target.country} == {"IRN", "USA"}


def test_nominal_deployment_actor_is_the_announcer(make_doc):
    e = of_type(make_doc, "Nigeria on Saturday announced the deployment of 230 troops to Liberia.", "MOBILIZE")
    assert e.actor.country == "NGA" and e.count == 230


def test_nominal_under_a_trigger_verb_is_not_a_second_event(make_doc):
    types = [e.type for e in evs(make_doc, "Hamas condemned the Israeli attack on Gaza.")]
    assert types == ["ACCUSE"]


def test_nominal_background_and_unreal_are_not_events(make_doc):
    text = ("A court in Harare freed the pastor following his arrest by police. "
            "The threat of an invasion by Russia worried Finland.")
    types = [e.type for e in evs(make_doc, text)]
    assert "COERCE" not in types and "ASSAULT" not in types


def test_fatalities_killed(make_doc):
    e = of_type(make_doc, "Rebels attacked a village in Borno state, killing 14 civilians.", "ASSAULT")
    assert e.extra.get("fatalities") == 14


def test_fatalities_passive_and_died(make_doc):
    e = of_type(make_doc, "Militants stormed a police post in Kandahar; at least 9 officers were killed.", "ASSAULT")
    assert e.extra.get("fatalities") == 9
    e = of_type(make_doc, "Three people died when police fired on protesters in Nairobi.", "ASSAULT")
    assert e.extra.get("fatalities") == 3


def test_no_fatalities_when_not_stated_or_ambiguous(make_doc):
    e = of_type(make_doc, "Police arrested three protesters in Minsk.", "COERCE")
    assert "fatalities" not in e.extra
    e = of_type(make_doc, "Rebels attacked a village, killing 14 civilians, while 3 soldiers died in another "
                          "clash.", "ASSAULT")
    assert e.extra.get("fatalities") in (14, None)


def test_count_from_the_clause_when_the_target_is_a_bare_number(make_doc):
    e = of_type(make_doc, "Police detained 14 in the raid on Monday.", "COERCE")
    assert e.count == 14


def test_clause_count_is_not_taken_from_a_date_or_money(make_doc):
    e = of_type(make_doc, "Police detained the suspects on 14 March after a $500 fine.", "COERCE")
    assert e.count is None


def test_geo_precision_on_placed_events(make_doc):
    document = make_doc("Police arrested three protesters in Minsk.", published=PUB)
    e = [v for v in document.events if v.type == "COERCE"][0]
    assert e.place is not None
    assert e.extra.get("geo_precision") == "town"
    assert e.to_json()["geo_precision"] == "town"
