"""Inputs into Articles: .txt, .html, .jsonl, folders and stdin (see :mod:`.readers`)."""
from .readers import (DEFAULT_MAX_BYTES, count_inputs, IngestOptions, InputProblem, article_from_html, article_from_text,
                      normalise_date, read_bytes, read_inputs)

__all__ = ["DEFAULT_MAX_BYTES", "count_inputs", "IngestOptions", "InputProblem", "article_from_html", "article_from_text",
           "normalise_date", "read_bytes", "read_inputs"]
