"""Chronicle: news reports into checkable records (who said what, who did what to whom, where, when)."""
__version__ = "0.1.0"
