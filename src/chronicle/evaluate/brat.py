"""Reading BRAT standoff attribution annotations (PolNeAR's release format).

PolNeAR stores each article as ``text/NAME.txt`` and one ``attributions/NAME_ANNOTATOR.ann`` per
annotator. Text-bound lines (``T``) carry a label (Source, Cue, Content, Attribution, ...) and one
or more ``start end`` fragments separated by ``;`` (discontinuous spans: a quote split around its
cue is one Content with two fragments). Event lines (``E``) tie the parts of one attribution
together. A span's text may contain newlines, so some physical lines continue the previous
record: they are skipped, offsets are what count.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from ..errors import InputError

_RECORD = re.compile(r"^([TERAMN#]\d+)\t")

Fragments = list[tuple[int, int]]


@dataclass
class GoldAttribution:
    content: Fragments
    source: Optional[Fragments] = None
    cue: Optional[Fragments] = None
    id: str = ""


@dataclass
class GoldArticle:
    name: str
    text: str
    attributions: list[GoldAttribution] = field(default_factory=list)
    annotator: str = ""


class BratError(InputError):
    pass


def parse_ann(text: str) -> tuple[dict, list[dict]]:
    """Text-bounds ``{id: (label, fragments)}`` and events ``[{role: [ids]}]`` of one .ann file."""
    bounds: dict[str, tuple[str, Fragments]] = {}
    events: list[dict] = []
    for line in text.splitlines():
        m = _RECORD.match(line)
        if not m:
            continue  # continuation of a multi-line span text
        rid = m.group(1)
        cols = line.split("\t")
        if rid[0] == "T" and len(cols) >= 2:
            head = cols[1]
            label, _, offsets = head.partition(" ")
            frags = []
            for part in offsets.split(";"):
                bits = part.split()
                if len(bits) == 2 and bits[0].isdigit() and bits[1].isdigit():
                    frags.append((int(bits[0]), int(bits[1])))
            if frags:
                bounds[rid] = (label, frags)
        elif rid[0] == "E" and len(cols) >= 2:
            roles: dict[str, list[str]] = {"_id": [rid]}
            for arg in cols[1].split():
                role, _, ref = arg.partition(":")
                role = re.sub(r"\d+$", "", role)  # Content2 -> Content
                roles.setdefault(role, []).append(ref)
            events.append(roles)
    return bounds, events


def _frags(bounds: dict, ids: list[str]) -> Optional[Fragments]:
    out: Fragments = []
    for i in ids or ():
        if i in bounds:
            out.extend(bounds[i][1])
    return sorted(out) or None


def read_article(txt: Path, ann: Path) -> GoldArticle:
    text = txt.read_text(encoding="utf-8")
    bounds, events = parse_ann(ann.read_text(encoding="utf-8"))
    golds = []
    for ev in events:
        content = _frags(bounds, ev.get("Content", []))
        if not content:
            continue
        golds.append(GoldAttribution(content=content, source=_frags(bounds, ev.get("Source", [])),
                                     cue=_frags(bounds, ev.get("Cue", [])), id=ev["_id"][0]))
    golds.sort(key=lambda g: g.content[0])
    annotator = ann.stem[len(txt.stem) + 1:] if ann.stem.startswith(txt.stem + "_") else ""
    return GoldArticle(name=txt.stem, text=text, attributions=golds, annotator=annotator)


def _pairs_in_dir(d: Path) -> list[tuple[Path, Path]]:
    """(text, annotation) pairs of a PolNeAR split dir or a flat dir; one annotator per article
    (the first in name order) so that multiply-annotated articles are not counted twice."""
    if (d / "text").is_dir():
        tdir = d / "text"
        adir = d / "attributions" if (d / "attributions").is_dir() else d / "text"
    else:
        tdir = adir = d
    pairs = []
    for txt in sorted(tdir.glob("*.txt")):
        exact = adir / f"{txt.stem}.ann"
        anns = [exact] if exact.exists() else sorted(adir.glob(f"{glob_escape(txt.stem)}_*.ann"))
        if anns:
            pairs.append((txt, anns[0]))
    return pairs


def glob_escape(s: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", s)


def load(paths: Iterable[str]) -> list[GoldArticle]:
    """Gold articles from split dirs, flat dirs of .txt/.ann pairs, or single .ann/.txt files."""
    out = []
    for p in map(Path, paths):
        if p.is_dir():
            pairs = _pairs_in_dir(p)
        elif p.suffix == ".ann":
            stem = p.stem
            cands = [p.with_suffix(".txt"), p.parent.parent / "text" / f"{stem}.txt"]
            if "_" in stem:
                base = stem.rsplit("_", 1)[0]
                cands += [p.parent / f"{base}.txt", p.parent.parent / "text" / f"{base}.txt"]
            txt = next((c for c in cands if c.exists()), None)
            if txt is None:
                raise BratError(f"no text file found for {p}; expected one of {[str(c) for c in cands]}")
            pairs = [(txt, p)]
        elif p.suffix == ".txt":
            pairs = [pr for pr in _pairs_in_dir(p.parent) if pr[0] == p] or \
                [pr for pr in _pairs_in_dir(p.parent.parent) if pr[0].name == p.name]
        else:
            raise BratError(f"{p} is neither a directory nor a .ann/.txt file; give a PolNeAR split "
                            f"directory (with text/ and attributions/) or BRAT .ann files")
        if not pairs:
            raise BratError(f"no BRAT .txt/.ann pairs found under {p}")
        out.extend(read_article(t, a) for t, a in pairs)
    return out
