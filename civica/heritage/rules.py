"""Who may do what in the heritage inventory. One line a permission; the heritage objects' pre-moderation
is registered here too (as news and participation register their kinds).

Anyone reads a published locality, its public objects, published sites and the craftspeople whose consent
is recorded. The centre's editors (administrators too) keep the inventory on the staff screens, read the
photos' originals and record or withdraw consent. A Roots youth (``Role.ROOTS``, for one locality or for
the whole network) proposes heritage objects; the proposal waits for the locality's moderators (the
site's moderators and editors, or a moderator given that locality), through ``civica.moderation``; its
author sees it while it waits. A craftsperson with an account reads their own entry and gives or withdraws
their consent."""

import rules
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from civica.accounts.predicates import is_editor, role_keys
from civica.accounts.roles import Role
from civica.core import refusals
from civica.core.permissions import add_admin_perms
from civica.core.refusals import Requirements
from civica.moderation.models import UNPUBLISHED
from civica.moderation.predicates import is_target_author, moderates
from civica.moderation.registry import Moderatable, moderatables, premoderation

from .models import HeritageObject, Locality


@rules.predicate
def is_roots_of(user, locality):
    """A Roots youth for the whole network, or for this locality."""
    if not user.is_authenticated or not user.is_active:
        return False
    keys = role_keys(user)
    if (Role.ROOTS, None, None) in keys:
        return True
    return locality is not None and (Role.ROOTS, ContentType.objects.get_for_model(Locality).pk, locality.pk) in keys


@rules.predicate
def is_roots_somewhere(user):
    return any(role == Role.ROOTS for role, _type, _id in role_keys(user))


@rules.predicate
def locality_is_published(user, locality):
    return locality is not None and locality.is_published


@rules.predicate
def object_is_public(user, heritage_object):
    return (heritage_object is not None and not heritage_object.is_hidden
            and heritage_object.review_state not in UNPUBLISHED and heritage_object.locality.is_published)


@rules.predicate
def is_listed(user, person):
    return person is not None and person.has_consent and person.locality.is_published


@rules.predicate
def is_the_person(user, person):
    return person is not None and user.is_authenticated and person.user_id == user.pk


@rules.predicate
def has_consent(user, person):
    return person is not None and person.has_consent


rules.add_perm("heritage.read_locality", locality_is_published | is_editor)
rules.add_perm("heritage.read_object", object_is_public | is_editor | is_target_author | moderates)
rules.add_perm("heritage.read_person", is_listed | is_the_person | is_editor)
rules.add_perm("heritage.manage", is_editor)
rules.add_perm("heritage.read_original", is_editor)
refusals.add_perm("heritage.propose", Requirements(
    (rules.is_authenticated, gettext_lazy("Log in to propose a heritage entry.")),
    (is_roots_of | is_editor, gettext_lazy("Entries are proposed by the Roots group's young people of this "
                                           "locality, and by the centre's staff."), "roots"),
))
rules.add_perm("heritage.propose_somewhere", is_roots_somewhere | is_editor)
refusals.add_perm("heritage.withdraw_consent", Requirements(
    (is_the_person | is_editor, gettext_lazy("Only the person listed, or the centre's staff, withdraw this "
                                             "consent."), "person"),
    (has_consent, gettext_lazy("There is no consent to withdraw: this entry is not public."), "consent"),
))
refusals.add_perm("heritage.give_consent", Requirements(
    (is_the_person | is_editor, gettext_lazy("Only the person listed, or the centre's staff on their written "
                                             "consent, record it."), "person"),
    (~has_consent, gettext_lazy("The consent is already recorded."), "no_consent"),
))
add_admin_perms("heritage", ["locality", "heritageobject", "craftsperson", "site", "heritagephoto"], is_editor)

def _touch(heritage_object):
    HeritageObject.objects.filter(pk=heritage_object.pk).update(updated_at=timezone.now())


moderatables.register(Moderatable(
    model=HeritageObject, kind="heritage-objects", scope_of=lambda heritage_object: heritage_object.locality,
    scope_field="locality",
    describe=lambda heritage_object: gettext_lazy("your heritage entry “%(name)s”") % {
        "name": heritage_object.name_ro},
    moderate_url=lambda heritage_object: reverse("heritage:moderate", args=[heritage_object.pk]),
    author_of=lambda heritage_object: heritage_object.proposed_by,
    queue_queryset=lambda rows: rows.select_related("locality", "proposed_by"),
    # Approved (or waiting again), the record appears in (or leaves) OAI-PMH: its datestamp moves.
    on_publish=lambda heritage_object: _touch(heritage_object),
    on_unpublish=lambda heritage_object: _touch(heritage_object),
    review_text=lambda heritage_object: "\n".join([heritage_object.name_ro, heritage_object.name_en,
                                                   heritage_object.lmi_code, heritage_object.description_ro,
                                                   heritage_object.description_en]),
))
# Every proposal waits: the inventory publishes only what staff have read.
premoderation.register(Locality, lambda locality: True)
