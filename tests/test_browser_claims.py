"""Several sources in a real browser (issue 15): the conflict columns, the thread page and the new
timeline filters (certainty, as_known_on), with Debian's Chromium driven by Playwright."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from tests.test_browser import live, page, shot  # noqa: F401  (fixtures; the browser is conftest's)

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect
PROPOSAL = "egypt-two-day-proposal-2024-10-27"


def test_the_event_page_shows_the_sources_claims_in_columns(live, page):  # noqa: F811
    page.goto(live.url + f"/event/{PROPOSAL}")
    table = page.locator("table.claims-table")
    expect(table).to_be_visible()
    expect(table.locator("th.claim-column")).to_have_count(4)
    expect(table.locator("th.claim-column").first).to_contain_text("Agence France-Presse")
    disputed = table.locator('tr.disputed[data-field="term: CeasefireTerm"] td')
    expect(disputed).to_have_count(4)
    expect(disputed.last).to_contain_text("12 day")
    expect(page.locator(".reported-by")).to_contain_text("4 sources")
    expect(page.locator(".paraphrased-mark").first).to_be_visible()
    shot(page, "20-claims-side-by-side")


def test_the_thread_page_shows_the_steps_terms_and_changes(live, page):  # noqa: F811
    page.goto(live.url + f"/event/{PROPOSAL}")
    page.locator(".thread-link a").click()
    expect(page.locator("li.thread-step")).to_have_count(3)
    expect(page.locator("li.thread-step").first).to_have_attribute("data-event", PROPOSAL)
    expect(page.locator('tr[data-term="GuaranteeTerm"]')).to_have_attribute("data-change", "added")
    shot(page, "21-offer-thread")


def test_the_filters_choose_certainty_and_as_known_on_and_keep_them_in_the_url(live, browser):  # noqa: F811
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1440, "height": 960})
    tab = context.new_page()
    try:
        tab.goto(live.url + "/?from=2024-01-15&to=2024-10-31")
        expect(tab.locator('#event-table a[data-event="barnea-offer-2024-01"]')).to_have_count(1)
        expect(tab.locator("#event-table .disputed-mark").first).to_be_visible()
        tab.locator('#filters input[name="certainty"][value="certain"]').check()
        tab.locator("#filters button.apply").click()
        assert parse_qs(urlparse(tab.url).query)["certainty"] == ["certain"]
        expect(tab.locator('#event-table a[data-event="barnea-offer-2024-01"]')).to_have_count(0)
        expect(tab.locator('#filters input[name="certainty"][value="certain"]')).to_be_checked()
        tab.locator("#filter-as-known-on").fill("2024-10-24")
        tab.locator("#filters button.apply").click()
        assert parse_qs(urlparse(tab.url).query)["as_known_on"] == ["2024-10-24"]
        expect(tab.locator("#event-table tbody tr")).to_have_count(0)
        shot(tab, "22-as-known-on")
    finally:
        context.close()


def test_the_drawn_timeline_marks_disputed_events_and_bands_only_possibly_in_the_window(live, page):  # noqa: F811
    page.goto(live.url + "/?from=2024-01-15&to=2024-10-31")
    canvas = page.locator("#timeline-canvas")
    proposal = canvas.locator(f'.tl-item[data-event="{PROPOSAL}"]').first
    expect(proposal).to_be_visible()
    # the sources disagree on the Egyptian proposal: a drawn mark, and said to a screen reader
    expect(proposal.locator(".disputed-ring").first).to_be_visible()
    assert "disputed" in proposal.get_attribute("aria-label")
    # "In January" runs from 1 January, before the window: only possibly in it, drawn otherwise
    january = canvas.locator('.tl-item[data-event="barnea-offer-2024-01"]').first
    expect(january).to_have_attribute("data-certainty", "possible")
    assert "possibly in this window" in january.get_attribute("aria-label")
    assert "disputed" not in january.get_attribute("aria-label")
    expect(january.locator(".disputed-ring")).to_have_count(0)
    band = january.locator(".mark.band")
    assert float(band.evaluate("node => getComputedStyle(node).strokeOpacity")) < 1  # drawn pale
    # its earliest dating (1 October to 4 November) runs past the window's end too
    expect(proposal).to_have_attribute("data-certainty", "possible")
    certain = canvas.locator('.tl-item[data-certainty="certain"]:not(.planned)')
    expect(certain.first).to_be_visible()
    assert "possibly" not in certain.first.get_attribute("aria-label")
    assert float(certain.first.locator(".mark").evaluate("node => getComputedStyle(node).strokeOpacity")) == 1
    legend = page.locator('ul.tl-legend.forms')
    expect(legend.locator("li", has_text="disputed")).to_have_count(1)
    expect(legend.locator("li", has_text="only possibly in this window")).to_have_count(1)
    shot(page, "23-disputed-and-possible-on-the-chart")


def test_a_long_band_zoomed_in_is_drawn_no_wider_than_the_plot_and_its_pan_margin(live, page):  # noqa: F811
    # "In January" is a month-long band; in a 3-day window it spans ~10 widths of the plot: it still
    # covers the whole plot, but its drawing stops at the margin a pan can slide into view (a view's width).
    page.goto(live.url + "/?from=2024-01-14&to=2024-01-16")
    canvas = page.locator("#timeline-canvas")
    january = canvas.locator('.tl-item[data-event="barnea-offer-2024-01"]').first
    expect(january).to_have_attribute("data-certainty", "possible")
    page.wait_for_function("() => window.NegotiationTimeline.idle()", polling=20)
    box = canvas.locator(".tl-plot-window").bounding_box()
    band = january.locator(".mark.band").bounding_box()
    assert band["x"] <= box["x"] and band["x"] + band["width"] >= box["x"] + box["width"]
    # the plot and what a pan can slide in: a view's width each side (plus a few px), not ~10 widths
    assert band["width"] <= 3 * box["width"] + 60
