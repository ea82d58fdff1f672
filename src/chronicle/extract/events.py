"""PLACEHOLDER: events extractor (being written)."""
from __future__ import annotations

ASSIGNS = "events"
REQUIRES = ('parse', 'entities', 'times', 'places', 'attributions')


def extract(document):
    return []
