"""The observatory's addresses, one list per capability package (each ``<package>/urls.py``), in the order
they are tried; every name is in the ``observatory`` namespace."""

from .campaigns import urls as campaigns
from .catalogue import urls as catalogue
from .dashboards import urls as dashboards
from .downloads import urls as downloads
from .goals import urls as goals
from .impact import urls as impact

app_name = "observatory"

urlpatterns = [
    *impact.urlpatterns,  # an organisation's own figures beside its sector's
    *dashboards.urlpatterns,  # dashboards and the sector's diagnosis
    *downloads.urlpatterns,  # open data: the catalogue and its downloads
    *campaigns.urlpatterns,  # data collection campaigns
    *catalogue.urlpatterns,  # the analysts' catalogue and import
    *goals.urlpatterns,  # the SDGs and the climate mission
]
