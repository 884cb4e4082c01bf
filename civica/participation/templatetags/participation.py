from django import template

from civica.participation.phases import phase_contents

register = template.Library()


@register.filter
def phase_name(kind):
    """The name of a kind of phase ("ideas" → "Ideas"/"Idei")."""
    return phase_contents[kind].name if kind in phase_contents else kind
