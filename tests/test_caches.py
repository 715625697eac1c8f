"""The per-process state of the finders (converters.caches): bounded caches that trim() empties once they are full,
tables loaded once and frozen, and the same records from a cold start as from warm caches, on real cables."""

from __future__ import annotations

import gc
import json

from converters import caches, linking, untitled
from converters.caches import bounded_cache, load_tables, trim
from converters.parse import read_cable
from converters.people import clean_name
from converters.people_tables import skeleton
from converters.readers import iter_files, read
from converters.record import UnreadableCable
from converters.resolve import _name_parts
from tests.conftest import DAWN, SAMPLES


def test_trim_empties_only_the_caches_past_their_size():
    @bounded_cache(3)
    def small(x: int) -> int:
        return x * 2

    @bounded_cache(100)
    def large(x: int) -> int:
        return x + 1

    for x in range(5):
        assert small(x) == 2 * x
        assert large(x) == x + 1
    for _ in range(caches.TRIM_EVERY):  # (trim() looks at the sizes on one call in TRIM_EVERY)
        trim()
    assert small.cache_info().currsize == 0
    assert large.cache_info().currsize == 5
    assert small(4) == 8 and small.cache_info().currsize == 1


def test_the_name_caches_are_bounded_caches():
    # the per-name caches of the finders are registered, so trim() and clear_all() reach them
    registered = {cached: size for cached, size in caches._CACHES}
    for cached in (_name_parts, clean_name, skeleton, linking._link_wikidata):
        assert registered[cached] >= 50_000


def test_load_tables_loads_once_and_freezes_them():
    count = load_tables()
    assert count >= 30  # (the lexicon, name tables, Wikidata rows, POCOM tables, compiled patterns, ...)
    assert gc.get_freeze_count() > 10_000
    assert load_tables() == count  # (once per process)


def _records(paths: list) -> list[str]:
    out = []
    for path in iter_files(paths):
        for raw in read(path):
            try:
                cable = read_cable(raw)
            except UnreadableCable:
                continue
            out.append(json.dumps({"id": cable.reference_id, "persons": cable.persons,
                                   "statements": cable.statements}, sort_keys=True))
    return out


def test_cold_caches_give_the_same_records_as_warm_ones():
    paths = [DAWN, SAMPLES / "cables-csv" / "cables_first37_rows.csv"]
    warm = _records(paths)
    _records(paths)
    caches.clear_all()
    untitled._CLASSES.clear()
    linking._CHIEFS.clear()
    cold = _records(paths)
    assert len(cold) >= 30
    assert cold == warm
    assert any('"Kasuri"' in record and '"Q707883"' in record for record in cold)
