"""Readers for gold temporal annotation: TimeML ``.tml`` (TempEval-3) and MEANTIME CAT XML.

Why both end in one :class:`GoldDoc`: the scorer only needs the text, the creation time (DCT) and
the gold TIMEX3 character spans, whatever the file format. MEANTIME ships tokens without
whitespace, so its text is rebuilt with Penn-Treebank-style detokenisation; offsets are into that
rebuilt text, and the in-text creation time line is reported as an ``ignore`` span (TempEval does
not score the DCT, so a system tagging it is neither right nor wrong). MEANTIME annotates only the
title, the date line and the first sentences of each article (sentence ids 0-5), so the text is
cut after the last annotated sentence: an unannotated tail would count every right answer there
as a false positive.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from ..errors import InputError


@dataclass
class GoldTimex:
    start: int
    end: int
    type: str
    value: str
    tid: str = ""


@dataclass
class GoldDoc:
    name: str
    text: str
    dct: Optional[str]
    timexes: list[GoldTimex] = field(default_factory=list)
    ignore: list[tuple[int, int]] = field(default_factory=list)
    meantime: bool = False  # read from a MEANTIME CAT file (its own splits; see times_splits)


def _dct_date(value: Optional[str]) -> Optional[str]:
    if value and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return value[:10]
    return None


def read_tml(path: str | os.PathLike) -> GoldDoc:
    """A TimeML file: the text is the content of ``<TEXT>``, the DCT the CREATION_TIME TIMEX3."""
    root = ET.parse(path).getroot()
    dct = None
    for t in root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            dct = _dct_date(t.get("value"))
            break
    text_el = root.find(".//TEXT")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    pos = 0

    def walk(el) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3" and el.get("functionInDocument") != "CREATION_TIME":
            timexes.append(GoldTimex(start, pos, el.get("type", ""), el.get("value", ""), el.get("tid", "")))

    if text_el is not None:
        walk(text_el)
    story = _story_date(root.find(".//EXTRAINFO"))
    if story and story != dct:
        # a wire story re-filed under a later DCT (AQUAINT: "APW20000107.0088 NEWS STORY 2000-01-07
        # 03:03" under DCT 2000-01-15); its annotators resolved "Wednesday" against the story's own date
        dct = story
    return GoldDoc(Path(path).stem, "".join(parts), dct, timexes)


_STORY_LINE = re.compile(r"\bNEWS STORY\s+(\d{4}-\d\d-\d\d)\s+\d\d:\d\d")


def _story_date(extra) -> Optional[str]:
    """The filing date on a wire story's header line in ``<EXTRAINFO>``, if any."""
    mo = _STORY_LINE.search(extra.text or "") if extra is not None else None
    return mo.group(1) if mo else None


_NO_SPACE_BEFORE = {",", ".", ";", ":", "%", ")", "]", "?", "!", "'s", "n't", "'", "'re", "'ve", "'ll", "'d", "'m",
                    "...", "''", "”", "’"}
_NO_SPACE_AFTER = {"(", "[", "$", "``", "“", "#", "£", "€", "¥"}
_QUOTES = {"``": '"', "''": '"'}


MEANTIME_LAST_SENTENCE = 5


def read_meantime(path: str | os.PathLike, last_sentence: int = MEANTIME_LAST_SENTENCE) -> GoldDoc:
    """A MEANTIME CAT XML file; sentences become lines of the rebuilt text.

    The creation-time tokens (the Wikinews date line) are a line of their own even where MEANTIME's
    tokeniser put title, date and first sentence in one sentence: on the page they are separate
    lines, and a title ending "... until Friday" must not run into the date ("Friday September 18,
    2008")."""
    root = ET.parse(path).getroot()
    dct_tokens: set[str] = set()
    for t in root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            dct_tokens |= {a.get("t_id") for a in t.findall("token_anchor")}
    parts: list[str] = []
    pos = 0
    offsets: dict[str, tuple[int, int]] = {}
    prev_sent = None
    prev_tok = None
    prev_dct = False
    for tok in root.iter("token"):
        word = tok.text or ""
        sent = tok.get("sentence")
        if last_sentence is not None and int(sent) > last_sentence:
            break
        in_dct = tok.get("t_id") in dct_tokens
        if prev_sent is not None:
            if sent != prev_sent or in_dct != prev_dct:
                sep = "\n"
            elif word in _NO_SPACE_BEFORE or prev_tok in _NO_SPACE_AFTER or word.lower() in _NO_SPACE_BEFORE:
                sep = ""
            else:
                sep = " "
            parts.append(sep)
            pos += len(sep)
        out = _QUOTES.get(word, word)
        offsets[tok.get("t_id")] = (pos, pos + len(out))
        parts.append(out)
        pos += len(out)
        prev_sent, prev_tok, prev_dct = sent, word, in_dct
    text = "".join(parts)
    dct = None
    timexes: list[GoldTimex] = []
    ignore: list[tuple[int, int]] = []
    markables = root.find("Markables")
    for t in (markables.iter("TIMEX3") if markables is not None else []):
        anchors = [offsets[a.get("t_id")] for a in t.findall("token_anchor") if a.get("t_id") in offsets]
        if t.get("functionInDocument") == "CREATION_TIME":
            dct = _dct_date(t.get("value"))
            if anchors:
                ignore.append((min(a[0] for a in anchors), max(a[1] for a in anchors)))
            continue
        if not anchors:  # implicit timex (an interval endpoint), no text
            continue
        timexes.append(GoldTimex(min(a[0] for a in anchors), max(a[1] for a in anchors),
                                 t.get("type", ""), t.get("value", ""), t.get("m_id", "")))
    line_dct, line = _date_line(text)
    if line_dct and dct and line_dct != dct and line is not None and any(a <= line[0] and line[1] <= b for a, b in ignore):
        # the creation time's own tokens say another day than its value (one file: value 2008-10-20 on the
        # line "October 10, 2008"); the annotators resolved the body against the line they read
        dct = line_dct
    if dct is None:
        dct = line_dct
        scored = ignore + [(g.start, g.end) for g in timexes]  # a date line annotated as a DATE stays scored
        if line is not None and not any(a < line[1] and line[0] < b for a, b in scored):
            ignore.append(line)
    timexes.sort(key=lambda g: g.start)
    return GoldDoc(Path(path).stem, text, dct, timexes, ignore, meantime=True)


_MONTHS = {m: i + 1 for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                           "september", "october", "november", "december"))}
_DATE_LINE = re.compile(r"(?P<m>[A-Za-z]+) (?P<d>\d{1,2}), (?P<y>\d{4})")


def _date_line(text: str) -> tuple[Optional[str], Optional[tuple[int, int]]]:
    """The Wikinews date line under the title ("March 01, 2008"), for the few MEANTIME files whose
    creation time is missing or not ISO ("03-02-2009"): it is the article's date, as the annotators
    read it, and like a CREATION_TIME it is not scored."""
    lines = text.split("\n")
    if len(lines) < 2:
        return None, None
    start = len(lines[0]) + 1
    mo = _DATE_LINE.fullmatch(lines[1].strip())
    if not mo or mo["m"].lower() not in _MONTHS:
        return None, None
    try:
        value = dt.date(int(mo["y"]), _MONTHS[mo["m"].lower()], int(mo["d"])).isoformat()
    except ValueError:
        return None, None
    lead = len(lines[1]) - len(lines[1].lstrip())
    return value, (start + lead, start + lead + len(lines[1].strip()))


def read(path: str | os.PathLike) -> GoldDoc:
    """Either format, told apart by the root element."""
    with open(path, "rb") as fh:
        head = fh.read(2048)
    if b"<Document" in head and b"<TimeML" not in head:
        return read_meantime(path)
    return read_tml(path)


def gold_files(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """``.tml`` and ``.xml`` files under the given files/directories, sorted for reproducibility."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*") if q.suffix in (".tml", ".xml") and q.is_file()))
        elif p.is_file():
            out.append(p)
    return out


def read_all(paths: Iterable[str | os.PathLike], problems: Optional[list[str]] = None,
             copies: Optional[list[tuple[Path, Path]]] = None) -> Iterator[GoldDoc]:
    """Every gold document under ``paths``, each once.

    Why documents are counted once: the shipped folders hold copies (TBAQ's ``testpipeline/`` repeats a
    TimeBank file; MEANTIME's ``intra_cross-doc_annotation/`` repeats ``intra-doc_annotation/`` with the
    same TIMEX3s), and scoring the parent folder must not count those documents twice; each skipped copy
    is listed in ``copies`` as (copy, first file). A file that cannot be read is reported in ``problems``
    (when given; else raised) and the rest are still read."""
    seen: dict[tuple[str, str], Path] = {}
    for p in gold_files(paths):
        try:
            doc = read(p)
        except (ET.ParseError, OSError, ValueError, KeyError, AttributeError) as err:
            message = f"{p}: not a readable TimeML or MEANTIME file ({type(err).__name__}: {err}); skipped"
            if problems is None:
                raise InputError(message) from err
            problems.append(str(InputError(message)))
            continue
        key = (doc.name, doc.text)
        if key in seen:
            if copies is not None:
                copies.append((p, seen[key]))
            continue
        seen[key] = p
        yield doc
