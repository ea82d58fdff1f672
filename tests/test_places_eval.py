"""The places evaluator: gold readers for the three XML formats and the scoring arithmetic,
on tiny files written for these tests (no research data needed), plus a slow dev-split run."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from chronicle.evaluate import places as ev
from chronicle.model import Span

LGL_XML = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><dltime>2009-03-20 12:24:52</dltime>
<text><![CDATA[Flooding hit Paris, Texas on Monday.]]></text>
<toponyms>
 <toponym><start>13</start><end>18</end><phrase>Paris</phrase>
  <gaztag geonameid="4717560"><name>Paris</name><fcode>PPL</fcode><lat>33.66</lat><lon>-95.55</lon></gaztag></toponym>
 <toponym><start>20</start><end>25</end><phrase>Texas</phrase>
  <gaztag geonameid="4736286"><name>Texas</name><fcode>ADM1</fcode><lat>31.25</lat><lon>-99.25</lon></gaztag></toponym>
</toponyms></article></articles>"""

GWN_XML = """<?xml version="1.0" ?>
<articles><article file="0"><text>German troops left Kabul for the city.</text>
<toponyms>
 <toponym><extractedName>German</extractedName><type>Non_Literal_Modifier</type><start>0</start><end>6</end>
  <geonamesID>2921044</geonamesID><latitude>51.5</latitude><longitude>10.5</longitude></toponym>
 <toponym><extractedName>Kabul</extractedName><type>Literal</type><start>19</start><end>24</end>
  <geonamesID>1138958</geonamesID><latitude>34.53</latitude><longitude>69.17</longitude></toponym>
 <toponym><extractedName>city</extractedName><type>Literal_Expression</type><start>33</start><end>37</end></toponym>
</toponyms></article></articles>"""

GEOVIRUS_XML = """<articles><article><source>x</source><text>Cases rose in Lagos.</text>
<locations><location><name>Lagos</name><start>14</start><end>19</end><lat>6.45</lat><lon>3.39</lon>
<page>p</page></location></locations></article></articles>"""


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_readers_keep_toponyms_and_drop_expressions(tmp_path):
    lgl = ev.read(write(tmp_path, "lgl.xml", LGL_XML))
    assert [(g.text, g.geonameid) for g in lgl[0].toponyms] == [("Paris", 4717560), ("Texas", 4736286)]
    assert lgl[0].published == "2009-03-20"
    gwn = ev.read(write(tmp_path, "gwn.xml", GWN_XML))
    assert [g.text for g in gwn[0].toponyms] == ["German", "Kabul"]  # "city" is an expression
    gv = ev.read(write(tmp_path, "gv.xml", GEOVIRUS_XML))
    assert gv[0].toponyms[0].text == "Lagos" and gv[0].toponyms[0].geonameid is None


def _place(start, end, text, gid, lat, lon):
    return SimpleNamespace(span=Span(start, end, text), geonameid=gid, lat=lat, lon=lon, name=text,
                           country=None, feature=None, extra={})


def test_score_arithmetic(tmp_path):
    arts = ev.read(write(tmp_path, "lgl.xml", LGL_XML))
    # Paris right by id, Texas found but put 2,000+ km away, plus one spurious place
    preds = [[_place(13, 18, "Paris", 4717560, 33.0, -95.0), _place(20, 25, "Texas", 1, 50.0, -80.0),
              _place(0, 8, "Flooding", None, None, None)]]
    lines = []
    m = ev.score(arts, lambda a: (preds, {}), errors=True, out=lines.append)
    assert m["detection"]["recall"] == 1.0
    assert m["detection"]["precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert m["resolution_on_detected"]["exact"] == 0.5
    assert m["resolution_on_detected"]["within_161km"] == 0.5
    assert any(x.startswith("WRONG") and "Texas" in x for x in lines)
    assert any(x.startswith("EXTRA") and "Flooding" in x for x in lines)


def test_run_end_to_end_on_written_gold(tmp_path):
    out = []
    m = ev.run([str(write(tmp_path, "lgl.xml", LGL_XML))], out=out.append)
    assert m["detection"]["recall"] == 1.0
    assert m["resolution_on_detected"]["within_161km"] == 1.0
    assert any(line.startswith("detection") for line in out)


def test_run_rejects_missing_file(tmp_path):
    from chronicle.errors import UsageError

    with pytest.raises(UsageError):
        ev.run([str(tmp_path / "nope.xml")])


@pytest.mark.slow
def test_geowebnews_dev_split_meets_targets():
    from datapaths import shared

    path = shared("geo", "GeoWebNews", "GWN.xml")
    m = ev.run([str(path)], out=lambda *_: None, select=lambda i, a: i % 2 == 1)
    assert m["detection"]["recall"] >= 0.83
    assert m["resolution_on_detected"]["exact"] >= 0.85
    assert m["resolution_on_detected"]["within_161km"] >= 0.89
