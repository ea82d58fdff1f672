"""PLOVER 2.0 readings the rule coder must keep, each on a sentence written for this test.

Each case is a rule taken from the PLOVER manual or CAMEO2PLOVER (see the comments in
``chronicle.extract.events`` and ``scripts/build_event_lexicon.py``), so a regression names
the rule it breaks.
"""
from __future__ import annotations

import pytest

PUB = "2025-03-10"


def types(make_doc, text):
    return [(e.type, e.actor.name, e.target.name if e.target else None) for e in make_doc(text, published=PUB).events]


def first(make_doc, text):
    evs = make_doc(text, published=PUB).events
    assert evs, f"no event in {text!r}"
    return max(evs, key=lambda e: e.confidence)


@pytest.mark.parametrize("text,etype", [
    # orders are REQUEST (manual: "all requests, demands, and orders") ...
    ("A Kenyan judge ordered the former minister to appear for questioning.", "REQUEST"),
    # ... unless the ordered act is one the orderer's authority carries out
    ("The junta ordered the opposition newspaper to suspend publication for a month.", "COERCE"),
    # a reached consensus is an agreement
    ("Chile and Peru reached a consensus on fishing rights on Tuesday.", "AGREE"),
    # blockades are COERCE restrict (CAMEO2PLOVER 191, manual COERCE restrict)
    ("Israel reimposed blockades on the West Bank on Friday.", "COERCE"),
    # general strikes are protests, not air strikes
    ("Four opposition parties in Nepal organized a general strike on Monday.", "PROTEST"),
    # a complaint reported as "protested" is ACCUSE (manual: PROTEST presumes physical activity)
    ("Kenyan police are failing to protect journalists, a rights group protested on Monday.", "ACCUSE"),
    # sending a team to investigate is the investigation
    ("Sweden sent five experts to Iraq to investigate the bombing.", "ACCUSE"),
    # pardons are CONCEDE (manual: "formal pardons, acquittals, and amnesties")
    ("The Egyptian president granted a pardon to the jailed reporter.", "CONCEDE"),
    # refugees let in are aid (asylum); a bridge opened for aid is access (RETREAT)
    ("Austria opened its borders to refugees from Syria.", "AID"),
    # laying down arms is RETREAT disarm
    ("The Colombian rebels laid down their weapons on Friday.", "RETREAT"),
])
def test_type(make_doc, text, etype):
    assert etype in [t for t, _, _ in types(make_doc, text)], types(make_doc, text)


def test_riot_damage_is_the_riot(make_doc):
    evs = types(make_doc, "Hundreds of Iraqi prisoners rioted on Monday, setting fire to their mattresses.")
    assert [t for t, _, _ in evs] == ["PROTEST"], evs


def test_decided_concession_is_concede_promised_one_agree(make_doc):
    assert first(make_doc, "The Egyptian government decided to lift the curfew in Sinai.").type == "CONCEDE"
    assert first(make_doc, "Kenya's rebels said they will release the two hostages on Friday.").type == "AGREE"


def test_conditions_make_threats_and_offers(make_doc):
    # "unless": a coercive warning; "if" with a cooperative act: an offer (manual THREATEN / AGREE)
    assert first(make_doc, "Russia will withdraw its peacekeepers unless Georgia pays for them.").type == "THREATEN"
    assert first(make_doc, "Israel is willing to withdraw its troops if the Palestinian police take control.").type == "AGREE"
    # "even if" concedes, it does not condition
    assert first(make_doc, "Duterte would respect the Senate even if his allies lose the election.").type != "THREATEN"


def test_announced_sanction_stays_sanction(make_doc):
    assert first(make_doc, "The United States announced it would prohibit all aid to the Chadian rebels.").type == "SANCTION"


def test_agreed_that_both_should_is_agreement(make_doc):
    assert [t for t, _, _ in types(make_doc, "Kenyan and Ugandan officials agreed that their countries should cooperate on trade.")] \
        == ["AGREE"]


def test_speaker_stands_for_unresolved_it(make_doc):
    e = first(make_doc, "The Syrian government said it would allow access for UN aid workers.")
    assert e.type == "AGREE" and e.actor.country == "SYR"


def test_guilty_of_violating_has_an_actor(make_doc):
    e = first(make_doc, "Both the Sudanese army and the rebels are guilty of violating the ceasefire.")
    assert e.type == "ASSAULT" and e.actor.name


def test_phone_call_for_a_purpose(make_doc):
    assert first(make_doc, "French President Emmanuel Macron called Erdogan on Friday to congratulate him.").type == "SUPPORT"
    assert first(make_doc, "French President Emmanuel Macron called Erdogan on Friday.").type == "CONSULT"


def test_not_events(make_doc):
    assert types(make_doc, "The Kenyan central bank released growth figures on Tuesday.") == []
    assert not [t for t, _, _ in types(make_doc, "Fiat lifted its profit forecast.") if t == "RETREAT"]


def test_vowed_violence_is_a_threat(make_doc):
    # manual: AGREE is willingness to cooperate; a promise to attack is a coercive warning
    assert first(make_doc, "Hamas vowed to attack Israel.").type == "THREATEN"
    assert first(make_doc, "The Kurdish rebels have sworn to fight the government.").type == "THREATEN"
    assert first(make_doc, "Iran pledged to help Syria.").type == "AGREE"


def test_street_violence_is_protest(make_doc):
    # manual PROTEST riot/vandalize; soldiers clashing with fighters stays ASSAULT
    assert first(make_doc, "Protesters in the Kenyan town of Kisumu burned the ruling party's flag.").type == "PROTEST"
    assert first(make_doc, "Political opponents of the Kenyan government clashed with police on Friday.").type == "PROTEST"
    assert first(make_doc, "Israeli troops clashed with Hamas fighters in Gaza.").type == "ASSAULT"


def test_own_possible_harm_is_a_threat(make_doc):
    assert first(make_doc, "Russia said it could cut gas supplies to Ukraine.").type == "THREATEN"
    assert first(make_doc, "Iran said it would retaliate against any attack.").type == "THREATEN"


def test_naming_a_culprit_is_an_accusation(make_doc):
    e = first(make_doc, "The Afghan government said Taliban militants were responsible for the attack.")
    assert e.type == "ACCUSE" and e.target is not None and "Taliban" in e.target.name
    assert not [x for x in make_doc("The company said higher prices were responsible for the rise.").events
                if x.type == "ACCUSE"]


def test_future_through_the_governing_verb(make_doc):
    assert first(make_doc, "Turkey said it would not hesitate to use force against the Kurdish rebels.").type == "THREATEN"
    assert first(make_doc, "The rebels gave the Malian government until Friday to free the prisoners.").type == "THREATEN"
