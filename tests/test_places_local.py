"""Places: local-news forms — URL section directories, 'the City of X', facilities named after a
small town, 'Washington, D. C.' that NER calls a nationality, and towns inside their county."""
from __future__ import annotations

import pytest

from chronicle.extract import places
from chronicle.model import Article, Document


@pytest.fixture(scope="module")
def place_of(nlp):
    def _run(text, url=None):
        document = Document(article=Article(text=text, url=url), doc=nlp(text))
        return {p.span.text: p for p in places.extract(document)}

    return _run


def test_path_sections_spell_names():
    secs = places._path_sections("http://example.com/articles/2009/03/18/mt_pleasant_news/news/x.txt")
    assert "mountpleasant" in secs and "articles" in secs
    assert places._path_sections("http://example.com/story.html") == set()
    assert places._path_sections(None) == set()


def test_url_section_names_the_home_town(place_of):
    text = "Paris man arrested after a crash. A Paris man was arrested on Friday after the crash, police said."
    assert place_of(text)["Paris"].country == "FR"
    local = place_of(text, url="http://www.regionalnews.com/articles/paris_news/local/story1.txt")["Paris"]
    assert local.country != "FR" and local.feature.startswith("PPL")


def test_country_in_a_url_section_is_not_a_home_town(place_of):
    text = "Russia said on Monday that talks with Russia's neighbours would resume."
    p = place_of(text, url="http://www.example.com/news/world/russia/story.html")["Russia"]
    assert p.feature == "PCLI"


def test_city_of_x_is_the_town(place_of):
    ps = place_of("A thief stole tools from the City of Richmond's public works department in "
                  "Madison County, Kentucky, police in Richmond said.")
    assert "Richmond" in ps and "City of Richmond" not in ps
    assert ps["Richmond"].geonameid == 4305974  # Richmond, Kentucky, seat of Madison County


def test_facility_named_after_a_small_town(place_of):
    ps = place_of("Students at Glen Carbon Elementary raised money for the library, the principal said.")
    assert "Glen Carbon" in ps and ps["Glen Carbon"].country == "US"


def test_spaced_dc_is_the_district_not_the_state(place_of):
    ps = place_of("The awards will be presented at a ceremony in Washington, D. C., on Thursday, "
                  "the Kentucky National Guard said.")
    assert ps["Washington"].geonameid == 4140963


def test_town_missing_from_the_gazetteer_is_placed_in_its_state(place_of):
    ps = place_of("Martha was born in Grantville, Pennsylvania, on November 4, 1913, and taught school there.")
    p = ps["Grantville"]
    assert p.geonameid is None and p.country == "US"
    assert p.extra["near"] == ps["Pennsylvania"].geonameid
    assert abs(p.lat - ps["Pennsylvania"].lat) < 0.01


def test_well_known_city_keeps_its_sense_despite_a_misread_container(place_of):
    ps = place_of("Protesters gathered in Tbilisi, Georgia, on Sunday.")
    assert ps["Tbilisi"].geonameid == 611717


def test_unmentioned_home_town_from_the_url(nlp):
    text = "The New London Police Chief asked the council to keep his job, council members in New London said."
    doc = Document(article=Article(text=text, url="http://example.com/articles/mt_pleasant_news/top/x.txt"),
                   doc=nlp(text))
    from chronicle.extract import gazetteer as gz
    silent = places._unmentioned_home(doc, gz.load(), [], None)
    assert [m.key for m in silent] == ["mount pleasant"]
    assert all(c.country == "US" and c.feature.startswith(("PPL", "ADM2")) for c in silent[0].candidates)
    ps = {p.span.text: p for p in places.extract(doc)}
    assert "mount pleasant" not in {p.name.lower() for p in ps.values()}  # silent: never output
    assert ps["New London"].geonameid == 4868768  # New London, Iowa, next to Mount Pleasant


def test_newspaper_words_are_no_home_town(nlp):
    from chronicle.extract import gazetteer as gz
    doc = Document(article=Article(text="x", url="http://www.dailyherald.com/news/local/story.html"), doc=None)
    assert places._unmentioned_home(doc, gz.load(), [], None) == []


def test_city_council_names_the_town_and_street_names_stay_streets(place_of):
    ps = place_of("Dublin City Council heard a first reading on a plan to rename North Street, "
                  "officials in Franklin County, Ohio, said.")
    assert "Dublin" in ps and "Dublin City" not in ps
    assert ps["Dublin"].feature.startswith("PPL")
    assert ps["North Street"].geonameid is None


def test_county_section_is_a_silent_home(nlp):
    from chronicle.extract import gazetteer as gz
    doc = Document(article=Article(text="x", url="http://example.com/News/Kanawha/200903260884"), doc=None)
    silent = places._unmentioned_home(doc, gz.load(), [], None)
    assert silent and any(c.feature == "ADM2" and c.admin1 == "US.WV" for c in silent[0].candidates)
