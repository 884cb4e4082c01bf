"""News and press releases: bilingual articles written by the centre's editors (issue 15, point 2)."""
