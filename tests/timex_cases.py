"""Shared by the times tests: the tagger's output as (text, type, value) and the one for a span."""
from __future__ import annotations

from chronicle.extract import times
from chronicle.model import Article, Document


def tagger(nlp, default_published: str):
    """``run(text, published=default_published)``: every time expression the tagger finds."""
    def run(text: str, published: str = default_published) -> list[tuple[str, str, str]]:
        document = Document(article=Article(text=text, published=published), doc=nlp(text))
        return [(t.span.text, t.type, t.value) for t in times.extract(document)]
    return run


def tagged(found: list[tuple[str, str, str]], span: str) -> tuple[str, str, str]:
    """The expression tagged with exactly ``span`` as its text (fails, listing what was found, if none)."""
    hits = [f for f in found if f[0] == span]
    assert hits, f"{span!r} not tagged; got {found}"
    return hits[0]
