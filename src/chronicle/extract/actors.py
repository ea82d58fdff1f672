"""PLACEHOLDER: actors extractor (being written)."""
from __future__ import annotations

ASSIGNS = "entities"
REQUIRES = ('parse',)


def extract(document):
    return []
