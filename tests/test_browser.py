"""The timeline in a real browser: Debian's Chromium driven by Playwright, against a real server.

Screenshots of each step are saved in ``test-artifacts/`` at the project root.
"""

from __future__ import annotations

import logging
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from tests.conftest import SEED_TARGETS, make_app, make_store

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
DATA = Path(__file__).parent / "data"
OFFER = "barnea-offer-2024-10"
REJECTION = "hamas-rejects-barnea-offer-2024-10"

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect


class LiveServer:
    """The web app served over HTTP on a free 127.0.0.1 port, in a thread."""

    def __init__(self, app):
        from werkzeug.serving import make_server

        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        self.app = app
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.thread.join(timeout=5)
        self.app.extensions["kb"].close()


@pytest.fixture(scope="module")
def live(seeded_template, tmp_path_factory) -> Iterator[LiveServer]:
    store = tmp_path_factory.mktemp("browser") / "store"
    shutil.copytree(seeded_template, store)
    server = LiveServer(make_app(store))
    yield server
    server.stop()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1440, "height": 960})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    yield page
    context.close()
    assert page.errors == [], f"{request.node.name}: errors in the page: {page.errors}"


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def url_params(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def wait_for_url_param(page, name: str, value: str | None = None) -> None:
    if value is None:
        page.wait_for_function("name => new URLSearchParams(location.search).has(name)", arg=name)
    else:
        page.wait_for_function("([name, value]) => new URLSearchParams(location.search).getAll(name)"
                               ".includes(value)", arg=[name, value])


def span_days(page) -> int:
    from datetime import date

    params = url_params(page)
    return (date.fromisoformat(params["to"][0]) - date.fromisoformat(params["from"][0])).days


def settle(page) -> None:
    """Wait until the page's fetches are done and it has drawn what they brought."""
    page.wait_for_load_state("networkidle")
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def open_filters(page) -> None:
    """Open the filter drawer (with JavaScript, the filters slide in from the side)."""
    if page.locator("#filter-toggle").get_attribute("aria-expanded") != "true":
        page.locator("#filter-toggle").click()


def timeline_item(page, event_id: str):
    return page.locator(f'#timeline-canvas .tl-item[data-event="{event_id}"]').first


# --- the journey -------------------------------------------------------------------------


def test_filter_to_an_actor_select_the_offer_follow_its_rejection_and_reload(live, page):
    page.goto(live.url + "/?from=2023-09-01&to=2024-11-30")
    expect(timeline_item(page, OFFER)).to_be_visible()
    shot(page, "01-timeline")

    open_filters(page)
    page.locator('#filters input[name="actor"][value="hamas"]').check()
    wait_for_url_param(page, "actor", "hamas")
    expect(page.locator("#timeline-status")).to_contain_text("16 events")
    expect(page.locator("#event-table tbody tr")).to_have_count(16)
    shot(page, "02-filtered-to-hamas")
    page.keyboard.press("Escape")

    timeline_item(page, OFFER).click()
    details = page.locator("#details")
    expect(details.locator("article")).to_have_attribute("data-event-id", OFFER)
    expect(details.locator("blockquote.sentence").first).to_have_text(
        "Mossad Director David Barnea offered Hamas terrorists safe passage from Gaza to another country "
        "in exchange for the release of the hostages and the laying down of arms, but was refused, "
        "The Wall Street Journal reported on Friday.")
    expect(details.locator(".claimant").first).to_have_text(
        "The Wall Street Journal, as reported by All Israel News")
    expect(details.locator(".date-words")).to_have_text("between 14 and 20 October 2024")
    expect(details.locator(".precision")).to_contain_text("uncertain")
    wait_for_url_param(page, "event", OFFER)
    shot(page, "03-offer-selected")

    details.locator('li[data-relation="answers"][data-direction="in"] a').click()
    expect(details.locator("article")).to_have_attribute("data-event-id", REJECTION)
    expect(details.locator('li[data-relation="answers"][data-direction="out"] a')).to_have_attribute(
        "data-event", OFFER)
    wait_for_url_param(page, "event", REJECTION)
    expect(timeline_item(page, REJECTION)).to_have_class(re.compile(r"\bselected\b"))
    shot(page, "04-rejection-followed")

    before = {"url": url_params(page), "window": page.locator("#window-label").text_content()}
    page.reload()
    expect(page.locator("#details article")).to_have_attribute("data-event-id", REJECTION)
    expect(page.locator('#filters input[name="actor"][value="hamas"]')).to_be_checked()
    expect(page.locator("#window-label")).to_have_text(before["window"])
    expect(timeline_item(page, REJECTION)).to_have_class(re.compile(r"\bselected\b"))
    assert url_params(page) == before["url"]
    shot(page, "05-reloaded")


def test_keyboard_zooms_pans_and_moves_between_events(live, page):
    page.goto(live.url + "/?from=2024-10-01&to=2024-10-31")
    canvas = page.locator("#timeline-canvas")
    expect(canvas.locator(".tl-item").first).to_be_visible()
    canvas.locator('.tl-item[tabindex="0"]').focus()
    page.keyboard.press("+")
    page.wait_for_function("() => new URLSearchParams(location.search).get('from') !== '2024-10-01'")
    zoomed = span_days(page)
    assert zoomed < 30
    start = url_params(page)["from"][0]
    page.keyboard.press("Shift+ArrowRight")
    page.wait_for_function("start => new URLSearchParams(location.search).get('from') > start", arg=start)
    page.keyboard.press("-")
    page.wait_for_function("span => { const p = new URLSearchParams(location.search);"
                           " return (new Date(p.get('to')) - new Date(p.get('from'))) / 864e5 > span }",
                           arg=zoomed)
    settle(page)

    canvas.locator('.tl-item[tabindex="0"]').focus()
    first = page.evaluate("document.activeElement.getAttribute('data-event')")
    assert first, "one event of the timeline takes Tab"
    page.keyboard.press("Enter")
    expect(page.locator("#details article")).to_have_attribute("data-event-id", first)
    page.keyboard.press("Escape")  # closes the details, and the focus is back on the event
    assert page.evaluate("document.activeElement.getAttribute('data-event')") == first
    page.keyboard.press("ArrowRight")
    second = page.evaluate("document.activeElement.getAttribute('data-event')")
    assert second and second != first
    settle(page)  # moving to an event may bring the view's data again: read one settled snapshot
    events = page.evaluate("window.negotiationTimeline.data().events")
    ordered = [e["id"] for e in sorted(events, key=lambda e: (e["earliest"], e["latest"], e["id"]))]
    assert ordered.index(second) == ordered.index(first) + 1
    page.keyboard.press("Enter")
    expect(page.locator("#details article")).to_have_attribute("data-event-id", second)
    shot(page, "06-keyboard")
    page.keyboard.press("Escape")
    expect(page.locator("#details")).to_be_hidden()
    page.wait_for_function("() => !new URLSearchParams(location.search).get('event')")


def test_wheel_zooms_and_drag_pans_without_selecting(live, page):
    page.goto(live.url + "/?from=2024-10-01&to=2024-10-31")
    canvas = page.locator("#timeline-canvas .tlc-lanes")
    expect(canvas.locator(".tl-item").first).to_be_visible()
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + 20)
    page.mouse.wheel(0, -400)
    page.wait_for_function("() => new URLSearchParams(location.search).get('from') !== '2024-10-01'")
    assert span_days(page) < 30
    start = url_params(page)["from"][0]
    page.mouse.move(box["x"] + box["width"] * 0.7, box["y"] + 20)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.4, box["y"] + 20, steps=8)
    page.mouse.up()
    page.wait_for_function("start => new URLSearchParams(location.search).get('from') > start", arg=start)
    assert "event" not in url_params(page)


def test_buttons_zoom_and_fit(live, page):
    page.goto(live.url + "/?from=2024-10-01&to=2024-10-31")
    page.locator('button[data-action="zoom-in"]').click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('from') !== '2024-10-01'")
    assert span_days(page) < 30
    page.locator('button[data-action="fit"]').click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('from') < '2023-10-01'")
    open_filters(page)
    page.locator('#filters input[name="lanes"][value="actor"]').check()
    wait_for_url_param(page, "lanes", "actor")
    expect(page.locator("#timeline-canvas text.tl-lanes-heading")).to_have_text("Actor")


def test_uncertain_dates_are_bands_exact_days_points_and_planned_events_hollow(live, page):
    page.goto(live.url + "/?from=2024-10-10&to=2024-10-31")
    settle(page)
    expect(timeline_item(page, OFFER).locator("rect.band")).to_have_count(1)
    expect(timeline_item(page, "doha-press-conference-2024-10-24").locator("path.point")).to_have_count(1)
    planned = timeline_item(page, "doha-summit-2024-10-27")
    expect(planned).to_have_class(re.compile(r"\bplanned\b"))
    fill = planned.locator(".mark").evaluate("node => getComputedStyle(node).fill")
    dashes = planned.locator(".mark").evaluate(
        "node => getComputedStyle(node).getPropertyValue('stroke-dasharray')")
    assert fill == "rgb(255, 255, 255)" and dashes not in ("", "none")
    band = timeline_item(page, OFFER).locator("rect.band").bounding_box()
    point = timeline_item(page, "doha-press-conference-2024-10-24").locator("path.point").bounding_box()
    assert band["width"] > 4 * point["width"]
    shot(page, "07-points-bands-planned")


def test_overlapping_events_past_the_rows_a_lane_has_are_gathered_in_a_cluster(live, page):
    page.goto(live.url + "/?from=2024-10-01&to=2024-10-31")
    settle(page)
    page.evaluate("window.negotiationTimeline.configure({maxRows: 1})")
    cluster = page.locator("#timeline-canvas .tl-cluster").first
    expect(cluster).to_be_visible()
    assert cluster.locator("text").text_content().startswith("+")
    shot(page, "16-clusters")
    cluster.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => { const p = new URLSearchParams(location.search);"
                           " return (new Date(p.get('to')) - new Date(p.get('from'))) / 864e5 < 30 }")


def test_the_page_works_without_javascript(live, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1440, "height": 960})
    page = context.new_page()
    page.goto(live.url + f"/?actor=hamas&event={OFFER}")
    expect(page.locator("#event-table tbody tr")).to_have_count(16)
    expect(page.locator("#details blockquote.sentence").first).to_contain_text("Mossad Director David Barnea")
    expect(page.locator(".tlc-bar")).to_have_count(0)
    expect(page.locator("#filter-toggle")).to_be_hidden()
    page.locator(f'#event-table a.event-link[data-event="{REJECTION}"]').click()
    expect(page.locator("#details article")).to_have_attribute("data-event-id", REJECTION)
    page.locator('#filters input[name="type"][value="Rejection"]').check()
    page.locator("#filters button.apply").click()
    expect(page.locator("#event-table tbody tr")).to_have_count(2)  # Barnea's offer's, Egypt's proposal's
    assert parse_qs(urlparse(page.url).query)["type"] == ["Rejection"]
    shot(page, "08-without-javascript")
    context.close()


def test_dense_windows_are_counted_per_bucket_until_zoomed_in(seeded_template, tmp_path, browser):
    store = tmp_path / "store"
    shutil.copytree(seeded_template, store)
    server = LiveServer(make_app(store, TIMELINE_THRESHOLD=8))
    context = browser.new_context(viewport={"width": 1440, "height": 960})
    page = context.new_page()
    try:
        page.goto(server.url + "/")
        expect(page.locator("#timeline-canvas .tl-bar").first).to_be_visible()
        expect(page.locator("#timeline-status")).to_contain_text("counted per week")
        shot(page, "09-counted-per-week")
        page.wait_for_function("() => window.NegotiationTimeline.idle()")
        in_view = int(page.locator("#timeline-status").text_content().split()[0])
        page.locator("#event-table a", has_text="list them page by page").click()
        expect(page.locator("#event-table tbody tr[data-event]")).to_have_count(in_view)
        page.wait_for_function("() => window.NegotiationTimeline.idle()")
        expect(page.locator("#event-table tbody tr[data-event]")).to_have_count(in_view)
        page.goto(server.url + "/?from=2024-07-01&to=2024-07-31")
        expect(page.locator("#timeline-canvas .tl-item").first).to_be_visible()
    finally:
        context.close()
        server.stop()


def test_a_label_with_a_script_tag_shows_as_text(tmp_path, browser):
    store = make_store(tmp_path / "store", [*SEED_TARGETS[:2], DATA / "script_label.yaml"])
    server = LiveServer(make_app(store))
    context = browser.new_context(viewport={"width": 1440, "height": 960})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(server.url + "/?event=script-offer")
        label = timeline_item(page, "script-offer").locator("text.label")
        expect(label).to_have_text("<script>alert(1)</script> offers talks")
        expect(page.locator("#details .event-title")).to_have_text("<script>alert(1)</script> offers talks")
        expect(page.locator("#details .curator-note p")).to_have_text(
            "A note with </script><script>alert(2)</script> in it.")
        expect(page.locator('#filters input[value="script-group"] + .facet-label')).to_have_text(
            "The <script>alert(1)</script> group")
        open_filters(page)
        page.locator('#filters input[name="actor"][value="bold-rival"]').check()
        page.keyboard.press("Escape")  # closes the filters
        wait_for_url_param(page, "actor", "bold-rival")
        page.locator("#details-close").click()
        timeline_item(page, "script-rejection").click()
        expect(page.locator("#details .event-title")).to_have_text(
            "The <b>bold</b> rival rejects the </script> offer")
        expect(page.locator("#event-table b")).to_have_count(0)
        shot(page, "10-script-label-as-text")
        page.goto(server.url + "/event/script-offer")
        expect(page.locator("h1.event-title")).to_have_text("<script>alert(1)</script> offers talks")
        assert dialogs == []
        assert page.evaluate("document.querySelectorAll('script:not([src]):not([type])').length") == 0
    finally:
        context.close()
        server.stop()


def test_entity_pages_render(live, page):
    for path, name in [(f"/event/{OFFER}", "11-event-page"), ("/actor/hamas", "12-actor-page"),
                       ("/source/ain-2024-10-hamas-rejects-safe-passage", "13-source-page"),
                       ("/ontology", "14-ontology-page"), ("/place/gaza-strip", "15-place-page")]:
        response = page.goto(live.url + path)
        assert response.status == 200
        shot(page, name)
