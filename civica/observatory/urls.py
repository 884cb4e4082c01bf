from django.urls import path  # noqa: F401 -- the slices add their pages here

app_name = "observatory"

urlpatterns = []
