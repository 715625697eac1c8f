"""The `cablegraph queries` sub-commands and `cablegraph ask` (question sets and their reports)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

import queries as canned
from cablegraph.cli_common import ResultFormat, StoreOpt, err, open_store, out, print_result

queries_app = typer.Typer(help="Canned queries: list, show and run the questions in queries/.",
                          no_args_is_help=True)


@queries_app.command("list")
def queries_list(
    tag: Annotated[str | None, typer.Option(help="Only the queries with this tag (people, posts, time, ...).")] = None,
) -> None:
    """List the canned queries with their summaries and parameters (tab-separated when piped)."""
    table = Table("name", "summary", "parameters", "tags")
    table.columns[0].no_wrap = True
    for name, q in canned.catalogue().items():
        if tag is None or tag in q.tags:
            row = (name, q.summary, ", ".join(f"{p.name}:{p.type}" for p in q.params), " ".join(q.tags))
            if out.is_terminal:
                table.add_row(*row)
            else:
                sys.stdout.write("\t".join(row) + "\n")
    if out.is_terminal:
        out.print(table)


def _values(param: list[str] | None) -> dict[str, str]:
    values = {}
    for item in param or []:
        key, sep, value = item.partition("=")
        if not sep:
            err.print(f"[red]error:[/] --param takes key=value, got {item!r}")
            raise typer.Exit(2)
        values[key.strip()] = value
    return values


def _bound(q: canned.CannedQuery, values: dict[str, str]) -> str:
    try:
        return canned.bound_text(q, values)
    except canned.ParameterError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc


ParamOpt = Annotated[list[str] | None, typer.Option("--param", "-p", help="key=value, repeatable.")]


@queries_app.command("show")
def queries_show(name: Annotated[str, typer.Argument(help="Canned query name.")], param: ParamOpt = None) -> None:
    """Print a canned query: its metadata and SPARQL (with --param, the text as run, parameters bound)."""
    q = _canned(name)
    sys.stdout.write(_bound(q, _values(param)) if param else q.text)


def _canned(name: str) -> canned.CannedQuery:
    queries = canned.catalogue()
    if name not in queries:
        err.print(f"[red]error:[/] no canned query {name!r}; `cablegraph queries list` shows them")
        raise typer.Exit(2)
    return queries[name]


@queries_app.command("run")
def queries_run(
    name: Annotated[str, typer.Argument(help="Canned query name.")],
    param: ParamOpt = None,
    store: StoreOpt = None,
    fmt: Annotated[ResultFormat, typer.Option("--format", help="Output format.")] = ResultFormat.table,
) -> None:
    """Run a canned query with typed parameters (bound as RDF terms, never pasted into the text).

    A value that does not fit its parameter's type is an error naming the parameter (exit code 2).
    """
    text = _bound(_canned(name), _values(param))
    _, cstore = open_store(store, read_only=True)
    result = cstore.query(text)
    print_result(result, fmt)


class ReportFormat(StrEnum):
    md = "md"
    html = "html"


def ask(
    qset: Annotated[str, typer.Argument(metavar="SET", help="A shipped question set's name, or a .yaml file.")],
    store: StoreOpt = None,
    out_dir: Annotated[Path | None, typer.Option("--out", help="Report folder (default ./reports/SET).")] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", help="Report format.")] = ReportFormat.md,
    param: ParamOpt = None,
) -> None:
    """Run a question set and write a report folder: report, charts, one CSV per question, provenance.

    Shipped sets: see queries/sets/. A parameter that does not fit its type is an error naming it (exit code 2).
    """
    from cablegraph.ask import run_set, write_report
    from queries.sets import find_set, load_set, set_values

    try:
        question_set = load_set(find_set(qset))
        values = set_values(question_set, _values(param))
    except (FileNotFoundError, ValueError) as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    settings, cstore = open_store(store, read_only=True)
    with Progress(TextColumn("[bold]ask[/]"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                  TextColumn("{task.fields[name]}"), TimeElapsedColumn(), console=err,
                  disable=not err.is_terminal) as progress:
        task = progress.add_task("ask", total=len(question_set.questions), name="")
        findings = run_set(cstore.ox, question_set, values,
                           on_step=lambda q: progress.update(task, advance=1, name=q.heading[:50]))
    target = out_dir or Path("reports") / question_set.name
    report = write_report(question_set, values, findings, target, fmt.value, str(settings.store), len(cstore))
    for f in findings:
        status = f"[red]{f.error}[/]" if f.error else f"{len(f.answer.rows)} rows"
        err.print(f"{f.number:>2}. {f.question.heading}: {status}{' + chart' if f.chart else ''}")
    err.print(f"report: {report}")
    if any(f.error for f in findings):
        raise typer.Exit(1)
