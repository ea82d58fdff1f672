"""Store and export throughput on the BBC corpus texts (2,225 articles), without extraction.

Each article becomes a chronicle/1 record with a few synthetic events/attributions so that all
tables are exercised. Prints numbers and writes bench/results/store.json. Run:
    python bench/store_bench.py [N]
"""
from __future__ import annotations

import io
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "tests"))

from chronicle.export import export  # noqa: E402
from chronicle.store import Store  # noqa: E402
from store_records import make_record  # noqa: E402

BBC = REPO.parent / "shared" / "data" / "corpora" / "bbc" / "bbc"


def records(limit: int):
    files = sorted(BBC.glob("*/*.txt"))[:limit]
    for i, f in enumerate(files):
        raw = f.read_text("latin-1")
        title, _, body = raw.partition("\n")
        text = body.strip() or title
        first = text.split(".")[0][:80] or text[:20]
        day = f"2005-{1 + i % 12:02d}-{1 + i % 28:02d}"
        yield make_record(f"bbc-{f.parent.name}-{f.stem}", text, title=title.strip(), published=day,
                          source=f"bbc-{f.parent.name}",
                          attributions=[("indirect", first, "a spokesman", None, None)],
                          events=[("CONSULT", ("Officials", "GBR", "GOV", None), None, None, first)])


def main(limit: int = 10_000) -> dict:
    if not BBC.exists():
        print(f"BBC corpus not found at {BBC}")
        return {}
    recs = list(records(limit))
    out: dict = {"articles": len(recs)}
    with tempfile.TemporaryDirectory() as tmp:
        s = Store(str(Path(tmp) / "bench.db"))
        t = time.perf_counter()
        s.upsert_many(recs)
        out["upsert_per_s"] = round(len(recs) / (time.perf_counter() - t), 1)
        t = time.perf_counter()
        assert s.upsert_many(recs) == 0
        out["reupsert_noop_per_s"] = round(len(recs) / (time.perf_counter() - t), 1)
        queries = ["election", '"prime minister"', "mobile phone*", "No. 10", "Blair OR Brown", "film award"]
        t = time.perf_counter()
        for _ in range(10):
            for q in queries:
                s.search(q, limit=20)
        out["search_ms"] = round((time.perf_counter() - t) * 1000 / (10 * len(queries)), 2)
        t = time.perf_counter()
        for _ in range(10):
            s.facets()
        out["facets_ms"] = round((time.perf_counter() - t) * 100, 2)
        for fmt in ("jsonl", "csv", "parquet"):
            buf = io.BytesIO()
            t = time.perf_counter()
            n = export(s, fmt, buf)
            out[f"export_{fmt}_rows_per_s"] = round(n / (time.perf_counter() - t), 1)
        out["db_mb"] = round((Path(tmp) / "bench.db").stat().st_size / 1e6, 1)
        s.close()
    for k, v in out.items():
        print(f"{k:28s} {v}")
    (REPO / "bench" / "results").mkdir(parents=True, exist_ok=True)
    (REPO / "bench" / "results" / "store.json").write_text(json.dumps(out, indent=2) + "\n")
    return out


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
