"""The inventory's records in OAI-PMH: a harvest with a real client (``sickle``) through resumption tokens
gets every public heritage object, each valid against the ``oai_dc`` schema, in the set ``heritage``; the
kind's sub-set filters; nothing waiting, hidden or of an unpublished locality is served, nor a photo's
licence the public may not see."""

import pytest
from lxml import etree

from civica.core.image_rights import Licence
from civica.heritage.models import ObjectKind
from civica.heritage.tests.factories import HeritageObjectFactory, LocalityFactory, photo_for
from civica.oai.tests.harvester import SCHEMAS, ClientSickle

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def oai_dc_schema():
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "oai_dc.xsd")))


def test_a_harvest_of_the_heritage_set(client, settings, oai_dc_schema):
    settings.CIVICA_OAI_PAGE_SIZE = 2
    locality = LocalityFactory(name="Satu Mare de Sus")
    public = [HeritageObjectFactory(locality=locality, name_ro=f"Obiectiv {number} <&>") for number in range(4)]
    monument = HeritageObjectFactory(locality=locality, kind=ObjectKind.MONUMENT, lmi_code="CJ-II-m-A-07232",
                                     latitude="46.77", longitude="23.59")
    photo_for(locality, heritage_object=monument)
    photo_for(locality, heritage_object=monument, licence=Licence.STAFF_ONLY)
    HeritageObjectFactory(locality=locality, name_ro="Propunere", review_state="waiting", is_hidden=True)
    HeritageObjectFactory(locality=LocalityFactory(is_published=False), name_ro="Nepublicat")
    harvester = ClientSickle(client)
    records = list(harvester.ListRecords(metadataPrefix="oai_dc", set="heritage"))
    assert len(records) == len(public) + 1 and len(harvester.transport.requests) == 3
    dcs = [record.xml.find(".//{http://www.openarchives.org/OAI/2.0/oai_dc/}dc") for record in records]
    for record, dc in zip(records, dcs, strict=True):
        assert oai_dc_schema.validate(dc), oai_dc_schema.error_log
        assert record.header.setSpecs == ["heritage"]
    texts = b"".join(etree.tostring(dc) for dc in dcs).decode()
    assert "Propunere" not in texts and "Nepublicat" not in texts
    assert "Obiectiv 0 &lt;&amp;&gt;" in texts and "LMI CJ-II-m-A-07232" in texts
    assert "east=23.59; north=46.77" in texts and "Satu Mare de Sus, Cluj" in texts
    assert texts.count("creativecommons.org/licenses/by/4.0") == 1
    monuments = list(harvester.ListIdentifiers(metadataPrefix="oai_dc", set="heritage:monument"))
    assert len(monuments) == 1
    assert "heritage:practice" in {oai_set.setSpec for oai_set in harvester.ListSets()}
