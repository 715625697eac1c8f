"""`cablegraph ask`: run a question set and write a report folder (Markdown or HTML, charts, one CSV per question).

`run_set` runs the questions and keeps their answers; `write_report` writes the folder: the report, a PNG chart
where the answer is a time series, counts by category or a network, a CSV of every answer, and a provenance block
(store, date, parameters, each query's text and row count) so that the report can be cited and re-run.
"""

from __future__ import annotations

import base64
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from jinja2 import Environment

from cablegraph import __version__
from cablegraph.charts import chart_spec, draw
from queries import ParameterError, bound_text
from queries.results import Answer, run_text, serialize
from queries.sets import Question, QuestionSet, question_args

TABLE_ROWS = 25
CELL_CHARS = 300


@dataclass
class Finding:
    """The outcome of one question: its arguments, the SPARQL run, the answer (or the error) and the time taken."""

    number: int
    question: Question
    args: dict[str, Any]
    sparql: str
    answer: Answer | None
    error: str | None
    seconds: float
    chart: Path | None = None
    csv: Path | None = None

    @property
    def slug(self) -> str:
        """A file-name stem for this question's CSV and chart."""
        words = re.sub(r"[^a-z0-9]+", "-", self.question.heading.lower()).strip("-")
        return f"q{self.number:02d}-{words[:40].rstrip('-')}"


def run_set(store: ox.Store, qset: QuestionSet, values: dict[str, Any],
            on_step: Callable[[Question], None] | None = None) -> list[Finding]:
    """Run every question of a set with the set's parameter values; a failing question is kept with its error."""
    findings = []
    for number, question in enumerate(qset.questions, start=1):
        args = question_args(question, values)
        start = time.perf_counter()
        sparql, answer, error = question.query.text, None, None
        try:
            sparql = bound_text(question.query, args)
            answer = run_text(store, sparql)
        except (ParameterError, SyntaxError, ValueError, OSError) as exc:
            error = f"{type(exc).__name__}: {exc}"
        findings.append(Finding(number, question, args, sparql, answer, error, time.perf_counter() - start))
        if on_step:
            on_step(question)
    return findings


def write_report(qset: QuestionSet, values: dict[str, Any], findings: list[Finding], out_dir: Path,
                 fmt: str = "md", store_label: str = "", quads: int | None = None) -> Path:
    """Write the report folder (report.md or report.html, charts, CSVs) and return the report's path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for f in findings:
        if f.answer is None:
            continue
        f.csv = out_dir / f"{f.slug}.csv"
        f.csv.write_bytes(serialize(f.answer, "csv"))
        spec = chart_spec(f.question.chart, f.answer)
        if spec:
            f.chart = draw(spec, f.answer, out_dir / f"{f.slug}.png", f"{f.number}. {f.question.heading}")
    context = {
        "qset": qset, "values": values, "findings": findings, "store": store_label, "quads": quads,
        "generated": datetime.now(UTC).replace(microsecond=0).isoformat(), "version": __version__,
        "rerun": _rerun_command(qset, values, fmt),
    }
    if fmt == "html":
        path = out_dir / "report.html"
        path.write_text(_HTML.render(**context, cell=_cell, image=_data_uri, limit=TABLE_ROWS), encoding="utf-8")
    elif fmt == "md":
        path = out_dir / "report.md"
        path.write_text(_MD.render(**context, table=_markdown_table), encoding="utf-8")
    else:
        raise ValueError(f"unknown report format {fmt!r}: use md or html")
    return path


def _rerun_command(qset: QuestionSet, values: dict[str, Any], fmt: str) -> str:
    params = " ".join(f"--param {k}={v}" for k, v in values.items())
    return f"cablegraph ask {qset.name} --store STORE --format {fmt} {params}".strip()


def _cell(value: str | None) -> str:
    if value is None:
        return ""
    text = " ".join(value.split())
    return text if len(text) <= CELL_CHARS else text[: CELL_CHARS - 1] + "\u2026"


def _markdown_table(answer: Answer) -> str:
    """The first TABLE_ROWS rows of an answer as a Markdown table (pipes escaped, long cells cut)."""
    def esc(value: str | None) -> str:
        return _cell(value).replace("\\", "\\\\").replace("|", "\\|")

    lines = ["| " + " | ".join(answer.columns) + " |", "|" + "---|" * len(answer.columns)]
    lines += ["| " + " | ".join(esc(v) for v in row) + " |" for row in answer.rows[:TABLE_ROWS]]
    return "\n".join(lines)


def _data_uri(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


_ENV = Environment(autoescape=False, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
_MD = _ENV.from_string("""# {{ qset.title }}

{{ qset.description | trim }}

{% if values %}Parameters: {% for k, v in values.items() %}`{{ k }}` = `{{ v }}`{{ ", " if not loop.last }}{% endfor %}.
{% endif %}

{% for f in findings %}
## {{ f.number }}. {{ f.question.heading }}

{% if f.question.note %}{{ f.question.note }}

{% endif %}
{% if f.error %}
> This question failed: {{ f.error }}

{% else %}
{% if f.chart %}![{{ f.question.heading }}]({{ f.chart.name }})

{% endif %}
{% if f.answer.rows %}{{ table(f.answer) }}

{% if f.answer.rows | length > 25 %}*First 25 of {{ f.answer.rows | length }} rows.* {% endif %}
{% else %}*No rows.* {% endif %}
Full answer: [{{ f.csv.name }}]({{ f.csv.name }}) ({{ f.answer.rows | length }} rows).

{% endif %}
{% endfor %}
## Provenance

- Question set: `{{ qset.name }}`{% if qset.path %} ({{ qset.path.name }}){% endif %}

- Store: `{{ store }}`{% if quads is not none %} ({{ quads }} quads){% endif %}

- Generated: {{ generated }} by cablegraph {{ version }}
- Re-run: `{{ rerun }}`

| # | query | arguments | rows | seconds |
|---|---|---|---|---|
{% for f in findings %}
| {{ f.number }} | `{{ f.question.query.name }}` | {% for k, v in f.args.items() %}`{{ k }}={{ v }}` {% endfor
%}| {{ f.answer.rows | length if f.answer else "error" }} | {{ "%.3f" | format(f.seconds) }} |
{% endfor %}

{% for f in findings %}
<details><summary>SPARQL of question {{ f.number }} ({{ f.question.query.name }})</summary>

```sparql
{{ f.sparql | trim }}
```

</details>

{% endfor %}
""")
_HTML = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True).from_string("""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ qset.title }}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;font-size:13px;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 6px;
vertical-align:top;text-align:left}th{background:#f0f0f0}img{max-width:100%}pre{background:#f6f6f6;padding:.6em;
overflow-x:auto;font-size:12px}.note{color:#555}.error{color:#a00}
</style></head><body>
<h1>{{ qset.title }}</h1>
<p>{{ qset.description }}</p>
{% if values %}<p>Parameters: {% for k, v in values.items()
%}<code>{{ k }}</code> = <code>{{ v }}</code>{{ ", " if not loop.last }}{% endfor %}</p>{% endif %}
{% for f in findings %}
<h2>{{ f.number }}. {{ f.question.heading }}</h2>
{% if f.question.note %}<p class="note">{{ f.question.note }}</p>{% endif %}
{% if f.error %}<p class="error">This question failed: {{ f.error }}</p>{% else %}
{% if f.chart %}<img alt="{{ f.question.heading }}" src="{{ image(f.chart) }}">{% endif %}
{% if f.answer.rows %}<table><tr>{% for c in f.answer.columns %}<th>{{ c }}</th>{% endfor %}</tr>
{% for row in f.answer.rows[:limit] %}<tr>{% for v in row %}<td>{{ cell(v) }}</td>{% endfor %}</tr>
{% endfor %}</table>
{% if f.answer.rows | length > limit %}<p><em>First {{ limit }} of {{ f.answer.rows | length
}} rows.</em></p>{% endif %}
{% else %}<p><em>No rows.</em></p>{% endif %}
<p>Full answer: <a href="{{ f.csv.name }}">{{ f.csv.name }}</a> ({{ f.answer.rows | length }} rows).</p>
{% endif %}
{% endfor %}
<h2>Provenance</h2>
<ul><li>Question set: <code>{{ qset.name }}</code></li>
<li>Store: <code>{{ store }}</code>{% if quads is not none %} ({{ quads }} quads){% endif %}</li>
<li>Generated: {{ generated }} by cablegraph {{ version }}</li><li>Re-run: <code>{{ rerun }}</code></li></ul>
<table><tr><th>#</th><th>query</th><th>arguments</th><th>rows</th><th>seconds</th></tr>
{% for f in findings %}<tr><td>{{ f.number }}</td><td><code>{{ f.question.query.name }}</code></td>
<td>{% for k, v in f.args.items() %}<code>{{ k }}={{ v }}</code> {% endfor %}</td>
<td>{{ f.answer.rows | length if f.answer else "error" }}</td><td>{{ "%.3f" | format(f.seconds) }}</td></tr>
{% endfor %}</table>
{% for f in findings %}<details><summary>SPARQL of question {{ f.number }} ({{ f.question.query.name }})</summary>
<pre>{{ f.sparql }}</pre></details>
{% endfor %}
</body></html>
""")
