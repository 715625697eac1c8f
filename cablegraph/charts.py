"""Charts for question-set reports: time series, counts by category, stacked counts and networks (matplotlib, Agg).

A chart spec is a small dict from the question set (`type`: line, bar, stacked or network, plus the columns to
use); `chart_spec` guesses one from the answer's columns when the set gives none.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import networkx as nx  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from queries.results import Answer  # noqa: E402

TIME_COLUMNS = ("month", "year", "day", "date")
_MONTH = re.compile(r"^\d{4}-\d{2}$")


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def chart_spec(given: dict[str, Any] | str | None, answer: Answer) -> dict[str, Any] | None:
    """The chart to draw for an answer: the set's spec, or a guess (time series, counts, network), or None."""
    if given == "none" or not answer.rows:
        return None
    if isinstance(given, dict):
        return given
    cols = answer.columns
    numeric = [c for i, c in enumerate(cols) if all(_number(r[i]) is not None for r in answer.rows if r[i])]
    if "source" in cols and "target" in cols:
        return {"type": "network", "source": "source", "target": "target"}
    time = next((c for c in TIME_COLUMNS if c in cols), None)
    unique_time = time and len({r[cols.index(time)] for r in answer.rows}) == len(answer.rows)
    if unique_time and any(c != time for c in numeric):
        return {"type": "line", "x": time, "y": next(c for c in numeric if c != time)}
    if len(cols) == 2 and cols[1] in numeric and cols[0] not in numeric:
        return {"type": "bar", "x": cols[0], "y": cols[1]}
    return None


def draw(spec: dict[str, Any], answer: Answer, path: Path, title: str) -> Path:
    """Draw the chart of `spec` for the answer into a PNG (or SVG, by the path's suffix); return the path."""
    fig = Figure(figsize=(9, 4.8 if spec["type"] != "network" else 7), dpi=110, layout="constrained")
    ax = fig.add_subplot()
    records = answer.records()
    kind = spec["type"]
    if kind == "network":
        _network(ax, records, spec)
    elif kind == "stacked":
        _stacked(ax, records, spec)
    elif kind == "line":
        _line(ax, records, spec)
    elif kind == "bar":
        _bar(ax, records, spec)
    else:
        raise ValueError(f"unknown chart type {kind!r}: use line, bar, stacked or network")
    if kind != "network":
        axis = ax.yaxis if kind != "bar" or spec["x"] in TIME_COLUMNS else ax.xaxis
        axis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title, fontsize=11, loc="left")
    fig.savefig(path)
    return path


def _x_values(values: list[str]) -> list[Any]:
    if all(_MONTH.match(v or "") for v in values):
        return [datetime.strptime(v, "%Y-%m") for v in values]
    if all((v or "").isdigit() for v in values):
        return [int(v) for v in values]
    return values


def _line(ax, records: list[dict], spec: dict) -> None:
    rows = [r for r in records if r.get(spec["x"])]
    xs = _x_values([r[spec["x"]] for r in rows])
    ys = [_number(r[spec["y"]]) or 0 for r in rows]
    if xs and isinstance(xs[0], datetime):  # counts per month: one bar a month shows gaps honestly
        ax.bar(xs, ys, width=25, color="#4c72b0")
    else:
        ax.plot(xs, ys, marker="o", markersize=4, linewidth=1.2)
    ax.set_ylim(bottom=0, top=max(ys + [1]) * 1.1)
    ax.set_xlabel(spec["x"])
    ax.set_ylabel(spec["y"])
    ax.grid(alpha=0.3)


def _bar(ax, records: list[dict], spec: dict) -> None:
    rows = [r for r in records if r.get(spec["x"])][: spec.get("top", 30)]
    labels = [str(r[spec["x"]]) for r in rows]
    values = [_number(r[spec["y"]]) or 0 for r in rows]
    if spec["x"] in TIME_COLUMNS:  # years and months on a real time axis, so that gaps show
        xs = _x_values(labels)
        width = 25 if xs and isinstance(xs[0], datetime) else 0.8
        ax.bar(xs, values, width=width, color="#4c72b0")
        if xs and isinstance(xs[0], int):
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.tick_params(axis="x", labelrotation=45)
    else:
        ax.barh(labels[::-1], values[::-1], color="#4c72b0")
        ax.set_xlabel(spec["y"])
    ax.grid(axis="x" if spec["x"] not in TIME_COLUMNS else "y", alpha=0.3)


def _stacked(ax, records: list[dict], spec: dict) -> None:
    x = spec["x"]
    table: dict[str, dict[str, float]] = defaultdict(dict)
    if "series" in spec:  # long form: x, series, y
        totals: dict[str, float] = defaultdict(float)
        for r in records:
            totals[r[spec["series"]]] += _number(r[spec["y"]]) or 0
        keep = sorted(totals, key=lambda k: -totals[k])[: spec.get("top", 8)]
        for r in records:
            if r.get(x) is None:
                continue
            name = r[spec["series"]] if r[spec["series"]] in keep else "other"
            table[r[x]][name] = table[r[x]].get(name, 0) + (_number(r[spec["y"]]) or 0)
        series = keep + (["other"] if any("other" in v for v in table.values()) else [])
    else:  # wide form: x and one column per series
        series = list(spec["y"])
        for r in records:
            if r.get(x) is not None:
                table[r[x]] = {s: _number(r[s]) or 0 for s in series}
    xs = sorted(table, key=lambda v: (len(v), v))
    bottom = [0.0] * len(xs)
    for name in series:
        heights = [table[v].get(name, 0) for v in xs]
        ax.bar(xs, heights, bottom=bottom, label=name)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    if spec.get("overlay"):  # a share or rate on a second axis, e.g. nofornPercent
        by_x = {r[x]: _number(r[spec["overlay"]]) for r in records if r.get(x) is not None}
        twin = ax.twinx()
        twin.plot(xs, [by_x.get(v) or 0 for v in xs], color="black", marker="o", markersize=4, label=spec["overlay"])
        twin.set_ylabel(spec["overlay"])
        twin.set_ylim(bottom=0)
        twin.legend(loc="upper left", bbox_to_anchor=(1.08, 0.4), fontsize=8)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.08 if spec.get("overlay") else 1.01, 1))
    ax.set_xlabel(x)
    ax.tick_params(axis="x", labelrotation=45)
    ax.grid(axis="y", alpha=0.3)


def _network(ax, records: list[dict], spec: dict) -> None:
    graph = nx.DiGraph() if spec.get("directed", True) else nx.Graph()
    weight = spec.get("weight")
    for r in records:
        w = (_number(r.get(weight)) or 1) if weight else 1
        graph.add_edge(r[spec["source"]], r[spec["target"]], weight=w)
    pos = nx.spring_layout(graph, seed=7, k=1.5 / max(1, len(graph)) ** 0.5)
    widths = [1 + 1.5 * graph.edges[e]["weight"] for e in graph.edges]
    degree = dict(graph.degree())
    nx.draw_networkx_nodes(graph, pos, ax=ax, node_size=[300 + 150 * degree[n] for n in graph], node_color="#a6c8e8")
    nx.draw_networkx_edges(graph, pos, ax=ax, width=widths, arrows=True, arrowsize=14, edge_color="#555555",
                           connectionstyle="arc3,rad=0.12", node_size=[300 + 150 * degree[n] for n in graph])
    nx.draw_networkx_labels(graph, pos, ax=ax, font_size=8)
    ax.set_axis_off()
    ax.margins(0.15)
