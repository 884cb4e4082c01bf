from civica.participation.polls.results import choice_counts, ranking_scores, scale_summary

CHOICES = [(1, "Parc"), (2, "Bibliotecă"), (3, "Piste")]


def test_choice_counts_and_shares():
    results = choice_counts(CHOICES, [1, 1, 3, 1], respondents=4)
    expected = [("Parc", 3, 0.75), ("Bibliotecă", 0, 0.0), ("Piste", 1, 0.25)]
    assert [(r.text, r.count, r.share) for r in results] == expected
    assert choice_counts(CHOICES, [], respondents=0)[0].share == 0.0


def test_ranking_uses_borda_points():
    # Two people: (Piste, Parc, Bibliotecă) and (Parc, Piste, Bibliotecă).
    ranks = [(3, 1), (1, 2), (2, 3), (1, 1), (3, 2), (2, 3)]
    results = ranking_scores(CHOICES, ranks)
    assert [(r.text, r.points, r.mean_rank) for r in results] == [
        ("Parc", 5, 1.5), ("Piste", 5, 1.5), ("Bibliotecă", 2, 3.0)
    ]


def test_scale_summary():
    summary = scale_summary([5, 4, 4, 1])
    assert summary["mean"] == 3.5 and summary["count"] == 4
    assert summary["distribution"][3] == (4, 2, 0.5)
    assert scale_summary([])["mean"] is None
