"""The ontology as a Graphviz diagram: classes as boxes, object properties as arrows, subclass links dashed.

    python -m ontology.diagram docs/ontology.svg     (needs Graphviz's `dot`: apt-get install graphviz)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ontology import describe

_SUBCLASS_STYLE = 'style=dashed, arrowhead=empty, color="#888888"'
_OUTSIDE_STYLE = 'shape=box, style="rounded,dashed", color="#888888", fontcolor="#555555"'


def _node(name: str) -> str:
    return '"' + name.replace('"', "") + '"'


def dot_source() -> str:
    """The DOT text: cg classes with their datatype properties, object properties between them, alignments."""
    classes = describe.classes()
    props = describe.properties()
    cg_names = {c.name for c in classes}
    literals: dict[str, list[str]] = {}
    for prop in props:
        if prop.kind == "datatype" and prop.domain in cg_names:
            literals.setdefault(prop.domain, []).append(f"{prop.name} : {prop.range or 'literal'}")
    lines = ["digraph cablegraph {", '  rankdir=LR; splines=true; nodesep=0.35; ranksep=0.6;',
             '  node [shape=record, fontname="Helvetica", fontsize=10, style=filled, fillcolor="#eef4fb"];',
             '  edge [fontname="Helvetica", fontsize=9];']
    main = {"cg:Cable", "cg:Post", "cg:Person", "cg:Statement", "cg:Topic", "cg:Paragraph", "cg:RoutingEntry",
            "cg:Addressee", "cg:ClassificationLevel", "cg:Caveat", "cg:SourceRecord", "cg:CableGraph", "cg:Ingest"}
    for cls in classes:
        if cls.name not in main:
            continue
        fields = "\\l".join(sorted(literals.get(cls.name, []))) + ("\\l" if literals.get(cls.name) else "")
        label = "{" + cls.name + ("|" + fields if fields else "") + "}"
        lines.append(f"  {_node(cls.name)} [label=\"{label}\"];")
    outside: set[str] = set()
    for cls in classes:
        for parent in cls.parents:
            if cls.name in main or parent in main:
                if parent not in cg_names:
                    outside.add(parent)
                if cls.name not in main:
                    lines.append(f"  {_node(cls.name)} [shape=box, fillcolor=\"#f7f7f7\"];")
                lines.append(f"  {_node(cls.name)} -> {_node(parent)} [{_SUBCLASS_STYLE}];")
    for prop in props:
        if prop.kind == "object" and prop.domain in main and prop.range in main:
            lines.append(f"  {_node(prop.domain)} -> {_node(prop.range)} [label=\"{prop.name}\"];")
    for name in sorted(outside):
        lines.append(f"  {_node(name)} [{_OUTSIDE_STYLE}, fillcolor=white];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def render(path: Path) -> None:
    """Render the diagram with `dot` into an SVG or PNG file (by the file's suffix)."""
    fmt = path.suffix.lstrip(".") or "svg"
    subprocess.run(["dot", f"-T{fmt}", "-o", str(path)], input=dot_source(), text=True, check=True)


if __name__ == "__main__":
    render(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/ontology.svg"))
