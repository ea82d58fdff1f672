"""The one place that knows which spaCy pipeline Chronicle runs and how to find it offline."""
from .loader import DEFAULT_MODEL, MODEL_ENV, load, parse, parse_many, resolve_model_name

__all__ = ["DEFAULT_MODEL", "MODEL_ENV", "load", "parse", "parse_many", "resolve_model_name"]
