"""What open data adds to an indicator: the licence its dataset is published under.

Every published indicator is a dataset of the open-data catalogue (``/observatory/data/``). Its licence is
CC BY 4.0 unless an analyst states another here: one ``DatasetLicence`` row per indicator that departs
from the default, so the indicators' own table (the core's) stays as it is."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Licence(models.TextChoices):
    """Licences an open dataset may have, named by their SPDX identifiers."""

    CC_BY_4_0 = "CC-BY-4.0", _("Creative Commons Attribution 4.0")
    CC_BY_SA_4_0 = "CC-BY-SA-4.0", _("Creative Commons Attribution-ShareAlike 4.0")
    CC0_1_0 = "CC0-1.0", _("Creative Commons Zero 1.0 (public domain)")


DEFAULT_LICENCE = Licence.CC_BY_4_0

# Where each licence is defined: the ``dct:license`` of a distribution in DCAT-AP.
LICENCE_URLS = {
    Licence.CC_BY_4_0: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA_4_0: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC0_1_0: "https://creativecommons.org/publicdomain/zero/1.0/",
}


class DatasetLicence(models.Model):
    """An indicator's dataset published under another licence than CC BY 4.0."""

    indicator = models.OneToOneField("observatory.Indicator", on_delete=models.CASCADE, primary_key=True,
                                     related_name="dataset_licence", verbose_name=_("indicator"))
    licence = models.CharField(_("licence"), max_length=20, choices=Licence.choices, default=DEFAULT_LICENCE)
    # Who must be credited, when not the publisher alone (a survey's authors).
    attribution = models.CharField(_("attribution"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("dataset licence")
        verbose_name_plural = _("dataset licences")

    def __str__(self):
        return f"{self.indicator_id}: {self.licence}"
