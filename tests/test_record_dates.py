"""Dates of attributions and events: read from the sentence's times, else the publication date as a
bound, and the record says which (``date_source``) and how fine (``date_precision``)."""
from __future__ import annotations

from contextlib import contextmanager


@contextmanager
def _served(document, tmp_path):
    """An in-process client of the web app over a store holding this one document's record."""
    from fastapi.testclient import TestClient

    from chronicle.api.app import create_app
    from chronicle.record import to_record
    from chronicle.store import Store

    record = to_record(document)
    url = f"sqlite:///{tmp_path / 'dates.db'}"
    store = Store(url)
    store.upsert(record)
    store.close()
    with TestClient(create_app(url)) as client:
        yield client, record


def test_an_utterance_dated_in_its_sentence(make_doc):
    document = make_doc("The interior minister said on Tuesday that the border would reopen in March.",
                        published="2025-01-16", upto="attributions")
    (a,) = document.attributions
    # the saying is dated by "on Tuesday"; "in March" is what was said about, not when it was said
    assert (a.date, a.extra["date_precision"], a.extra["date_source"]) == ("2025-01-14", "day", "text")


def test_an_utterance_dated_by_month(make_doc):
    document = make_doc("In December 2024 the ministry had said that the cables were cut.",
                        published="2025-01-16", upto="attributions")
    (a,) = document.attributions
    assert (a.date, a.extra["date_precision"], a.extra["date_source"]) == ("2024-12", "month", "text")


def test_an_undated_utterance_takes_the_publication_date_as_a_bound(make_doc):
    document = make_doc("The minister said that the border would stay closed.", published="2025-01-16",
                        upto="attributions")
    (a,) = document.attributions
    assert (a.date, a.extra["date_precision"], a.extra["date_source"]) == ("2025-01-16", None, "published")


def test_without_a_publication_date_an_undated_utterance_has_no_date(make_doc):
    document = make_doc("The minister said that the border would stay closed.", upto="attributions")
    (a,) = document.attributions
    assert (a.date, a.extra["date_precision"], a.extra["date_source"]) == (None, None, "none")


def test_event_dates_say_where_they_come_from(make_doc):
    document = make_doc("Police arrested 14 protesters in Minsk on Saturday. Troops shelled the village.",
                        published="2025-01-13")
    by_type = {v.type: v for v in document.events}
    assert {"COERCE", "ASSAULT"} <= set(by_type)
    dated, undated = by_type["COERCE"], by_type["ASSAULT"]
    assert (dated.date, dated.date_precision, dated.extra["date_source"]) == ("2025-01-11", "day", "text")
    assert (undated.date, undated.date_precision, undated.extra["date_source"]) == ("2025-01-13", None, "published")
    from chronicle.record import to_record, validate

    record = to_record(document)
    assert validate(record) == []
    (dated_json,) = [v for v in record["events"] if v["type"] == "COERCE"]
    assert (dated_json["date"], dated_json["date_precision"], dated_json["date_source"]) == ("2025-01-11", "day", "text")
    assert all(a["date_source"] in ("text", "published", "none") for a in record["attributions"])


def test_the_article_page_marks_a_publication_date_standing_in(make_doc, tmp_path):
    document = make_doc("Police arrested 14 protesters in Minsk on Saturday. Troops shelled the village.",
                        published="2025-01-13")
    with _served(document, tmp_path) as (client, record):
        html = client.get(f"/articles/{record['article']['id']}").text
    assert "2025-01-11" in html and "≤ 2025-01-11" not in html  # read from "on Saturday"
    assert 'class="bound"' in html and "≤ 2025-01-13" in html  # the shelling: only the publication date


def test_the_events_table_marks_a_publication_date_standing_in(make_doc, tmp_path):
    document = make_doc("Police arrested 14 protesters in Minsk on Saturday. Troops shelled the village.",
                        published="2025-01-13")
    with _served(document, tmp_path) as (client, _):
        html = client.get("/events").text
        items = client.get("/events", params={"format": "json"}).json()["events"]["items"]
    assert "<td>2025-01-11</td>" in html and "≤ 2025-01-13" in html
    # the JSON twin keeps the raw fields: a null precision is what marks the date as a bound
    assert sorted((e["type"], e["date"], e["date_precision"]) for e in items) == [
        ("ASSAULT", "2025-01-13", None), ("COERCE", "2025-01-11", "day")]


def _event_dates(document):
    return {v.extra["trigger"]["text"]: (v.date, v.date_precision, v.extra["date_source"]) for v in document.events}


def test_a_year_naming_a_thing_does_not_date_the_act(make_doc):
    # "the 2019 protests", "the 2019 law": the year says which protests/law, not when the arrest was
    document = make_doc("Police arrested the leaders of the 2019 protests on Tuesday. "
                        "Police used the 2019 law to arrest 14 journalists on the border.", published="2025-01-16")
    dates = _event_dates(document)
    assert dates["arrested"] == ("2025-01-14", "day", "text")
    assert dates["arrest"] == ("2025-01-16", None, "published")


def test_one_end_of_an_interval_is_not_the_date(make_doc):
    # "since Sunday" is when the shelling began, "until March 3" a deadline: neither is when it happened
    document = make_doc("Soldiers have shelled the village since Sunday. "
                        "The court gave the ministry until March 3 to release the prisoners.", published="2025-01-16")
    dates = _event_dates(document)
    assert dates["shelled"] == ("2025-01-16", None, "published")
    assert dates["release"] == ("2025-01-16", None, "published")


def test_a_relative_clause_is_not_dated_by_its_main_clause(make_doc):
    document = make_doc("Turkey, which has armed the rebels for years, shelled the town on Monday.",
                        published="2025-01-16")
    dates = _event_dates(document)
    assert dates["shelled"] == ("2025-01-13", "day", "text")
    assert dates["armed"] == ("2025-01-16", None, "published")


def test_the_day_inside_a_season_wins(make_doc):
    document = make_doc("Last summer the rebels attacked the airport in the north of the country on July 13.",
                        published="2025-01-16")
    assert _event_dates(document)["attacked"] == ("2024-07-13", "day", "text")


def test_the_time_of_a_saying_does_not_date_what_was_said(make_doc):
    document = make_doc("A spokesman confirmed on Monday that the army had shelled the village.",
                        published="2025-01-16")
    assert _event_dates(document)["shelled"] == ("2025-01-16", None, "published")
    (a,) = document.attributions
    assert (a.date, a.extra["date_source"]) == ("2025-01-13", "text")


def test_what_did_not_or_may_not_happen_has_no_date(make_doc):
    # the publication date would say it happened no later than that day
    document = make_doc("Police did not arrest the protesters. Villagers may be reluctant to evacuate the town. "
                        "The rebels hope the army withdraws from the town.", published="2025-01-16")
    dates = _event_dates(document)
    for trigger in ("arrest", "evacuate", "withdraws"):
        assert dates[trigger] == (None, None, "none"), trigger
    from chronicle.record import to_record, validate

    assert validate(to_record(document)) == []


def _said(document):
    return [(a.source.name, a.date, a.extra["date_precision"], a.extra["date_source"]) for a in document.attributions]


def test_a_time_in_the_speakers_relative_clause_does_not_date_the_saying(make_doc):
    document = make_doc("The mayor, who resigned in 2019, said that the bridge would reopen.",
                        published="2025-01-16", upto="attributions")
    assert _said(document) == [("mayor", "2025-01-16", None, "published")]


def test_since_and_a_time_naming_a_thing_do_not_date_the_saying(make_doc):
    for text in ("The governor has said since March that the curfew would end.",
                 "The current president said that the border would reopen."):
        document = make_doc(text, published="2025-01-16", upto="attributions")
        ((_, date, precision, source),) = _said(document)
        assert (date, precision, source) == ("2025-01-16", None, "published"), text


def test_a_participial_side_clause_dates_the_saying(make_doc):
    document = make_doc("Speaking to reporters on Monday, the minister said that the border would reopen.",
                        published="2025-01-16", upto="attributions")
    assert _said(document) == [("minister", "2025-01-13", "day", "text")]


def test_the_same_speaker_goes_on_on_the_day_of_the_sentence_before(make_doc):
    document = make_doc("The governor said on Tuesday that the curfew would end. "
                        "He also accused the police of abusing their powers.", published="2025-01-16",
                        upto="attributions")
    assert [d[1:] for d in _said(document)] == [("2025-01-14", "day", "text")] * 2


def test_no_day_carries_to_another_speaker_or_to_a_perfect(make_doc):
    for second in ("The mayor said the police had abused their powers.",
                   "She has long maintained that the police abuse their powers."):
        document = make_doc("The governor said on Tuesday that the curfew would end. " + second,
                            published="2025-01-16", upto="attributions")
        first, then = _said(document)
        assert first[1:] == ("2025-01-14", "day", "text")
        assert then[1:] == ("2025-01-16", None, "published"), second


def test_the_events_table_says_undated_for_an_event_that_did_not_happen(make_doc, tmp_path):
    document = make_doc("Troops shelled the village. Police did not arrest the protesters.", published="2025-01-13")
    with _served(document, tmp_path) as (client, _):
        html = client.get("/events").text
    assert "≤ 2025-01-13" in html  # the shelling: the publication date as a bound
    assert html.count("≤ 2025-01-13") == 1 and ">undated<" in html  # the arrest that did not happen
