"""One module per record kind; each is ``extract(document) -> list[record]``.

A module declares ``ASSIGNS`` (the Document list it fills) and ``REQUIRES`` (earlier lists it
reads). It must not mutate records of earlier stages: it reads them and returns its own.
"""
