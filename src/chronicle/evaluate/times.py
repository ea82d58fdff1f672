"""``chronicle eval times``: TempEval-3 Task A scores of the times extractor on TimeML gold.

Definitions (UzZaman et al. 2013): a system TIMEX3 matches a gold one *strictly* when the
extents are identical and *relaxed* when they overlap; extent P/R/F1 count matches over system
and gold totals. Attribute (value, type) F1 counts relaxed matches whose attribute is also right,
over the same totals, so it is at most the relaxed F1. Matching is one-to-one, largest overlap
first, so one long system span cannot be credited for two gold ones.

Only the times extractor runs on top of the spaCy parse: the scores are about times, and a
corpus run stays fast.
"""
from __future__ import annotations

from typing import Callable, Iterable, Optional

from ..errors import UsageError
from ..model import Article, Document
from .timeml import GoldDoc, read_all
from .times_splits import SPLITS, split_of


def _prf(tp_p: int, tp_r: int, n_sys: int, n_gold: int) -> dict:
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f1": round(100 * f, 2)}


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return min(a1, b1) - max(a0, b0)


def match(gold: list, system: list) -> list[tuple[int, int]]:
    """One-to-one relaxed matches ``(gold index, system index)``, largest overlap first.

    ``gold`` and ``system`` items need ``start`` and ``end``.
    """
    cands = []
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            ov = _overlap(g.start, g.end, s.start, s.end)
            if ov > 0:
                cands.append((-ov, i, j))
    cands.sort()
    used_g, used_s, out = set(), set(), []
    for _, i, j in cands:
        if i not in used_g and j not in used_s:
            used_g.add(i)
            used_s.add(j)
            out.append((i, j))
    return out


class _Sys:
    __slots__ = ("start", "end", "type", "value", "text", "rule")

    def __init__(self, start, end, type_, value, text, rule=""):
        self.start, self.end, self.type, self.value, self.text, self.rule = start, end, type_, value, text, rule


def system_times(gd: GoldDoc, nlp=None, doc=None) -> list[_Sys]:
    """Run the times extractor on one gold document's text, over ``doc`` when it is already parsed."""
    from ..extract import times as times_mod

    if doc is None:
        from ..nlp import load

        doc = (nlp or load())(gd.text)
    document = Document(article=Article(text=gd.text, published=gd.dct), doc=doc)
    out = []
    for t in times_mod.extract(document):
        if any(_overlap(t.span.start, t.span.end, a, b) > 0 for a, b in gd.ignore):
            continue
        out.append(_Sys(t.span.start, t.span.end, t.type, t.value, t.span.text, t.extra.get("rule", "")))
    return out


def score(pairs: Iterable[tuple[GoldDoc, list]], errors: bool = False,
          out: Callable[[str], None] = print) -> dict:
    n_gold = n_sys = strict = relaxed = val = typ = 0
    for gd, sys in pairs:
        n_gold += len(gd.timexes)
        n_sys += len(sys)
        matched = match(gd.timexes, sys)
        mg = {i: j for i, j in matched}
        ms = {j for _, j in matched}
        for i, j in matched:
            g, s = gd.timexes[i], sys[j]
            relaxed += 1
            strict += (g.start, g.end) == (s.start, s.end)
            val += g.value == s.value
            typ += g.type == s.type
            if errors and ((g.start, g.end) != (s.start, s.end) or g.value != s.value or g.type != s.type):
                out(f"  DIFF {gd.name}: gold {gd.text[g.start:g.end]!r} {g.type} {g.value} | "
                    f"sys {s.text!r} {s.type} {s.value}")
        if errors:
            for i, g in enumerate(gd.timexes):
                if i not in mg:
                    ctx = gd.text[max(0, g.start - 40):g.end + 20].replace("\n", " ")
                    out(f"  MISS {gd.name}: {gd.text[g.start:g.end]!r} {g.type} {g.value}  ...{ctx}...")
            for j, s in enumerate(sys):
                if j not in ms:
                    ctx = gd.text[max(0, s.start - 40):s.end + 20].replace("\n", " ")
                    out(f"  SPUR {gd.name}: {s.text!r} {s.type} {s.value}  ...{ctx}...")
    return {
        "gold": n_gold,
        "system": n_sys,
        "strict": _prf(strict, strict, n_sys, n_gold),
        "relaxed": _prf(relaxed, relaxed, n_sys, n_gold),
        "value": _prf(val, val, n_sys, n_gold),
        "type": _prf(typ, typ, n_sys, n_gold),
    }


def report(metrics: dict, title: str = "times", out: Callable[[str], None] = print) -> None:
    out(f"{title}: {metrics.get('docs', '?')} docs, gold {metrics['gold']}, system {metrics['system']}")
    for key in ("strict", "relaxed", "value", "type"):
        m = metrics[key]
        out(f"  {key:8s} P {m['p']:6.2f}  R {m['r']:6.2f}  F1 {m['f1']:6.2f}")


def evaluate_docs(docs: list[GoldDoc], errors: bool = False, out: Callable[[str], None] = print,
                  nlp=None) -> dict:
    if nlp is None:
        from ..nlp import load

        nlp = load()
    # one batched pass: nlp.pipe is faster than a call per document
    parsed = nlp.pipe([gd.text for gd in docs], batch_size=8)
    pairs = [(gd, system_times(gd, doc=doc)) for gd, doc in zip(docs, parsed)]
    metrics = score(pairs, errors=errors, out=out)
    metrics["docs"] = len(docs)
    return metrics


def run(paths: list[str], errors: bool = False, out: Optional[Callable[[str], None]] = print,
        split: Optional[str] = None) -> dict:
    """Score the times extractor on TimeML ``.tml`` / MEANTIME ``.xml`` files or directories;
    ``split`` keeps the fixed ``dev`` (held-out) or ``train`` part of TBAQ and MEANTIME only."""
    out = out or (lambda s: None)
    problems: list[str] = []
    copies: list = []
    docs = list(read_all(paths, problems, copies))
    for problem in problems:
        out(problem)
    if copies:
        copy, first = copies[0]
        out(f"{len(copies)} file(s) repeat a document already read (e.g. {copy} = {first}); each document "
            "is scored once")
    if not docs:
        raise UsageError(f"no readable TimeML (.tml) or MEANTIME (.xml) gold file under {', '.join(map(str, paths))}")
    if split is not None:
        if split not in SPLITS:
            raise UsageError(f"--split must be one of {', '.join(SPLITS)}, not {split!r}")
        docs = [d for d in docs if split_of(d.name, d.meantime) == split]
        if not docs:
            raise UsageError(f"no {split} document among {', '.join(map(str, paths))}: the split is defined "
                             "for TBAQ (TempEval-3 training) and MEANTIME files")
    metrics = evaluate_docs(docs, errors=errors, out=out)
    report(metrics, f"times {split}" if split else "times", out)
    if split:
        metrics["split"] = split
    return metrics
