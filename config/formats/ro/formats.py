# Romanian number format as the centre writes it: 11.155.779,75
from django.conf.locale.ro.formats import *  # noqa: F403

DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
