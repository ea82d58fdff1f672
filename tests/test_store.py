"""Store: idempotent upserts, replacement, search (phrases, awkward input, snippets, filters),
round-trips, migrations, resumable batches, and clear errors. No spaCy needed."""
from __future__ import annotations

import copy
import json
import os
import sqlite3
from collections import Counter

import pytest

from chronicle.errors import StoreError, UsageError
from chronicle.record import validate
from chronicle.store import SCHEMA_VERSION, Store
from chronicle.store.search import fts5_query
from store_records import KURSK, corpus, make_record


@pytest.fixture
def store(tmp_path):
    s = Store(str(tmp_path / "c.db"))
    yield s
    s.close()


@pytest.fixture
def full(store):
    for r in corpus():
        assert store.upsert(r) is True
    return store


def test_hand_made_records_are_valid_chronicle_1():
    for r in corpus():
        assert validate(r) == []


def test_sqlite_defaults_wal_foreign_keys_busy_timeout(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000


def test_upsert_is_idempotent(store):
    rec = corpus()[0]
    assert store.upsert(rec) is True
    assert store.upsert(copy.deepcopy(rec)) is False
    reordered = dict(reversed(list(copy.deepcopy(rec).items())))
    assert store.upsert(reordered) is False
    assert store.count() == 1
    assert store.has("kursk") and not store.has("nope")


def test_changed_record_replaces_all_its_rows(full):
    rec = copy.deepcopy(full.get("kursk"))
    rec["events"][0]["type"] = "COERCE"
    rec["article"]["title"] = "Two soldiers detained"
    rec["attributions"] = rec["attributions"][:1]
    assert full.upsert(rec) is True
    assert full.get("kursk") == rec
    assert full.count() == 3
    assert full.count(event_type="ASSAULT") == 0
    assert full.count(event_type="COERCE") == 1
    assert [r["id"] for r in full.search("detained")] == ["kursk"]
    assert full.search('"Ukraine captures"') == []  # old title no longer indexed
    assert full.search_attributions("easy task") == []


def test_failed_replacement_leaves_the_old_record(full):
    before = full.get("kursk")
    broken = copy.deepcopy(before)
    broken["article"]["title"] = "broken"
    broken["entities"][0]["name"] = None  # violates NOT NULL in the entities table
    broken["entities"][0]["id"] = None
    with pytest.raises(StoreError):
        full.upsert(broken)
    assert full.get("kursk") == before
    assert [r["id"] for r in full.search('"Tactical Group"')] == ["kursk"]


def test_get_round_trips_exactly(full):
    for rec in corpus():
        got = full.get(rec["article"]["id"])
        assert got == rec
        assert json.dumps(got) == json.dumps(rec)  # key order too
    assert full.get("missing") is None


def test_iter_records_streams_everything_in_order(full):
    assert [r["article"]["id"] for r in full.iter_records(batch_size=1)] == ["kursk", "kyiv", "moscow"]
    assert [r["article"]["id"] for r in full.iter_records(source="CNN")] == ["kursk", "moscow"]
    assert full.ids(date_from="2025-02-01") == ["kyiv", "moscow"]


def test_phrase_search_and_highlighted_snippet(full):
    hits = full.search('"Tactical Group"')
    assert [h["id"] for h in hits] == ["kursk"]
    h = hits[0]
    assert set(h) >= {"id", "title", "published", "source", "url", "snippet", "rank"}
    assert "[Tactical Group]" in h["snippet"]
    assert h["rank"] is not None and h["url"] == "https://example.invalid/kursk"
    assert full.search('"Group Tactical"') == []


def test_snippet_markers_are_configurable(tmp_path, full):
    hits = full.search("prisoners", markers=("<b>", "</b>"))
    assert {h["id"] for h in hits} == {"kyiv", "moscow"}
    assert all("<b>prisoners</b>" in h["snippet"] for h in hits)
    with Store(full.url, markers=("«", "»")) as other:
        assert "«Kursk»" in other.search("kursk")[0]["snippet"]


def test_search_stems_and_ranks(full):
    assert [h["id"] for h in full.search("capture")] == ["kursk"]  # porter: captured/captures
    ranks = [h["rank"] for h in full.search("prisoners OR Kursk")]
    assert len(ranks) == 3 and ranks == sorted(ranks, reverse=True)


@pytest.mark.parametrize("query", ['No. 84', '"', 'Tactical "Group', 'a:b', '(x', 'NEAR(',
                                   '-', 'AND OR', "O'Brien", '*', '^', 'title:foo', '"""',
                                   'x NOT', 'NOT x', '{a b}', 'kursk)', '🙂', 'a -b +c'])
def test_awkward_queries_never_crash(full, query):
    assert isinstance(full.search(query), list)
    assert isinstance(full.search_attributions(query), list)
    assert isinstance(full.facets(query), dict)


def test_awkward_queries_still_find_what_they_mean(full):
    assert [h["id"] for h in full.search("No. 84")] == ["kursk"]
    assert [h["id"] for h in full.search('Tactical "Group')] == ["kursk"]
    assert [h["id"] for h in full.search("kursk)")] == ["kursk"]
    assert full.search('"') == []  # nothing searchable: no matches rather than everything
    assert sorted(h["id"] for h in full.search("prison*")) == ["kyiv", "moscow"]
    assert [h["id"] for h in full.search("prisoners NOT Moscow")] == ["kyiv"]


def test_fts5_query_quotes_literals():
    assert fts5_query('No. 84') == '"No." "84"'
    assert fts5_query('"Tactical Group" x*') == '"Tactical Group" "x"*'
    assert fts5_query('OR a OR OR b NOT') == '"a" OR "b"'
    assert fts5_query('say "hi') == '"say" "hi"'
    assert fts5_query('"" ...') is None


def test_search_filters(full):
    ids = lambda **f: sorted(h["id"] for h in full.search("prisoners OR soldiers", **f))  # noqa: E731
    assert ids() == ["kursk", "kyiv", "moscow"]
    assert ids(source="CNN") == ["kursk", "moscow"]
    assert ids(source=["BBC", "CNN"]) == ["kursk", "kyiv", "moscow"]
    assert ids(date_from="2025-02-01") == ["kyiv", "moscow"]
    assert ids(date_to="2025-02-02") == ["kursk", "kyiv"]
    assert ids(date_from="2025-02-01", date_to="2025-02-28") == ["kyiv"]
    assert ids(entity="volodymyr zelenskyy") == ["kursk"]
    assert ids(entity="Zelensky") == ["kursk"]  # alias
    assert ids(event_type="protest") == ["kyiv"]
    assert ids(country="PRK") == ["kursk"]     # event target
    assert ids(country="ukr") == ["kursk", "kyiv", "moscow"]  # kyiv only by its place, coded UA
    assert ids(country="UA") == ["kursk", "kyiv", "moscow"]   # alpha-2 finds alpha-3 actors too
    assert ids(country="RUS") == ["kursk", "moscow"]          # Kursk Oblast is coded RU
    assert ids(country="UKR", source="BBC") == ["kyiv"]
    assert ids(country=["PRK", "ZZZ"]) == ["kursk"]
    assert ids(entity="Nobody") == []
    with pytest.raises(UsageError):
        full.search("x", colour="red")


def test_empty_query_lists_newest_first_and_pages(full):
    assert [h["id"] for h in full.search("")] == ["moscow", "kyiv", "kursk"]
    assert [h["id"] for h in full.search("", limit=1, offset=1)] == ["kyiv"]
    assert [h["id"] for h in full.search("", source="BBC")] == ["kyiv"]
    assert all(h["rank"] is None for h in full.search(""))


def test_search_attributions_by_content_and_speaker(full):
    hits = full.search_attributions("easy task")
    assert [(h["article_id"], h["id"], h["speaker"]) for h in hits] == [("kursk", "A2", "Volodymyr Zelenskyy")]
    assert "[easy] [task]" in hits[0]["snippet"]
    assert {(h["article_id"], h["id"]) for h in full.search_attributions(speaker="zelensky")} == \
        {("kursk", "A1"), ("kursk", "A2")}
    assert [h["article_id"] for h in full.search_attributions("prisoners", speaker="mayor")] == ["kyiv"]
    assert full.search_attributions("prisoners", speaker="Zelenskyy") == []
    assert full.search_attributions("soldiers", source="BBC") == []


def test_count_and_facets(full):
    assert full.count() == 3 and full.count(source="CNN") == 2
    f = full.facets()
    assert f["source"] == [{"value": "CNN", "count": 2}, {"value": "BBC", "count": 1}]
    assert [d["value"] for d in f["day"]] == ["2025-01-11", "2025-02-02", "2025-03-05"]
    assert {d["value"]: d["count"] for d in f["event_type"]} == {"ASSAULT": 1, "PROTEST": 1, "AGREE": 1, "CONSULT": 1}
    countries = {d["value"]: d["count"] for d in f["country"]}
    assert countries == {"UKR": 3, "RUS": 2, "PRK": 1}  # places' alpha-2 folded into alpha-3
    assert {d["value"]: d["count"] for d in f["speaker"]} == {"Volodymyr Zelenskyy": 2, "the mayor": 1}
    g = full.facets("prisoners", source="CNN")
    assert g["source"] == [{"value": "CNN", "count": 1}]
    assert {d["value"] for d in g["event_type"]} == {"AGREE", "CONSULT"}
    assert len(full.facets(limit=1)["event_type"]) == 1


def test_entity_summary(full):
    s = full.entity_summary("zelensky")
    assert s["name"] == "Volodymyr Zelenskyy" and s["aliases"] == ["Zelensky"]
    assert s["article_ids"] == ["kursk"] and s["countries"] == {"UKR": 1}
    assert [a["id"] for a in s["attributions"]] == ["A1", "A2"]
    russia = full.entity_summary("Russia")
    assert [(v["article_id"], v["type"]) for v in russia["events_as_actor"]] == [("moscow", "AGREE"), ("moscow", "CONSULT")]
    assert russia["events_as_target"] == []
    assert [v["type"] for v in full.entity_summary("Ukraine")["events_as_target"]] == ["AGREE", "CONSULT"]
    # unresolved role names count too
    assert [v["article_id"] for v in full.entity_summary("north korean soldiers")["events_as_target"]] == ["kursk"]
    assert full.entity_summary("Nobody at all") is None


def test_delete(full):
    assert full.delete("kyiv") is True and full.delete("kyiv") is False
    assert full.count() == 2 and full.search("protesters") == []
    assert full.facets()["speaker"] == [{"value": "Volodymyr Zelenskyy", "count": 2}]


def test_upsert_many_resumes_after_interruption(tmp_path):
    records = corpus() + [make_record(f"x{i}", f"Filler article number {i}.") for i in range(4)]

    def interrupted():
        for i, r in enumerate(records):
            if i == 4:
                raise KeyboardInterrupt
            yield r

    path = str(tmp_path / "resume.db")
    s = Store(path)
    seen = []
    with pytest.raises(KeyboardInterrupt):
        s.upsert_many(interrupted(), on_record=lambda r, changed: seen.append(changed))
    s.close()
    assert seen == [True] * 4
    s = Store(path)  # a fresh process would reopen the file
    assert s.count() == 4 and s.get("x0") == records[3]
    assert s.upsert_many(records) == len(records) - 4
    assert s.count() == len(records)
    assert s.upsert_many(records) == 0
    s.close()


def test_new_store_is_at_current_version_and_migrate_is_idempotent(store):
    assert store.schema_version == SCHEMA_VERSION == 2
    store.upsert(corpus()[0])
    assert store.migrate() == (2, 2)
    assert store.migrate() == (2, 2)
    assert store.count() == 1 and store.search("Kursk")[0]["id"] == "kursk"


def test_migrate_from_v0_record_dump(tmp_path):
    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, record TEXT NOT NULL)")
    for r in corpus():
        con.execute("INSERT INTO articles VALUES (?, ?)", (r["article"]["id"], json.dumps(r)))
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="schema version 0"):
        Store(str(path), migrate=False)
    with Store(str(path)) as s:
        assert s.schema_version == 2
        assert s.count() == 3 and s.get("kyiv") == corpus()[1]
        assert [h["id"] for h in s.search('"Tactical Group"')] == ["kursk"]
        assert s.count(event_type="AGREE") == 1
        assert s.count(entity="ZELENSKY") == 1  # alias lookup rows projected once, not twice
        assert s.migrate() == (2, 2)
    con = sqlite3.connect(path)
    assert "articles_v0" not in {n for (n,) in con.execute("SELECT name FROM sqlite_master")}
    con.close()


def _name_rows(path) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return sorted(con.execute("SELECT article_id, entity_id, name_lower FROM entity_names"))
    finally:
        con.close()


def test_migrate_v1_to_v2_builds_entity_name_lookup_from_existing_rows(tmp_path):
    path = tmp_path / "v1.db"
    with Store(str(path)) as s:
        s.upsert_many(corpus())
    fresh = _name_rows(path)
    assert ("kursk", "E1", "zelensky") in fresh and ("kursk", "E1", "volodymyr zelenskyy") in fresh
    # what version 1 looked like: no entity_names table
    con = sqlite3.connect(path)
    con.execute("DROP TABLE entity_names")
    con.execute("DROP INDEX ix_entities_article_country")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="schema version 1"):
        Store(str(path), migrate=False)
    with Store(str(path)) as s:
        assert s.schema_version == 2
        assert s.migrate() == (2, 2)
        assert s.count(entity="zelensky") == 1
        assert s.entity_summary("Zelensky")["name"] == "Volodymyr Zelenskyy"
    assert _name_rows(path) == fresh  # the same rows a fresh ingest writes
    con = sqlite3.connect(path)
    assert con.execute("SELECT 1 FROM sqlite_master WHERE name = 'ix_entities_article_country'").fetchone()
    con.close()


def test_entity_lookup_keys_follow_replacements_and_deletes(full, tmp_path):
    rec = copy.deepcopy(full.get("kursk"))
    rec["entities"][0]["aliases"] = ["President Zelenskyy", "VOLODYMYR Zelenskyy"]  # 2nd: the name again
    assert full.upsert(rec) is True
    assert full.count(entity="zelensky") == 0
    assert full.count(entity="president zelenskyy") == 1
    with full.engine.connect() as conn:
        keys = sorted(conn.exec_driver_sql(
            "SELECT name_lower FROM entity_names WHERE article_id = 'kursk' AND entity_id = 'E1'").scalars())
    assert keys == ["president zelenskyy", "volodymyr zelenskyy"]
    assert full.delete("kursk") is True
    with full.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM entity_names WHERE article_id = 'kursk'").scalar() == 0


def test_entity_alias_match_is_exact_and_casefolded(store):
    text = "Straße officials met Strasse residents and the Mayor."
    store.upsert(make_record("u", text, entities=[
        ("Straße Council", "ORG", None, None, ["Straße"], ["STRASSE-Rat"]),
        ("Mayor", "PERSON", None, None, ["Mayor"], None)]))
    assert store.count(entity="strasse council") == 1  # casefold: ß == ss
    assert store.count(entity="strasse-rat") == 1
    assert store.count(entity="Rat") == 0  # an alias matches whole, not as a substring
    assert store.entity_summary("MAYOR")["name"] == "Mayor"
    odd = make_record("odd", "Kyiv City said so.", entities=[("Kyiv City", "ORG", None, None, ["Kyiv City"], None)])
    odd["entities"][0]["aliases"] = "KCSA"  # a string, not a list
    store.upsert(odd)
    assert store.count(entity="kcsa") == 1 and store.count(entity="k") == 0


def test_newer_database_is_refused(tmp_path):
    path = str(tmp_path / "new.db")
    Store(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="upgrade Chronicle"):
        Store(path)


def test_bare_path_and_url_are_the_same_database(tmp_path):
    path = tmp_path / "same.db"
    with Store(str(path)) as s:
        s.upsert(corpus()[0])
    with Store(f"sqlite:///{path}") as s:
        assert s.has("kursk")


@pytest.mark.parametrize("url, message", [
    ("nosuchdb://host/x", "unsupported database URL"),
    ("::::", "directory"),
    ("", "empty database URL"),
])
def test_bad_urls_raise_store_error(tmp_path, url, message):
    url = url.replace("::::", str(tmp_path / "missing" / "dir" / "c.db"))
    with pytest.raises(StoreError, match=message):
        Store(url)


def test_directory_instead_of_file(tmp_path):
    with pytest.raises(StoreError, match="is a directory"):
        Store(str(tmp_path))


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_directory(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="not writable"):
            Store(str(ro / "c.db"))
    finally:
        ro.chmod(0o700)


def test_not_a_record_is_refused(store):
    with pytest.raises(StoreError, match="article.id"):
        store.upsert({"article": {"text": "x"}})
    with pytest.raises(StoreError, match="chronicle/1 record"):
        store.upsert(["not", "a", "record"])


def test_record_text_is_searchable_with_diacritics(store):
    store.upsert(make_record("d", "Officials in Kramatorsk and Sloviansk met in Dnipró.", title="Café talks"))
    assert [h["id"] for h in store.search("cafe")] == ["d"]
    assert [h["id"] for h in store.search("Dnipro")] == ["d"]
    assert KURSK  # the shared fixture text is importable (used by export tests too)


def test_in_memory_store_is_one_database():
    with Store("sqlite://") as s:
        for r in corpus():
            s.upsert(r)
        assert s.count() == 3 and s.search('"Tactical Group"')[0]["id"] == "kursk"


def test_concurrent_writers_on_one_file(tmp_path):
    """Two Store objects (as two processes would have) written from several threads."""
    from concurrent.futures import ThreadPoolExecutor

    path = str(tmp_path / "busy.db")
    stores = [Store(path), Store(path)]

    def work(i):
        s = stores[i % 2]
        changed = s.upsert(make_record(f"c{i % 30}", f"Report {i % 30} on soldiers."))
        return changed, len(s.search("soldiers"))

    with ThreadPoolExecutor(8) as ex:
        results = list(ex.map(work, range(60)))
    assert sum(changed for changed, _ in results) == 30  # each id written once, then no-ops
    assert stores[0].count() == stores[1].count() == 30
    for s in stores:
        s.close()


def test_search_order_by_date(full):
    assert [h["id"] for h in full.search("prisoners OR soldiers", order="newest")] == ["moscow", "kyiv", "kursk"]
    assert [h["id"] for h in full.search("prisoners OR soldiers", order="oldest")] == ["kursk", "kyiv", "moscow"]
    assert [h["id"] for h in full.search("", order="oldest")] == ["kursk", "kyiv", "moscow"]
    with pytest.raises(UsageError):
        full.search("x", order="random")


def _many_articles(store, n=12):
    """Articles where 'grain' appears a varying number of times (distinct ranks), over sources/days."""
    for i in range(n):
        text = f"Report {i}: " + " ".join(["grain"] * (1 + i % 5)) + " shipments " + "harbour " * (i % 3)
        store.upsert(make_record(f"g{i:02d}", text, title=f"Grain {i}", source=["CNN", "BBC", "AP"][i % 3],
                                 published=f"2025-04-{1 + i % 4:02d}",
                                 entities=[("Port Authority", "ORG", "UKR" if i % 2 else None, None,
                                            ["Report"], ["PA"])]))


def test_ranked_search_pages_are_slices_of_one_ranking(store):
    _many_articles(store)
    whole = store.search("grain OR harbour", limit=100)
    assert len(whole) == 12
    ranks = [h["rank"] for h in whole]
    assert ranks == sorted(ranks, reverse=True)
    pages = [h for off in range(0, 12, 5) for h in store.search("grain OR harbour", limit=5, offset=off)]
    assert [h["id"] for h in pages] == [h["id"] for h in whole]
    assert all("[grain]" in h["snippet"] or "[harbour]" in h["snippet"] for h in whole)
    bbc = store.search("grain", source="BBC", limit=2, offset=1)
    assert [h["id"] for h in bbc] == [h["id"] for h in store.search("grain", limit=100)
                                      if h["source"] == "BBC"][1:3]
    newest = store.search("grain", order="newest", limit=3)
    assert [h["published"] for h in newest] == ["2025-04-04"] * 3 and all(h["rank"] for h in newest)
    assert store.search("grain", limit=5, offset=50) == []


def test_facets_equal_counts_over_the_matched_records(store):
    _many_articles(store)
    f = store.facets("harbour", total=True, source=["CNN", "BBC"])
    matched = [h for h in store.search("harbour", limit=100, source=["CNN", "BBC"])]
    recs = [store.get(h["id"]) for h in matched]
    assert f["total"] == len(matched) == store.count(source=["CNN", "BBC"]) - 4  # i % 3 == 0: no harbour
    expect_src = Counter(r["article"]["source"] for r in recs)
    assert {d["value"]: d["count"] for d in f["source"]} == dict(expect_src)
    assert [d["value"] for d in f["day"]] == sorted({r["article"]["published"] for r in recs})
    assert {d["value"]: d["count"] for d in f["country"]} == {
        "UKR": sum(1 for r in recs if r["entities"][0]["country"])}
    assert store.facets(total=True)["total"] == 12
    assert store.facets("harbour", entity="pa", total=True)["total"] == 8  # AP ones too (alias filter)


def test_facets_of_a_query_without_terms_are_empty_like_its_search(full):
    f = full.facets('"', total=True)
    assert full.search('"') == [] and f["total"] == 0
    assert all(f[k] == [] for k in ("source", "day", "event_type", "country", "speaker"))


def test_facets_on_a_shared_in_memory_store_from_threads():
    """The in-memory store has one connection for all threads; facets use a temporary table on
    it, so concurrent calls must not see each other's (and must leave nothing behind)."""
    from concurrent.futures import ThreadPoolExecutor

    with Store("sqlite://") as s:
        s.upsert_many(corpus())
        want = s.facets("prisoners OR soldiers", total=True)
        with ThreadPoolExecutor(6) as ex:
            got = list(ex.map(lambda i: s.facets("prisoners OR soldiers", total=True), range(30)))
        assert all(g == want for g in got) and want["total"] == 3
        with s.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_temp_master").scalar() == 0


def test_facets_without_temporary_tables_give_the_same_counts(full):
    """A read-only connection (say, a replica) refuses the temporary match table; facets then
    run the match per facet instead of failing."""
    from sqlalchemy import event

    want = full.facets("prisoners OR soldiers", total=True, source="CNN")
    full.engine.dispose()

    @event.listens_for(full.engine, "connect")
    def _read_only(dbapi_conn, _record):
        dbapi_conn.execute("PRAGMA query_only = ON")

    with full.engine.connect() as conn:
        with pytest.raises(Exception, match="readonly"):
            conn.exec_driver_sql("CREATE TEMP TABLE probe (x)")
    assert full.facets("prisoners OR soldiers", total=True, source="CNN") == want
    assert want["total"] == 2 and want["source"] == [{"value": "CNN", "count": 2}]
