"""The ingest pipeline: files -> readers -> parse -> RDF -> store, with a rejects file for what cannot go in.

Every record ends up either in the graph (its own named graph) or in the rejects file with its reason and
source location. Re-running is idempotent: a cable's named graph is replaced, never duplicated. When the
same cable arrives from several sources, the fullest copy (multi-line text, routing header, metadata) wins
and the others are listed in the rejects file as duplicates, whether they meet in one batch, in two batches of
the run, or in the store and the run. People and statements are extracted (converters.statements) only from the
copy a batch writes, not from the copies that lose.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from cablegraph.reference import load_reference
from cablegraph.store import CableStore
from converters import readers
from converters.caches import load_tables
from converters.normalize import is_flattened
from converters.parse import parse
from converters.rdf import cable_quads, now_iso
from converters.record import Cable, RawCable, Source
from converters.statements import extract
from ontology import terms as t

RANK = ox.NamedNode(t.CG + "sourceRank")
XSD_INT = ox.NamedNode(t.XSD + "integer")


@dataclass
class IngestReport:
    """What an ingest run did, for the summary line and for scripts."""

    files: int = 0
    read: int = 0
    ingested: int = 0
    rejected: int = 0
    duplicates: int = 0
    skipped_files: list[str] = field(default_factory=list)
    rejects_path: str = ""
    seconds: float = 0.0
    quads: int = 0

    def to_json(self) -> dict:
        """The report as a JSON-ready dict."""
        return dict(self.__dict__)


def source_rank(raw: RawCable, cable: Cable) -> int:
    """How full a copy of a cable is: multi-line text beats flattened, a routing header and metadata add."""
    rank = 0 if is_flattened(raw.body) else 4
    rank += 2 if raw.header.strip() else 0
    rank += 1 if raw.meta.get("reference_id") else 0
    rank += 1 if cable.created else 0
    return rank


class _Rejects:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = path.open("w", encoding="utf-8")

    def write(self, source: Source, reason: str, reference_id: str | None = None) -> None:
        row = {"path": source.path, "record": source.record, "line": source.line,
               "format": source.format, "reference_id": reference_id, "reason": reason}
        self.handle.write(json.dumps(row, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.handle.close()


def _existing_ranks(store: CableStore, graphs: list[str]) -> dict[str, int]:
    if not graphs:
        return {}
    values = " ".join(f"<{g}>" for g in graphs)
    rows = store.ox.query(
        f"SELECT ?g ?r WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?g <{RANK.value}> ?r }} }}")
    return {row["g"].value: int(row["r"].value) for row in rows}


def _prune_cited_stubs(store: CableStore, ids: t.Ids, ingested: list[str], quads: list[ox.Quad]) -> None:
    """Keep a cited cable's id in the `cited` graph only while the cable itself is not in the store.

    Otherwise the union default graph would give its cg:referenceId twice.
    """
    cited = ox.NamedNode(ids.graph("cited"))
    ref_id = ox.NamedNode(t.CG + "referenceId")
    for ref in ingested:
        store.ox.remove(ox.Quad(ox.NamedNode(ids.cable(ref)), ref_id, ox.Literal(ref), cited))
    for quad in quads:
        if quad.graph_name == cited and store.has_graph(ids.cable_graph(quad.object.value)):
            store.ox.remove(quad)


MENTIONS = ox.NamedNode(t.CG + "mentions")


def _mentioned(store: CableStore, graphs: list[str]) -> set[ox.NamedNode]:
    """The persons the given cable graphs of the store mention."""
    if not graphs:
        return set()
    values = " ".join(f"<{g}>" for g in graphs)
    rows = store.ox.query(
        f"SELECT DISTINCT ?p WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?c <{MENTIONS.value}> ?p }} }}")
    return {row["p"] for row in rows}


def _prune_orphan_persons(store: CableStore, ids: t.Ids, before: set[ox.NamedNode], quads: list[ox.Quad]) -> None:
    """Drop the shared description (`persons` and `links` graphs) of each person that replaced cable graphs
    mentioned before (`before`) and that no cable graph mentions any more: a later copy of a cable, or a re-run
    after the extractor changed, can name fewer people than the graph it replaces."""
    if not before:
        return
    now = {q.object for q in quads if q.predicate == MENTIONS}
    shared = [ox.NamedNode(ids.graph("persons")), ox.NamedNode(ids.graph("links"))]
    for person in before - now:
        if next(store.ox.quads_for_pattern(None, MENTIONS, person), None) is not None:
            continue
        for graph in shared:
            for quad in list(store.ox.quads_for_pattern(person, None, None, graph)):
                store.ox.remove(quad)


def ingest(
    store: CableStore,
    paths: Iterable[Path],
    fmt: str = "auto",
    base: str = t.DEFAULT_BASE,
    rejects_path: Path | None = None,
    batch_size: int = 500,
    on_file: Callable[[Path, int], None] | None = None,
) -> IngestReport:
    """Ingest cables from files and folders into the store; returns the run's report."""
    started = time.perf_counter()
    ids = t.Ids(base)
    load_reference(store, base)
    load_tables()  # (the extraction tables, once per process, before the first cable)
    report = IngestReport()
    rejects_path = rejects_path or store.path / "rejects.jsonl"
    report.rejects_path = str(rejects_path)
    rejects = _Rejects(rejects_path)
    stamp = now_iso()
    batch: dict[str, tuple[int, RawCable, Cable]] = {}

    written: dict[str, tuple[int, Source]] = {}  # the cables this run has written: rank and source of the copy

    def duplicate(loser: Source, ref: str, kept: Source | None) -> None:
        """List a copy that lost to `kept` (None: to a fuller copy in the store before this run)."""
        where = f"kept from {kept.path}:{kept.record}" if kept else "is already in the store from a fuller copy"
        rejects.write(loser, f"duplicate: {ref} {where}", ref)
        report.duplicates += 1
        report.rejected += 1

    def flush() -> None:
        if not batch:
            return
        graphs = {ids.cable_graph(ref): ref for ref in batch}
        existing = _existing_ranks(store, list(graphs))
        quads: list[ox.Quad] = []
        replaced: list[str] = []
        for graph, ref in graphs.items():
            rank, raw, cable = batch[ref]
            earlier = written.get(ref)  # (a copy an earlier batch of this run wrote)
            if existing.get(graph, -1) > rank:
                duplicate(raw.source, ref, earlier[1] if earlier else None)
                continue
            try:
                cable.persons, cable.statements = extract(cable)
            except Exception as exc:  # noqa: BLE001 - every failure becomes a reject with its reason
                rejects.write(raw.source, f"{type(exc).__name__} in people/statement extraction: {exc}", ref)
                report.rejected += 1
                continue
            if earlier is not None:  # this copy replaces the earlier one, which is now a duplicate
                duplicate(earlier[1], ref, raw.source)
                report.ingested -= 1
            written[ref] = (rank, raw.source)
            quads.extend(cable_quads(cable, ids, stamp))
            quads.append(ox.Quad(ox.NamedNode(graph), RANK, ox.Literal(str(rank), datatype=XSD_INT),
                                 ox.NamedNode(graph)))
            replaced.append(graph)
            report.ingested += 1
        before = _mentioned(store, [g for g in replaced if g in existing])
        store.replace_graphs(replaced, quads)
        _prune_orphan_persons(store, ids, before, quads)
        _prune_cited_stubs(store, ids, [graphs[g] for g in replaced], quads)
        report.quads += len(quads)
        batch.clear()

    try:
        for path in readers.iter_files(list(paths)):
            chosen = readers.detect_format(path) if fmt == "auto" else fmt
            if chosen is None:
                report.skipped_files.append(str(path))
                continue
            report.files += 1
            count = 0
            for raw in readers.read(path, chosen):
                report.read += 1
                count += 1
                try:
                    cable = parse(raw)
                except Exception as exc:  # noqa: BLE001 - every failure becomes a reject with its reason
                    rejects.write(raw.source, f"{type(exc).__name__}: {exc}")
                    report.rejected += 1
                    continue
                rank = source_rank(raw, cable)
                previous = batch.get(cable.reference_id)
                if previous is not None:
                    loser = raw if previous[0] > rank else previous[1]
                    kept = previous[1] if previous[0] > rank else raw
                    duplicate(loser.source, cable.reference_id, kept.source)
                    if previous[0] > rank:
                        continue
                batch[cable.reference_id] = (rank, raw, cable)
                if len(batch) >= batch_size:
                    flush()
            if on_file:
                on_file(path, count)
        flush()
    finally:
        rejects.close()
        store.flush()
    store.optimize()
    report.seconds = round(time.perf_counter() - started, 3)
    return report
