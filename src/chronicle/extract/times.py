"""PLACEHOLDER: times extractor (being written)."""
from __future__ import annotations

ASSIGNS = "times"
REQUIRES = ('parse',)


def extract(document):
    return []
