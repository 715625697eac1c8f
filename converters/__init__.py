"""Text in, records out, RDF out: readers for every container, the pure cable parser, the RDF mapping."""
