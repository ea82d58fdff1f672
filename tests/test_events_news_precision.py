"""Ordinary news must not become conflict data (GDELT's failure): business, culture and sport
sentences written for these tests code no event, and the political sentence beside each keeps its
event, so a rule that only deletes cannot pass.
"""
from __future__ import annotations

import pytest

PUB = "2005-03-10"


def coded(make_doc, text):
    return [(e.type, e.mode) for e in make_doc(text, published=PUB).events]


@pytest.mark.parametrize("text", [
    # figurative material verbs on market objects
    "The carmaker cut its sales forecasts for the year on Monday.",
    "The airline said it would reduce costs by closing two call centres.",
    "Shares in the German telecoms group hit a yearly high on Tuesday.",
    "The sitcom is still managing to pull in 12 million viewers a week.",
    "The singer's charity anthem was re-released by the label in January.",
    # the act of an economy, a market or a storm is no political act
    "A sluggish economy hits Italian jobs as growth stalls.",
    "Worries over the dollar pushed down European stock markets on Friday.",
    # a title is not a happening
    "Meet the Fockers took 40 million dollars at the box office.",
    # CAMEO's vague consult/cooperate verbs
    "The Indian navy is considering proposals from Swedish and French firms.",
    "The striker has been linked with a move to a Spanish club.",
    "The bank introduced a new surcharge for its business customers.",
    # a plea in court answers a charge; it asks nothing
    "The former finance director pleaded guilty to fraud in a New York court.",
    # a forecast is no threat
    "The German airline warned that yields would decline in the coming year.",
    "The energy agency warned of rising prices for heating oil.",
    # agreeing with an opinion is no agreement
    "The Lord Chancellor agreed the old law was discriminatory.",
    # helping to do something: the aid is the other verb's, and here there is none
    "The firm sold its stake to help pay off its debts.",
    # deals between firms are trade, not politics
    "Sony Corp signed a new four-year agreement with a Korean electronics firm.",
    "The carmaker has struck a deal to supply a French firm with 30,000 vans.",
    # idle readings of cooperative verbs
    "The thieves use stolen cards to commit other crimes.",
    "The firm said it had met its main strategic objectives for the year.",
    "The broadband company is offering the online service free to new customers.",
    # deaths from illness; contests; figures of speech
    "The singer died at his home after a long battle with cancer.",
    "The novelist beat the favourite to win the fiction prize on Tuesday.",
    "The portrayal of the priest hurt the religious sentiments of the community.",
    "Tragedy struck the production when a young actor drowned.",
    # a split-off prefix and the suffix-strip fallback ("read" is not "re")
    "As I got older and read it, I liked the book more.",
    # guesses, inferences and questions are no demands
    "The mayor said there must have been twenty instances like this over the years.",
    "The bank's chief economist said the survey suggests that employment is still expanding.",
    "On the tape the mayor is heard asking the reporter if he is a German war criminal.",
    # products, media and candidacies; naming; questions; handling; abstract contributions
    "Microsoft and Sony are expected to release new consoles in the next 18 months.",
    "The candidate who had been selected to fight the Suffolk seat quit after the reports.",
    "This year we will see what we call place shifting.",
    '"Why build your own grid when you can use ours?" he asked in a webcast.',
    "The minister had treated the nanny as a special case.",
    "It is disappointing that you have contributed to this distortion.",
    "The new website helps the public to understand the policies of the parties.",
    "The Home Office announced the release of a review of murder laws.",
    # an act weighed by an adjective is an opinion; a film offered; odds offered; a trend warned of
    "He said it was important to maintain pragmatic ties with Moscow.",
    "We feel that it is important for Ukraine to be allowed into the WTO.",
    'The studio offered Nair the film "Monsoon Wedding" in 2000.',
    "The bookmakers were offering odds of 5/1 on her departure.",
    "The pensions adviser warned that the closure of salary schemes was just the beginning.",
    "This deal will give us the opportunity to work with the director.",
    # a person going back somewhere is travel, not a RETREAT; business plans are coded on their own verb
    "He said he briefly returned to the restaurant to collect a gun.",
    "Investors want the economy to grow faster next year.",
    # the suffix-strip fallback only undoes inflections: "band" is not "ban"
    "The list includes 1970s tartan boy band the Bay City Rollers.",
    # subscriptions, and talk about a subject with no counterpart
    "Customers had signed up for a ringtone service they did not want.",
    "The chancellor was talking about skills and investment during his trip.",
    # who someone is, and standing rules, are not happenings
    "France Telecom is buying Equant, which provides data services to businesses.",
    "Parliament requires television owners to pay a licence fee.",
    # troops held or joined are not deployed; a decision made is nothing yet
    "Their actions have reflected the pride that most people in this country have in our troops.",
    "A judge was involved in making those decisions.",
    "The corporation plans to spend up to 138m pounds on the new service before 2014.",
])
def test_ordinary_news_is_no_event(make_doc, text):
    assert coded(make_doc, text) == []


@pytest.mark.parametrize("text,etype", [
    ("Russia cut gas supplies to Ukraine on Saturday.", "SANCTION"),
    ("Government troops hit rebel positions near the border on Monday.", "ASSAULT"),
    ("Chamisa rejected Mnangagwa's election victory as fraudulent.", "REJECT"),
    ("The Syrian army warned that it will retaliate against any attack by militants.", "THREATEN"),
    ("The Egyptian security chief warned that police will no longer tolerate rallies.", "THREATEN"),
    ("Iran warned of a strong reaction if the sanctions were renewed.", "THREATEN"),
    ("Germany spent billions on helping to integrate refugees.", "AID"),
    ("Palestinian factions agreed to lay down their weapons in Lebanon.", "AGREE"),
    ("Jordan and Israel agreed that the border should reopen on Monday.", "AGREE"),
    ("The army closed all crossing points into the rebel enclave.", "COERCE"),
    ("Boeing signed a deal with the Indian government to supply ten aircraft.", "SUPPORT"),
    ("Japan committed $5 million to the relief effort in Aceh.", "AGREE"),
    ("Putin met Bush in Bratislava on Thursday.", "CONSULT"),
    ("The opposition activist died in prison after torture by the police.", "ASSAULT"),
    ("Riot police beat protesters in the capital on Sunday.", "ASSAULT"),
    ("Russia says Israel must end its attacks on Gaza.", "REQUEST"),
    ("The minister suggested that the two sides should resume talks.", "REQUEST"),
    ("Iran asked the IAEA if its inspectors could visit the site.", "REQUEST"),
    ("The party said it will boycott the elections unless the president agrees to talks.", "THREATEN"),
    ("Japan contributed $10 million to the relief effort in Sri Lanka.", "AID"),
    ("Egypt asked the United Nations for help on Monday.", "REQUEST"),
    ("The Home Office announced the release of two Libyan prisoners.", "RETREAT"),
    ("The US returned a stolen Hebrew Bible to its owners in Poland.", "RETREAT"),
    ("Thousands of Afghan refugees returned to Kabul from Pakistan on Monday.", "RETREAT"),
    ("Britain sent troops to Sierra Leone on Monday.", "MOBILIZE"),
    ("Iran and the EU talked about the nuclear programme on Monday.", "CONSULT"),
    ("Blair talked with Bush about Iraq on Friday.", "CONSULT"),
    ("Hamas, which has attacked Israeli towns, rejected the truce.", "REJECT"),
    ("The minister warned that the move could lead to war in the region.", "THREATEN"),
])

def test_political_events_survive(make_doc, text, etype):
    assert etype in [t for t, _ in coded(make_doc, text)], coded(make_doc, text)


@pytest.mark.parametrize("text", [
    "The government's immigration plan has been attacked by critics in the Labour party.",
    "The opposition leader attacked the government's budget on Wednesday.",
])
def test_verbal_attacks_are_criticism(make_doc, text):
    assert [t for t, _ in coded(make_doc, text)] == ["ACCUSE"], coded(make_doc, text)


SPORT = ("Arsenal beat Chelsea 2-1 in the Premiership on Sunday. The striker scored two goals and the coach "
         "praised the players. Wenger criticised the referee after the match. {}")


def test_sports_report_keeps_only_political_events(make_doc):
    assert coded(make_doc, SPORT.format("")) == []
    assert "ACCUSE" in [t for t, _ in coded(make_doc, SPORT.format(
        "The Egyptian government accused Israel of blocking the team's visas."))]
