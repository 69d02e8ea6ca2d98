"""benchmarks/learning_curve.py: the training subsets of the learning curve are whole sets of the
pool, chosen by a seeded shuffle, nested for one seed, never a set of the evaluation population.
Runs without torch (nothing is drafted or trained)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

_POOL = tuple(f"set{n}" for n in range(24))


def test_a_fraction_takes_that_share_of_whole_sets_in_the_pools_order():
    from learning_curve import choose_sets

    for fraction, size in ((0.25, 6), (0.5, 12), (0.75, 18), (1.0, 24), (0.01, 1)):
        chosen = choose_sets(_POOL, fraction, 0)
        assert len(chosen) == size == len(set(chosen))
        assert set(chosen) <= set(_POOL)
        assert chosen == sorted(chosen, key=_POOL.index)
    assert choose_sets(_POOL, 1.0, 0) == choose_sets(_POOL, 1.0, 5) == list(_POOL)


def test_the_choice_is_seeded_and_nested_for_one_seed():
    from learning_curve import choose_sets

    assert choose_sets(_POOL, 0.25, 0) == choose_sets(_POOL, 0.25, 0)
    assert choose_sets(_POOL, 0.25, 0) != choose_sets(_POOL, 0.25, 1)
    for seed in (0, 1):
        quarter, half, most = (set(choose_sets(_POOL, f, seed)) for f in (0.25, 0.5, 0.75))
        assert quarter < half < most


@pytest.mark.parametrize("fraction", [0.0, -0.5, 1.5])
def test_a_fraction_outside_zero_to_one_is_refused(fraction):
    from learning_curve import choose_sets

    with pytest.raises(ValueError):
        choose_sets(_POOL, fraction, 0)


def test_the_pool_is_the_tuned_sets_less_the_population():
    from learning_curve import POOL, POPULATION, points
    from proposal_probe import FOLDS, TUNED

    assert POPULATION == tuple(FOLDS[0]) and "devset15" in POPULATION
    assert not set(POOL) & set(POPULATION)
    assert set(POOL) | set(POPULATION) == set(TUNED)
    assert set(FOLDS[1]) <= set(POOL)
    # every fraction with the first seed; those below the whole pool again with the others
    assert points([0, 1]) == [(0.25, 0), (0.5, 0), (0.75, 0), (1.0, 0), (0.25, 1), (0.5, 1),
                              (0.75, 1)]
    assert points([3], (0.5, 1.0)) == [(0.5, 3), (1.0, 3)]


def test_the_trend_is_the_least_squares_line():
    from learning_curve import trend

    assert trend([0.0, 1.0, 2.0], [1.0, 3.0, 5.0]) == (2.0, 1.0)
    slope, level = trend([8.0, 9.0, 10.0, 11.0], [0.30, 0.33, 0.31, 0.36])
    assert 0.0 < slope < 0.03 and abs(level + slope * 9.5 - 0.325) < 1e-9
