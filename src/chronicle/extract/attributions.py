"""PLACEHOLDER: attributions extractor (being written)."""
from __future__ import annotations

ASSIGNS = "attributions"
REQUIRES = ('parse', 'entities', 'times')


def extract(document):
    return []
