"""Lexical checks and rewrites of SPARQL text that Oxigraph's API does not offer.

A small tokenizer that knows strings, IRIs, comments and brace depth, used to: find the endpoints a query
calls with SERVICE (for the allowlist), cap the number of result rows with a top-level LIMIT, and add the
protocol's using-graph-uri / using-named-graph-uri to an update as USING clauses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

_TOKEN = re.compile(
    r'(?P<ws>\s+)'
    r'|(?P<comment>#[^\n]*)'
    r'|(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')'
    r'|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)'
    r'|(?P<var>[?$][\w\u00B7-\uFFFF]+)'
    r'|(?P<pname>(?:[A-Za-z\u00C0-\uFFFF][\w.\-\u00B7-\uFFFF]*)?:(?:[\w\-\u00B7-\uFFFF:%]|\\.|\.(?=[\w:%\-]))*)'
    r'|(?P<word>[A-Za-z_][A-Za-z0-9_]*)'
    r'|(?P<number>\d+)'
    r'|(?P<open>\{)|(?P<close>\})'
    r'|(?P<other>.)',
    re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    """A significant token: its kind, text, offsets and the brace depth it sits at."""

    kind: str
    text: str
    start: int
    end: int
    depth: int

    def is_word(self, *words: str) -> bool:
        """Whether this token is one of the keywords (case-insensitive)."""
        return self.kind == "word" and self.text.upper() in words


def tokens(text: str) -> list[Token]:
    """The significant tokens of a SPARQL text (whitespace and comments dropped)."""
    out: list[Token] = []
    depth = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind in ("ws", "comment"):
            continue
        if kind == "close":
            depth = max(0, depth - 1)
        out.append(Token(kind, match.group(), match.start(), match.end(), depth))
        if kind == "open":
            depth += 1
    return out


def _prologue(toks: list[Token]) -> tuple[dict[str, str], str | None]:
    prefixes: dict[str, str] = {}
    base = None
    for i, tok in enumerate(toks):
        if tok.is_word("PREFIX") and i + 2 < len(toks) and toks[i + 2].kind == "iri":
            iri = toks[i + 2].text[1:-1]
            prefixes[toks[i + 1].text.rstrip(":")] = urljoin(base, iri) if base else iri
        elif tok.is_word("BASE") and i + 1 < len(toks) and toks[i + 1].kind == "iri":
            base = toks[i + 1].text[1:-1]
    return prefixes, base


def service_targets(text: str) -> list[str | None]:
    """The endpoint IRIs that SERVICE clauses call (None for a variable or an unresolvable name)."""
    if "service" not in text.lower():
        return []
    toks = tokens(text)
    prefixes, base = _prologue(toks)
    targets: list[str | None] = []
    for i, tok in enumerate(toks):
        if not tok.is_word("SERVICE"):
            continue
        j = i + 1
        if j < len(toks) and toks[j].is_word("SILENT"):
            j += 1
        target = toks[j] if j < len(toks) else None
        if target is None:
            targets.append(None)
        elif target.kind == "iri":
            iri = target.text[1:-1]
            targets.append(urljoin(base, iri) if base else iri)
        elif target.kind == "pname":
            prefix, _, local = target.text.partition(":")
            targets.append(prefixes[prefix] + local if prefix in prefixes else None)
        else:
            targets.append(None)
    return targets


def service_refusal(text: str, allowlist: list[str]) -> str | None:
    """Why a query may not run given the SERVICE allowlist (None when every SERVICE target is allowed)."""
    for target in service_targets(text):
        if target is None:
            return "SERVICE is only allowed with a fixed endpoint IRI from the allowlist"
        if not any(target == allowed or target.startswith(allowed.rstrip("/") + "/") for allowed in allowlist):
            return (f"SERVICE <{target}> is not allowed: this endpoint only federates with "
                    + (", ".join(f"<{a}>" for a in allowlist) or "no endpoint"))
    return None


def cap_rows(text: str, max_rows: int) -> str:
    """The query with its top-level LIMIT at most `max_rows` (added when missing; ASK is left alone)."""
    toks = tokens(text)
    form = next((t for t in toks if t.depth == 0 and t.is_word("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")), None)
    if form is None or form.is_word("ASK"):
        return text
    for i, tok in enumerate(toks):
        if tok.depth == 0 and tok.is_word("LIMIT") and i + 1 < len(toks) and toks[i + 1].kind == "number":
            num = toks[i + 1]
            if int(num.text) <= max_rows:
                return text
            return text[: num.start] + str(max_rows) + text[num.end:]
    trailing_values = next((t for t in toks if t.depth == 0 and t.is_word("VALUES") and t.start > form.start), None)
    if trailing_values is not None:
        return text[: trailing_values.start] + f"LIMIT {max_rows}\n" + text[trailing_values.start:]
    return text + f"\nLIMIT {max_rows}\n"


class DatasetConflict(ValueError):
    """An update names its dataset with USING/WITH while the request also gives using-graph-uri."""


def add_using(text: str, using: list[str], using_named: list[str]) -> str:
    """The update with the protocol's dataset as USING / USING NAMED before each WHERE of a DELETE/INSERT."""
    if not using and not using_named:
        return text
    toks = tokens(text)
    clash = next((t for t in toks if t.depth == 0 and t.is_word("USING", "WITH")), None)
    if clash is not None:
        raise DatasetConflict(f"the update has a {clash.text.upper()} clause and the request gives "
                              "using-graph-uri/using-named-graph-uri: use one or the other")
    clause = " ".join([f"USING <{g}>" for g in using] + [f"USING NAMED <{g}>" for g in using_named]) + " "
    out, last = [], 0
    for i, tok in enumerate(toks):
        if tok.depth == 0 and tok.is_word("WHERE") and i > 0 and toks[i - 1].kind == "close":
            out.append(text[last: tok.start])
            out.append(clause)
            last = tok.start
    out.append(text[last:])
    return "".join(out)
