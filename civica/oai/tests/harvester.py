"""A real OAI-PMH client (``sickle``) talking to the endpoint through Django's test client: ``requests``
builds and encodes each request and parses each answer as over the network, only the socket is replaced
by a transport adapter, so the tests need no server and stay inside their transaction."""

from pathlib import Path
from urllib.parse import urlsplit

import requests
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict
from sickle import Sickle

ENDPOINT = "http://testserver/oai/"
SCHEMAS = Path(__file__).parent / "schemas"  # oai_dc.xsd and what it imports, offline (schemas/README.md)


class DjangoTransport(BaseAdapter):
    def __init__(self, client):
        super().__init__()
        self.client = client
        self.requests = []

    def send(self, request, **kwargs):
        parts = urlsplit(request.url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        body = request.body or b""
        answer = self.client.generic(request.method, path, data=body,
                                     content_type=request.headers.get("Content-Type", ""))
        self.requests.append((request.method, request.url))
        response = requests.Response()
        response.status_code = answer.status_code
        response._content = answer.content
        response.headers = CaseInsensitiveDict(dict(answer.items()))
        response.encoding = "utf-8"
        response.url = request.url
        response.request = request
        return response

    def close(self):
        pass


class ClientSickle(Sickle):
    def __init__(self, client, **options):
        super().__init__(ENDPOINT, max_retries=0, **options)
        self.session = requests.Session()
        self.transport = DjangoTransport(client)
        self.session.mount("http://testserver/", self.transport)

    def _request(self, kwargs):
        if self.http_method == "GET":
            return self.session.get(self.endpoint, params=kwargs)
        return self.session.post(self.endpoint, data=kwargs)
