"""The Python API: ``import kb``, open the knowledge base, run named queries, get dicts or a DataFrame."""

from __future__ import annotations

import sys
from datetime import date

import pytest

import kb
from kb import queries
from kb.errors import NotFound, QueryError
from kb.vocab import Minter
from tests.conftest import TEST_BASE


@pytest.fixture
def base(seeded_store, monkeypatch):
    monkeypatch.setenv("KB_BASE", TEST_BASE)  # the seeded store mints its IRIs under the test base
    with kb.open(seeded_store, read_only=True) as opened:
        yield opened


def test_a_named_query_gives_rows_as_dicts_of_python_values(base):
    rows = base.run("actor-timeline", actor="david-barnea")
    assert rows and all(isinstance(row, dict) for row in rows)
    first = rows[0]
    assert first["event"].startswith(f"{TEST_BASE}id/event/")
    assert isinstance(first["earliest"], date) and isinstance(first["latest"], date)
    assert first["earliest"] <= first["latest"]
    assert "actor" not in first  # the bound parameter's constant column is left out
    assert [row["earliest"] for row in rows] == sorted(row["earliest"] for row in rows)


def test_an_actor_can_be_given_by_name(base):
    by_id = base.run("actor-timeline", actor="david-barnea")
    by_name = base.run("actor-timeline", actor="David Barnea")
    assert by_name == by_id


def test_date_parameters_take_dates(base):
    window = base.run("timeline", **{"from": date(2024, 7, 1), "to": date(2024, 7, 31)})
    everything = base.run("timeline")
    assert 0 < len(window) < len(everything)
    assert all(row["latest"] >= date(2024, 7, 1) and row["earliest"] <= date(2024, 7, 31) for row in window)


def test_a_wrong_parameter_name_says_which_exist(base):
    with pytest.raises(QueryError) as raised:
        base.run("actor-timeline", person="david-barnea")
    assert "its parameters: actor" in str(raised.value)


def test_an_unknown_query_lists_the_named_ones(base):
    with pytest.raises(NotFound) as raised:
        base.run("no-such-query")
    assert "timeline" in str(raised.value)


def test_the_dataframe_has_the_query_columns(base):
    pandas = pytest.importorskip("pandas", reason="pandas is the optional extra negotiation-kb[pandas]")
    frame = base.dataframe("actor-timeline", actor="david-barnea")
    assert isinstance(frame, pandas.DataFrame)
    columns = queries.run(base, queries.find("actor-timeline"), {"actor": "david-barnea"},
                          Minter(TEST_BASE)).columns
    assert list(frame.columns) == columns
    assert len(frame) == len(base.run("actor-timeline", actor="david-barnea"))
    assert frame["earliest"].iloc[0] == base.run("actor-timeline", actor="david-barnea")[0]["earliest"]


def test_without_pandas_the_dataframe_says_how_to_get_it(base, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails, as when it is absent
    with pytest.raises(QueryError) as raised:
        base.dataframe("timeline")
    assert "negotiation-kb[pandas]" in str(raised.value)
