"""The extraction pipeline: parse, then each extractor in order over one Document.

Each extractor module under :mod:`chronicle.extract` declares what it ``ASSIGNS`` (the record
list it fills) and what it ``REQUIRES`` (record lists of earlier stages it reads), like spaCy
components do. The order below satisfies those declarations; :func:`check_order` proves it at
import time so a new extractor put in the wrong place fails loudly, not silently.
"""
from __future__ import annotations

import importlib
from typing import Iterable, Iterator

from .errors import ChronicleError
from .model import Article, Document
from .nlp import parse_many

EXTRACTORS = ("actors", "times", "places", "attributions", "events")


class PipelineOrderError(ChronicleError):
    code = "E005"


def _modules():
    return [importlib.import_module(f"chronicle.extract.{name}") for name in EXTRACTORS]


def check_order(modules) -> None:
    assigned = {"parse"}
    for mod in modules:
        missing = set(getattr(mod, "REQUIRES", ())) - assigned
        if missing:
            raise PipelineOrderError(
                f"extractor {mod.__name__} requires {sorted(missing)}, which no earlier stage assigns; "
                f"reorder chronicle.pipeline.EXTRACTORS"
            )
        assigned.add(mod.ASSIGNS)


_MODULES = _modules()
check_order(_MODULES)


def run_extractors(document: Document) -> Document:
    """Fill every record list of a parsed Document, in pipeline order."""
    for mod in _MODULES:
        setattr(document, mod.ASSIGNS, mod.extract(document))
    return document


def extract_articles(articles: Iterable[Article], model: str | None = None, batch_size: int = 8,
                     n_process: int = 1) -> Iterator[Document]:
    for document in parse_many(articles, model=model, batch_size=batch_size, n_process=n_process):
        yield run_extractors(document)


def extract_article(article: Article, model: str | None = None) -> Document:
    return next(extract_articles([article], model=model))
