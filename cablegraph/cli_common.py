"""What the `cablegraph` sub-commands share: consoles, the --store option, opening the store, printing results."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import pyoxigraph as ox
import typer
from rich.console import Console
from rich.table import Table

from cablegraph.settings import Settings
from cablegraph.store import CableStore, StoreError
from ontology import terms as t

err = Console(stderr=True)
out = Console()

StoreOpt = Annotated[Path | None, typer.Option(
    "--store", help="Store directory (default ./cablegraph-store or $CABLEGRAPH_STORE).", show_default=False)]


class ResultFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"


class RdfOut(StrEnum):
    turtle = "turtle"
    nt = "nt"
    nquads = "nquads"
    trig = "trig"
    jsonld = "json-ld"


def settings_for(store: Path | None) -> Settings:
    """The settings, with the --store option (when given) over $CABLEGRAPH_STORE."""
    settings = Settings()
    if store is not None:
        settings.store = store
    return settings


def open_store(store: Path | None, read_only: bool = False) -> tuple[Settings, CableStore]:
    """Open the store for a command; a missing or locked store is a clear error with exit code 2."""
    settings = settings_for(store)
    if read_only and not settings.store.exists():
        err.print(f"[red]error:[/] no store at {settings.store}; run `cablegraph ingest PATH --store "
                  f"{settings.store}` first")
        raise typer.Exit(2)
    try:
        return settings, CableStore(settings.store, read_only=read_only)
    except StoreError as exc:
        err.print(f"[red]error:[/] {exc}\n(another cablegraph process may hold the store; stop it and retry)")
        raise typer.Exit(2) from exc


def print_result(result, fmt: ResultFormat) -> None:
    """Print a pyoxigraph query result as a table, JSON, CSV or TSV (graphs as Turtle)."""
    if isinstance(result, bool) or isinstance(result, ox.QueryBoolean):
        value = bool(result)
        out.print(json.dumps({"boolean": value}) if fmt == ResultFormat.json else str(value).lower())
        return
    if isinstance(result, ox.QueryTriples):
        sys.stdout.write(ox.serialize(result, format=ox.RdfFormat.TURTLE, prefixes=t.PREFIXES).decode())
        return
    if fmt != ResultFormat.table:
        formats = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
                   "tsv": ox.QueryResultsFormat.TSV}
        sys.stdout.buffer.write(result.serialize(format=formats[fmt.value]))
        return
    names = [v.value for v in result.variables]
    table = Table(*names)
    rows = 0
    for solution in result:
        table.add_row(*[_cell(solution[n]) for n in names])
        rows += 1
    out.print(table)
    err.print(f"{rows} row(s)")


def _cell(term) -> str:
    if term is None:
        return ""
    return term.value
