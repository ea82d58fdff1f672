"""A short human-readable summary of a chronicle/1 record (used by `make demo`).

Usage: python -m chronicle.summary RECORD.json
"""
from __future__ import annotations

import json
import sys


def summarise(record: dict) -> str:
    lines = [f"article {record['article']['id'][:12]}…  title={record['article'].get('title')!r}  "
             f"published={record['article'].get('published')}"]
    lines.append(f"entities ({len(record['entities'])}): " + ", ".join(
        f"{e['name']} [{e['type']}{'/' + e['country'] if e.get('country') else ''}"
        f"{'/' + e['sector'] if e.get('sector') else ''}]" for e in record["entities"][:12]))
    for a in record["attributions"]:
        src = a["source"].get("name") or "?"
        via = f" (reported by {a['reported_by']['name']})" if a.get("reported_by") else ""
        content = a["content"]["text"]
        content = content if len(content) < 90 else content[:87] + "..."
        lines.append(f"  {a['id']} {a['kind']:<8} {src}{via}: {content!r}")
    lines.append("times: " + ", ".join(f"{t['span']['text']!r}={t['value']}" for t in record["times"]))
    lines.append("places: " + ", ".join(f"{p['span']['text']!r}->{p['name']} ({p['geonameid']})"
                                        for p in record["places"]))
    places = {p["id"]: p for p in record["places"]}
    for v in record["events"]:
        tgt = v.get("target") or {}
        place = places.get(v.get("place") or "", {}).get("name")
        lines.append(f"  {v['id']} {v['type']}/{v.get('mode')}: {v['actor'].get('name')} -> {tgt.get('name')} "
                     f"at {place} on {v.get('date')} count={v.get('count')}"
                     f"{' (claim ' + v['attributed_to'] + ')' if v.get('attributed_to') else ''}")
    return "\n".join(lines)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as fh:
        print(summarise(json.load(fh)))
