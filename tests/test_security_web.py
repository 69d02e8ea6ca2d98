"""Issue 11, item 2: pages link only to http(s) and mailto; every response carries the security
headers; CORS is open on data and closed on HTML pages."""

from __future__ import annotations

import pytest

from kb.errors import KBError
from kb.load import load
from kb.store import open_kb
from kb.vocab import Minter
from tests.conftest import TEST_BASE, make_app
from tests.htmltree import parse_html
from tests.support import variant
from webapp.security import link_target

HOSTILE = ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x",
           "vbscript:msgbox(1)", "file:///etc/passwd", "urn:x:javascript"]


def _links(document) -> list[str]:
    return [element.attrs.get("href", "") for element in document.find_all("a")]


@pytest.mark.parametrize("iri", HOSTILE)
def test_query_page_shows_a_non_web_iri_as_text_not_as_a_link(client, iri):
    query = f'SELECT ?x WHERE {{ BIND(IRI("{iri}") AS ?x) }}'
    response = client.get("/query", query_string={"run": "1", "query": query})
    assert response.status_code == 200
    document = parse_html(response.data)
    assert not any(href.lower().startswith(("javascript", "data", "vbscript", "file", "urn"))
                   for href in _links(document))
    cells = [cell.text for cell in document.find_all("td")]
    assert iri in cells


def test_query_page_links_web_iris(client):
    query = 'SELECT ?x WHERE { VALUES ?x { <https://example.org/a> <mailto:someone@example.org> } }'
    document = parse_html(client.get("/query", query_string={"run": "1", "query": query}).data)
    assert {"https://example.org/a", "mailto:someone@example.org"} <= set(_links(document))


URLS = ["javascript:alert(document.domain)", "JaVaScRiPt:alert(1)", "data:text/html;base64,PHNjcmlwdD4="]


@pytest.mark.parametrize("url", URLS)
def test_a_curation_file_cannot_store_a_source_url_that_is_not_a_web_address(tmp_path, url):
    curation = variant(tmp_path, {"  title: Talks stall as mediators meet":
                                  f"  title: Talks stall as mediators meet\n  url: {url!r}"})
    with open_kb(tmp_path / "store") as kb, pytest.raises(KBError, match=r"is not an http\(s\) address"):
        load(kb, [curation], minter=Minter(TEST_BASE))


@pytest.mark.parametrize("url", URLS)
def test_a_stored_source_url_that_is_not_a_web_address_is_shown_as_text(tmp_path, url):
    """An RDF file may still give a source any IRI as its address: the page shows it as text."""
    rdf = tmp_path / "address.ttl"
    rdf.write_text(f"<{TEST_BASE}id/source/test-minimal> <https://schema.org/url> <{url}> .\n",
                   encoding="utf-8")
    store = tmp_path / "store"
    with open_kb(store) as kb:
        load(kb, [variant(tmp_path, {}), rdf], minter=Minter(TEST_BASE))
    app = make_app(store, TIMELINE_INDEX="off")
    try:
        response = app.test_client().get("/source/test-minimal")
        assert response.status_code == 200
        hrefs = _links(parse_html(response.data))
        assert not any("script:" in href.replace("\t", "").lower() or href.startswith("data:")
                       for href in hrefs)
        assert "not a web address" in parse_html(response.data).text
    finally:
        app.extensions["sparql"].close()
        app.extensions["kb"].close()


@pytest.mark.parametrize("address,expected", [
    ("https://example.org/x", "https://example.org/x"), ("HTTP://example.org", "HTTP://example.org"),
    ("mailto:a@example.org", "mailto:a@example.org"), ("/event/x", "/event/x"), ("#s1", "#s1"),
    ("javascript:alert(1)", None), (" https://x.org", None), ("java\nscript:x", None),
    ("//evil.example/x", None), ("/\\evil.example", None), ("data:,x", None), ("", None), (None, None),
])
def test_link_target_lets_only_web_addresses_through(address, expected):
    assert link_target(address) == expected


HTML_PAGES = ["/", "/query", "/query?run=1&query=ASK%7B%7D", "/sparql", "/event/barnea-offer-2024-10",
              "/ontology", "/.well-known/void", "/nothing-here", "/query?run=1&query=SELECT"]
DATA = ["/timeline.json", "/event/barnea-offer-2024-10.json", "/event/barnea-offer-2024-10.ttl",
        "/sparql?query=ASK%7B%7D&format=json", "/query.json?run=1&query=ASK%7B%7D",
        "/dumps/kb.nq", "/.well-known/void.ttl"]


@pytest.mark.parametrize("path", HTML_PAGES)
def test_every_html_page_has_a_strict_policy_and_no_cors(client, path):
    response = client.get(path, headers={"Accept": "text/html"})
    assert response.mimetype == "text/html", path
    policy = dict(part.strip().split(" ", 1) for part in
                  response.headers["Content-Security-Policy"].split(";"))
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'" and policy["default-src"] == "'self'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"]
    assert "Access-Control-Allow-Origin" not in response.headers


@pytest.mark.parametrize("path", HTML_PAGES)
def test_no_page_needs_inline_script_or_style(client, path):
    document = parse_html(client.get(path, headers={"Accept": "text/html"}).data)
    for element in document.iter():
        if element.tag == "script":
            assert element.attrs.get("src") or element.attrs.get("type") in (
                "application/json", "application/ld+json"), path
        assert element.tag != "style", path
        assert "style" not in element.attrs, (path, element.tag)
        assert not [name for name in element.attrs if name.startswith("on")], (path, element.tag)


@pytest.mark.parametrize("path", DATA)
def test_data_is_open_to_other_origins_and_not_sniffed(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" not in response.headers or response.mimetype == "text/html"
