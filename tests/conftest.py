"""Shared fixtures: a seeded on-disk store, the web app over it, its test client and CLI runner.

The app mints and serves IRIs under :data:`TEST_BASE`, not the default base, so every test that
uses it also shows that the IRI base is configurable.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kb.load import load
from kb.paths import SEED_TARGETS
from kb.store import open_kb
from kb.vocab import Minter

TEST_BASE = "http://kb.test/"
SEED_TARGETS = list(SEED_TARGETS)


def make_store(path: Path, targets: list[Path] | None = None, base: str = TEST_BASE) -> Path:
    """Create an on-disk store at ``path`` holding ``targets`` (default: ontology and seeds)."""
    with open_kb(path) as kb:
        load(kb, targets or SEED_TARGETS, minter=Minter(base))
    return path


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory) -> Path:
    """A store with the ontology and the seeds under :data:`TEST_BASE`, built once per session."""
    return make_store(tmp_path_factory.mktemp("seeded") / "store")


@pytest.fixture
def seeded_store(seeded_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the seeded store for one test."""
    copy = tmp_path / "store"
    shutil.copytree(seeded_template, copy)
    return copy


def make_app(store: Path, **config):
    """The web app over the store at ``store``, minting IRIs under :data:`TEST_BASE`.

    The timeline index is built before the app answers (``TIMELINE_INDEX="sync"``), so that
    tests do not race its background build; pass ``TIMELINE_INDEX="off"`` to test the SPARQL path.
    """
    from webapp import create_app

    return create_app({"TESTING": True, "KB_STORE": str(store), "KB_BASE": TEST_BASE,
                       "TIMELINE_INDEX": "sync", **config})


@pytest.fixture
def app(seeded_store: Path):
    """The web app over a fresh copy of the seeded store."""
    application = make_app(seeded_store)
    yield application
    application.extensions["kb"].close()


@pytest.fixture
def client(app):
    """A test client of :func:`app`."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A CLI runner of :func:`app`."""
    return app.test_cli_runner()


@pytest.fixture
def minter() -> Minter:
    """The minter of the test base."""
    return Minter(TEST_BASE)


#: Debian's Chromium, driven by Playwright (never a browser a tool downloads), and its flags.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium for the browser tests; missing, they fail (./dev test installs it)."""
    from playwright import sync_api

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed (apt-get install -y chromium, or ./dev test)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session", autouse=True)
def _timeline_cache(tmp_path_factory):
    """Every ``kb serve`` a test starts keeps its timeline index in a temporary folder."""
    import os

    os.environ["KB_CACHE_DIR"] = str(tmp_path_factory.mktemp("kb-cache"))
