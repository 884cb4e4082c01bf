"""Reads about follows and notifications: who follows a target, whether someone does, what is unread."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

from .models import Follow, Notification


def followers(target):
    return get_user_model().objects.filter(
        follows__target_type=ContentType.objects.get_for_model(target), follows__target_id=target.pk, is_active=True
    )


def is_following(user, target) -> bool:
    return Follow.objects.filter(
        user=user, target_type=ContentType.objects.get_for_model(target), target_id=target.pk
    ).exists()


def unread_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
