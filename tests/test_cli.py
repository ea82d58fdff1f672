"""The command line end to end: exit codes, bad inputs named, resumable ingest, search."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from chronicle.cli import app
from chronicle.record import validate

from datapaths import REPO, shared

runner = CliRunner()
SAMPLE = REPO / "samples" / "harbour-ceasefire.txt"


def test_extract_sample_is_valid_json_record():
    result = runner.invoke(app, ["extract", str(SAMPLE), "--published", "2025-03-08"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert validate(record) == []
    assert record["article"]["title"].startswith("Talks on a harbour ceasefire")
    assert record["article"]["published"] == "2025-03-08"
    assert record["entities"] and record["attributions"] and record["times"] and record["places"]


def test_extract_many_gives_jsonl_and_exit_1_on_bad(tmp_path):
    (tmp_path / "a.txt").write_text("The minister said on Monday that the port in Mombasa would reopen.")
    (tmp_path / "b.txt").write_text("Police in Nairobi arrested two protesters on Tuesday, officials said.")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02binary")
    result = runner.invoke(app, ["extract", str(tmp_path), "--published", "2024-06-05"])
    assert result.exit_code == 1
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(lines) == 2 and all(validate(r) == [] for r in lines)
    assert "c.txt: binary" in result.stderr


def test_usage_errors_exit_2(tmp_path):
    assert runner.invoke(app, ["extract", str(SAMPLE), "--published", "yesterday"]).exit_code == 2
    assert runner.invoke(app, ["extract", str(SAMPLE), "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["eval", "colours", str(tmp_path)]).exit_code == 2
    assert runner.invoke(app, ["frobnicate"]).exit_code == 2


def test_ingest_two_good_two_bad_then_search(tmp_path):
    seed = shared("seed", "kursk-pows.txt")
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(seed, inputs / "kursk-pows.txt")
    shutil.copy(SAMPLE, inputs / "harbour.txt")
    (inputs / "empty.txt").write_text("")
    (inputs / "photo.html").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    db = f"sqlite:///{tmp_path / 'c.db'}"
    result = runner.invoke(app, ["ingest", str(inputs), "--db", db, "--published", "2025-01-11", "--no-progress"])
    assert result.exit_code == 1, result.output
    assert "empty.txt: empty" in result.stderr and "photo.html: binary" in result.stderr
    assert "2 stored" in result.stderr

    again = runner.invoke(app, ["ingest", str(inputs / "kursk-pows.txt"), "--db", db, "--no-progress",
                                "--published", "2025-01-11"])
    assert again.exit_code == 0 and "0 stored, 1 already present" in again.stderr

    found = runner.invoke(app, ["search", "Tactical Group", "--db", db, "--json"])
    assert found.exit_code == 0
    hits = [json.loads(x) for x in found.stdout.splitlines()]
    assert len(hits) == 1 and "Tactical" in hits[0]["snippet"]
    article_id = hits[0]["id"]

    shown = runner.invoke(app, ["show", article_id, "--db", db])
    assert shown.exit_code == 0
    record = json.loads(shown.stdout)
    assert record["article"]["text"] == Path(seed).read_text() and validate(record) == []

    exported = runner.invoke(app, ["export", "--format", "jsonl", "--db", db])
    assert exported.exit_code == 0 and len(exported.stdout.splitlines()) == 2


def test_two_parse_processes_give_the_same_records(tmp_path):
    for i, place in enumerate(["Mombasa", "Kisumu", "Nakuru"]):
        (tmp_path / f"{i}.txt").write_text(f"The governor said on Monday that the market in {place} would reopen.")
    one = runner.invoke(app, ["extract", str(tmp_path), "--published", "2024-06-05"])
    two = runner.invoke(app, ["extract", str(tmp_path), "--published", "2024-06-05", "--processes", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) == 3


def test_eval_times_runs_on_a_timeml_file(tmp_path):
    tml = tmp_path / "doc.tml"
    tml.write_text(
        '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>doc</DOCID>\n'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-08" temporalFunction="false" '
        'functionInDocument="CREATION_TIME">March 8, 2024</TIMEX3></DCT>\n<TEXT>\n'
        'The ferry sank <TIMEX3 tid="t1" type="DATE" value="2024-03-07">yesterday</TIMEX3> and rescuers searched '
        'for <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>.\n</TEXT>\n</TimeML>\n')
    out = tmp_path / "m.json"
    result = runner.invoke(app, ["eval", "times", str(tml), "--json", str(out)])
    assert result.exit_code == 0, result.output
    metrics = json.loads(out.read_text())
    assert (metrics["gold"], metrics["system"]) == (2, 2)
    assert metrics["strict"]["f1"] == metrics["value"]["f1"] == 100.0
    assert "strict" in result.stdout


def test_eval_split_is_for_events_and_times_only(tmp_path):
    assert runner.invoke(app, ["eval", "attributions", str(tmp_path), "--split", "dev"]).exit_code == 2
    assert runner.invoke(app, ["eval", "times", str(tmp_path), "--split", "test"]).exit_code == 2


def _tml(path, text_with_timex):
    path.write_text(
        '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>x</DOCID>\n'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-08" functionInDocument="CREATION_TIME">March 8, 2024'
        f'</TIMEX3></DCT>\n<TEXT>\n{text_with_timex}\n</TEXT>\n</TimeML>\n')


def test_eval_times_split_keeps_the_fixed_tbaq_dev_files(tmp_path):
    # wsj_0027 is one of the 50 TBAQ dev files; any other name is on the train side
    _tml(tmp_path / "wsj_0027.tml", 'It sank <TIMEX3 tid="t1" type="DATE" value="2024-03-07">yesterday</TIMEX3>.')
    _tml(tmp_path / "mine.tml", 'It sank <TIMEX3 tid="t1" type="DATE" value="2024-03-01">last Friday</TIMEX3> and '
                                '<TIMEX3 tid="t2" type="DATE" value="2024-03-07">yesterday</TIMEX3>.')
    out = tmp_path / "m.json"
    dev = runner.invoke(app, ["eval", "times", str(tmp_path), "--split", "dev", "--json", str(out)])
    assert dev.exit_code == 0, dev.output
    metrics = json.loads(out.read_text())
    assert (metrics["docs"], metrics["gold"], metrics["split"]) == (1, 1, "dev")
    train = runner.invoke(app, ["eval", "times", str(tmp_path), "--split", "train", "--json", str(out)])
    assert train.exit_code == 0 and json.loads(out.read_text())["gold"] == 2
    (tmp_path / "wsj_0027.tml").unlink()
    empty = runner.invoke(app, ["eval", "times", str(tmp_path), "--split", "dev"])
    assert empty.exit_code == 2 and "E004" in empty.output


def test_search_prints_titles_and_snippets_with_brackets_in_text(tmp_path):
    doc = tmp_path / "brackets.txt"
    doc.write_text("Harbour [update] closed\n\nThe harbour [pictured] closed on Monday, the port authority "
                   "said [in a statement].")
    db = f"sqlite:///{tmp_path / 'b.db'}"
    assert runner.invoke(app, ["ingest", str(doc), "--db", db, "--no-progress"]).exit_code == 0
    result = runner.invoke(app, ["search", "harbour", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Harbour [update] closed" in result.stdout
    assert "harbour [pictured] closed" in result.stdout.lower()
