"""Readers: every kind of input, and every kind of bad input named with its problem."""
from __future__ import annotations

import io
import json

from chronicle.ingest import IngestOptions, InputProblem, read_inputs
from chronicle.model import Article, text_id

BODY = "The harbour master said on Monday that two ships had docked.\n\nThe port reopened at noon."

HTML = """<!DOCTYPE html><html><head><title>Port reopens | The Coastal Courier</title>
<meta property="og:title" content="Port reopens after storm">
<meta property="og:url" content="https://courier.example/port-reopens">
<meta property="og:site_name" content="The Coastal Courier">
<meta property="article:published_time" content="2024-05-14T09:30:00Z">
</head><body><nav>Home | World | Sport</nav><article><h1>Port reopens after storm</h1>
<p>The harbour master said on Monday that two ships had docked in the morning, the first since the storm.</p>
<p>Crews worked through the night to clear the channel, and the port reopened at noon, officials said.</p>
<p>"We are open for business," the harbour master told the Courier, adding that more ships were expected.</p>
</article><footer>Copyright The Coastal Courier. Subscribe to our newsletter.</footer></body></html>"""


def _read(tmp_path, files: dict, **opts):
    for name, data in files.items():
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return list(read_inputs([str(tmp_path)], IngestOptions(**opts)))


def test_txt_with_and_without_title(tmp_path):
    items = _read(tmp_path, {"a.txt": "Port reopens after storm\n\n" + BODY, "b.txt": BODY})
    a, b = items
    assert a.title == "Port reopens after storm" and a.text == BODY
    assert b.title is None and b.text == BODY
    assert a.id == text_id(BODY) == b.id  # the id is the hash of the text, so the same story dedups


def test_first_line_sentence_is_not_a_title(tmp_path):
    text = "The harbour master said that two ships had docked.\n\nMore followed."
    (item,) = _read(tmp_path, {"a.txt": text})
    assert item.title is None and item.text == text


def test_html_body_and_metadata(tmp_path):
    (item,) = _read(tmp_path, {"page.html": HTML})
    assert isinstance(item, Article)
    assert "two ships had docked" in item.text and "We are open for business" in item.text
    assert "Subscribe to our newsletter" not in item.text and "Home | World" not in item.text
    assert item.published == "2024-05-14"
    assert item.url == "https://courier.example/port-reopens"
    assert "Port reopens" in item.title


def test_jsonl_keeps_ids_and_fields(tmp_path):
    lines = [
        {"id": "story-1", "text": BODY, "url": "https://x.example/1", "source": "Courier",
         "title": "T", "published": "2024-05-14T10:00:00Z"},
        {"text": "Another story about the port."},
    ]
    items = _read(tmp_path, {"batch.jsonl": "\n".join(json.dumps(x) for x in lines)})
    assert [i.id for i in items] == ["story-1", text_id("Another story about the port.")]
    assert items[0].published == "2024-05-14" and items[0].source == "Courier" and items[0].url == "https://x.example/1"


def test_published_option_overrides(tmp_path):
    items = _read(tmp_path, {"a.jsonl": json.dumps({"text": BODY, "published": "2020-01-01"})},
                  published="2025-01-11")
    assert items[0].published == "2025-01-11"


def test_bad_inputs_are_named_and_the_batch_goes_on(tmp_path):
    files = {
        "good.txt": BODY,
        "empty.txt": "  \n",
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "mojibake.txt": b"Caf\x81\x8d de la gare",
        "big.txt": "word " * 100,
        "sub/bad.jsonl": '{"text": "fine line"}\n{not json}\n{"title": "no text"}\n[1, 2]\n',
    }
    items = _read(tmp_path, files, max_bytes=300)
    problems = {str(p).split(": ", 1)[0].replace(str(tmp_path) + "/", ""): p.message
                for p in items if isinstance(p, InputProblem)}
    good = [i for i in items if isinstance(i, Article)]
    assert sorted(g.text for g in good) == sorted(["fine line", BODY])
    assert problems["empty.txt"].startswith("empty")
    assert problems["binary.txt"].startswith("binary")
    assert problems["mojibake.txt"].startswith("undecodable")
    assert problems["big.txt"].startswith("oversized")
    assert "not valid JSON" in problems["sub/bad.jsonl:2"]
    assert "no non-empty 'text'" in problems["sub/bad.jsonl:3"]
    assert "must be an object" in problems["sub/bad.jsonl:4"]


def test_missing_path_and_stdin(tmp_path):
    items = list(read_inputs([str(tmp_path / "nope.txt"), "-"], IngestOptions(),
                             stdin=io.BytesIO(BODY.encode())))
    assert isinstance(items[0], InputProblem) and "no such file" in items[0].message
    assert isinstance(items[1], Article) and items[1].text == BODY


def test_bad_published_date_is_a_problem(tmp_path):
    (item,) = _read(tmp_path, {"a.jsonl": json.dumps({"text": BODY, "published": "last Tuesday"})})
    assert isinstance(item, InputProblem) and "not an ISO date" in item.message


def test_windows_1252_is_decoded_and_noted(tmp_path):
    (item,) = _read(tmp_path, {"legacy.txt": "Shares rose to \xa3600m at the Caf\xe9 Bourse.".encode("cp1252")})
    assert item.text == "Shares rose to \u00a3600m at the Caf\u00e9 Bourse."
    assert item.meta["encoding"] == "cp1252"


def test_count_inputs_for_the_progress_bar(tmp_path):
    from chronicle.ingest import count_inputs

    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text(HTML)
    (tmp_path / "sub" / "c.jsonl").write_text('{"text": "one"}\n\n{"text": "two"}\n{"text": "three"}\n')
    (tmp_path / "notes.md").write_text("not an input kind")
    assert count_inputs([str(tmp_path)]) == 5
    assert count_inputs([str(tmp_path / "a.txt"), "-"]) is None
