"""What governance holds about a person, for download-my-data and delete-my-account: the votes cast
for their organisations (motions/personal_data.py)."""

from .motions import personal_data as motions_personal_data


def export(user) -> dict:
    return {**motions_personal_data.export(user)}


def erase(user) -> None:
    motions_personal_data.erase(user)
