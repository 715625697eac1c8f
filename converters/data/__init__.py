"""Data tables of the parser (see PROVENANCE.md); a package so that the tables ship with the wheel."""
