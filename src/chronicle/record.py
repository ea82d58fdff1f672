"""Serialisation of a Document to the ``chronicle/1`` JSON record, and its validation.

The field names are a contract with scorers and users (DESIGN.md): add, never rename. The JSON
Schema in ``schema/chronicle-1.schema.json`` is the machine-checkable form of that contract.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from .model import SCHEMA, Document


def to_record(document: Document) -> dict:
    return {
        "schema": SCHEMA,
        "article": document.article.to_json(),
        "entities": [e.to_json() for e in document.entities],
        "attributions": [a.to_json() for a in document.attributions],
        "times": [t.to_json() for t in document.times],
        "places": [p.to_json() for p in document.places],
        "events": [v.to_json() for v in document.events],
    }


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(resources.files("chronicle").joinpath("schema/chronicle-1.schema.json").read_text("utf-8"))


def iter_spans(record: dict):
    """Every span object in a record, with a path naming where it sits."""
    def walk(node, path):
        if isinstance(node, dict):
            if set(node) >= {"start", "end", "text"} and isinstance(node.get("start"), int):
                yield path, node
            for k, v in node.items():
                yield from walk(v, f"{path}.{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                yield from walk(v, f"{path}[{i}]")
    for key in ("entities", "attributions", "times", "places", "events"):
        yield from walk(record.get(key, []), key)


def validate(record: dict) -> list[str]:
    """Problems with a record: schema violations, spans that do not match the text, dangling ids."""
    import jsonschema

    problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
                for e in jsonschema.Draft202012Validator(schema()).iter_errors(record)]
    text = record.get("article", {}).get("text", "")
    for path, span in iter_spans(record):
        if text[span["start"]:span["end"]] != span["text"]:
            problems.append(f"{path}: span text {span['text']!r} != article.text[{span['start']}:{span['end']}]")
    ids = {k: {r["id"] for r in record.get(k, [])} for k in ("entities", "attributions", "places")}
    for a in record.get("attributions", []):
        ent = a["source"].get("entity")
        if ent and ent not in ids["entities"]:
            problems.append(f"attribution {a['id']}: source entity {ent} does not exist")
    for v in record.get("events", []):
        if v.get("place") and v["place"] not in ids["places"]:
            problems.append(f"event {v['id']}: place {v['place']} does not exist")
        if v.get("attributed_to") and v["attributed_to"] not in ids["attributions"]:
            problems.append(f"event {v['id']}: attribution {v['attributed_to']} does not exist")
        for role in ("actor", "target"):
            r = v.get(role) or {}
            if r.get("entity") and r["entity"] not in ids["entities"]:
                problems.append(f"event {v['id']}: {role} entity {r['entity']} does not exist")
    return problems
