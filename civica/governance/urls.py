from .motions.urls import urlpatterns as motion_urlpatterns

app_name = "governance"

# The bodies' public pages are added with their views; the motions' screens are in motions/urls.py.
urlpatterns = [] + motion_urlpatterns
