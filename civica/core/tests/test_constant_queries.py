"""The root conftest's ``assert_constant_queries`` catches a page whose queries grow with its rows."""

import pytest

from civica.accounts.models import User


class Page:
    """A stand-in for the test client: one query per row it is told about, plus one."""

    status_code = 200

    def __init__(self, rows):
        self.rows = rows

    def get(self, url):
        User.objects.exists()
        for _row in self.rows:
            User.objects.exists()
        return self


@pytest.mark.django_db
def test_a_constant_page_passes_and_its_counts_are_returned(assert_constant_queries):
    rows = [1]
    assert assert_constant_queries(Page([]), ["/a/", "/b/"], lambda: rows.append(2)) == [1, 1]
    assert assert_constant_queries(Page([]), "/a/", lambda: None, expected=1) == [1]


@pytest.mark.django_db
def test_a_page_growing_with_its_rows_fails_naming_the_address(assert_constant_queries):
    rows = [1]
    with pytest.raises(AssertionError, match="/grows/: 2 queries with few rows, 4 with more"):
        assert_constant_queries(Page(rows), "/grows/", lambda: rows.extend([2, 3]))


@pytest.mark.django_db
def test_a_pinned_count_is_checked(assert_constant_queries):
    with pytest.raises(AssertionError, match=r"query counts \[1\], expected \[2\]"):
        assert_constant_queries(Page([]), "/a/", lambda: None, expected=2)


@pytest.mark.django_db
def test_an_error_page_fails(assert_constant_queries):
    page = Page([])
    page.status_code = 500
    with pytest.raises(AssertionError, match="/a/ answered 500"):
        assert_constant_queries(page, "/a/", lambda: None)
