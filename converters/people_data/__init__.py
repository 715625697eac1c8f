"""Package data of the people extractor: lexicon and reference tables (see PROVENANCE.md)."""
