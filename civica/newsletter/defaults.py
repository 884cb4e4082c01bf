"""The three lists the centre's plans name (issue 15, point 4): its monthly newsletter (the first, which
the compact subscribe boxes offer), the innovation division's (CIIC) and Art & Well-being's. Made by
migration 0002, and again by the demo data (a test database emptied between tests loses them).
Plain data only: the migration imports it."""

LISTS = [
    (
        "ccc-monthly",
        1,
        "Newsletter-ul lunar al Centrului Cultural Clujean",
        "The Cluj Cultural Centre's monthly newsletter",
        "O dată pe lună: evenimentele, apelurile și știrile centrului.",
        "Once a month: the centre's events, open calls and news.",
    ),
    (
        "civic-innovation",
        2,
        "Divizia de Inovare și Imaginație Civică",
        "The Civic Innovation and Imagination Division",
        "Consultări, ateliere și proiecte de imaginație civică.",
        "Consultations, workshops and civic imagination projects.",
    ),
    (
        "art-wellbeing",
        3,
        "Artă și Stare de Bine",
        "Art & Well-being",
        "Programul Artă și Stare de Bine: forumuri, cercetare și activități.",
        "The Art & Well-being programme: forums, research and activities.",
    ),
]


def ensure_lists(model):
    """Create or update the lists on ``model`` (the real ``NewsletterList`` or the migration's)."""
    for slug, position, name_ro, name_en, description_ro, description_en in LISTS:
        model.objects.update_or_create(
            slug=slug,
            defaults={
                "position": position,
                "name_ro": name_ro,
                "name_en": name_en,
                "description_ro": description_ro,
                "description_en": description_en,
            },
        )
