"""The cablegraph vocabulary: the OWL ontology (cables.ttl), SHACL shapes and the Python names of its terms."""
