"""Scoring attributions against PolNeAR-style BRAT gold, article by article.

Why this metric: a user reads whole articles, so an attribution counts when it is found
anywhere in its article, not sentence by sentence. Content is compared by characters after
normalising away what annotation conventions disagree on and no reader cares about: whitespace,
outer quote marks, edge punctuation and a leading "that"/"whether" (PolNeAR includes the
complementiser and the quote marks; Chronicle's contract excludes them). A predicted and a gold
content match at threshold t when the shared characters are at least t of BOTH (so a prediction
swallowing the whole paragraph cannot match a short gold quote); matching is one-to-one, best
coverage first. "exact" means identical normalised character sets.

Direct quotes: a gold attribution is a direct quote when its content opens and closes with a
quote mark; a prediction when its kind is "direct". Direct precision is the share of predicted
direct quotes that match any gold attribution, direct recall the share of gold direct quotes
matched by any prediction.

Source-span accuracy is measured on matched pairs whose gold has a source: ``source_acc`` =
the predicted mention overlaps the gold source span; ``source_exact`` = same normalised text
span. Cue F1 matches predicted and gold cue spans by overlap, one-to-one, per article.
"""
from __future__ import annotations

import importlib
import re
import time
from collections import defaultdict
from typing import Callable, Iterable, Optional

from . import brat

QUOTES = "\"“”«»„'‘’`"
EDGE = QUOTES + ".,;:!?—–-()[] \t\n"
THRESHOLDS = (0.3, 0.8)


def _norm_chars(text: str, frags: Iterable[tuple[int, int]], lead_that: bool = True) -> frozenset:
    chars = set()
    frags = sorted(frags)
    for k, (s, e) in enumerate(frags):
        while s < e and text[s] in EDGE:
            s += 1
        if k == 0 and lead_that:
            m = re.match(r"(that|whether|if)\s+", text[s:e], re.I)
            if m:
                s += m.end()
                while s < e and text[s] in EDGE:
                    s += 1
        while e > s and text[e - 1] in EDGE:
            e -= 1
        chars.update(i for i in range(s, e) if not text[i].isspace())
    return frozenset(chars)


def is_direct_gold(text: str, frags) -> bool:
    first = text[frags[0][0]:frags[0][1]].lstrip()
    last = text[frags[-1][0]:frags[-1][1]].rstrip().rstrip(".,;: ")
    return (first.startswith(("\"", "“", "«", "''", "``")) and last.endswith(("\"", "”", "»", "''")))


def _pred_items(att: dict) -> dict:
    parts = att.get("content_parts") or [att["content"]]
    src = (att.get("source") or {}).get("mention")
    return {
        "frags": [(p["start"], p["end"]) for p in parts],
        "direct": att.get("kind") == "direct",
        "source": [(src["start"], src["end"])] if src else None,
        "cue": [(att["cue"]["start"], att["cue"]["end"])] if att.get("cue") else None,
        "att": att,
    }


def _match(gsets, psets, t):
    pairs = []
    for gi, g in enumerate(gsets):
        if not g:
            continue
        for pi, p in enumerate(psets):
            if not p:
                continue
            ov = len(g & p)
            if ov:
                cov = min(ov / len(g), ov / len(p))
                if cov >= t:
                    pairs.append((cov, gi, pi))
    pairs.sort(reverse=True)
    gm, pm, out = set(), set(), {}
    for cov, gi, pi in pairs:
        if gi not in gm and pi not in pm:
            gm.add(gi)
            pm.add(pi)
            out[gi] = pi
    return out


def _overlaps(a, b) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _prf(tp_p, n_p, tp_g, n_g) -> dict:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "n_pred": n_p, "n_gold": n_g}


def score(golds: list[brat.GoldArticle], preds: list[list[dict]], errors: bool = False,
          out: Callable = print) -> dict:
    """Metrics for gold articles and the attribution dicts (``chronicle/1`` JSON) predicted for
    each; ``errors`` prints what was missed and what was spurious at the 0.3 threshold."""
    counts = defaultdict(int)
    src_ok = defaultdict(int)
    src_exact = defaultdict(int)
    src_n = defaultdict(int)
    cue_tp = cue_np = cue_ng = 0
    for art, patts in zip(golds, preds):
        text = art.text
        P = [_pred_items(a) for a in patts]
        gsets = [_norm_chars(text, g.content) for g in art.attributions]
        psets = [_norm_chars(text, p["frags"]) for p in P]
        gdir = [is_direct_gold(text, g.content) for g in art.attributions]
        counts["gold_all"] += len(gsets)
        counts["pred_all"] += len(psets)
        counts["gold_direct"] += sum(gdir)
        counts["pred_direct"] += sum(p["direct"] for p in P)
        for t in THRESHOLDS + ("exact",):
            m = ({gi: pi for gi, pi in _match(gsets, psets, 1.0).items() if gsets[gi] == psets[pi]}
                 if t == "exact" else _match(gsets, psets, t))
            counts[f"tp_all_{t}"] += len(m)
            counts[f"tpg_direct_{t}"] += sum(1 for gi in m if gdir[gi])
            counts[f"tpp_direct_{t}"] += sum(1 for pi in m.values() if P[pi]["direct"])
            if t == "exact":
                continue
            for gi, pi in m.items():
                g = art.attributions[gi]
                if not g.source:
                    continue
                for sub in ("all",) + (("direct",) if gdir[gi] else ()):
                    key = f"{sub}_{t}"
                    src_n[key] += 1
                    ps = P[pi]["source"]
                    if ps and _overlaps(ps, g.source):
                        src_ok[key] += 1
                    if ps and _norm_chars(text, ps, False) == _norm_chars(text, g.source, False):
                        src_exact[key] += 1
            if errors and t == 0.3:
                _print_errors(art, P, m, gdir, out)
        gc = [g.cue for g in art.attributions if g.cue]
        pc = [p["cue"] for p in P if p["cue"]]
        cue_ng += len(gc)
        cue_np += len(pc)
        used = set()
        for c in gc:
            for k, q in enumerate(pc):
                if k not in used and _overlaps(c, q):
                    used.add(k)
                    cue_tp += 1
                    break
    res = {"articles": len(golds), "direct": {}, "all": {}}
    for t in THRESHOLDS + ("exact",):
        name = "exact" if t == "exact" else f"cov{t}"
        res["all"][name] = _prf(counts[f"tp_all_{t}"], counts["pred_all"], counts[f"tp_all_{t}"], counts["gold_all"])
        res["direct"][name] = _prf(counts[f"tpp_direct_{t}"], counts["pred_direct"],
                                   counts[f"tpg_direct_{t}"], counts["gold_direct"])
    for sub in ("all", "direct"):
        for t in THRESHOLDS:
            key = f"{sub}_{t}"
            n = src_n[key]
            res[sub][f"source_acc_cov{t}"] = round(src_ok[key] / n, 4) if n else None
            res[sub][f"source_exact_cov{t}"] = round(src_exact[key] / n, 4) if n else None
            res[sub][f"source_n_cov{t}"] = n
    res["cue"] = _prf(cue_tp, cue_np, cue_tp, cue_ng)
    return res


def _snip(s: str, n: int = 110) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 40] + " … " + s[-35:]


def _print_errors(art, P, m, gdir, out) -> None:
    text = art.text
    matched_p = set(m.values())
    for gi, g in enumerate(art.attributions):
        if gi in m:
            continue
        src = " / ".join(text[s:e] for s, e in g.source or []) or "-"
        cue = " / ".join(text[s:e] for s, e in g.cue or []) or "-"
        content = " … ".join(text[s:e] for s, e in g.content)
        out(f"  MISS {art.name} [{'direct' if gdir[gi] else 'other'}] src={src!r} cue={cue!r}: {_snip(content)!r}")
    for pi, p in enumerate(P):
        if pi in matched_p:
            continue
        a = p["att"]
        mention = (a.get("source") or {}).get("mention") or {}
        out(f"  SPURIOUS {art.name} [{a.get('kind')}] src={mention.get('text')!r} "
            f"cue={(a.get('cue') or {}).get('text')!r}: {_snip(a['content']['text'])!r}")


def run(paths: list[str], errors: bool = False, out=print, model: Optional[str] = None) -> dict:
    """Read BRAT gold, run Chronicle's whole pipeline on its texts, print and return the metrics
    (plus the time spent parsing and extracting attributions)."""
    from ..model import Article
    from ..nlp import load, resolve_model_name
    from ..pipeline import EXTRACTORS

    golds = brat.load(paths)
    nlp = load(resolve_model_name(model))
    mods = [importlib.import_module(f"chronicle.extract.{n}") for n in EXTRACTORS]
    preds = []
    failures: list[str] = []
    t_parse = t_attr = 0.0
    from ..model import Document

    for g in golds:
        t0 = time.perf_counter()
        sdoc = nlp(g.text)
        t_parse += time.perf_counter() - t0
        document = Document(article=Article(text=g.text, id=g.name), doc=sdoc)
        for mod in mods:
            if mod.ASSIGNS == "events":
                break  # nothing after attributions changes them
            t0 = time.perf_counter()
            if mod.ASSIGNS == "attributions":
                document.attributions = mod.extract(document)
                t_attr += time.perf_counter() - t0
                continue
            try:  # another stage failing must not hide the attribution scores; it is counted
                setattr(document, mod.ASSIGNS, mod.extract(document))
            except Exception as exc:  # noqa: BLE001
                failures.append(f"{g.name}: {mod.ASSIGNS}: {exc!r}")
        preds.append([a.to_json() for a in document.attributions])
    res = score(golds, preds, errors=errors, out=out)
    res["timing"] = {"parse_s": round(t_parse, 3), "attributions_s": round(t_attr, 3),
                     "attributions_vs_parse": round(t_attr / t_parse, 4) if t_parse else None}
    res["upstream_failures"] = failures
    report(res, out)
    for f in failures[:10]:
        out(f"  upstream stage failed (scored without it): {f}")
    return res


def report(res: dict, out=print) -> None:
    out(f"attributions: {res['articles']} articles")
    for sub in ("direct", "all"):
        r = res[sub]
        out(f"  {sub}:")
        for name in ("cov0.3", "cov0.8", "exact"):
            x = r[name]
            out(f"    content {name:7s} P {x['p']:.3f}  R {x['r']:.3f}  F1 {x['f1']:.3f}  "
                f"(pred {x['n_pred']}, gold {x['n_gold']})")
        for t in THRESHOLDS:
            acc, ex, n = r[f"source_acc_cov{t}"], r[f"source_exact_cov{t}"], r[f"source_n_cov{t}"]
            if acc is not None:
                out(f"    source on matched (cov{t}, n={n}): overlap {acc:.3f}  exact {ex:.3f}")
    c = res["cue"]
    out(f"  cue: P {c['p']:.3f}  R {c['r']:.3f}  F1 {c['f1']:.3f}")
    if "timing" in res:
        tm = res["timing"]
        out(f"  time: parse {tm['parse_s']}s, attributions {tm['attributions_s']}s "
            f"({100 * (tm['attributions_vs_parse'] or 0):.1f}% of parse)")
