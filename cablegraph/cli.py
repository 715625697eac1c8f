"""The `cablegraph` command: ingest, parse, query, export, serve, and canned queries."""

from __future__ import annotations

import gc
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from cablegraph.cli_common import RdfOut, ResultFormat, StoreOpt, err, open_store, out, print_result
from cablegraph.cli_queries import ask, queries_app
from converters import readers
from converters.caches import load_tables
from converters.parse import read_cable as parse_cable
from converters.record import UnreadableCable
from ontology import terms as t

app = typer.Typer(help="cablegraph: a knowledge graph of US diplomatic cables.", no_args_is_help=True,
                  add_completion=False)
app.add_typer(queries_app, name="queries")
app.command()(ask)

@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (walked recursively) of cables.")],
    store: StoreOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="auto, or force one of: " + ", ".join(readers.FORMATS))
                   ] = "auto",
    rejects: Annotated[Path | None, typer.Option(help="Rejects file (default STORE/rejects.jsonl).")] = None,
    base: Annotated[str | None, typer.Option(help="IRI base of the resources.")] = None,
) -> None:
    """Read cables from every supported container, parse them and load them, one named graph per cable.

    Re-running is idempotent. Records that cannot be read go to the rejects file with their reason and source.
    Exit code 0 when every record was ingested or rejected with a reason, 2 on a usage or store error.
    """
    if fmt != "auto" and fmt not in readers.FORMATS:
        err.print(f"[red]error:[/] --format must be auto or one of {', '.join(readers.FORMATS)}")
        raise typer.Exit(2)
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        err.print(f"[red]error:[/] no such file or folder: {', '.join(missing)}")
        raise typer.Exit(2)
    from cablegraph.ingest import ingest as run_ingest

    settings, cstore = open_store(store)
    files = list(readers.iter_files(paths))
    total = sum(f.stat().st_size for f in files)
    with Progress(TextColumn("[bold]ingest[/]"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                  TextColumn("{task.fields[name]}"), TimeElapsedColumn(), console=err,
                  disable=not err.is_terminal) as progress:
        task = progress.add_task("ingest", total=total or 1, name="")

        def on_file(path: Path, count: int) -> None:
            progress.update(task, advance=path.stat().st_size, name=f"{path.name} ({count})")

        report = run_ingest(cstore, files, fmt=fmt, base=base or settings.base, rejects_path=rejects,
                            on_file=on_file)
    for skipped in report.skipped_files:
        err.print(f"[yellow]skipped[/] {skipped}: not a cable file this tool recognises")
    size = len(cstore)
    cstore.close()
    err.print(f"read {report.read} records from {report.files} files: ingested {report.ingested}, "
              f"rejected {report.rejected} ({report.duplicates} duplicates) -> {report.rejects_path}; "
              f"store has {size} quads ({report.seconds:.1f} s)")


@app.command("parse")
def parse_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of cables.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON record per cable per line.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="auto or a reader format.")] = "auto",
) -> None:
    """Parse cables and print their records (the JSON contract of docs/architecture.md with --json)."""
    load_tables()  # (the extraction tables, once per process, before the first cable)
    failures = 0
    for path in readers.iter_files(paths):
        chosen = readers.detect_format(path) if fmt == "auto" else fmt
        if chosen is None:
            err.print(f"[yellow]skipped[/] {path}: not a cable file this tool recognises")
            continue
        for raw in readers.read(path, chosen):
            try:
                cable = parse_cable(raw)
            except UnreadableCable as exc:
                failures += 1
                err.print(f"[red]unreadable[/] {raw.source.path}:{raw.source.record}: {exc}")
                continue
            if as_json:
                sys.stdout.write(json.dumps(cable.to_json(), ensure_ascii=False) + "\n")
            else:
                out.print(f"[bold]{cable.reference_id}[/] {cable.created or '?'} {cable.origin or '?'} "
                          f"{cable.classification or '?'} TAGS {' '.join(cable.tags)} | {cable.subject or ''}")
    if failures:
        raise typer.Exit(1)


@app.command()
def query(
    sparql: Annotated[str, typer.Argument(help="SPARQL text, @FILE to read it from a file, or - for stdin.")],
    store: StoreOpt = None,
    fmt: Annotated[ResultFormat, typer.Option("--format", help="Output format.")] = ResultFormat.table,
) -> None:
    """Run a SPARQL query over the union of all cable graphs and print the answer."""
    if sparql == "-":
        sparql = sys.stdin.read()
    elif sparql.startswith("@"):
        sparql = Path(sparql[1:]).read_text(encoding="utf-8")
    _, cstore = open_store(store, read_only=True)
    try:
        result = cstore.query(sparql)
    except SyntaxError as exc:
        err.print(f"[red]SPARQL syntax error:[/] {exc}")
        raise typer.Exit(2) from exc
    print_result(result, fmt)


@app.command()
def export(
    store: StoreOpt = None,
    cable: Annotated[str | None, typer.Option(help="Export only this cable's graph (reference id).")] = None,
    graph: Annotated[str | None, typer.Option(help="Export only this named graph (IRI).")] = None,
    construct: Annotated[str | None, typer.Option(
        help="Export the result of this CONSTRUCT query (text, or @FILE).")] = None,
    fmt: Annotated[RdfOut, typer.Option("--format", help="RDF syntax.")] = RdfOut.turtle,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default stdout).")] = None,
) -> None:
    """Export the store, one named graph, one cable or a CONSTRUCT result, streamed, in any RDF syntax."""
    from cablegraph.export import ExportError, export_construct, export_graph, export_store

    if sum(x is not None for x in (cable, graph, construct)) > 1:
        err.print("[red]error:[/] give at most one of --cable, --graph, --construct")
        raise typer.Exit(2)
    settings, cstore = open_store(store, read_only=True)
    if cable:
        graph = t.Ids(settings.base).cable_graph(cable.upper())
    if construct and construct.startswith("@"):
        construct = Path(construct[1:]).read_text(encoding="utf-8")
    target = output.open("wb") if output else sys.stdout.buffer
    try:
        if construct:
            export_construct(cstore.ox, construct, target, fmt.value, settings.base)
        elif graph:
            export_graph(cstore.ox, graph, target, fmt.value, settings.base)
        else:
            export_store(cstore.ox, target, fmt.value, settings.base)
    except ExportError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from exc
    finally:
        if output:
            target.close()


class DefaultGraph(StrEnum):
    union = "union"
    stored = "stored"


@app.command()
def validate(
    store: StoreOpt = None,
    reasoner: Annotated[bool, typer.Option(help="Also run HermiT on the ontology (needs Java).")] = True,
    batch: Annotated[int, typer.Option(help="Cable graphs per SHACL batch.")] = 500,
    show: Annotated[int, typer.Option(help="How many violations to print.")] = 50,
) -> None:
    """Check the ontology is consistent (HermiT) and the store conforms to the SHACL shapes; exit 1 if not."""
    from cablegraph.validate import check_ontology, check_store

    settings, cstore = open_store(store, read_only=True)
    failed = False
    if reasoner:
        onto = check_ontology()
        failed |= not onto.consistent
        err.print(f"ontology: {onto.message} ({onto.classes} classes)"
                  + "".join(f"\n  unsatisfiable: {c}" for c in onto.inconsistent_classes))
    if not cstore.has_graph(t.Ids(settings.base).graph("reference-concepts")):
        err.print("[yellow]note:[/] the store has no reference graphs; run `cablegraph load-reference` first")
    report = check_store(cstore.ox, settings.base, batch=batch, max_results=show)
    for line in report.results:
        sys.stdout.write(line + "\n")
    err.print(f"shapes: {report.cables} cable graphs checked, {report.violations} violation(s)")
    if failed or not report.conforms:
        raise typer.Exit(1)


@app.command("load-reference")
def load_reference_cmd(
    store: StoreOpt = None,
    base: Annotated[str | None, typer.Option(help="IRI base of the resources.")] = None,
) -> None:
    """(Re)load the ontology and the reference graphs (posts, TAGS, levels, caveats); ingest does this too."""
    from cablegraph.reference import load_reference

    settings, cstore = open_store(store)
    counts = load_reference(cstore, base or settings.base)
    cstore.close()
    err.print("loaded " + ", ".join(f"{name} ({n} quads)" for name, n in counts.items()))


@app.command()
def serve(
    store: StoreOpt = None,
    host: Annotated[str | None, typer.Option(help="Interface to listen on (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 8000).")] = None,
    default_graph: Annotated[DefaultGraph | None, typer.Option(
        "--default-graph", help="Default graph of queries: the union of all graphs, or the store's own default "
                                "graph (as the W3C tests expect). Default union.")] = None,
    update_token: Annotated[str | None, typer.Option(
        help="Bearer token that allows SPARQL Update and Graph Store writes (default $CABLEGRAPH_UPDATE_TOKEN; "
             "without one, writes are refused).")] = None,
    query_timeout: Annotated[float | None, typer.Option(help="Seconds before a query is stopped (default 30).")
                             ] = None,
    max_rows: Annotated[int | None, typer.Option(help="Most result rows a query returns (default 1,000,000).")
                        ] = None,
    max_request_bytes: Annotated[int | None, typer.Option(help="Largest request body accepted (default 10 MiB).")
                                 ] = None,
    workers: Annotated[int | None, typer.Option(
        help="Query worker processes (default 2); 0 runs queries in the server process: faster, but no timeout "
             "can stop them.")] = None,
    allow_service: Annotated[list[str] | None, typer.Option(
        help="SPARQL endpoint that SERVICE may call (repeatable; default Wikidata's query service only).")] = None,
    cors_origin: Annotated[list[str] | None, typer.Option(
        help="Origin allowed to read by cross-origin GET (repeatable; default *).")] = None,
) -> None:
    """Serve the SPARQL endpoint, Graph Store Protocol, resource pages and the query page over HTTP."""
    from cablegraph.server import port_problem
    from cablegraph.server import serve as run_server

    settings, cstore = open_store(store)  # opened here to fail early with a clear error; the server reopens it
    cstore.close()
    del cstore
    gc.collect()  # rdflib's cycles hold the handle: the lock must be free before the server's process opens it
    options = {"host": host, "port": port, "default_graph": default_graph and default_graph.value,
               "update_token": update_token, "query_timeout": query_timeout, "max_rows": max_rows,
               "workers": workers, "max_request_bytes": max_request_bytes, "service_allowlist": allow_service,
               "cors_origins": cors_origin}
    for key, value in options.items():
        if value is not None:
            setattr(settings, key, value)
    problem = port_problem(settings.host, settings.port)
    if problem:
        err.print(f"[red]error:[/] cannot listen on {settings.host}:{settings.port}: {problem}")
        raise typer.Exit(2)
    err.print(f"serving {settings.store} at http://{settings.host}:{settings.port}/ "
              f"(SPARQL: http://{settings.host}:{settings.port}/sparql; default graph {settings.default_graph}; "
              f"writes {'on (token)' if settings.update_token else 'off'})")
    run_server(settings)


@app.command()
def load(
    files: Annotated[list[Path], typer.Argument(help="RDF files: Turtle, N-Triples, N-Quads, TriG, RDF/XML, "
                                                     "JSON-LD (syntax from the extension).")],
    store: StoreOpt = None,
    graph: Annotated[str | None, typer.Option(help="Named graph IRI to load triples into (default: the "
                                                   "store's default graph).")] = None,
    fmt: Annotated[str | None, typer.Option("--format", help="Force the syntax (extension or media type).")
                   ] = None,
) -> None:
    """Load RDF files into the store (bulk loader), for your own data and for test suites."""
    from cablegraph.rdfload import LoadError, load_file

    missing = [str(p) for p in files if not p.is_file()]
    if missing:
        err.print(f"[red]error:[/] no such file: {', '.join(missing)}")
        raise typer.Exit(2)
    _, cstore = open_store(store)
    try:
        for path in files:
            size = load_file(cstore.ox, path, graph, fmt)
            err.print(f"loaded {path} -> store has {size} quads")
        cstore.optimize()
    except LoadError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from exc
    finally:
        cstore.close()


