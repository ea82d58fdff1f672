"""Parsed, pre-extracted datasets for event-model training and evaluation (cached parses).

Why: training and honest evaluation of the event models run the whole pipeline over ~3,000
sentences and a few hundred BBC articles many times (k folds, thresholds). The spaCy parse is
the slow part and does not change between runs, so it is cached (DocBin under
``$CHRONICLE_EVENT_CACHE``, default /tmp/chronicle_event_cache; never in the repo). Everything
after the parse (actors, times, places, attributions) is re-run each time, so changes to those
stages are always seen.

Sets: ``plv`` (PLV_train.tsv, each item tagged with its ``plv_split``), ``gsr`` (PLOVER gold
sentences, tagged with ``gsr_split``), ``cameo`` (ConfliBERT cameo_class/train.tsv, coarse label
0-4), ``manual`` (example sentences of the PLOVER 2.0 manual), ``aw`` (AW_train sentences with
gold_binary 0: news-style sentences with no political relation), ``bbc_eval`` (every 10th BBC
article: false-event check) and ``bbc_neg`` (other BBC articles: no-event training sentences).
"""
from __future__ import annotations

import csv
import hashlib
import importlib
import json
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from chronicle.evaluate import events as E  # noqa: E402

DATA = REPO.parent / "shared" / "data"
EV = DATA / "events"
PLV = EV / "plv" / "PLV_train.tsv"
AW = EV / "plv" / "AW_train.tsv"
GSR = EV / "plover" / "PLOVER_GSR_CAMEO.txt"
MANUAL = EV / "plover" / "PLOVER_MANUAL_v2.0draft.tex"
CAMEO = EV / "conflibert" / "cameo_class" / "train.tsv"
BBC = DATA / "corpora" / "bbc"
CACHE = Path(os.environ.get("CHRONICLE_EVENT_CACHE", "/tmp/chronicle_event_cache"))
TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


def bbc_files(kind: str) -> list[Path]:
    files = sorted(BBC.rglob("*.txt"))
    files = [f for f in files if f.name != "PROVENANCE.md"]
    if kind == "bbc_eval":
        return files[::10]
    return [f for i, f in enumerate(files) if i % 10 == 5]


def _cameo() -> list[dict]:
    out = []
    with open(CAMEO, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            parts = line.rstrip("\n").rsplit("\t", 1)
            if len(parts) != 2 or not parts[1].strip().isdigit():
                continue
            text = parts[0].strip().strip('"').replace('""', '"')
            out.append({"id": f"cameo{i}", "text": text, "coarse": int(parts[1]), "gold": None,
                        "source": [], "target": []})
    return out


def _manual() -> list[dict]:
    """Example sentences of the manual: ``\\item`` lines under a type's section, labelled by the
    section; only full sentences (a verb and a final period) are kept."""
    out, cur = [], None
    for line in MANUAL.read_text(encoding="utf-8", errors="replace").splitlines():
        m = re.match(r"\\(sub)?section\*?\{([A-Z]+)", line.strip())
        if m:
            cur = m.group(2) if m.group(2) in TYPES else (cur if m.group(1) else None)
            continue
        m = re.match(r"\s*\\item\s+(.*)", line)
        if cur and m:
            text = re.sub(r"\\[a-z]+\{([^}]*)\}", r"\1", m.group(1))
            text = re.sub(r"[{}\\]", "", text).strip()
            if 6 <= len(text.split()) <= 60 and text.endswith("."):
                out.append({"id": f"man{len(out)}", "text": text, "gold": cur, "source": [], "target": []})
    return out


def _aw_negatives() -> list[dict]:
    out = []
    with open(AW, encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["gold_binary"].strip() == "0":
                out.append({"id": f"aw{row['uid']}", "text": row["sentence"], "gold": "NONE",
                            "source": [], "target": []})
    seen, uniq = set(), []
    for it in out:
        if it["text"] not in seen:
            seen.add(it["text"])
            uniq.append(it)
    return uniq


def items(name: str) -> list[dict]:
    if name == "plv":
        its = E.load_plv(PLV)
        for it in its:
            it["split"] = E.plv_split(it["id"])
        return its
    if name == "gsr":
        its = E.load_gsr(GSR)
        for it in its:
            it["split"] = E.gsr_split(it["id"])
        return its
    if name == "cameo":
        return _cameo()
    if name == "manual":
        return _manual()
    if name == "aw":
        return _aw_negatives()
    if name in ("bbc_eval", "bbc_neg"):
        return [{"id": str(f.relative_to(BBC)), "text": f.read_text(encoding="utf-8", errors="replace")}
                for f in bbc_files(name)]
    raise KeyError(name)


def _key(name: str, its: list[dict]) -> str:
    h = hashlib.sha1("\x00".join(it["text"] for it in its).encode()).hexdigest()[:12]
    return f"{name}-{h}"


def docs(name: str):
    """(items, spaCy Docs) of a set, parsing only when the cache lacks it."""
    from spacy.tokens import DocBin

    from chronicle.nlp import load

    its = items(name)
    nlp = load()
    path = CACHE / f"{_key(name, its)}.spacy"
    if path.exists():
        return its, list(DocBin().from_disk(path).get_docs(nlp.vocab))
    parsed = list(nlp.pipe([it["text"] for it in its], batch_size=32))
    CACHE.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=parsed).to_disk(path)
    return its, parsed


def documents(name: str, published: str | None = None):
    """(items, Documents with every stage before events filled)."""
    from chronicle.model import Article, Document
    from chronicle.pipeline import EXTRACTORS

    mods = [importlib.import_module(f"chronicle.extract.{n}") for n in EXTRACTORS if n != "events"]
    its, parsed = docs(name)
    if published is None and name.startswith("bbc"):
        published = "2005-01-01"  # the BBC corpus (2004-05) has no dates; times need an anchor
    out = []
    for it, doc in zip(its, parsed):
        document = Document(article=Article(text=it["text"], published=published), doc=doc)
        for mod in mods:
            setattr(document, mod.ASSIGNS, mod.extract(document))
        out.append(document)
    return its, out


if __name__ == "__main__":
    import time
    for n in sys.argv[1:] or ["plv", "gsr", "cameo", "aw", "bbc_eval", "bbc_neg"]:
        t = time.time()
        its, ds = documents(n)
        print(n, len(its), f"{time.time() - t:.1f}s", json.dumps(its[0], default=str)[:200])
