from django.urls import path

from . import views

app_name = "pages"

# The public pages keep their addresses (the accessibility statement and the privacy notice were the
# content app's); each is a Page row of that slug.
PUBLIC_PAGES = ("about", "ciic", "accessibility", "privacy")

urlpatterns = [
    *[path(f"{slug}/", views.page_detail, {"slug": slug}, name=slug) for slug in PUBLIC_PAGES],
    path("pages/", views.page_list, name="list"),
    path("pages/<slug:slug>/edit/", views.page_edit, name="edit"),
    path("pages/<slug:slug>/history/", views.page_history, name="history"),
    path("pages/<slug:slug>/restore/", views.page_restore, name="restore"),
]
