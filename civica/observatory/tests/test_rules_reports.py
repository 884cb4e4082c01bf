"""Truth table of the diagnosis reports: every role, for each permission and for each analysts' screen
(anonymous visitors are sent to log in, others without the right get a 403, analysts get the screen);
a draft's page is the analysts' alone, a published one everyone's."""

import pytest

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.network.tests.factories import OrganisationFactory
from civica.observatory.models import ReportStatus
from civica.observatory.tests.factories import ReportFactory, ReportSectionFactory

KINDS = ["anonymous", "inactive", "unverified", "participant", "member_representative", "moderator",
         "evaluator", "facilitator", "editor", "administrator", "analyst", "superuser"]
ANALYSTS = {"analyst", "superuser"}
# permission → the kinds that hold it, for a draft report (and a published one, for view_report).
PERMISSIONS = {
    "observatory.manage_reports": ANALYSTS,
    "observatory.publish_report": ANALYSTS,
    "observatory.read_report": ANALYSTS,
}
VIEW_PUBLISHED = set(KINDS)


@pytest.fixture
def make(make_user):
    def make(kind):
        if kind == "analyst":
            return UserFactory(role=Role.ANALYST)
        if kind in {"evaluator", "facilitator"}:
            return make_user(kind, scope=OrganisationFactory())
        return make_user(kind)

    return make


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("permission", sorted(PERMISSIONS))
def test_permissions(make, kind, permission):
    user, draft = make(kind), ReportFactory()
    assert user.has_perm(permission, draft) == (kind in PERMISSIONS[permission])


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_a_published_report_is_everyones(make, kind):
    assert make(kind).has_perm("observatory.read_report", ReportFactory(status=ReportStatus.PUBLISHED)) == (
        kind in VIEW_PUBLISHED)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_the_screens_answer_by_role(client, make, kind):
    report = ReportFactory(slug="diagnoza-2021")
    section = ReportSectionFactory(report=report)
    urls = ["/en/observatory/reports/manage/", "/en/observatory/reports/manage/new/",
            "/en/observatory/reports/manage/diagnoza-2021/",
            "/en/observatory/reports/manage/diagnoza-2021/sections/new/",
            f"/en/observatory/reports/manage/diagnoza-2021/sections/{section.pk}/"]
    user = make(kind)
    if kind not in {"anonymous", "inactive"}:
        client.force_login(user)
    for url in urls:
        status = client.get(url).status_code
        expected = 302 if kind in {"anonymous", "inactive"} else 200 if kind in ANALYSTS else 403
        assert status == expected, (url, status)
    # A draft's page is seen by analysts only; once published, by everyone.
    expected = 200 if kind in ANALYSTS else 404
    assert client.get("/en/observatory/reports/diagnoza-2021/").status_code == expected
    report.status = ReportStatus.PUBLISHED
    report.save()
    assert client.get("/en/observatory/reports/diagnoza-2021/").status_code == 200
    assert client.get("/en/observatory/").status_code == 200
