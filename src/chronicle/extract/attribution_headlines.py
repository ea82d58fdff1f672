"""Speaker-colon lines: headlines ("Rubio: I Still Believe Trump Can't Be Trusted") and
interview transcripts ("TAPPER: Do you think ..."), where the colon is the cue.

Why a line-level rule: the parser reads "Rubio:" as a fragment, so no verb rule sees a speaker;
yet PolNeAR annotates these lines as attributions (about 1% of its gold). The prefix must look
like a name (title-case or capitalised words, not a dateline place or a label such as "UPDATE:"),
and what follows must run to the end of the line.
"""
from __future__ import annotations

import re
from typing import Iterator

_LINE = re.compile(r"(?m)^[ \t\"“]*([^\n:]{2,70}?)[ \t]*:[ \t]+(\S[^\n]*)$")
_SMALL = {"of", "on", "to", "the", "for", "and", "about", "at", "in", "with", "de", "von", "van"}
_LABELS = {
    "update", "updated", "related", "photo", "photos", "video", "note", "editor", "editors", "watch",
    "read", "source", "sources", "correction", "clarification", "disclosure", "follow", "contact",
    "email", "tags", "tag", "share", "see", "also", "warning", "spoiler", "here", "why", "what", "how",
    "who", "when", "where", "q", "a", "question", "answer", "subscribe", "sign", "click", "via",
    "credit", "image", "caption", "listen", "more", "breaking", "exclusive", "analysis", "opinion",
    "live", "transcript", "full", "the", "this", "that", "bottom", "line", "step", "part", "chapter",
    "day", "round", "phase", "rule", "lesson", "takeaway", "advertisement", "ad", "filed", "posted",
    "published", "by", "reporting", "additional", "written", "topics", "ps", "p.s", "update", "edit",
}
_LAST_LABELS = {"note", "update", "notice", "win", "excerpt", "summary", "recap", "timeline", "roundup"}
_NOT_SPEAKER_ENTS = {"GPE", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY",
                     "EVENT", "FAC", "WORK_OF_ART", "LAW"}


def speaker_lines(doc, text: str) -> Iterator[tuple[tuple[int, int], int, tuple[int, int]]]:
    """(speaker span, colon offset, content span) of each speaker-colon line."""
    for m in _LINE.finditer(text):
        s, e = m.span(1)
        lead = text[s:e]
        cut = max(lead.rfind(" - "), lead.rfind(" — "), lead.rfind(" – "))
        if cut >= 0:  # "Media shares blame in Iowa poll overhype - HuffPollster:"
            s += cut + 3
        words = text[s:e].split()
        if not 1 <= len(words) <= 6 or words[0].lower().strip(".'’") in _LABELS or "," in lead \
                or words[-1].lower().strip(".'’s") in _LAST_LABELS:
            continue
        if not all(w[0].isupper() or w.lower() in _SMALL for w in words if w[0].isalpha()) \
                or not words[0][0].isupper():
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or any(t.pos_ in ("VERB", "AUX") and not t.is_upper and not t.is_title for t in span):
            continue
        if any(t.like_num for t in span) or any(
                t.ent_type_ in _NOT_SPEAKER_ENTS for t in span if t.is_alpha):
            continue  # "WASHINGTON:", "Monday:", "Step 2:"
        if not (span.text.isupper() or any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in span)):
            continue  # section headings ("Little Relief:", "Limited Tools:") name nobody
        # "CNN President On Trump": the speaker ends before a title-case preposition
        for k, w in enumerate(words[1:], 1):
            if w.lower() in _SMALL - {"of", "de", "von", "van"}:
                e = s + len(" ".join(words[:k]))
                break
        cs, ce = m.span(2)
        content = text[cs:ce].rstrip()
        if len(content.split()) < 3:
            continue
        yield (s, e), text.rfind(":", 0, cs), (cs, cs + len(content))
