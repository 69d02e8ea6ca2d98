"""The README's screenshots, taken from the real app in Debian's Chromium (through Playwright).

Loads the ontology and the seeds into a temporary store, serves the app on 127.0.0.1 and saves
PNGs in ``docs/screenshots/``. With ``--large STORE`` (a store made by benchmarks/timeline_speed.py)
it also shows the counted view of a large dataset. Usage::

    .venv/bin/python docs/screenshots.py
    .venv/bin/python docs/screenshots.py --large benchmarks/out/work/timeline-10000-v3
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
IDLE = "() => window.NegotiationTimeline === undefined || window.NegotiationTimeline.idle()"


def serve(store: Path):
    """The app over ``store`` on a free port, in a thread; returns (url, stop)."""
    from werkzeug.serving import make_server

    from webapp import create_app

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    app = create_app({"KB_STORE": str(store), "TIMELINE_INDEX": "sync"})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop() -> None:
        server.shutdown()
        app.extensions["kb"].close()

    return f"http://127.0.0.1:{server.server_port}", stop


def seeded_store(directory: Path) -> Path:
    from kb.load import load
    from kb.paths import ONTOLOGY_DIR, SEEDS_DIR
    from kb.store import open_kb
    from kb.vocab import Minter, default_base

    store = directory / "store"
    with open_kb(store) as kb:
        load(kb, [ONTOLOGY_DIR / "kb.ttl", ONTOLOGY_DIR / "codes.ttl", SEEDS_DIR],
             minter=Minter(default_base()))
    return store


def settled(page) -> None:
    page.wait_for_load_state("load")
    page.wait_for_function(IDLE, polling=50)
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.wait_for_function(IDLE, polling=50)


def take(browser, url: str, size: dict, name: str, then=None, full_page: bool = False) -> None:
    context = browser.new_context(viewport=size, has_touch=size is PHONE, device_scale_factor=1)
    page = context.new_page()
    page.goto(url)
    settled(page)
    if then:
        then(page)
        settled(page)
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=full_page)
    print(f"docs/screenshots/{name}.png")
    context.close()


def main(argv: list[str] | None = None) -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--large", type=Path, help="a store of synthetic events, for the counted view")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as directory, sync_playwright() as playwright:
        url, stop = serve(seeded_store(Path(directory)))
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            take(browser, url + "/", DESKTOP, "timeline-default")
            take(browser, url + "/", DESKTOP, "timeline-fit-all",
                 lambda page: page.locator('.tlc-bar button[data-action="fit"]').click())
            take(browser, url + "/", DESKTOP, "timeline-details",
                 lambda page: page.locator('.tl-item[data-event="barnea-offer-2024-10"]').click())
            take(browser, url + "/", PHONE, "phone-timeline")
            take(browser, url + "/", PHONE, "phone-details",
                 lambda page: page.locator('.tl-item[data-event="barnea-offer-2024-10"]').first.tap())
            take(browser, url + "/", PHONE, "phone-filters",
                 lambda page: page.locator("#filter-toggle").click())
            take(browser, url + "/actor/hamas", DESKTOP, "actor-page")
            take(browser, url + "/query?name=actor-timeline&param.actor=david-barnea&run=1&view=timeline",
                 DESKTOP, "query-timeline",
                 lambda page: page.locator("#kbq-timeline").scroll_into_view_if_needed())
        finally:
            stop()
        if args.large:
            url, stop = serve(args.large)
            try:
                take(browser, url + "/", DESKTOP, "large-counted")
            finally:
                stop()
        browser.close()


if __name__ == "__main__":
    main()
