"""Shared fixtures: one spaCy pipeline per test session, and documents parsed up to a stage."""
from __future__ import annotations

import importlib

import pytest

from chronicle.model import Article, Document
from datapaths import REPO, SHARED_DATA, shared  # noqa: F401  (re-exported for older tests)


@pytest.fixture(scope="session")
def nlp():
    from chronicle.nlp import load

    return load()


@pytest.fixture(scope="session")
def make_doc(nlp):
    """``make_doc(text, published=None, upto=None)``: a parsed Document with the extractors run
    in pipeline order, stopping after the stage named ``upto`` (e.g. "actors")."""
    from chronicle.pipeline import EXTRACTORS

    def _make(text: str, published: str | None = None, upto: str | None = None) -> Document:
        document = Document(article=Article(text=text, published=published), doc=nlp(text))
        for name in EXTRACTORS:
            mod = importlib.import_module(f"chronicle.extract.{name}")
            setattr(document, mod.ASSIGNS, mod.extract(document))
            if name == upto:
                break
        return document

    return _make
