"""Places: what the article's source and genre say about its geography (home town in the domain,
country-code domains, US local-news cues), coordinated region lists and capitalised datelines."""
from __future__ import annotations

import pytest

from chronicle.extract import places
from chronicle.model import Article, Document


@pytest.fixture(scope="module")
def place_of(nlp):
    def _run(text, url=None, source=None):
        document = Document(article=Article(text=text, url=url, source=source), doc=nlp(text))
        return {p.span.text: p for p in places.extract(document)}

    return _run


TOWN_TEXT = "Paris man arrested after a crash. A Paris man was arrested on Friday after the crash, police said."


def test_paper_named_after_its_town_means_the_local_namesake(place_of):
    famous = place_of(TOWN_TEXT)["Paris"]
    assert famous.country == "FR"
    local = place_of(TOWN_TEXT, url="http://www.parisnewsbeacon.com/story/1")["Paris"]
    assert local.country != "FR" and local.feature.startswith("PPL")


def test_home_town_in_its_own_country_stays_the_capital(place_of):
    text = "Moscow police detained dozens of people in central Moscow on Saturday."
    p = place_of(text, source="moscowtimes.ru")["Moscow"]
    assert (p.geonameid, p.feature) == (524901, "PPLC")


def test_country_code_domain_sets_the_country(place_of):
    text = "London residents packed the meeting about the new bridge in London on Tuesday."
    assert place_of(text)["London"].country == "GB"
    assert place_of(text, source="lfpress.ca")["London"].country == "CA"


def test_host_reading_ignores_sources_without_a_domain():
    document = Document(article=Article(text="x", source="Reuters"), doc=None)
    assert places._host(document, None, []) is None


def test_plural_region_word_types_every_name_in_the_list(place_of):
    ps = place_of("The combined population of Douglas, Sarpy and Lancaster counties in Nebraska "
                  "keeps growing.")
    for name in ("Douglas", "Sarpy", "Lancaster"):
        assert ps[name].feature == "ADM2", name
    assert ps["Douglas"].country == "US"


def test_us_local_cues_need_two_kinds():
    assert places._us_local("The Rapides Parish sheriff said the fire cost $24,000.") > 0
    assert places._us_local("The ministry said the fire cost $24,000.") == 0
    assert places._us_local("Talks in Geneva ended without agreement.") == 0


def test_capitalised_saint_dateline_is_one_name(place_of):
    ps = place_of("ST. PAUL — The Minnesota Legislature adjourned on Monday without a budget.")
    assert "ST" not in ps
    p = ps["ST. PAUL"]
    assert p.country == "US" and p.feature.startswith("PPL")


def test_city_beats_same_named_region_of_another_code(place_of):
    ps = place_of("Flights from Moscow to Domodedovo and Vnukovo were delayed, officials in Moscow said.")
    assert ps["Moscow"].geonameid == 524901


def test_street_named_after_a_town_is_not_the_town(place_of):
    ps = place_of("The fire at 6016 Dublin Road was set on purpose, deputies in Rapides Parish said.")
    assert "Dublin" not in ps
    assert all(p.name != "Dublin" for p in ps.values())


def test_addresses_and_ages_read_as_us_local_news():
    text = "Darryl Warden, 44, of 2517 Memphis St., was charged on Sunday."
    assert places._us_local(text) > 0


def test_home_town_is_read_from_the_registered_name_not_a_subdomain(place_of):
    local = place_of(TOWN_TEXT, url="https://news.parisnewsbeacon.com/a/1")["Paris"]
    assert local.country != "FR"
    famous = place_of(TOWN_TEXT, url="https://paris.example.com/a/1")["Paris"]
    assert famous.country == "FR"
