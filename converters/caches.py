"""The per-process state of the people finders and linker: their tables, loaded once, and their caches, kept bounded.

The finders compute the same things again and again for names and words that recur from cable to cable (a name's
cleaned form, its surname key, its Wikidata link). `bounded_cache(maxsize)` caches such a pure function in a plain
dictionary (functools.cache: the cheapest hit and miss Python has, and no linked list of entries for the garbage
collector to walk, as functools.lru_cache keeps when it is bounded), and `trim()` empties every such cache that has
grown past its size. converters.statements.extract() calls `trim()` once in TRIM_EVERY cables, so that an ingest of
the whole corpus keeps its memory bounded (a cache starts again empty instead of dropping its oldest entries).

`load_tables()` loads every table and pattern up front (ingest and `cablegraph parse` call it before the first
cable) and then takes what the process holds out of the garbage collector's passes.
"""

from __future__ import annotations

import gc
import importlib
import inspect
import itertools
from collections.abc import Callable
from functools import _lru_cache_wrapper, cache
from typing import TypeVar

F = TypeVar("F", bound=Callable)

TRIM_EVERY = 256

_CACHES: list[tuple[Callable, int]] = []
_CALLS = itertools.count(1)


def bounded_cache(maxsize: int) -> Callable[[F], F]:
    """Decorator: cache a pure function per process, emptied by trim() once it holds more than `maxsize` entries."""
    def wrap(func: F) -> F:
        cached = cache(func)
        _CACHES.append((cached, maxsize))
        return cached  # type: ignore[return-value]
    return wrap


def trim() -> None:
    """Empty every bounded cache that holds more than its size (on one call in TRIM_EVERY; the others return at
    once)."""
    if next(_CALLS) % TRIM_EVERY:
        return
    for cached, maxsize in _CACHES:
        if cached.cache_info().currsize > maxsize:
            cached.cache_clear()


def clear_all() -> None:
    """Empty every bounded cache (tests, and benchmarks of a cold start)."""
    for cached, _ in _CACHES:
        cached.cache_clear()


# the modules whose zero-argument cached functions are tables or compiled patterns (load_tables)
_TABLE_MODULES = ("people_tables", "people", "titled", "untitled", "frame_people", "resolve", "leaders",
                  "designations", "linking", "statements", "verbs", "scan")


@cache
def load_tables() -> int:
    """Load every table and compiled pattern of the finders (the zero-argument cached functions of their modules)
    once per process, then freeze what the process holds (gc.freeze): the tables live as long as the process, and
    the garbage collector no longer walks their 70,000 objects at each full collection, which the caches growing
    over a first pass trigger. Returns how many functions were called."""
    count = 0
    for name in _TABLE_MODULES:
        module = importlib.import_module(f"converters.{name}")
        for value in vars(module).values():
            if not isinstance(value, _lru_cache_wrapper) or value.__module__ != module.__name__:
                continue
            if all(p.default is not p.empty for p in inspect.signature(value.__wrapped__).parameters.values()):
                value()
                count += 1
    gc.collect()
    gc.freeze()
    return count
