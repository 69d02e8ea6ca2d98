"""Right after start, while the in-memory timeline index is still being built, every view is
answered from what the store keeps (stored counts, the stored index of periods and the events'
rows), without waiting, and is the view the index gives once built: embedded and over a real
``oxigraph serve``."""

from __future__ import annotations

import threading
import time

import pytest
from click.testing import CliRunner

from kb.cli import main
from tests.conftest import TEST_BASE, make_app
from tests.helpers_server import oxigraph_server

#: Wide windows (over 24 months), filtered views, lanes by actor, a dense window with its margin.
WIDE = "from=1900-01-01&to=2100-12-31"


def _views(facets: dict) -> list[str]:
    actor = facets["actor"][0]["id"]
    source = facets["source"][0]["id"]
    kind = facets["type"][0]["id"]
    status = facets["status"][0]["id"]
    return [
        f"/timeline.json?{WIDE}",
        f"/timeline.json?type={kind}",
        f"/timeline.json?{WIDE}&type={kind}",
        f"/timeline.json?actor={actor}",
        f"/timeline.json?{WIDE}&source={source}",
        f"/timeline.json?status={status}&lanes=actor",
        f"/timeline.json?{WIDE}&lanes=actor",
        "/timeline.json?from=2000-01-01&to=2030-12-31&margin=3000",
        f"/timeline.json?{WIDE}&actor={actor}&type={kind}",
    ]


def _get(app, path: str) -> dict:
    response = app.test_client().get(path)
    assert response.status_code == 200, (path, response.data[:300])
    return response.get_json()


def _while_building(app) -> None:
    """Make ``app`` look as it does right after start: an index build under way that never ends."""
    app.extensions.pop("timeline_index", None)
    app.extensions["timeline_building"] = threading.Event()


def _compare(before_app, after_app) -> None:
    assert after_app.extensions.get("timeline_index") is not None
    paths = _views(_get(after_app, "/timeline.json")["facets"])
    _while_building(before_app)
    for path in paths:
        started = time.perf_counter()
        before = _get(before_app, path)
        assert time.perf_counter() - started < 30, path  # answered, not waiting for the index
        assert before == _get(after_app, path), path
    assert before_app.extensions.get("timeline_index") is None  # really drawn without the index


def test_views_while_the_index_is_built_are_the_views_of_the_index(seeded_store):
    before = make_app(seeded_store, KB_READ_ONLY=True, TIMELINE_INDEX="off", TIMELINE_THRESHOLD=5)
    after = make_app(seeded_store, KB_READ_ONLY=True, TIMELINE_INDEX="sync", TIMELINE_THRESHOLD=5)
    try:
        _compare(before, after)
    finally:
        before.extensions["kb"].close()
        after.extensions["kb"].close()


@pytest.mark.remote
def test_over_a_remote_store_views_while_the_index_is_built_are_the_views_of_the_index(tmp_path):
    with oxigraph_server(tmp_path / "data") as root:
        result = CliRunner().invoke(main, ["--store", root, "load"], catch_exceptions=False,
                                    env={"KB_BASE": TEST_BASE})
        assert result.exit_code == 0, result.output
        before = make_app(root, TIMELINE_INDEX="off", TIMELINE_THRESHOLD=5)
        after = make_app(root, TIMELINE_INDEX="sync", TIMELINE_THRESHOLD=5)
        try:
            _compare(before, after)
        finally:
            before.extensions["sparql"].close()
            after.extensions["sparql"].close()
