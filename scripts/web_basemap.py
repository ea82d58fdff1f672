"""Build the offline basemap for the events page from the npm package ``world-atlas``.

The map must work with no tile server and no CDN, so the country outlines ship inside the
package as a static GeoJSON file. ``world-atlas`` 2.0.2 (ISC, Mike Bostock) packages Natural
Earth 1:110m admin-0 countries (public domain) as TopoJSON; this script decodes the TopoJSON
arcs into plain GeoJSON so the browser side needs no topojson library, and rounds coordinates
to 0.01 degree (far finer than a 1:110m outline carries) to keep the file small.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/web_basemap.py package/countries-110m.json src/chronicle/web/static/countries-110m.geojson
"""
from __future__ import annotations

import json
import sys


def _arcs(topo: dict) -> list[list[list[float]]]:
    kx, ky = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append([round(x * kx + tx, 2), round(y * ky + ty, 2)])
        out.append(pts)
    return out


def _ring(arcs, idx: list[int]) -> list[list[float]]:
    ring: list[list[float]] = []
    for i in idx:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(pts[1:] if ring else pts)
    return ring


def convert(topo: dict, layer: str = "countries") -> dict:
    arcs = _arcs(topo)
    features = []
    for geom in topo["objects"][layer]["geometries"]:
        if geom["type"] == "Polygon":
            coords = [_ring(arcs, r) for r in geom["arcs"]]
        elif geom["type"] == "MultiPolygon":
            coords = [[_ring(arcs, r) for r in poly] for poly in geom["arcs"]]
        else:
            continue
        features.append({"type": "Feature", "id": geom.get("id"),
                         "properties": {"name": (geom.get("properties") or {}).get("name")},
                         "geometry": {"type": geom["type"], "coordinates": coords}})
    return {"type": "FeatureCollection",
            "source": "world-atlas 2.0.2 countries-110m (Natural Earth 1:110m admin 0, public domain)",
            "features": features}


if __name__ == "__main__":
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as f:
        gj = convert(json.load(f))
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(gj, f, separators=(",", ":"))
    print(f"{len(gj['features'])} countries -> {dst}")
