"""Places benchmark on LGL and GeoWebNews (../shared/data/geo), written to bench/results/places.json.

Both corpora are dev data for us, split deterministically by article position: even positions
are the *tune* part (look at errors, adjust rules and the supplement there), odd positions the
*dev* part (only scored). TR-News is held out and never read here.

    python bench/places_eval.py [--split tune|dev|all] [--errors FILE]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from chronicle.evaluate import places as ev  # noqa: E402

GEO = REPO.parent / "shared" / "data" / "geo"
CORPORA = {"LGL": GEO / "LGL" / "lgl.xml", "GeoWebNews": GEO / "GeoWebNews" / "GWN.xml"}
SPLITS = {"tune": lambda i, a: i % 2 == 0, "dev": lambda i, a: i % 2 == 1, "all": None}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=sorted(SPLITS), nargs="*", default=["tune", "dev"])
    ap.add_argument("--corpus", choices=sorted(CORPORA), nargs="*", default=sorted(CORPORA))
    ap.add_argument("--errors", help="write misses and wrong resolutions here")
    args = ap.parse_args()
    results = {}
    err_lines: list[str] = []
    for name in args.corpus:
        path = CORPORA[name]
        if not path.exists():
            print(f"skip {name}: {path} not found")
            continue
        for split in args.split:
            print(f"== {name} [{split}]")
            lines: list[str] = []

            def out(line, _lines=lines):
                (_lines if line.startswith(("MISS", "WRONG", "EXTRA")) else sys.stdout).write(
                    line + "\n") if not line.startswith(("MISS", "WRONG", "EXTRA")) else _lines.append(line)

            results[f"{name}:{split}"] = ev.run([str(path)], errors=bool(args.errors), out=out,
                                                select=SPLITS[split])
            err_lines += [f"[{name}:{split}] {x}" for x in lines]
    out_path = REPO / "bench" / "results" / "places.json"
    out_path.parent.mkdir(parents=True, exist_ok=True)
    old = json.loads(out_path.read_text()) if out_path.exists() else {}
    old.update(results)
    out_path.write_text(json.dumps(old, indent=2) + "\n")
    if args.errors:
        Path(args.errors).write_text("\n".join(err_lines) + "\n")
    print(f"wrote {out_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
