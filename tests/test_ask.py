"""`cablegraph ask`: the shipped question sets run on real cables and write a citable report folder."""

from __future__ import annotations

import csv
import re

import pytest

from cablegraph.charts import chart_spec
from queries.results import Answer
from queries.sets import load_set, set_catalogue
from tests.conftest import run_cli
from tests.people_fixture import make_people_store

PNG = b"\x89PNG\r\n\x1a\n"


def _csv_rows(path):
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_three_sets_ship_and_every_question_resolves():
    sets = set_catalogue()
    assert {"iran_nuclear_2006_south_asia", "post_profile", "who_talks_to_whom"} <= set(sets)
    for path in sets.values():
        qset = load_set(path)
        assert qset.title and qset.description and qset.questions
        assert all(q.heading for q in qset.questions)


def test_iran_set_markdown_report_on_the_sample_store(sample_store, tmp_path):
    out = tmp_path / "iran"
    proc = run_cli("ask", "iran_nuclear_2006_south_asia", "--store", str(sample_store), "--out", str(out))
    report = (out / "report.md").read_text(encoding="utf-8")
    assert report.startswith("# 2006: Iran's nuclear diplomacy seen from South Asian posts")
    qset = load_set(set_catalogue()["iran_nuclear_2006_south_asia"])
    csvs = sorted(out.glob("q*.csv"))
    assert len(csvs) == len(qset.questions)
    # the Dawn cable's paragraphs, in order, in their own CSV
    paragraphs = _csv_rows(next(p for p in csvs if "paragraph" in p.name))
    assert [r["number"] for r in paragraphs] == ["1", "2", "3", "4", "5"]
    assert "Kasuri" in paragraphs[0]["text"]
    # the citation network: a chart, and the Dawn cable's two references among its edges
    edges = _csv_rows(next(p for p in csvs if "cites" in p.name))
    assert {("06ISLAMABAD10261", "06STATE87686"), ("06ISLAMABAD10261", "06ISLAMABAD10142")} <= {
        (e["source"], e["target"]) for e in edges}
    charts = sorted(out.glob("q*.png"))
    assert len(charts) >= 4 and all(p.read_bytes().startswith(PNG) and p.stat().st_size > 10_000 for p in charts)
    for chart in charts:
        assert f"]({chart.name})" in report
    # provenance: store, set, row counts that match the CSVs, and the SPARQL as run
    assert str(sample_store) in report and "## Provenance" in report and "cablegraph ask" in report
    rows_in_table = re.findall(r"^\| (\d+) \| `(\w[\w-]*)` \|.*\| (\d+) \| [\d.]+ \|$", report, re.MULTILINE)
    assert len(rows_in_table) == len(csvs)
    for (number, _, rows), path in zip(rows_in_table, csvs, strict=True):
        assert path.name.startswith(f"q{int(number):02d}-") and int(rows) == len(_csv_rows(path))
    assert report.count("```sparql") == len(qset.questions)
    assert 'VALUES (?cable) { ("06ISLAMABAD10261") }' in report
    assert "10/10" in proc.stderr or "10. " in proc.stderr


def test_post_profile_is_parameterised_and_html_is_self_contained(sample_store, tmp_path):
    out = tmp_path / "madrid"
    run_cli("ask", "post_profile", "--param", "post=madrid", "--store", str(sample_store), "--out", str(out),
            "--format", "html")
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<h1>Profile of a post</h1>" in html and "<code>post</code> = <code>madrid</code>" in html
    assert re.findall(r'<img [^>]*src="([^"]+)"', html) and all(
        src.startswith("data:image/png;base64,") for src in re.findall(r'<img [^>]*src="([^"]+)"', html))
    per_year = _csv_rows(next(out.glob("q01-*.csv")))
    every = _csv_rows(next(out.glob("q07-*.csv")))
    assert sum(int(r["cables"]) for r in per_year) == len(every) > 20
    assert all(r["ref"][2:].startswith("MADRID") for r in every)
    tags = _csv_rows(next(out.glob("q03-*.csv")))
    assert tags[0]["tag"] == "SP"


def test_who_talks_to_whom_on_the_people_graph(tmp_path):
    store = make_people_store(tmp_path)
    out = tmp_path / "talk"
    run_cli("ask", "who_talks_to_whom", "--store", str(store), "--out", str(out))
    pairs = {(r["source"], r["target"]) for r in _csv_rows(next(out.glob("q01-*.csv")))}
    assert ("Kasuri", "Muttaki") in pairs and ("Muttaki", "Kasuri") in pairs
    assert (out / next(out.glob("q01-*.csv")).name.replace(".csv", ".png")).read_bytes().startswith(PNG)
    said = _csv_rows(next(out.glob("q03-*.csv")))
    assert {r["addressee"] for r in said} == {"Muttaki", "Ryan C. Crocker"}
    wikidata = _csv_rows(next(out.glob("q06-*.csv")))
    assert [r["ref"] for r in wikidata] == ["06ISLAMABAD10261"]


def test_a_bad_set_parameter_is_exit_2_naming_it(sample_store, tmp_path):
    proc = run_cli("ask", "post_profile", "--param", "post=1; DROP", "--store", str(sample_store), "--out",
                   str(tmp_path / "x"), check=False)
    assert proc.returncode == 2 and "'post'" in proc.stderr
    proc = run_cli("ask", "no_such_set", "--store", str(sample_store), check=False)
    assert proc.returncode == 2 and "post_profile" in proc.stderr


@pytest.mark.parametrize(("columns", "rows", "kind"), [
    (["month", "cables"], [["2006-05", "2"], ["2006-06", "3"]], "line"),
    (["tag", "cables"], [["PREL", "3"], ["KNNP", "1"]], "bar"),
    (["source", "target", "statements"], [["Kasuri", "Muttaki", "2"]], "network"),
    (["year", "signer", "cables"], [["2006", "A", "1"], ["2006", "B", "2"]], None),
    (["ref", "subject"], [["06ISLAMABAD10261", "FM KASURI"]], None),
])
def test_chart_guess_from_the_columns(columns, rows, kind):
    from pyoxigraph import Literal

    answer = Answer(columns, [[Literal(v) for v in row] for row in rows], "")
    spec = chart_spec(None, answer)
    assert (spec["type"] if spec else None) == kind


def test_a_set_from_a_file_with_a_failing_question_still_reports(sample_store, tmp_path):
    qset = tmp_path / "mine.yaml"
    qset.write_text("""title: Mine
description: A set written by a researcher.
questions:
  - heading: Posts on Pakistan
    query: posts_reporting_on_tag
    args: {tag: PK}
    chart: none
  - heading: A broken question
    sparql: SELECT ?x WHERE { ?x
""", encoding="utf-8")
    out = tmp_path / "out"
    proc = run_cli("ask", str(qset), "--store", str(sample_store), "--out", str(out), check=False)
    assert proc.returncode == 1
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "## 2. A broken question" in report and "This question failed: SyntaxError" in report
    posts = _csv_rows(next(out.glob("q01-*.csv")))
    assert posts[0]["post"] == "ISLAMABAD" and not list(out.glob("*.png"))
