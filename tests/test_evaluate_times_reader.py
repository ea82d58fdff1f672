"""``chronicle eval times`` over whole folders: copies are scored once, a broken file is named and
skipped, and an empty folder is a usage error rather than a table of zeros."""
from __future__ import annotations

import pytest

from chronicle.errors import InputError, UsageError

DOC = ('<?xml version="1.0" ?><TimeML><DOCID>{name}</DOCID>'
       '<DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-08" functionInDocument="CREATION_TIME">20240308'
       '</TIMEX3></DCT><TEXT>The council voted <TIMEX3 tid="t1" type="DATE" value="2024-03-07">yesterday'
       '</TIMEX3> to close the bridge for <TIMEX3 tid="t2" type="DURATION" value="P3W">three weeks</TIMEX3>.'
       '</TEXT></TimeML>')


def _folder(tmp_path, *names):
    for sub, name in names:
        (tmp_path / sub).mkdir(exist_ok=True)
        (tmp_path / sub / f"{name}.tml").write_text(DOC.format(name=name))
    return tmp_path


def test_a_copy_in_another_folder_is_read_once(tmp_path):
    from chronicle.evaluate.timeml import read_all

    _folder(tmp_path, ("a", "doc1"), ("b", "doc1"), ("b", "doc2"))
    copies: list = []
    docs = list(read_all([tmp_path], [], copies))
    assert sorted(d.name for d in docs) == ["doc1", "doc2"]
    assert [(c.parent.name, f.parent.name) for c, f in copies] == [("b", "a")]


def test_same_name_with_other_text_is_not_a_copy(tmp_path):
    from chronicle.evaluate.timeml import read_all

    _folder(tmp_path, ("a", "doc1"))
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "doc1.tml").write_text(DOC.format(name="doc1").replace("the bridge", "the road"))
    assert len(list(read_all([tmp_path], [], []))) == 2


def test_broken_file_is_named_and_the_rest_scored(tmp_path):
    from chronicle.evaluate.times import run

    _folder(tmp_path, ("a", "doc1"))
    (tmp_path / "a" / "broken.tml").write_text("<TimeML><TEXT>no end")
    lines: list[str] = []
    metrics = run([str(tmp_path)], out=lines.append)
    assert any("broken.tml" in line and "[E002]" in line and "skipped" in line for line in lines)
    assert metrics["docs"] == 1 and metrics["gold"] == 2
    assert metrics["value"]["f1"] == 100.0  # "yesterday" and "three weeks" both right


def test_broken_file_raises_when_no_problem_list(tmp_path):
    from chronicle.evaluate.timeml import read_all

    (tmp_path / "broken.tml").write_text("<TimeML><TEXT>no end")
    with pytest.raises(InputError, match="broken.tml"):
        list(read_all([tmp_path]))


def test_no_gold_file_is_a_usage_error(tmp_path):
    from chronicle.evaluate.times import run

    with pytest.raises(UsageError, match="no readable TimeML"):
        run([str(tmp_path)], out=None)


def test_copies_are_reported_once_in_the_report(tmp_path):
    from chronicle.evaluate.times import run

    _folder(tmp_path, ("a", "doc1"), ("b", "doc1"), ("c", "doc1"))
    lines: list[str] = []
    metrics = run([str(tmp_path)], out=lines.append)
    assert metrics["docs"] == 1 and metrics["gold"] == 2
    assert sum("repeat a document" in line for line in lines) == 1
    assert any(line.startswith("2 file(s) repeat") for line in lines)
