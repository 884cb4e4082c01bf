"""Opinion map of agree/disagree votes, computed the way Pol.is computes it, so results compare.

`map_opinions(votes)` takes `(participant_id, statement_id, vote)` triples (vote 1 agree, -1 disagree,
0 pass; ids any hashable) and returns an `OpinionMap`: who is in which group, where everyone sits on
a two-dimensional map, what each group votes unlike the rest, and what all groups share.

Checked against the ten real Pol.is conversations of the project's shared data (`shared/data/polis/`):
`bench/bench_opinion_map.py` prints, per conversation, the adjusted Rand index (ARI) of our groups and
of red-dwarf's (the Python port of Pol.is's computation) against Pol.is's own `group-id`, with the
mean and the worst, in one run (figures in `bench/opinion_map.md`: mean 0.72 for us, 0.56 for
red-dwarf). Three of them are test fixtures (`tests/data/polis/`): `tests/test_polis_agreement.py`
fails below a mean of 0.8 on those.

The method, after Pol.is's `math/src/polismath/math/{conversation,pca,clusters,repness}.clj`:

1. Votes: the last vote of a participant on a statement counts. With triples, "last" is the last
   occurrence in the iterable; quadruples `(participant, statement, vote, timestamp)` make it the
   latest timestamp (ties: the later occurrence), which does not depend on the input's order.
2. Who is placed: participants with at least `min(min_votes, number of statements)` votes, as Pol.is's
   `in-conv` (votes on moderated statements count there too, as in Pol.is). The others are left out
   of the groups and listed in `left_out` with the reason.
3. Matrix: participants × statements, moderated statements (`exclude_statements`) removed, each
   missing vote imputed by its statement's mean vote. Every participant with a vote shapes the
   statement means and the axes, as in Pol.is, where the matrix holds everyone.
4. PCA to two components; each participant's projection is scaled by sqrt(n_statements / n_voted) so
   people who voted little are not all drawn in the centre. Pol.is zeroes a moderated statement's
   column instead of dropping it, so there a moderated statement still counts in n_statements and as
   a vote of every participant; we count it the same way. It matters: with the plain scaling the
   groups agree with Pol.is's at ARI 0.75–0.86 (Seattle) and 0.84 (Canada), with Pol.is's at
   0.94–1.0 and 1.0 (seeds 0–4).
5. Base clusters: k-means with up to 100 clusters on the placed participants' map positions (fewer
   when there are fewer distinct positions, which are then the base clusters themselves).
6. Groups: k-means over the base-cluster centres weighted by their sizes, for k = 2 … min(max_groups,
   2 + base clusters // 12); the grouping with the best silhouette wins (Pol.is's
   `group-clusterings-silhouettes`; ties go to the smaller k), among those without an outlier group
   (below). There are always two groups or more, as in Pol.is, unless everyone placed sits at one or
   two positions or `max_groups` is 1.
7. Representative statements and group-aware consensus: see `repness.py`.

Where we choose differently from Pol.is, and why:

- Weak structure is flagged, not hidden. Noise split into groups still scores a silhouette of 0.3–0.5,
  as real conversations do, so we also ask whether the first principal axis carries more variance
  than chance: the variance along it is compared with that of the same matrix once each statement's
  votes are shuffled among the people who voted on it (parallel analysis: same statements, same vote
  shares, same people with the same number of votes, no link between statements), over
  `NULL_SHUFFLES` shuffles of at most `NULL_SAMPLE` participants. The ratio is `structure_ratio`;
  at or below `STRUCTURE_MARGIN` (10 %) `weak_structure` is true and the map should say its groups
  may be chance. It used to put everyone in one group instead; Pol.is never does, so wherever the test
  fired on a real conversation the map disagreed with Pol.is entirely (ARI 0), and real conversations
  come close to the margin (London youth policing: 1.18–1.27 over seeds). The groups are now always
  Pol.is's; the flag carries the doubt.
- No outlier split off as a group of its own. A grouping counts only if each of its groups holds at
  least `MIN_GROUP_SHARE` (2 %) of the placed participants, unless no k-means run finds such a grouping
  (then the best of all runs). The silhouette, which picks among runs, loves a lone far-off
  participant split off from everyone else: the rest are far nearer to each other than to them and
  score close to 1. Pol.is does not choose its groupings by silhouette (only their number), and its
  groups grow from places many people share, so it does not show such a group. On Bowling Green 2050
  the best silhouette split off one participant, [106, 1] (ARI 0.19); Pol.is's small group is the
  eight at that side of the map, [99, 8]; with the rule we find [102, 5] (ARI 0.73). Mean ARI over the
  ten: 0.663 without the rule, 0.716 with 2 % (0.725 with 5 %; 2 % was chosen as the least that keeps
  one or two people in a hundred from being a group, not by the score).
- The whole picture at once instead of Pol.is's history. Pol.is computes incrementally: each k-means
  starts from the previous update's clusters, the PCA from the previous axes, and the group count
  changes only after four updates agree (`group-k-smoother`). From the final votes in one go, a
  single k-means run lands in one of several local optima, and the one with the least inertia is
  not Pol.is's: on the reference conversations Pol.is's groups have a higher silhouette than the
  k-means optimum. So each k gets `GROUP_RESTARTS` k-means++ restarts and we keep the grouping with
  the best silhouette, Pol.is's own measure of a grouping (best inertia instead: ARI 0.86–0.94
  Seattle, 0.90–0.96 Canada, mean 0.65–0.67 over the ten; best silhouette: 0.94–1.0, 1.0 and
  0.71–0.73 over the ten, seeds 0–2).
- The silhouette is the participants' (each base cluster weighted by its members, distances between
  centres), not the base clusters' as in Pol.is: with unweighted base clusters, four participants
  at one spot count as one, and on small conversations two outliers can outvote a camp and split
  it off as a third group. It equals the participants' silhouette when base clusters are distinct
  positions, and costs the same as Pol.is's at any size.
- Deterministic for a given `seed`: exact PCA (eigenvectors of the statements' covariance; ARPACK
  with a fixed start vector on large matrices), seeded k-means++, and ids put in a canonical order
  first (sorted; mixed types by type name, then value) so the input's order cannot change the answer.
- What is still not Pol.is's, measured. (1) Pol.is's groups come from its history: each update
  starts its k-means from the last update's clusters, and the number of groups changes only after
  four updates agree. Replaying the votes in time order through Pol.is's own warm starts, k-smoother
  and in-conv rule (20 updates; an experiment, not in the code) agreed with the exported groups less
  than this method does (mean 0.55), because the result depends on when the updates ran, which an
  export does not record. (2) Pol.is's deterministic start (the first k distinct base clusters, that
  is the earliest participants) without that history: mean 0.57. (3) Choosing each k's grouping by
  least inertia instead of best silhouette: 0.65–0.67. (4) Pol.is's unweighted silhouette of base clusters:
  the same or lower (ssis 0.44 instead of 0.70 at seed 1). (5) The 2017 Scoop Hivemind conversations
  (affordable housing, freshwater) were grouped by a Pol.is that placed every voter, one vote or
  more; placing them too (`min_votes=1`) does not bring us closer (0.66, 0.32).
- The greedy rule that puts the 15 most active participants in when fewer than 15 qualify is not
  followed: a participant below `min_votes` is never placed.
- Representative statements: only statements that pass both of Pol.is's tests are shown, at most
  five per group. Pol.is also puts a "best agree" statement first, and falls back to the best
  statement by test when none passes; neither need differ from the rest, and we show only what the
  tests support. The direction shown is the one whose tests passed (Pol.is labels a statement by the
  larger of its two difference tests, even when that direction did not pass).
- Consensus: Pol.is selects consensus statements on everyone's votes, and separately publishes the
  group-aware consensus (product over groups of the smoothed agree probability). We select by the
  group-aware rule: the statement must have a smoothed probability above ½ and a significant majority
  (Pol.is's consensus test) in every group, and we rank by the group-aware consensus, for agree and
  for disagree alike; "broadly agreed" then means agreed by every group, not by the largest one.
"""

import numbers
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import svds
from sklearn.cluster import KMeans
from threadpoolctl import ThreadpoolController

from civica.insights.repness import Consensus, RepresentativeStatement, consensus_statements, representative_statements

TOO_FEW_VOTES = "too few votes"
BASE_CLUSTERS = 100  # Pol.is's `base-k`
# Restarts of the group k-means, of which the best silhouette is kept: see the module docstring.
GROUP_RESTARTS = 20
# A grouping is considered only if each of its groups holds at least this share of the placed participants.
MIN_GROUP_SHARE = 0.02
NULL_SHUFFLES = 10
# Below this structure ratio the map is flagged as weak structure (`OpinionMap.weak_structure`).
STRUCTURE_MARGIN = 1.1
# Up to this many matrix cells, an exact dense eigendecomposition; beyond, ARPACK on the sparse matrix.
DENSE_CELLS = 500_000
# The structure test shuffles a sample of this many participants at most: its answer does not
# need more, and shuffling millions of votes ten times would cost more than the whole map.
NULL_SAMPLE = 1_000
# The map runs single-threaded: its matrices are small enough that BLAS and OpenMP threads cost more in
# hand-offs than they save, tenfold on a machine busy with other work. Found once, it costs nothing per call.
_THREAD_POOLS = ThreadpoolController()


@dataclass(frozen=True)
class Group:
    number: int  # 0 is the largest group
    members: tuple  # participant ids, in canonical order
    representative: tuple[RepresentativeStatement, ...]  # agrees first, each by Pol.is's metric


@dataclass(frozen=True)
class OpinionMap:
    group_of: dict  # participant id → group number, for the participants placed
    coordinates: dict  # placed participant id → (x, y)
    statement_coordinates: dict  # statement id → (x, y): where a participant agreeing only with it would sit
    groups: tuple[Group, ...]
    consensus: Consensus
    left_out: dict  # participant id → reason (TOO_FEW_VOTES) for those who voted but are not placed
    min_votes: int  # the threshold applied: min(min_votes, number of statements voted on)
    statements: tuple  # statement ids on the map, in canonical order
    excluded_statements: tuple  # statement ids that had votes but were excluded (moderated)
    structure_ratio: float  # first axis's variance over chance; see `weak_structure`
    silhouette: float | None  # participants' silhouette of the groups (from base clusters); None for one group

    @property
    def weak_structure(self):
        """True when the first axis carries no more variance than shuffled votes would: groups may be noise."""
        return self.structure_ratio <= STRUCTURE_MARGIN


def map_opinions(votes, exclude_statements=(), min_votes=7, max_groups=5, seed=0):
    """Group participants by how they vote, as Pol.is does; see the module docstring for the method.

    Raises ValueError on malformed input (a vote not -1, 0 or 1, a vote that is not a triple or a
    quadruple, an unhashable id, bad parameters). An empty vote list gives an empty map.
    """
    _check_parameters(min_votes, max_groups, seed)
    excluded = _as_set(exclude_statements)
    table = _read_votes(votes)
    with _THREAD_POOLS.limit(limits=1):
        return _map(table, excluded, min_votes, max_groups, seed)


def _map(table, excluded, min_votes, max_groups, seed):
    rng = np.random.default_rng(seed)

    votes_per_participant = np.bincount(table.participant, minlength=len(table.participant_ids))
    threshold = min(min_votes, len(table.statement_ids))
    placed = np.flatnonzero(votes_per_participant >= max(threshold, 1))

    is_excluded = np.array([statement in excluded for statement in table.statement_ids], dtype=bool)
    columns = np.flatnonzero(~is_excluded)
    column_of = np.full(len(table.statement_ids), -1)
    column_of[columns] = np.arange(len(columns))
    active = column_of[table.statement] >= 0
    participant, column, value = table.participant[active], column_of[table.statement[active]], table.value[active]
    n_participants, n_columns = len(table.participant_ids), len(columns)

    centred, means = _centred_matrix(participant, column, value, n_participants, n_columns)
    axes = _principal_axes(centred, rng)
    # Pol.is counts a moderated statement as voted (0) by everyone: see step 4 in the module docstring.
    n_excluded = int(is_excluded.sum())
    voted = np.bincount(participant, minlength=n_participants) + n_excluded
    scale = np.sqrt((n_columns + n_excluded) / np.maximum(voted, 1))
    positions = np.asarray(centred @ axes.T) * scale[:, None]
    # Where a participant agreeing with that statement only would sit (Pol.is's `pca-project-cmnts`).
    statement_positions = (1.0 - means)[:, None] * axes.T * np.sqrt(n_columns + n_excluded)

    structure_ratio = _structure_ratio(centred, rng)
    labels, silhouette = _group_labels(positions[placed], max_groups, seed)

    participant_ids, statement_ids = table.participant_ids, [table.statement_ids[c] for c in columns]
    members = [placed[labels == group] for group in range(labels.max() + 1)] if len(placed) else []
    counts = _group_counts(participant, column, value, placed, labels, len(members), n_participants, n_columns)
    representative = representative_statements(*counts, statement_ids)
    placed_set = set(placed.tolist())
    return OpinionMap(
        group_of={participant_ids[i]: int(labels[k]) for k, i in enumerate(placed)},
        coordinates={participant_ids[i]: (float(positions[i, 0]), float(positions[i, 1])) for i in placed},
        statement_coordinates={
            statement_ids[c]: (float(statement_positions[c, 0]), float(statement_positions[c, 1]))
            for c in range(n_columns)
        },
        groups=tuple(
            Group(number=g, members=tuple(participant_ids[i] for i in rows), representative=representative[g])
            for g, rows in enumerate(members)
        ),
        consensus=consensus_statements(*counts, statement_ids),
        left_out={participant_ids[i]: TOO_FEW_VOTES for i in range(n_participants) if i not in placed_set},
        min_votes=threshold,
        statements=tuple(statement_ids),
        excluded_statements=tuple(table.statement_ids[i] for i in np.flatnonzero(is_excluded)),
        structure_ratio=structure_ratio,
        silhouette=silhouette,
    )


@dataclass(frozen=True)
class _VoteTable:
    participant_ids: list  # canonical order; `participant` indexes into it
    statement_ids: list
    participant: np.ndarray  # one entry per (participant, statement): the vote that counts
    statement: np.ndarray
    value: np.ndarray  # int8: -1, 0, 1


def _check_parameters(min_votes, max_groups, seed):
    for name, number, lowest in (("min_votes", min_votes, 1), ("max_groups", max_groups, 1), ("seed", seed, 0)):
        if isinstance(number, bool) or not isinstance(number, numbers.Integral) or number < lowest:
            raise ValueError(f"{name} must be an integer ≥ {lowest}, not {number!r}")


def _as_set(statement_ids):
    try:
        return set(statement_ids)
    except TypeError as error:
        raise ValueError(f"exclude_statements must be an iterable of hashable ids: {error}") from None


def _read_votes(votes):
    try:
        rows = votes if isinstance(votes, list | tuple) else list(votes)
    except TypeError:
        raise ValueError("votes must be an iterable of (participant_id, statement_id, vote) triples") from None
    if not rows:
        return _VoteTable([], [], *(np.empty(0, dtype=dtype) for dtype in (np.intp, np.intp, np.int8)))
    try:
        widths = set(map(len, rows))
    except TypeError:
        widths = set()
    if len(widths) != 1 or not widths <= {3, 4}:
        bad = next((row for row in rows if not hasattr(row, "__len__") or len(row) not in (3, 4)), rows[-1])
        raise ValueError(
            "each vote must be (participant_id, statement_id, vote) or (participant_id, statement_id, vote, "
            f"timestamp), all of one shape; got {bad!r}"
        )
    try:
        # One list per field: much faster than zip(*rows) on a million votes.
        fields = [[row[field] for row in rows] for field in range(widths.pop())]
    except (KeyError, IndexError, TypeError):
        raise ValueError("each vote must be a tuple or list (participant_id, statement_id, vote)") from None
    value = _vote_values(fields[2], rows)
    participant_ids, participant = _encode(fields[0], "participant")
    statement_ids, statement = _encode(fields[1], "statement")
    if len(fields) == 4:
        try:
            order = np.argsort(np.asarray(fields[3]), kind="stable")
        except TypeError:
            raise ValueError("timestamps must be comparable with each other") from None
        participant, statement, value = participant[order], statement[order], value[order]
    key = participant.astype(np.int64) * len(statement_ids) + statement
    ordered = np.sort(key)
    if (ordered[1:] == ordered[:-1]).any():
        # The last vote per (participant, statement) counts: the first one seen from the end.
        _, first_from_end = np.unique(key[::-1], return_index=True)
        chosen = len(key) - 1 - first_from_end
        participant, statement, value = participant[chosen], statement[chosen], value[chosen]
    return _VoteTable(participant_ids, statement_ids, participant, statement, value)


def _vote_values(raw, rows):
    values = np.asarray(raw) if isinstance(raw[0], numbers.Real) else np.asarray(raw, dtype=object)
    if values.dtype.kind in "iu":
        valid = (values >= -1) & (values <= 1)
    elif values.dtype.kind == "f":
        valid = (values == -1) | (values == 0) | (values == 1)
    elif values.dtype.kind == "b":
        valid = np.ones(len(values), dtype=bool)  # True and False are 1 and 0 in Python
    else:
        valid = np.array([isinstance(v, numbers.Real) and v in (-1, 0, 1) for v in raw])
    if not valid.all():
        bad = rows[int(np.argmin(valid))]
        raise ValueError(f"a vote must be 1 (agree), -1 (disagree) or 0 (pass); got {bad!r}")
    return values.astype(np.int8)


def _encode(ids, what):
    """Ids in a canonical order (sorted when they sort) and each entry's index into them."""
    first = ids[0]
    if type(first) in (int, str):
        try:
            array = np.asarray(ids)
        except (ValueError, OverflowError):
            array = None
        if array is not None and array.dtype.kind in "iu" and isinstance(first, int):
            if array.min() >= 0 and array.max() < 4 * len(array) + 1024:
                # Small non-negative ints (database keys): a lookup table beats sorting a million of them.
                present = np.zeros(array.max() + 1, dtype=bool)
                present[array] = True
                rank = np.cumsum(present) - 1
                return np.flatnonzero(present).tolist(), rank[array].astype(np.intp)
            unique, codes = np.unique(array, return_inverse=True)
            return unique.tolist(), codes.astype(np.intp)
        if array is not None and array.dtype.kind == "U" and all(type(i) is str for i in ids):
            unique, codes = np.unique(array, return_inverse=True)
            return unique.tolist(), codes.astype(np.intp)
    index = {}
    try:
        codes = np.fromiter((index.setdefault(i, len(index)) for i in ids), dtype=np.intp, count=len(ids))
    except TypeError as error:
        raise ValueError(f"{what} ids must be hashable: {error}") from None
    canonical = _canonical_order(list(index))
    rank = np.empty(len(canonical), dtype=np.intp)
    rank[[index[i] for i in canonical]] = np.arange(len(canonical))
    return canonical, rank[codes]


def _canonical_order(ids):
    """Sorted; ids that do not sort together (ints and strings, say) by type name, then by value or repr."""
    try:
        return sorted(ids)
    except TypeError:
        pass
    by_type = {}
    for identifier in ids:
        by_type.setdefault(type(identifier).__qualname__, []).append(identifier)
    ordered = []
    for type_name in sorted(by_type):
        try:
            ordered += sorted(by_type[type_name])
        except TypeError:
            ordered += sorted(by_type[type_name], key=repr)
    return ordered


def _centred_matrix(participant, column, value, n_participants, n_columns):
    """Votes minus their statement's mean, zero where nobody voted: the mean-imputed, centred matrix.

    Returns the matrix and the statement means.
    """
    voters = np.bincount(column, minlength=n_columns)
    means = np.bincount(column, weights=value, minlength=n_columns) / np.maximum(voters, 1)
    matrix = sparse.csr_matrix(
        (value - means[column], (participant, column)), shape=(n_participants, n_columns), dtype=np.float64
    )
    # Entries in one canonical order, whatever the input's: sums then round alike, and results match.
    matrix.sort_indices()
    return matrix, means


def _principal_axes(centred, rng):
    """The two principal axes (rows), signs fixed so each axis's loadings sum to ≥ 0."""
    n_rows, n_columns = centred.shape
    axes = np.zeros((2, n_columns))
    if n_rows == 0 or n_columns == 0 or centred.nnz == 0:
        return axes
    if n_rows * n_columns <= DENSE_CELLS or min(n_rows, n_columns) <= 3:
        dense = centred.toarray()
        if n_columns <= n_rows:
            # The statements' covariance is the smaller matrix: its eigenvectors are the axes.
            _, vectors = np.linalg.eigh(dense.T @ dense)
            found = vectors[:, ::-1][:, :2].T
        else:
            found = np.linalg.svd(dense, full_matrices=False)[2][:2]
    else:
        _, singular, right = svds(centred, k=2, v0=rng.uniform(-1, 1, min(n_rows, n_columns)), solver="arpack")
        found = right[np.argsort(-singular)]
    axes[: len(found)] = found
    for axis in axes:
        # Pol.is's power iteration starts from all ones, so its axes lean the same way.
        total = axis.sum()
        if abs(total) < 1e-9:
            total = axis[np.argmax(np.abs(axis))]
        if total < 0:
            axis *= -1
    return axes


def _top_variance(matrix, rng):
    """The largest eigenvalue of the matrix's Gram matrix: the variance along its first axis (× rows).

    Within 0.1 %: the structure test compares it with a 10 % margin, and ARPACK needs far fewer
    iterations than for machine precision.
    """
    if matrix.nnz == 0:
        return 0.0
    if matrix.shape[0] * matrix.shape[1] <= DENSE_CELLS or min(matrix.shape) <= 2:
        dense = matrix.toarray()
        gram = dense.T @ dense if dense.shape[1] <= dense.shape[0] else dense @ dense.T
        return float(np.linalg.eigvalsh(gram)[-1])
    start = rng.uniform(-1, 1, min(matrix.shape))
    return float(svds(matrix, k=1, v0=start, tol=1e-3, solver="arpack", return_singular_vectors=False)[0]) ** 2


def _structure_ratio(centred, rng):
    """Variance on the first axis over the most of it found after shuffling each statement's votes among its voters."""
    if centred.shape[0] > NULL_SAMPLE:
        rows = np.sort(rng.choice(centred.shape[0], NULL_SAMPLE, replace=False))
        centred = centred[rows]
    by_column = centred.tocsc()
    real = _top_variance(by_column, rng)
    if real == 0.0:
        return 0.0
    column_of_entry = np.repeat(np.arange(by_column.shape[1]), np.diff(by_column.indptr))
    shuffled_best = 0.0
    for _ in range(NULL_SHUFFLES):
        order = np.argsort(column_of_entry + rng.random(len(column_of_entry)), kind="stable")
        shuffled = sparse.csc_matrix(
            (by_column.data[order], by_column.indices, by_column.indptr), shape=by_column.shape
        )
        shuffled_best = max(shuffled_best, _top_variance(shuffled, rng))
    return real / shuffled_best if shuffled_best > 0 else float("inf")


def _group_labels(points, max_groups, seed):
    """Group number per point (0 = largest group) and the silhouette of that grouping (None for one group).

    Base clusters, then for each k the best silhouette of `GROUP_RESTARTS` weighted k-means runs, among
    the runs whose every group holds at least `MIN_GROUP_SHARE` of the points (among all runs when none does).
    """
    if len(points) == 0:
        return np.empty(0, dtype=np.intp), None
    distinct, base_of = np.unique(points, axis=0, return_inverse=True)
    base_of = base_of.ravel()
    if len(distinct) <= BASE_CLUSTERS:
        centres = distinct
    else:
        base = KMeans(n_clusters=BASE_CLUSTERS, n_init=1, random_state=seed).fit(points)
        centres, base_of = base.cluster_centers_, base.labels_
    sizes = np.bincount(base_of, minlength=len(centres)).astype(float)
    # Pol.is: at most 2 + one more group per 12 base clusters; silhouette needs a cluster to spare.
    most = min(max_groups, 2 + len(centres) // 12, len(centres) - 1)
    smallest = MIN_GROUP_SHARE * len(points)
    distances = np.sqrt(((centres[:, None, :] - centres[None, :, :]) ** 2).sum(axis=-1))
    rng = np.random.default_rng(seed)
    # The best grouping whose groups all reach `smallest`, and the best of all in case none does.
    best = {True: (None, None), False: (None, None)}
    for k in range(2, most + 1):
        for _ in range(GROUP_RESTARTS):
            labels = _weighted_kmeans(centres, sizes, distances, k, rng)
            members = np.bincount(labels, weights=sizes, minlength=k)
            if np.count_nonzero(members) < k:
                continue  # a group emptied: this is a grouping for a smaller k
            score = _silhouette(distances, labels, sizes)
            for guarded in {False, members.min() >= smallest}:
                if score is not None and (best[guarded][1] is None or score > best[guarded][1]):
                    best[guarded] = (labels, score)
    labels, silhouette = best[True] if best[True][0] is not None else best[False]
    if labels is None:
        return np.zeros(len(points), dtype=np.intp), None
    return _number_by_size(labels[base_of]), silhouette


def _weighted_kmeans(points, weights, distances, k, rng, iterations=100):
    """Lloyd's k-means of a few weighted points from a weighted k-means++ start; cluster per point.

    Base clusters are at most 100 points: plain numpy beats scikit-learn's per-call overhead here.
    """
    chosen = [rng.choice(len(points), p=weights / weights.sum())]
    for _ in range(1, k):
        nearest = distances[:, chosen].min(axis=1) ** 2 * weights
        if nearest.sum() == 0:
            break
        chosen.append(rng.choice(len(points), p=nearest / nearest.sum()))
    centres = points[chosen]
    labels = None
    for _ in range(iterations):
        new_labels = np.argmin(((points[:, None, :] - centres[None, :, :]) ** 2).sum(axis=-1), axis=1)
        if labels is not None and np.array_equal(new_labels, labels):
            break
        labels = new_labels
        membership = (labels[:, None] == np.arange(len(centres))[None, :]) * weights[:, None]
        mass = membership.sum(axis=0)
        filled = mass > 0  # an emptied cluster keeps its centre
        centres[filled] = (membership.T @ points)[filled] / mass[filled, None]
    return labels


def _silhouette(distances, labels, weights):
    """Participants' mean silhouette, from base clusters: `weights` participants sit at each centre.

    Exact when each base cluster is one position; a participant alone in their group scores 0.
    None when the labels make fewer than two groups.
    """
    clusters = np.unique(labels)
    if len(clusters) < 2:
        return None
    member = (labels[:, None] == clusters[None, :]) * weights[:, None]
    totals = distances @ member  # per centre and group: summed distance to that group's participants
    mass = member.sum(axis=0)
    own = np.searchsorted(clusters, labels)
    rows = np.arange(len(labels))
    others_in_group = mass[own] - 1
    within = totals[rows, own] / np.maximum(others_in_group, 1)
    outside = np.where(labels[:, None] == clusters[None, :], np.inf, totals / mass)
    between = outside.min(axis=1)
    widest = np.maximum(within, between)
    undefined = (others_in_group == 0) | (widest == 0)
    scores = np.where(undefined, 0.0, (between - within) / np.where(widest == 0, 1, widest))
    return float(np.average(scores, weights=weights))


def _number_by_size(labels):
    """Renumber groups 0, 1, … by decreasing size; equal sizes by their first member."""
    groups = np.unique(labels)
    first_member = [np.flatnonzero(labels == g)[0] for g in groups]
    order = sorted(range(len(groups)), key=lambda g: (-np.count_nonzero(labels == groups[g]), first_member[g]))
    renumber = np.empty(labels.max() + 1, dtype=np.intp)
    renumber[groups[order]] = np.arange(len(groups))
    return renumber[labels]


def _group_counts(participant, column, value, placed, labels, n_groups, n_participants, n_columns):
    """Agree, disagree and all votes per group and statement, as arrays groups × statements."""
    group_of_row = np.full(n_participants, -1, dtype=np.intp)
    group_of_row[placed] = labels
    group = group_of_row[participant]
    in_group = group >= 0
    cell = group[in_group] * n_columns + column[in_group]
    kept = value[in_group]
    size = n_groups * n_columns

    def count(mask):
        return np.bincount(cell[mask], minlength=size).reshape(n_groups, n_columns)

    return count(kept == 1), count(kept == -1), count(np.ones(len(kept), dtype=bool))

