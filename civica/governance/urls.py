app_name = "governance"

# The bodies' public pages and the motions' screens are added with their views.
urlpatterns = []
