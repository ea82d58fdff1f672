"""Times: TIMEX3 tagging and normalisation against the publication date (being written)."""
from __future__ import annotations

from .timex_values import date_and_precision  # noqa: F401  (public helper for events/attributions)

ASSIGNS = "times"
REQUIRES = ("parse",)


def extract(document):
    return []
