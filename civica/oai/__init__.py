"""OAI-PMH 2.0 (issue 23, point 4): the endpoint at ``/oai/`` through which harvesters (Europeana's
aggregators among them) collect the public records of the apps that register a source."""
