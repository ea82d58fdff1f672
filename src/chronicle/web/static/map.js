// Offline events map: country outlines from a bundled GeoJSON file (Natural Earth via world-atlas)
// and event points from /api/events?format=geojson, drawn as plain SVG in an equirectangular
// projection. No tile server, no CDN, no library. All text goes in through textContent.
(function () {
  "use strict";
  var svg = document.getElementById("map");
  if (!svg) return;
  var NS = "http://www.w3.org/2000/svg";
  // Equirectangular, cropped to 84N..58S (Antarctica is left out: it wraps the pole).
  var W = 960, TOP = 84, BOTTOM = -58, H = (TOP - BOTTOM) / 360 * W;
  function x(lon) { return (lon + 180) / 360 * W; }
  function y(lat) { return (TOP - lat) / 360 * W; }
  function el(name, attrs) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }
  function ringPath(ring) {
    // Rings that cross the antimeridian (Russia, Fiji) are unwrapped so they run off the right
    // edge (clipped by the viewBox) instead of drawing a line across the whole map.
    var d = "", prev = null, shift = 0;
    for (var i = 0; i < ring.length; i++) {
      var lon = ring[i][0];
      if (prev !== null && Math.abs(lon + shift - prev) > 180) shift += lon + shift < prev ? 360 : -360;
      prev = lon + shift;
      d += (i ? "L" : "M") + x(prev).toFixed(1) + "," + y(ring[i][1]).toFixed(1);
    }
    return d + "Z";
  }
  function geomPath(g) {
    var polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    var d = "";
    polys.forEach(function (p) { p.forEach(function (r) { d += ringPath(r); }); });
    return d;
  }
  function drawGraticule(layer) {
    for (var lon = -150; lon <= 150; lon += 30) layer.appendChild(el("line", {class: "graticule", x1: x(lon), y1: 0, x2: x(lon), y2: H}));
    for (var lat = -60; lat <= 60; lat += 30) layer.appendChild(el("line", {class: "graticule", x1: 0, y1: y(lat), x2: W, y2: y(lat)}));
  }
  function getJSON(url) {
    return fetch(url, {credentials: "same-origin"}).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }
  svg.setAttribute("viewBox", "0 0 " + W + " " + H.toFixed(0));
  function scaleDots(k) {
    // keep dots the same size on screen whatever the zoom
    Array.prototype.forEach.call(svg.querySelectorAll("circle.event-dot"), function (c) {
      c.setAttribute("r", (parseFloat(c.getAttribute("data-r")) * k).toFixed(2));
    });
  }
  function zoomTo(points) {
    // Frame the events (at least a quarter of the world wide), keeping the map's aspect ratio.
    if (!points.length) return;
    var xs = points.map(function (c) { return x(c[0]); }), ys = points.map(function (c) { return y(c[1]); });
    var minW = W / 4, ratio = H / W, pad = 40;
    var x0 = Math.min.apply(null, xs) - pad, x1 = Math.max.apply(null, xs) + pad;
    var y0 = Math.min.apply(null, ys) - pad, y1 = Math.max.apply(null, ys) + pad;
    var w = Math.max(x1 - x0, (y1 - y0) / ratio, minW), h = w * ratio;
    var cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    var vx = Math.min(Math.max(cx - w / 2, 0), W - w), vy = Math.min(Math.max(cy - h / 2, 0), H - h);
    if (w >= W) { vx = 0; vy = 0; w = W; h = H; }
    svg.setAttribute("viewBox", [vx, vy, w, h].map(function (v) { return v.toFixed(1); }).join(" "));
    scaleDots(w / W);
    var btn = document.getElementById("map-world");
    if (btn) {
      btn.hidden = false;
      btn.addEventListener("click", function () {
        svg.setAttribute("viewBox", "0 0 " + W + " " + H.toFixed(0));
        scaleDots(1);
        btn.hidden = true;
      });
    }
  }
  var base = el("g", {id: "basemap"}), dots = el("g", {id: "events-layer"});
  drawGraticule(base);
  svg.appendChild(base);
  svg.appendChild(dots);
  getJSON(svg.getAttribute("data-basemap")).then(function (world) {
    world.features.forEach(function (f) {
      if (f.properties && f.properties.name === "Antarctica") return;
      var p = el("path", {class: "country", d: geomPath(f.geometry)});
      var t = el("title", {});
      t.textContent = (f.properties && f.properties.name) || "";
      p.appendChild(t);
      base.appendChild(p);
    });
    svg.setAttribute("data-basemap-loaded", String(world.features.length));
  }).catch(function (e) { svg.setAttribute("data-error", String(e)); });
  getJSON(svg.getAttribute("data-events")).then(function (fc) {
    var byPlace = {};
    fc.features.forEach(function (f) {
      var c = f.geometry && f.geometry.coordinates;
      if (!c || c[0] == null || c[1] == null) return;
      var key = c[0].toFixed(2) + "," + c[1].toFixed(2);
      (byPlace[key] = byPlace[key] || {c: c, items: []}).items.push(f.properties);
    });
    var n = 0;
    Object.keys(byPlace).forEach(function (key) {
      var g = byPlace[key], p = g.items[0];
      var a = el("a", {href: "/articles/" + encodeURIComponent(p.article_id) + "#r-" + encodeURIComponent(p.id)});
      var dot = el("circle", {class: "event-dot", cx: x(g.c[0]).toFixed(1), cy: y(g.c[1]).toFixed(1),
                              r: Math.min(4 + 2 * Math.sqrt(g.items.length), 16), "data-place": p.place_name || ""});
      dot.setAttribute("data-r", dot.getAttribute("r"));
      var t = el("title", {});
      t.textContent = (p.place_name || "") + ": " + g.items.map(function (q) {
        return q.type + (q.mode ? "/" + q.mode : "") + " " + (q.actor_name || "?") + " → " + (q.target_name || "—") +
               (q.date ? " (" + q.date + ")" : "");
      }).slice(0, 8).join("; ") + (g.items.length > 8 ? "; …" : "");
      dot.appendChild(t);
      a.appendChild(dot);
      dots.appendChild(a);
      n += g.items.length;
    });
    svg.setAttribute("data-events-loaded", String(n));
    zoomTo(Object.keys(byPlace).map(function (k) { return byPlace[k].c; }));
    var cap = document.getElementById("map-caption");
    if (cap) cap.textContent = n + " located event" + (n === 1 ? "" : "s") + " at " + Object.keys(byPlace).length +
      " place" + (Object.keys(byPlace).length === 1 ? "" : "s") + ". Country outlines: Natural Earth (public domain) via world-atlas.";
  }).catch(function (e) { svg.setAttribute("data-error", String(e)); });
})();
