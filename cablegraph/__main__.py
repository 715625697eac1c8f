"""`python -m cablegraph` is the `cablegraph` command."""

from cablegraph.cli import app

app()
