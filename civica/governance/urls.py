from django.urls import path

from .seat_calls import views as seat_call_views

app_name = "governance"

# The bodies' public pages and the motions' screens are added with their views.
urlpatterns = [
    path("<slug:slug>/seat-calls/new/", seat_call_views.seat_call_new, name="seat_call_new"),
]
