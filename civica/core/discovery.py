"""Per-app contributions found by module name, in INSTALLED_APPS order.

An app takes part in the demo data by having a ``demo.py`` with ``load(log)``, and
in download-my-data / delete-my-account by having a ``personal_data.py`` with
``export(user) -> dict`` and ``erase(user)``. The order of INSTALLED_APPS is the
order of dependency (accounts before network, meetings and accountability before workshops,
and so on).
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps


def app_modules(module_name: str):
    """Yield ``(app_config, module)`` for every installed app that has ``module_name``."""
    for app_config in apps.get_app_configs():
        dotted = f"{app_config.name}.{module_name}"
        if find_spec(dotted) is not None:
            yield app_config, import_module(dotted)
