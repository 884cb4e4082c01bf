"""Fuzzing every endpoint's input: no request, however odd, answers 5xx (issue 12, item 23).

The endpoints are the URL resolver's (Django's admin left out); for each, a crawl of the demo data
(``loaddemo``: processes, ideas, comments, meetings, a world-café workshop, calls, applications,
plans, vouchers…) as each role (anonymous, participant, editor, administrator, evaluator, facilitator,
member representative, analyst, the vouchers' programme staff, referrer and venue staff) finds a real
address (or, for what no link leads to, one built from the demo rows), the query parameters its links
carry and the fields its forms post; the view's module adds the names it reads from ``request.GET`` /
``request.POST``. Hypothesis then sends each endpoint values mixing the real
ones with NUL, "²", huge, negative and non-numeric numbers and unicode text, and every id in the
path is replaced by such values too. Bounded and reproducible: ``derandomize=True``, a few
examples per form, every request rolled back so one cannot change what the next one sees.

Runs on SQLite and on PostgreSQL (``DATABASE_URL=postgres://…``)."""

import inspect
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, quote, urljoin, urlsplit

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404
from django.utils import translation
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

# Every test of this module on one xdist worker (`--dist loadgroup`): the crawl below is made once.
pytestmark = pytest.mark.xdist_group("demo_crawl")

# The demo's accounts by role, and the applicant of its first application sent (found in the data).
DEMO_ACCOUNTS = {"participant": "participant@civica.test", "editor": "editor@civica.test",
                 "evaluator": "evaluator@civica.test", "facilitator": "facilitator@civica.test",
                 "member": "member@civica.test", "analyst": "analyst@civica.test",
                 # the census import is the administrators' only; vouchers' scoped roles (vouchers/demo.py)
                 "administrator": "admin@civica.test", "voucher_staff": "voucher-staff@civica.test",
                 "referrer": "referrer@civica.test", "venue": "venue@civica.test"}
ROLES = ["anonymous", *DEMO_ACCOUNTS, "applicant"]
# Not fuzzed: Django's admin (not ours), and leaving the session (the crawl goes on signed in).
SKIPPED_NAMESPACES = ("admin",)
SKIPPED_NAMES = {"account_logout", "healthz"}
EXAMPLES = 4  # hypothesis examples per form (or query) per endpoint and role
SLOW_EXAMPLES = 1  # for PDFs and spreadsheets

ODD_VALUES = ["\x00", "a\x00b", "²", "²²²²", "٣", "9" * 25, "-" + "9" * 25, str(2**63), "-1", "0", "1", "abc",
              "", " ", "1e309", "NaN", "2024-13", "2024-02", "2024-02-30", "9999-12-31", "0000-00-00", "12:99",
              "<script>alert(1)</script>", "../../etc/passwd", "💥🏳️‍🌈", "ș" * 3000, "true", "[]", "{}"]
SWEEP_VALUES = ["abc", "²", "9" * 25, "a\x00b"]
MAX_SWEPT_FIELDS = 12
# A formset's counts: a huge one makes Django build up to its absolute maximum of forms (slow, refused).
FORMSET_COUNTS = ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS")
ODD = st.one_of(st.sampled_from(ODD_VALUES), st.integers(min_value=-(2**70), max_value=2**70).map(str),
                st.text(max_size=12))
# What replaces a path's ids and slugs (percent-encoded into the address as they are).
ODD_PATH_VALUES = ["0", "9" * 25, str(2**63), "²²²²", "%00", "abc", "-1", "%C2%B2"]

# 5xx known to come from code another change fixes (xfail until it lands):
ELSEWHERE: dict[str, str] = {}  # endpoint name -> why it may still fail (xfail); none today


@dataclass
class Endpoint:
    name: str
    paths: set = field(default_factory=set)
    query: dict = field(default_factory=lambda: defaultdict(set))  # name -> real values seen
    forms: list = field(default_factory=list)  # (path, [(name, value)], {name: {values}})
    redirected: bool = False  # reached only by a redirect (maybe a refusal): fuzzed after the pages


class PageParser(HTMLParser):
    """Links and forms of a page (inputs, selects, textareas and submit buttons with a name)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.forms, self._form, self._select = [], [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            self._form = {"action": attrs.get("action") or "", "method": (attrs.get("method") or "get").lower(),
                          "fields": [], "choices": defaultdict(set)}
            self.forms.append(self._form)
        elif self._form is not None and attrs.get("name"):
            name = attrs["name"]
            if tag == "input":
                kind = (attrs.get("type") or "text").lower()
                value = attrs.get("value") or ""
                if kind in ("checkbox", "radio", "submit"):
                    self._form["choices"][name].add(value or "on")
                    if kind != "submit" and "checked" not in attrs:
                        return
                if kind != "file":
                    self._form["fields"].append((name, value or ("on" if kind == "checkbox" else "")))
            elif tag == "button":
                self._form["choices"][name].add(attrs.get("value") or "")
                if not any(existing == name for existing, _ in self._form["fields"]):
                    self._form["fields"].append((name, attrs.get("value") or ""))
            elif tag == "textarea":
                self._form["fields"].append((name, ""))
            elif tag == "select":
                self._select = name
                self._form["fields"].append((name, ""))
        if tag == "option" and self._form is not None and self._select:
            self._form["choices"][self._select].add(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def _routes():
    """{URL name: its route's parameter names}, Django's admin and SKIPPED_NAMES left out."""
    def walk(patterns, namespace=None, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or None
                inner = f"{namespace}:{inner}" if namespace and inner else (inner or namespace)
                yield from walk(pattern.url_patterns, inner, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                yield name, re.findall(r"<(?:\w+:)?(\w+)>", prefix + str(pattern.pattern))

    routes = {}
    for name, parameters in walk(get_resolver().url_patterns):
        if name.split(":")[0] not in SKIPPED_NAMESPACES and name not in SKIPPED_NAMES:
            routes.setdefault(name, parameters)
    return routes


def _url_names():
    return list(_routes())


def _names_read_by(callback):
    """The request parameters the view's module reads without a form."""
    module = sys.modules.get(getattr(inspect.unwrap(callback), "__module__", ""))
    try:
        source = inspect.getsource(module)
    except (OSError, TypeError):
        return set(), set()
    read = r"request\.{}\.(?:get|getlist)\(\s*[\"']([\w-]+)[\"']|request\.{}\[[\"']([\w-]+)[\"']\]"
    get_names = {a or b for a, b in re.findall(read.format("GET", "GET"), source)}
    post_names = {a or b for a, b in re.findall(read.format("POST", "POST"), source)}
    return get_names, post_names


def _reads_posts(view):
    try:
        return "request.POST" in inspect.getsource(inspect.unwrap(view))
    except (OSError, TypeError):
        return False


def _in_savepoint(callable_):
    """Run a request and roll back whatever it wrote (also a failed query on PostgreSQL)."""
    cache.clear()  # rate limits start afresh
    with transaction.atomic():
        result = callable_()
        transaction.set_rollback(True)
    return result


def _client_for(role, users):
    client = Client(raise_request_exception=False)
    if users.get(role) is not None:
        client.force_login(users[role])
    return client


def _seeds():
    """The site's lists, and the page of the first few rows of every model that has one."""
    from django.apps import apps

    seeds = ["/ro/"]
    for name in _url_names():
        try:
            seeds.append(reverse(name))
        except NoReverseMatch:
            pass
    with translation.override("ro"):
        for model in apps.get_models():
            if model.__module__.startswith("civica.") and hasattr(model, "get_absolute_url"):
                for row in model._default_manager.order_by("pk")[:3]:
                    try:
                        seeds.append(row.get_absolute_url())
                    except Exception:  # noqa: BLE001 - a row without an address of its own
                        continue
    return seeds


def _known_parameters():
    """Values for route parameters no page shows in a link (per URL namespace), from the demo rows."""
    from civica.calls.models import Application, ApplicationFile, Submission
    from civica.comments.models import Comment
    from civica.network.models import Booking, Space
    from civica.newsletter.models import Consent, Subscriber
    from civica.newsletter.tokens import confirm_token, preferences_token
    from civica.notifications.models import Notification
    from civica.vouchers.models import Beneficiary, Voucher
    from civica.workshops import selectors as workshop_selectors
    from civica.workshops.models import WorkshopTable

    known = defaultdict(list)
    for submission in Submission.objects.select_related("application__call").order_by("pk")[:2]:
        known["calls", "slug"].append(submission.application.call.slug)
        known["calls", "reference"].append(submission.application.reference)
        known["calls", "version"].append(submission.version)
    known["calls", "code"] += list(Application.objects.order_by("pk").values_list("code", flat=True)[:2])
    known["calls", "file_id"] += list(ApplicationFile.objects.order_by("pk").values_list("pk", flat=True)[:2])
    for table in WorkshopTable.objects.select_related("workshop").order_by("pk")[:1]:
        known["workshops", "slug"].append(table.workshop.slug)
        known["workshops", "token"].append(workshop_selectors.table_token(table))
    known["workshops", "action"].append("pause")  # the control panel's buttons: the demo's workshop is closed
    known["network", "slug"] += list(Space.objects.filter(is_bookable=True).values_list("slug", flat=True))
    known["network", "pk"] += list(Booking.objects.order_by("pk").values_list("pk", flat=True)[:2])
    known["comments", "comment_id"] += list(Comment.objects.order_by("-pk").values_list("pk", flat=True)[:2])
    # A voucher's own page is reached by its code (printed on the card, not linked for everyone).
    known["vouchers", "code"] += list(Voucher.objects.order_by("pk").values_list("code", flat=True)[:1])
    known["vouchers", "reference"] += list(Beneficiary.objects.order_by("pk").values_list("reference", flat=True)[:1])
    known["vouchers", "pk"] += list(Voucher.objects.order_by("pk").values_list("pk", flat=True)[:1])
    known["notifications", "pk"] = list(Notification.objects.order_by("-pk").values_list("pk", flat=True)[:1])
    # The newsletter's links come only in e-mails: a demo subscriber's (a used confirmation, preferences).
    known["newsletter", "token"] += [preferences_token(row) for row in Subscriber.objects.order_by("pk")[:1]]
    known["newsletter", "token"] += [confirm_token(row) for row in Consent.objects.filter(action="subscribe")[:1]]
    return known


def _more_addresses(endpoints, visited, known):
    """Addresses of the URL names no link led to, from the route parameters seen or known."""
    seen = defaultdict(list)
    for endpoint in endpoints.values():
        for path in _addresses(endpoint):
            namespace = endpoint.name.partition(":")[0]
            for key, value in resolve(path).kwargs.items():
                seen[namespace, key].append(value)
    addresses = []
    for name, parameters in _routes().items():
        namespace = name.partition(":")[0]
        values = [known.get((namespace, key), []) + seen.get((namespace, key), []) for key in parameters]
        if name in visited or not parameters or not all(values):
            continue
        try:
            kwargs = {key: options[0] for key, options in zip(parameters, values, strict=True)}
            addresses.append(reverse(name, kwargs=kwargs))
        except NoReverseMatch:
            continue
    return addresses


def _crawl(client, seeds, known):
    """One page of each URL name reachable from the seeds, and what it links to and posts."""
    endpoints = {}
    visited = set()
    queue, expanded = list(seeds), False
    while queue or not expanded:
        if not queue:
            queue, expanded = _more_addresses(endpoints, visited, known), True
            continue
        url = queue.pop(0)
        path, _, query = url.partition("?")
        if not path.startswith("/ro/"):
            continue
        try:
            name = resolve(path).view_name
        except Resolver404:
            continue
        if name.split(":")[0] in SKIPPED_NAMESPACES or name in SKIPPED_NAMES:
            continue
        endpoint = endpoints.setdefault(name, Endpoint(name))
        for key, value in parse_qsl(query, keep_blank_values=True):
            endpoint.query[key].add(value)
        if name in visited:
            continue
        response = _in_savepoint(lambda url=url: client.get(url))
        if response.status_code == 405 and not endpoint.forms:  # POST only: what it reads comes from its view
            endpoint.forms.append((path, [], {}))
        if response.status_code in (301, 302, 303) and "/accounts/login/" not in response["Location"]:
            endpoint.paths.add(path)  # a view that answers by sending elsewhere (opening a notification)
            endpoint.redirected = True
        if response.status_code != 200:
            continue
        endpoint.redirected = False
        visited.add(name)
        endpoint.paths.add(path)
        if _reads_posts(resolve(path).func) and not any(form[0] == path for form in endpoint.forms):
            endpoint.forms.append((path, [], {}))  # a form the demo's state does not show (yet)
        if "html" not in response.get("Content-Type", ""):
            continue
        parser = PageParser()
        parser.feed(response.content.decode(errors="replace"))
        for href in parser.links:
            parts = urlsplit(urljoin(url, href))
            if parts.netloc in ("", "testserver"):
                queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
        for form in parser.forms:
            action = urlsplit(urljoin(url, form["action"] or url))
            if action.netloc not in ("", "testserver") or not action.path.startswith("/ro/"):
                continue
            try:
                target_name = resolve(action.path).view_name
            except Resolver404:
                continue
            target = endpoints.setdefault(target_name, Endpoint(target_name))
            if form["method"] == "post":
                if len(target.forms) < 3 and not any(known[0] == action.path and known[1] == form["fields"]
                                                     for known in target.forms):
                    target.forms.append((action.path, form["fields"], form["choices"]))
            else:
                for key, value in form["fields"]:
                    target.query[key].add(value)
                for key, values in form["choices"].items():
                    target.query[key] |= values
    return endpoints


def _value(real_values):
    real = sorted(value for value in real_values if value)
    return st.one_of(st.sampled_from(real), ODD) if real else ODD


def _fields(pairs):
    """Hypothesis draws a value per field name, or leaves the field out."""
    return st.fixed_dictionaries({}, optional={name: values for name, values in pairs.items()})


def _rows_the_demo_lacks(users):
    """What the demo has none of and some endpoints need: a booking awaiting confirmation, a
    notification and a comment still editable (the participant's)."""
    import datetime

    from django.utils import timezone

    from civica.comments import services as comment_services
    from civica.network import services as network_services
    from civica.network.models import Space
    from civica.notifications.services import notify
    from civica.participation.models import Idea

    member = users["member"]
    space = Space.objects.taking_bookings().order_by("pk").first()
    organisation = member.representations.first().organisation
    day = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0) + datetime.timedelta(days=3)
    network_services.space_book(space=space, organisation=organisation, starts_at=day,
                                ends_at=day + datetime.timedelta(hours=2), purpose="Atelier", by=member)
    notify(recipients=[users["participant"]], message=lambda: "Fuzz", url="/ro/")
    participant = users["participant"]
    for idea in Idea.objects.select_related("process").order_by("pk"):
        if participant.has_perm("comments.post", idea):
            comment_services.comment_post(target=idea, by=participant, body="Un comentariu")
            break


@pytest.fixture(scope="module")
def crawled(django_db_setup, django_db_blocker):
    """The demo data, and what each role finds in it; rolled back when the module is done."""
    from civica.accounts.models import User
    from civica.calls.models import Application

    # i18n_patterns resolve only the active language's prefix: the crawl reads Romanian addresses
    with django_db_blocker.unblock(), translation.override("ro"):
        with transaction.atomic():
            call_command("loaddemo", verbosity=0)
            users = {role: User.objects.get(email=email) for role, email in DEMO_ACCOUNTS.items()}
            users["applicant"] = Application.objects.exclude(status="draft").order_by("pk").first().applicant
            _rows_the_demo_lacks(users)
            seeds, known = _seeds(), _known_parameters()
            yield users, {role: _crawl(_client_for(role, users), seeds, known) for role in ROLES}
            transaction.set_rollback(True)


def _addresses(endpoint):
    return sorted(endpoint.paths | {form[0] for form in endpoint.forms})


def _send(client, method, path, data, problems):
    response = _in_savepoint(lambda: getattr(client, method)(path, data))
    if response.status_code >= 500:
        error = getattr(response, "exc_info", None)
        problems.append(f"{method.upper()} {path} {data!r} -> {response.status_code} {error and error[1]!r}")


def _fuzz(fields, examples, send, real, read_by_view, sweep=True):
    """One odd value in one field at a time, the others real (this finds what a random mix misses:
    the one field a view converts by hand), for each ``action`` the form offers; then a few random
    mixes. The sweep covers the fields the view reads itself and those holding numbers."""
    swept = [name for name in fields if not name.endswith(FORMSET_COUNTS) and (
        name in read_by_view or not real.get(name) or any(re.fullmatch(r"-?[0-9]+", v) for v in real[name]))]
    for action in (real.get("action") or [None]) if sweep else []:
        base = {key: values[0] for key, values in real.items() if values}
        if action is not None:
            base["action"] = action
        for name in swept[:MAX_SWEPT_FIELDS]:
            for odd in SWEEP_VALUES:
                send({**{key: value for key, value in base.items() if key != name}, name: odd})

    @hypothesis_settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                         suppress_health_check=list(HealthCheck))
    @given(_fields(fields))
    def fuzz(data):
        send(data)

    fuzz()


def _fuzz_endpoint(client, endpoint, examples, problems, done):
    """Its query string, then each of its forms, each once: ``done`` holds the (method, address,
    names) that a role before this one has fuzzed already."""
    get_names, post_names = _names_read_by(resolve(_addresses(endpoint)[0]).func)
    if endpoint.paths:
        path = sorted(endpoint.paths)[0]
        query = {name: _value(endpoint.query.get(name, ())) for name in sorted(set(endpoint.query) | get_names)}
        signature = ("get", path, tuple(query))
        if query and signature not in done:
            done.add(signature)
            real = {name: sorted(endpoint.query.get(name, ())) for name in query}
            _fuzz(query, examples, lambda data: _send(client, "get", path, data, problems), real, get_names,
                  sweep=examples == EXAMPLES)
    for form_path, pairs, choices in endpoint.forms:
        real = defaultdict(set)
        for name, value in pairs:
            real[name].add(value)
        for name, values in choices.items():
            real[name] |= values
        fields = {name: _value(real[name]) for name in sorted(set(real) | post_names)}
        signature = ("post", form_path, tuple(fields))
        if fields and signature not in done:
            done.add(signature)
            _fuzz(fields, examples, lambda data, form_path=form_path: _send(client, "post", form_path, data, problems),
                  {name: sorted(values) for name, values in real.items()}, post_names, sweep=examples == EXAMPLES)


def _fuzz_path(client, endpoint, problems, done):
    """Each id, slug or code in the address replaced by odd values: not found, never an error."""
    path = _addresses(endpoint)[0]
    if ("path", path) in done:
        return
    done.add(("path", path))
    for value in resolve(path).kwargs.values():
        segment = quote(str(value), safe="")
        if f"/{segment}/" not in path and f"/{segment}." not in path:
            continue
        for odd in ODD_PATH_VALUES:
            odd_path = path.replace(f"/{segment}/", f"/{odd}/", 1).replace(f"/{segment}.", f"/{odd}.", 1)
            for method in ("get", "post"):
                _send(client, method, odd_path, {}, problems)


def _cases():
    for name in _url_names():
        if name in ELSEWHERE:
            yield pytest.param(name, marks=pytest.mark.xfail(reason=ELSEWHERE[name], strict=False))
        else:
            yield name


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(_cases()))
def test_no_input_makes_an_endpoint_fail(crawled, name, settings):
    settings.ACCOUNT_RATE_LIMITS = False
    with translation.override("ro"):  # resolve() reads the active language's prefix
        problems = _fuzz_as_every_role(crawled, name)
    assert not problems, "\n".join(problems[:20])


def _fuzz_as_every_role(crawled, name):
    users, found = crawled
    problems, done, reached = [], set(), False
    # roles that reach a page (or a form) first: fuzzing goes once per address and field names
    for role in sorted(ROLES, key=lambda role: getattr(found[role].get(name), "redirected", False)):
        endpoint = found[role].get(name)
        if endpoint is None or not (endpoint.paths or endpoint.forms):
            continue
        reached = True
        client = _client_for(role, users)
        slow = any(path.endswith((".pdf", ".xlsx", ".csv", ".ics")) for path in _addresses(endpoint))
        _fuzz_endpoint(client, endpoint, SLOW_EXAMPLES if slow else EXAMPLES, problems, done)
        _fuzz_path(client, endpoint, problems, done)
    if not reached:
        pytest.skip(f"no page of the demo leads to {name} for any role "
                    f"(endpoints found: {', '.join(f'{role} {len(found[role])}' for role in ROLES)})")
    return problems
