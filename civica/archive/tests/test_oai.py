"""The OAI-PMH endpoint: a harvest with a real client (``sickle``) retrieves every published record through
resumption tokens and each record is valid against the ``oai_dc`` schema (the XSDs in ``schemas/``,
offline); the other verbs; every protocol error answered as XML with status 200, never a 500 or HTML;
nothing unpublished or staff-only is served. Pages of 3 records here, so a harvest crosses several tokens."""



import pytest
from django.utils import timezone
from lxml import etree

from civica.archive.models import Licence, WorkStatus
from civica.archive.tests.factories import CollectionFactory, WorkFactory, image_for
from civica.oai import protocol
from civica.oai.tests.harvester import SCHEMAS, ClientSickle

pytestmark = pytest.mark.django_db

OAI = "{http://www.openarchives.org/OAI/2.0/}"
DC = "{http://purl.org/dc/elements/1.1/}"


@pytest.fixture(scope="module")
def oai_dc_schema():
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "oai_dc.xsd")))


@pytest.fixture
def works(settings):
    settings.CIVICA_OAI_PAGE_SIZE = 3
    published = [WorkFactory(title_ro=f"Lucrarea {number} <&> \x0b") for number in range(7)]
    image_for(published[0], licence=Licence.CC_BY)
    image_for(published[1], licence=Licence.STAFF_ONLY)
    WorkFactory(status=WorkStatus.DRAFT, title_ro="Ciorna")
    return published


def metadata_of(record):
    return record.xml.find(".//{http://www.openarchives.org/OAI/2.0/oai_dc/}dc")


def test_a_harvest_gets_every_published_record_through_tokens_each_valid(client, works, oai_dc_schema):
    harvester = ClientSickle(client)
    records = list(harvester.ListRecords(metadataPrefix="oai_dc"))
    assert len(records) == 7
    assert len(harvester.transport.requests) == 3  # 3 + 3 + 1, two resumption tokens
    assert len({record.header.identifier for record in records}) == 7
    for record in records:
        dc = metadata_of(record)
        assert oai_dc_schema.validate(dc), oai_dc_schema.error_log
        assert record.header.setSpecs == ["archive"]
    texts = b"".join(etree.tostring(metadata_of(record)) for record in records).decode()
    assert "Ciorna" not in texts and "NOTĂ-DE-CONSERVARE-SECRETĂ" not in texts
    assert "Lucrarea 0 &lt;&amp;&gt; " in texts  # escaped, the control character dropped
    assert texts.count("creativecommons.org/licenses/by/4.0") == 1  # the staff-only image's licence is not said


def test_list_identifiers_by_post_with_a_set_and_dates(client, works):
    collection = CollectionFactory(slug="prima")
    collection.works.add(works[2], works[3])
    harvester = ClientSickle(client, http_method="POST")
    in_set = [header.identifier for header in harvester.ListIdentifiers(metadataPrefix="oai_dc",
                                                                         set="archive:collection:prima")]
    assert in_set == [protocol.oai_identifier(protocol.sources()[0], work.pk) for work in (works[2], works[3])]
    today = timezone.now().strftime("%Y-%m-%d")
    assert len(list(harvester.ListIdentifiers(metadataPrefix="oai_dc", **{"from": today, "until": today}))) == 7
    # The archive's sets (other apps, the heritage inventory, list theirs too).
    assert {oai_set.setSpec for oai_set in harvester.ListSets() if oai_set.setSpec.startswith("archive")} == {
        "archive", "archive:collection:prima"}


def test_identify_formats_and_get_record(client, works, oai_dc_schema):
    harvester = ClientSickle(client)
    identify = harvester.Identify()
    assert identify.protocolVersion == "2.0" and identify.granularity == "YYYY-MM-DDThh:mm:ssZ"
    assert identify.baseURL.endswith("/oai/") and identify.deletedRecord == "no"
    identifier = protocol.oai_identifier(protocol.sources()[0], works[0].pk)
    assert [format_.metadataPrefix for format_ in harvester.ListMetadataFormats(identifier=identifier)] == ["oai_dc"]
    record = harvester.GetRecord(identifier=identifier, metadataPrefix="oai_dc")
    assert oai_dc_schema.validate(metadata_of(record))
    assert record.metadata["identifier"][1] == works[0].inventory_number


ERRORS = [
    ("", "badVerb"),
    ("verb=Nothing", "badVerb"),
    ("verb=Identify&verb=Identify", "badVerb"),
    ("verb=Identify&extra=1", "badArgument"),
    ("verb=ListRecords", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=2021-13-45", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=2021-01-01&until=2021-01-02T00:00:00Z", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=2022-01-01&until=2021-01-01", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&set=nothing", "badArgument"),
    ("verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat"),
    ("verb=ListRecords&resumptionToken=forged", "badResumptionToken"),
    ("verb=ListRecords&resumptionToken=x&metadataPrefix=oai_dc", "badArgument"),
    ("verb=ListSets&resumptionToken=x", "badResumptionToken"),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=1990-01-01&until=1990-01-02", "noRecordsMatch"),
    ("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:civica.localhost:archive.work/999999", "idDoesNotExist"),
    ("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere:x/1", "idDoesNotExist"),
    ("verb=GetRecord&metadataPrefix=marc21&identifier=oai:civica.localhost:archive.work/1", "cannotDisseminateFormat"),
    ("verb=ListMetadataFormats&identifier=oai:civica.localhost:archive.work/999999999999999999999", "idDoesNotExist"),
    ("verb=GetRecord&identifier=%C2%B2", "badArgument"),
]


@pytest.mark.parametrize(("query", "code"), ERRORS)
def test_bad_requests_get_the_protocol_error_as_xml(client, query, code):
    WorkFactory(pk=1)
    response = client.get(f"/oai/?{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    document = etree.fromstring(response.content)
    assert [error.get("code") for error in document.iter(f"{OAI}error")] == [code]


@pytest.mark.parametrize("query", ["verb=Identify%00", "verb=ListRecords&metadataPrefix=oai_dc&set=a%00b"])
def test_a_nul_character_gets_xml_too(client, query):
    response = client.get(f"/oai/?{query}")
    assert response.status_code == 200 and response["Content-Type"] == "text/xml; charset=utf-8"
    assert [error.get("code") for error in etree.fromstring(response.content).iter(f"{OAI}error")] == ["badArgument"]
    assert client.post("/oai/", {"verb": "Identify\x00"}).content.count(b'code="badArgument"') == 1


def test_a_draft_is_not_a_record_and_other_methods_get_xml(client):
    draft = WorkFactory(status=WorkStatus.DRAFT)
    identifier = protocol.oai_identifier(protocol.sources()[0], draft.pk)
    response = client.get(f"/oai/?verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier}")
    assert b'code="idDoesNotExist"' in response.content
    put = client.put("/oai/?verb=Identify")
    assert put.status_code == 405 and put["Content-Type"].startswith("text/xml")
    etree.fromstring(put.content)


def test_the_request_element_and_tokens_carry_the_list_size(client, works):
    document = etree.fromstring(client.get("/oai/?verb=ListIdentifiers&metadataPrefix=oai_dc").content)
    token = document.find(f".//{OAI}resumptionToken")
    assert token.get("completeListSize") == "7" and token.get("cursor") == "0" and token.text
    last = None
    while token is not None and token.text:
        last = etree.fromstring(client.get(f"/oai/?verb=ListIdentifiers&resumptionToken={token.text}").content)
        token = last.find(f".//{OAI}resumptionToken")
    assert token.get("cursor") == "6" and not token.text  # the last page's token is empty
    assert document.find(f"{OAI}request").get("verb") == "ListIdentifiers"
