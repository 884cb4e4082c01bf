"""The OAI-PMH 2.0 protocol (https://www.openarchives.org/OAI/openarchivesprotocol.html) over the sources
of ``registry.py``, with no web dependency beyond a dict of arguments: ``respond(arguments, base_url=…)``
returns the XML document as text.

- Verbs: Identify, ListMetadataFormats, ListSets, ListIdentifiers, ListRecords, GetRecord. One metadata
  format, ``oai_dc`` (unqualified Dublin Core). Every error the protocol names is answered as its XML
  (``badVerb``, ``badArgument``, ``badResumptionToken``, ``cannotDisseminateFormat``, ``idDoesNotExist``,
  ``noRecordsMatch``); arguments given twice, unknown, missing or malformed are ``badArgument``.
- Identifiers: ``oai:<repository identifier>:<source key>/<primary key>``.
- Datestamps: UTC, granularity ``YYYY-MM-DDThh:mm:ssZ``; ``from``/``until`` take it or a day, both alike.
  ``until`` is inclusive of the whole second (or day) it names.
- Lists page by keyset: ``PAGE_SIZE`` records at a time, in each source's (datestamp, primary key) order,
  the sources one after the other. The resumption token is the next page's position, signed (tampering
  gives ``badResumptionToken``), so the server keeps no state and a harvest's memory is one page whatever
  the number of records; it carries ``completeListSize`` (counted on the first page) and ``cursor``.
  Deleted records are not tracked (``deletedRecord`` is ``no``): an unpublished work leaves the lists.
- Text is escaped, and characters XML 1.0 forbids (control characters) are dropped."""

import datetime
import re
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db.models import Min, Q
from django.utils import timezone

from .registry import sources

PAGE_SIZE = 100
PROTOCOL_NS = "http://www.openarchives.org/OAI/2.0/"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"
TOKEN_SALT = "civica.oai.resumption"
METADATA_PREFIX = "oai_dc"

VERBS = {
    # verb: (required, optional, exclusive)
    "Identify": (set(), set(), None),
    "ListMetadataFormats": (set(), {"identifier"}, None),
    "ListSets": (set(), set(), "resumptionToken"),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set"}, "resumptionToken"),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set"}, "resumptionToken"),
    "GetRecord": ({"identifier", "metadataPrefix"}, set(), None),
}
DC_ELEMENTS = ("title", "creator", "subject", "description", "publisher", "contributor", "date", "type",
               "format", "identifier", "source", "language", "relation", "coverage", "rights")
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SECOND = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


class OaiError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


def text(value) -> str:
    """``value`` as XML character data: forbidden characters dropped, & < > " escaped."""
    cleaned = _NOT_XML.sub("", str(value))
    return (cleaned.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))


def stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def repository_identifier() -> str:
    configured = getattr(settings, "CIVICA_OAI_REPOSITORY_IDENTIFIER", "")
    if configured:
        return configured
    host = settings.CIVICA_BASE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    # An OAI repository identifier is a domain name with at least one dot.
    return host if "." in host and not host.replace(".", "").isdigit() else "civica.localhost"


def oai_identifier(source, pk) -> str:
    return f"oai:{repository_identifier()}:{source.key}/{pk}"


def parse_identifier(identifier: str):
    """(source, primary key) of an identifier of ours, or raise ``idDoesNotExist``."""
    prefix = f"oai:{repository_identifier()}:"
    if identifier.startswith(prefix):
        key, _slash, pk = identifier[len(prefix):].partition("/")
        for source in sources():
            if source.key == key and pk.isdigit() and len(pk) < 19:
                return source, int(pk)
    raise OaiError("idDoesNotExist", f"No record has the identifier {identifier}.")


def parse_moment(value: str, *, end: bool):
    """A ``from``/``until`` value as (a UTC datetime bound, its granularity); ``end``: the first moment
    after the second or day named (``until`` is inclusive)."""
    try:
        if _DAY.match(value):
            moment = datetime.datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=datetime.UTC)
            return (moment + datetime.timedelta(days=1) if end else moment), "day"
        if _SECOND.match(value):
            moment = datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
            return (moment + datetime.timedelta(seconds=1) if end else moment), "second"
    except (ValueError, OverflowError):
        pass
    raise OaiError("badArgument", f"“{value}” is not a date of the form YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.")


@dataclass
class Query:
    """What a list asks for: the set, the dates, and where the next page starts."""

    set_spec: str = ""
    since: str = ""
    until: str = ""
    source_index: int = 0
    after_stamp: str = ""  # the last record's datestamp, ISO with microseconds
    after_pk: int = 0
    cursor: int = 0
    total: int | None = None

    def token(self) -> str:
        return signing.dumps([self.set_spec, self.since, self.until, self.source_index, self.after_stamp,
                              self.after_pk, self.cursor, self.total], salt=TOKEN_SALT, compress=True)

    @classmethod
    def from_token(cls, token: str) -> "Query":
        try:
            values = signing.loads(token, salt=TOKEN_SALT)
            query = cls(*values)
        except (signing.BadSignature, TypeError, ValueError) as error:
            raise OaiError("badResumptionToken", "The resumption token is not valid.") from error
        return query


def _check_arguments(arguments: dict) -> str:
    verb = arguments.get("verb")
    if verb not in VERBS:
        raise OaiError("badVerb", "The verb is missing, repeated or not one of OAI-PMH's." if verb is None
                       else f"“{verb}” is not an OAI-PMH verb.")
    required, optional, exclusive = VERBS[verb]
    given = set(arguments) - {"verb"}
    if exclusive and exclusive in given:
        if given != {exclusive}:
            raise OaiError("badArgument", f"{exclusive} must be the only argument besides the verb.")
        return verb
    unknown = given - required - optional
    if unknown:
        raise OaiError("badArgument", f"Arguments not allowed for {verb}: {', '.join(sorted(unknown))}.")
    missing = required - given
    if missing:
        raise OaiError("badArgument", f"Missing arguments for {verb}: {', '.join(sorted(missing))}.")
    return verb


def _filtered(source, query: Query):
    """The source's public rows of the query's set and dates, in harvest order; None: not in the set."""
    rows = source.public()
    if query.set_spec:
        rows = source.in_set(rows, query.set_spec)
        if rows is None:
            return None
    field = source.datestamp
    if query.since:
        rows = rows.filter(**{f"{field}__gte": parse_moment(query.since, end=False)[0]})
    if query.until:
        rows = rows.filter(**{f"{field}__lt": parse_moment(query.until, end=True)[0]})
    return rows.order_by(field, "pk")


def _page(query: Query, *, size: int):
    """(the page's (source, row) pairs, the query of the next page or None)."""
    all_sources = sources()
    found = []
    index = query.source_index
    while index < len(all_sources):
        source = all_sources[index]
        rows = _filtered(source, query)
        if rows is not None:
            if query.after_stamp and index == query.source_index:
                after = datetime.datetime.fromisoformat(query.after_stamp)
                field = source.datestamp
                # (datestamp, pk) after the last one: the first condition bounds an index range scan.
                rows = rows.filter(Q(**{f"{field}__gte": after}),
                                   Q(**{f"{field}__gt": after}) | Q(pk__gt=query.after_pk))
            wanted = size - len(found)
            chunk = list(source.for_records(rows)[:wanted + 1])
            found += [(source, row) for row in chunk[:wanted]]
            if len(chunk) > wanted:  # more in this source
                last = found[-1][1]
                return found, Query(query.set_spec, query.since, query.until, index,
                                    getattr(last, source.datestamp).isoformat(), last.pk,
                                    query.cursor + len(found), query.total)
            if len(found) == size:
                later = [i for i in range(index + 1, len(all_sources))
                         if (rows_later := _filtered(all_sources[i], query)) is not None and rows_later.exists()]
                if later:
                    return found, Query(query.set_spec, query.since, query.until, later[0], "", 0,
                                        query.cursor + len(found), query.total)
                return found, None
        index += 1
    return found, None


def _total(query: Query) -> int:
    return sum(rows.count() for source in sources() if (rows := _filtered(source, query)) is not None)


def _known_set(spec: str) -> bool:
    for source in sources():
        if spec == source.set_spec or spec in {sub for sub, _name in source.subsets()}:
            return True
    return False


# --- Writing --------------------------------------------------------------------------------------

def _header(source, row) -> str:
    return (f"<header><identifier>{text(oai_identifier(source, row.pk))}</identifier>"
            f"<datestamp>{stamp(getattr(row, source.datestamp))}</datestamp>"
            f"<setSpec>{text(source.set_spec)}</setSpec></header>")


def dublin_core_xml(source, row) -> str:
    elements = []
    for element, value, language in source.dublin_core(row):
        if element not in DC_ELEMENTS or not str(value).strip():
            continue
        lang = f' xml:lang="{text(language)}"' if language else ""
        elements.append(f"<dc:{element}{lang}>{text(value)}</dc:{element}>")
    return (f'<oai_dc:dc xmlns:oai_dc="{OAI_DC_NS}" xmlns:dc="{DC_NS}" xmlns:xsi="{XSI_NS}" '
            f'xsi:schemaLocation="{OAI_DC_NS} {OAI_DC_SCHEMA}">{"".join(elements)}</oai_dc:dc>')


def _record(source, row) -> str:
    return f"<record>{_header(source, row)}<metadata>{dublin_core_xml(source, row)}</metadata></record>"


def _envelope(body: str, *, base_url: str, arguments: dict | None) -> str:
    attributes = "".join(f' {name}="{text(value)}"' for name, value in sorted((arguments or {}).items()))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<OAI-PMH xmlns="{PROTOCOL_NS}" xmlns:xsi="{XSI_NS}" '
            f'xsi:schemaLocation="{PROTOCOL_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">'
            f"<responseDate>{stamp(timezone.now())}</responseDate>"
            f"<request{attributes}>{text(base_url)}</request>{body}</OAI-PMH>\n")


def _resumption(next_query: Query | None, query: Query, resumed: bool) -> str:
    if next_query is None and not resumed:
        return ""
    attributes = f' completeListSize="{query.total}" cursor="{query.cursor}"' if query.total is not None else ""
    return f"<resumptionToken{attributes}>{text(next_query.token()) if next_query else ''}</resumptionToken>"


def _identify(base_url: str) -> str:
    earliest = [value for source in sources()
                if (value := source.public().aggregate(first=Min(source.datestamp))["first"])]
    name = f"{settings.CIVICA_SITE_NAME}: {getattr(settings, 'CIVICA_OAI_REPOSITORY_NAME', '') or 'Civica'}"
    admin = (getattr(settings, "CIVICA_OAI_ADMIN_EMAIL", "")
             or settings.DEFAULT_FROM_EMAIL.rpartition("<")[2].rstrip(">"))
    return ("<Identify>"
            f"<repositoryName>{text(name)}</repositoryName><baseURL>{text(base_url)}</baseURL>"
            "<protocolVersion>2.0</protocolVersion>"
            f"<adminEmail>{text(admin)}</adminEmail>"
            f"<earliestDatestamp>{stamp(min(earliest)) if earliest else '1970-01-01T00:00:00Z'}</earliestDatestamp>"
            f"<deletedRecord>no</deletedRecord><granularity>{GRANULARITY}</granularity>"
            '<description><oai-identifier xmlns="http://www.openarchives.org/OAI/2.0/oai-identifier" '
            'xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai-identifier '
            'http://www.openarchives.org/OAI/2.0/oai-identifier.xsd">'
            f"<scheme>oai</scheme><repositoryIdentifier>{text(repository_identifier())}</repositoryIdentifier>"
            "<delimiter>:</delimiter>"
            f"<sampleIdentifier>oai:{text(repository_identifier())}:archive.work/1</sampleIdentifier>"
            "</oai-identifier></description></Identify>")


def _metadata_formats(arguments) -> str:
    if "identifier" in arguments:
        source, pk = parse_identifier(arguments["identifier"])
        if not source.public().filter(pk=pk).exists():
            raise OaiError("idDoesNotExist", f"No record has the identifier {arguments['identifier']}.")
    return ("<ListMetadataFormats><metadataFormat><metadataPrefix>oai_dc</metadataPrefix>"
            f"<schema>{OAI_DC_SCHEMA}</schema><metadataNamespace>{OAI_DC_NS}</metadataNamespace>"
            "</metadataFormat></ListMetadataFormats>")


def _sets() -> str:
    items = []
    for source in sources():
        items.append(f"<set><setSpec>{text(source.set_spec)}</setSpec><setName>{text(source.set_name)}</setName></set>")
        items += [f"<set><setSpec>{text(spec)}</setSpec><setName>{text(name)}</setName></set>"
                  for spec, name in source.subsets()]
    return f"<ListSets>{''.join(items)}</ListSets>"


def _list(verb: str, arguments: dict, *, page_size: int) -> str:
    resumed = "resumptionToken" in arguments
    if resumed:
        query = Query.from_token(arguments["resumptionToken"])
    else:
        if arguments["metadataPrefix"] != METADATA_PREFIX:
            raise OaiError("cannotDisseminateFormat", f"Only {METADATA_PREFIX} is served.")
        query = Query(set_spec=arguments.get("set", ""), since=arguments.get("from", ""),
                      until=arguments.get("until", ""))
        granularities = {parse_moment(value, end=False)[1] for value in (query.since, query.until) if value}
        if len(granularities) > 1:
            raise OaiError("badArgument", "from and until must have the same granularity.")
        if query.since and query.until and (parse_moment(query.since, end=False)[0]
                                            >= parse_moment(query.until, end=True)[0]):
            raise OaiError("badArgument", "from is later than until.")
        if query.set_spec and not _known_set(query.set_spec):
            raise OaiError("badArgument", f"There is no set “{query.set_spec}”.")
        query.total = _total(query)
    found, next_query = _page(query, size=page_size)
    if not found and not resumed:
        raise OaiError("noRecordsMatch", "No record matches these arguments.")
    write = _header if verb == "ListIdentifiers" else _record
    return f"<{verb}>{''.join(write(source, row) for source, row in found)}" \
           f"{_resumption(next_query, query, resumed)}</{verb}>"


def _get_record(arguments) -> str:
    if arguments["metadataPrefix"] != METADATA_PREFIX:
        # idDoesNotExist comes first when both are wrong
        parse_identifier(arguments["identifier"])
        raise OaiError("cannotDisseminateFormat", f"Only {METADATA_PREFIX} is served.")
    source, pk = parse_identifier(arguments["identifier"])
    row = source.for_records(source.public().filter(pk=pk)).first()
    if row is None:
        raise OaiError("idDoesNotExist", f"No record has the identifier {arguments['identifier']}.")
    return f"<GetRecord>{_record(source, row)}</GetRecord>"


def error_document(error: OaiError, *, base_url: str) -> str:
    return _envelope(f'<error code="{error.code}">{text(error.message)}</error>', base_url=base_url, arguments={})


def respond(arguments: dict, *, base_url: str, repeated=(), page_size: int | None = None) -> str:
    """The XML answer to ``arguments`` (each name once; ``repeated``: names given more than once)."""
    try:
        if "verb" in repeated:
            raise OaiError("badVerb", "The verb is given more than once.")
        verb = _check_arguments(arguments)
        if repeated:
            raise OaiError("badArgument", f"Arguments given more than once: {', '.join(sorted(repeated))}.")
        if verb == "Identify":
            body = _identify(base_url)
        elif verb == "ListMetadataFormats":
            body = _metadata_formats(arguments)
        elif verb == "ListSets":
            if "resumptionToken" in arguments:
                raise OaiError("badResumptionToken", "ListSets is complete in one answer: no token is valid.")
            body = _sets()
        elif verb == "GetRecord":
            body = _get_record(arguments)
        else:
            body = _list(verb, arguments, page_size=page_size or getattr(settings, "CIVICA_OAI_PAGE_SIZE", PAGE_SIZE))
    except OaiError as error:
        shown = {} if error.code in ("badVerb", "badArgument") else arguments
        return _envelope(f'<error code="{error.code}">{text(error.message)}</error>', base_url=base_url,
                         arguments=shown)
    return _envelope(body, base_url=base_url, arguments=arguments)
