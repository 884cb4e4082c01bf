"""What the bodies hold about a person, for download-my-data and delete-my-account: the seats they held
(body, role, on behalf of which organisation, from, to), and the votes they cast for their organisations
(motions/personal_data.py: the organisation's vote stays counted). On deletion each term keeps its seat, role and
dates without the person: the account is unlinked and the public name emptied, so the seat's history
still shows that the seat was held, and when."""

from . import selectors
from .models import Term
from .motions import personal_data as motions_personal_data


def export(user) -> dict:
    terms = selectors.person_terms(user)
    votes = {name: rows for name, rows in motions_personal_data.export(user).items() if rows}
    if not terms:
        return votes
    return {**votes, "seats": [
        {"body": term.seat.body.name_ro, "body_slug": term.seat.body.slug, "role": term.seat.role,
         "name_shown": term.holder_name, "on_behalf_of": term.organisation.name if term.organisation else None,
         "from": term.starts_on.isoformat(), "to": term.ends_on.isoformat() if term.ends_on else None}
        for term in terms]}


def erase(user) -> None:
    Term.objects.filter(holder=user).update(holder=None, holder_name="")
    motions_personal_data.erase(user)
