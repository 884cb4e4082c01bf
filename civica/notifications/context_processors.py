"""The header's unread count."""


def notifications(request):
    """The unread count in the header (one small indexed query, for signed-in people only)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from .selectors import unread_count

    return {"unread_notifications": unread_count(user)}
