"""Numbered, actionable errors (in the manner of spaCy's E-codes).

Every message says what went wrong and what to do about it; the code makes it searchable.
"""
from __future__ import annotations


class ChronicleError(Exception):
    """Base class: ``code`` is stable, ``str(err)`` is the message a person reads."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(f"[{self.code}] {message}")


class ModelNotFound(ChronicleError):
    code = "E001"


class InputError(ChronicleError):
    """One input cannot be read; the batch goes on without it."""

    code = "E002"


class StoreError(ChronicleError):
    code = "E003"


class UsageError(ChronicleError):
    code = "E004"
