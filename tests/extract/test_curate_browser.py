"""The kb curate page in Debian's Chromium: accept, reject, edit, undo, save, then load."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kb.extract.cli import extract_command
from kb.load import load
from kb.paths import ONTOLOGY_DIR, SEEDS_DIR
from kb.store import open_kb
from kb.vocab import KBO
from webapp.curate import create_curate_app

pytestmark = pytest.mark.browser

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

ARTICLE = ("Egypt offered Hamas a six-week truce on Monday.\n"
           "Hamas rejected the offer on Tuesday.\n"
           "Qatar's prime minister met Khalil al-Hayya in Doha on Wednesday.\n")


class CurateServer:
    """The review app on a free 127.0.0.1 port, in a thread."""

    def __init__(self, app):
        from werkzeug.serving import make_server

        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.thread.join(timeout=5)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    """A draft of a short article, made against the seed's actors."""
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    output = tmp_path / "article.yaml"
    result = CliRunner().invoke(extract_command, [str(tmp_path / "article.txt"), "--published",
                                                  "2025-01-30", "--output", str(output)])
    assert result.exit_code == 0, result.output
    return output


@pytest.fixture
def page(browser, draft: Path):
    server = CurateServer(create_curate_app(draft, draft.with_name("curated.yaml")))
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server.url)
    yield page
    context.close()
    server.stop()
    assert errors == []


def states(page) -> list[str]:
    return page.locator("#events .event .state").all_inner_texts()


def test_the_article_shows_each_proposed_event_highlighted(page):
    events = page.locator("#events .event")
    expect(events).to_have_count(3)
    current = "".join(page.locator(".piece.current").all_inner_texts())
    assert current == "Egypt offered Hamas a six-week truce on Monday."
    assert page.locator(".piece.cue").all_inner_texts() == ["offered"]
    assert page.locator(".piece.date").all_inner_texts() == ["on Monday"]
    page.keyboard.press("j")
    assert page.locator(".piece.cue").all_inner_texts() == ["rejected"]
    expect(events.nth(1)).to_have_class("event pending selected")


def test_accept_reject_edit_undo_and_save_make_a_file_kb_load_takes(page, draft, tmp_path):
    page.keyboard.press("a")
    page.keyboard.press("r")
    assert states(page) == ["accepted", "rejected", "pending"]
    page.keyboard.press("u")
    assert states(page) == ["accepted", "pending", "pending"]
    page.keyboard.press("r")
    page.keyboard.press("e")
    dialog = page.locator("#editor")
    expect(dialog).to_be_visible()
    page.select_option("#edit-form select[name=type]", "NegotiationRound")
    page.fill("#edit-form input[name=edtf]", "2025-01-29")
    page.fill("#edit-form textarea[name=actors]",
              "al-thani mediator\nkhalil-al-hayya participant")
    page.click("#edit-form button[type=submit]")
    expect(dialog).to_be_hidden()
    assert states(page) == ["accepted", "rejected", "accepted"]
    page.keyboard.press("s")
    expect(page.locator("#status")).to_have_text(
        f"saved 2 events to {draft.with_name('curated.yaml')}")
    curated = yaml.safe_load(draft.with_name("curated.yaml").read_text(encoding="utf-8"))
    assert [event["type"] for event in curated["events"]] == ["Offer", "NegotiationRound"]
    round_ = curated["events"][1]
    assert round_["actors"] == [{"actor": "al-thani", "role": "mediator"},
                                {"actor": "khalil-al-hayya", "role": "participant"}]
    assert round_["date"]["edtf"] == "2025-01-29"
    assert "draft" not in curated and all("draft" not in e for e in curated["events"])
    with open_kb(tmp_path / "store") as kb:
        load(kb, [ONTOLOGY_DIR, SEEDS_DIR])
        report = load(kb, [draft.with_name("curated.yaml")])
        assert report.warnings == []
        rounds = kb.select("SELECT ?e WHERE { GRAPH ?g { ?e a <" + KBO.NegotiationRound.value
                           + "> } }")
    assert round_["id"] in [row["e"].value.rsplit("/", 1)[-1] for row in rounds]


def test_saving_with_nothing_accepted_says_why_and_writes_nothing(page, draft):
    page.keyboard.press("r")
    page.keyboard.press("s")
    expect(page.locator("#status")).to_have_text(
        "not saved: no event is accepted (accept (a) at least one event first)")
    assert not draft.with_name("curated.yaml").exists()


def test_a_save_without_the_page_token_is_refused(draft):
    client = create_curate_app(draft, draft.with_name("curated.yaml")).test_client()
    response = client.post("/save", json={"token": "guess", "decisions": []})
    assert response.status_code == 403
    assert response.json["ok"] is False
    assert not draft.with_name("curated.yaml").exists()
    page = client.get("/")
    assert page.headers["X-Frame-Options"] == "DENY"
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]
