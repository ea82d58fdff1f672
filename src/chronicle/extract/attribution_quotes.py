"""Finding direct-quote segments in raw text, robust to unbalanced and mixed quote marks.

Why character scanning rather than the parse: spaCy's tokenizer and sentence splitter do not
know which quote mark opens and which closes, and a quote often spans several sentences or
paragraphs. News convention: a quote running over paragraphs leaves the closing mark off at the
end of each paragraph but the last, and opens every paragraph again. Anything unbalanced is
recovered paragraph by paragraph: an unclosed quote ends at its paragraph's end, a stray closer
is ignored; nothing here can raise on odd input.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

OPENERS = "“«„"
CLOSERS = "”»"
STRAIGHT = '"'
_PARA = re.compile(r"[^\n]+")


@dataclass
class Segment:
    """One quoted stretch: ``open``/``close`` are the quote-mark offsets (``close`` is the
    paragraph end when unclosed); the content is ``[open + 1, close)``."""

    open: int
    close: int
    closed: bool
    para: int  # paragraph index
    width: int = 1  # 2 for the typewriter ASCII pair ''...'' some archives (NYT) use
    cwidth: int = 1

    @property
    def after(self) -> int:
        """First character after the closing mark."""
        return self.close + (self.cwidth if self.closed else 0)

    @property
    def start(self) -> int:
        return self.open + self.width

    @property
    def end(self) -> int:
        return self.close


@dataclass
class QuoteGroup:
    """Segments that form one utterance (paragraph continuations)."""

    segments: list[Segment] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.segments[0].start

    @property
    def end(self) -> int:
        return self.segments[-1].end


def _is_opening_straight(text: str, i: int, lo: int, hi: int, w: int = 1) -> bool | None:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + w] if i + w < hi else " "
    if (prev.isspace() or prev in "([{—–-/") and not nxt.isspace():
        return True
    if not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)]}—–-"):
        return False
    return None


def segments(text: str) -> list[Segment]:
    out: list[Segment] = []
    for pi, m in enumerate(_PARA.finditer(text)):
        lo, hi = m.start(), m.end()
        open_at = None
        width = 1
        chars = list(text[lo:hi])
        # fold the ASCII pair '' (and the LaTeX-ish `` opener) into one straight double quote
        i = lo
        while i < hi - 1:
            if text[i] in "'`" and text[i + 1] == text[i] == "'" or (text[i] == "`" and text[i + 1] == "`"):
                chars[i - lo], chars[i + 1 - lo] = STRAIGHT, "\0"
                i += 2
            else:
                i += 1
        for i in range(lo, hi):
            c = chars[i - lo]
            if c == "\0":
                continue
            w = 2 if i + 1 < hi and chars[i + 1 - lo] == "\0" else 1
            if c in OPENERS or (c in CLOSERS and open_at is None and i + 1 < hi and text[i + 1].isalnum()
                                and (i == lo or text[i - 1].isspace())):
                if open_at is not None:  # an opener while open: the earlier one was never closed
                    out.append(Segment(open_at, _rstrip(text, open_at, i), False, pi, width))
                open_at, width = i, w
            elif c in CLOSERS:
                if open_at is not None:
                    out.append(Segment(open_at, i, True, pi, width, w))
                    open_at = None
            elif c == STRAIGHT:
                opening = _is_opening_straight(text, i, lo, hi, w)
                if open_at is None and opening is not False:
                    open_at, width = i, w
                elif open_at is not None and opening is not True:
                    out.append(Segment(open_at, i, True, pi, width, w))
                    open_at = None
                elif open_at is not None:  # looks like an opener while open: restart
                    out.append(Segment(open_at, _rstrip(text, open_at, i), False, pi, width))
                    open_at, width = i, w
        if open_at is not None:
            out.append(Segment(open_at, _rstrip(text, open_at, hi), False, pi, width))
    return [s for s in out if s.close > s.start]


def _rstrip(text: str, lo: int, hi: int) -> int:
    while hi > lo + 1 and text[hi - 1].isspace():
        hi -= 1
    return hi


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PARA.finditer(text)]


def groups(text: str) -> list[QuoteGroup]:
    """Segments joined across paragraphs: an unclosed quote that runs to its paragraph's end
    continues into the next paragraph when that one opens with a quote."""
    paras = paragraph_bounds(text)
    out: list[QuoteGroup] = []
    for seg in segments(text):
        prev = out[-1].segments[-1] if out else None
        if (prev is not None and not prev.closed and seg.para == prev.para + 1
                and prev.close >= _rstrip(text, paras[prev.para][0], paras[prev.para][1])
                and text[paras[seg.para][0]:seg.open].strip() == ""):
            out[-1].segments.append(seg)
        else:
            out.append(QuoteGroup([seg]))
    return out
