"""The timeline index kept between starts: read back by the next start, never after a load."""

from __future__ import annotations

import json
from pathlib import Path

from kb.load import load
from kb.store import generation, open_kb
from kb.vocab import Minter
from tests.conftest import TEST_BASE, make_app
from tests.helpers_server import kb_server
from tests.support import DATA


def _labels(app) -> set[str]:
    return {event["label"] for event in app.test_client().get("/timeline.json").get_json()["events"]}


def _started(store: Path, cache: Path):
    return make_app(store, KB_READ_ONLY=True, TIMELINE_CACHE=str(cache))


def _loaded(tmp_path: Path) -> Path:
    store = tmp_path / "store"
    with open_kb(store) as kb:
        load(kb, [DATA / "minimal.yaml"], minter=Minter(TEST_BASE))
    return store


def test_the_kept_index_is_read_back_until_a_load_changes_the_store(tmp_path):
    store, cache = _loaded(tmp_path), tmp_path / "cache"
    first = _started(store, cache)
    real = _labels(first)
    first.extensions["kb"].close()
    kept = list(cache.glob("timeline-*.json"))
    assert len(kept) == 1 and real

    # what the next start shows comes from the kept file: doctor it and see the doctored label
    snapshot = json.loads(kept[0].read_text(encoding="utf-8"))
    snapshot["labels"] = [f"kept: {label}" for label in snapshot["labels"]]
    kept[0].write_text(json.dumps(snapshot), encoding="utf-8")
    second = _started(store, cache)
    assert _labels(second) == {f"kept: {label}" for label in real}
    second.extensions["kb"].close()

    # a load gives the store a new generation: the kept index is not read, and is replaced
    with open_kb(store) as kb:
        load(kb, [DATA / "minimal.yaml"], minter=Minter(TEST_BASE))
    third = _started(store, cache)
    assert _labels(third) == real
    third.extensions["kb"].close()
    assert [path.name for path in cache.glob("timeline-*.json")] != [kept[0].name]
    assert len(list(cache.glob("timeline-*.json"))) == 1


def test_a_kept_index_for_another_base_is_not_read(tmp_path):
    store, cache = _loaded(tmp_path), tmp_path / "cache"
    first = _started(store, cache)
    real = _labels(first)
    first.extensions["kb"].close()
    (kept,) = cache.glob("timeline-*.json")
    snapshot = json.loads(kept.read_text(encoding="utf-8"))
    snapshot["labels"] = [f"kept: {label}" for label in snapshot["labels"]]
    kept.write_text(json.dumps(snapshot), encoding="utf-8")
    other = make_app(store, KB_READ_ONLY=True, TIMELINE_CACHE=str(cache), KB_BASE="https://elsewhere.example/")
    assert _labels(other) == real  # built afresh: the kept one mints IRIs under another base
    other.extensions["kb"].close()


def test_an_unreadable_kept_index_is_built_again(tmp_path):
    store, cache = _loaded(tmp_path), tmp_path / "cache"
    first = _started(store, cache)
    real = _labels(first)
    first.extensions["kb"].close()
    (kept,) = cache.glob("timeline-*.json")
    for broken in ('{"version": 2, "iris": [', '{"version": 2}', "[]", "\x00\xff"):
        kept.write_text(broken, encoding="utf-8")
        again = _started(store, cache)
        assert _labels(again) == real
        again.extensions["kb"].close()
    doctored = json.loads(kept.read_text(encoding="utf-8"))
    doctored["labels"] = doctored["labels"][:-1]  # one row short: read as no index
    kept.write_text(json.dumps(doctored), encoding="utf-8")
    again = _started(store, cache)
    assert _labels(again) == real
    again.extensions["kb"].close()


def test_kb_serve_leaves_a_store_that_holds_data_as_it_was(tmp_path):
    store = _loaded(tmp_path)
    stamp = generation(store)
    with open_kb(store, read_only=True) as kb:
        graphs = sorted(map(str, kb.graphs()))
    with kb_server(store, extra=("--processes", "2")) as root:
        import urllib.request

        with urllib.request.urlopen(f"{root}/timeline.json", timeout=30) as response:
            assert "Ann Example offers the Movement a ceasefire" in response.read().decode()
    assert generation(store) == stamp  # neither seeded nor written: kept indexes stay valid
    with open_kb(store, read_only=True) as kb:
        assert sorted(map(str, kb.graphs())) == graphs


def test_a_wide_window_asked_while_the_index_is_built_waits_for_it(tmp_path):
    store, cache = _loaded(tmp_path), tmp_path / "cache"
    month = "/timeline.json?from=2024-02-01&to=2024-03-31"
    built = _started(store, cache)
    expected = built.test_client().get("/timeline.json").get_json()
    expected_month = built.test_client().get(month).get_json()
    built.extensions["kb"].close()
    for kept in cache.glob("timeline-*.json"):
        kept.unlink()  # cold: the next start builds in the background
    started = make_app(store, KB_READ_ONLY=True, TIMELINE_CACHE=str(cache), TIMELINE_INDEX="background")
    assert started.test_client().get("/timeline.json").get_json() == expected
    assert started.test_client().get(month).get_json() == expected_month
    started.extensions["kb"].close()
