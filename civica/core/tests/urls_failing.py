"""The site's URLs plus one that always fails: how the error page of a running site looks."""

from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def fail(request):
    raise RuntimeError("a deliberate failure")


urlpatterns = [path("fail/", fail), *site_urlpatterns]
