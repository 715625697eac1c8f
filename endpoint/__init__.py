"""The FastAPI app: SPARQL 1.1 Protocol, canned-query API, resource pages and the query page."""
