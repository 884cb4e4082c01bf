from django import template

from civica.calls.application_form import TABLE_ROWS, TEAM_ROWS

register = template.Library()


@register.simple_tag
def table_rows(form, field):
    """The bound fields of a budget table or a team list, one tuple a row."""
    if field.kind == "budget_table":
        return [(form[f"{field.key}__item_{row}"], form[f"{field.key}__amount_{row}"]) for row in range(TABLE_ROWS)]
    return [(form[f"{field.key}__name_{row}"], form[f"{field.key}__role_{row}"]) for row in range(TEAM_ROWS)]


@register.filter
def get_bound(form, name):
    return form[name]


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.filter
def join_if_list(value):
    return "; ".join(str(item) for item in value) if isinstance(value, list) else value
