"""cablegraph: a knowledge graph of US diplomatic cables (the composition root: settings, store, ingest, CLI)."""

__version__ = "0.1.0"
