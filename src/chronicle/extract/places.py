"""PLACEHOLDER: places extractor (being written)."""
from __future__ import annotations

ASSIGNS = "places"
REQUIRES = ('parse',)


def extract(document):
    return []
