from .models import Category, Organisation, Programme, Space


def organisation_directory(*, category: str | None = None):
    organisations = Organisation.objects.order_by("name")
    if category in Category.values:
        organisations = organisations.filter(category=category)
    return organisations


def programme_list():
    return Programme.objects.select_related("organisation").order_by("position", "name_ro")


def space_list():
    return Space.objects.select_related("programme").order_by("position", "name_ro")
