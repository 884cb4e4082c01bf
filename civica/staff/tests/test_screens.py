"""Issue 16's "done when": every staff screen that replaces Django admin for daily work exists for
editors and refuses participants (and sends visitors to log in). Each app's own tests go through
every one of its screens and roles; this is the site-wide list, so a screen that disappears or opens
to the wrong people is caught here whichever app it lives in."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

# The entry screen and the "new" screen of each area the staff run.
SCREENS = [
    "staff:dashboard",
    "participation:manage_list", "participation:manage_new",
    "calls:manage_list", "calls:manage_new",
    "meetings:manage_list", "meetings:manage_new",
    "workshops:manage_list", "workshops:manage_new",
    "accountability:manage_list", "accountability:manage_new",
    "network:manage", "network:manage_organisations", "network:manage_organisation_new",
    "network:manage_programmes", "network:manage_programme_new",
    "network:manage_spaces", "network:manage_space_new",
    "network:manage_figures", "network:manage_figure_new",
    "news:manage_list", "news:manage_new",
    "newsletter:manage_list", "newsletter:manage_new",
    "governance:manage", "governance:manage_body_new",
]


@pytest.mark.parametrize("name", SCREENS)
def test_each_staff_screen_is_for_editors(client, editor, participant, name):
    url = reverse(name)
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    client.force_login(participant)
    assert client.get(url).status_code == 403
    client.force_login(editor)
    page = client.get(url)
    assert page.status_code == 200
    assert b"<h1" in page.content
