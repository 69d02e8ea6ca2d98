"""What every response carries, and what a page may link to.

Headers (on every response, fast path included): ``X-Content-Type-Options: nosniff`` and
``Referrer-Policy``; on HTML, a Content-Security-Policy that allows scripts, styles and everything
else from this site only (no inline script or style; ``<script type="application/json">`` is data,
never run, so it needs no allowance), no framing, no ``<base>``, forms to this site only. CORS
(``Access-Control-Allow-Origin: *``) is on data (SPARQL results, JSON, RDF, CSV, dumps) and never
on HTML pages. Links: only ``http:``, ``https:`` and ``mailto:`` addresses (and paths of this
site) become links; anything else (``javascript:``, ``data:``, ...) is shown as text.
"""

from __future__ import annotations

from flask import Flask, Response

CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'")
REFERRER_POLICY = "strict-origin-when-cross-origin"
#: Headers on every response.
COMMON_HEADERS = (("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", REFERRER_POLICY))
#: Headers on HTML responses.
HTML_HEADERS = (("Content-Security-Policy", CONTENT_SECURITY_POLICY), ("X-Frame-Options", "DENY"))
CORS_HEADERS = (("Access-Control-Allow-Origin", "*"),
                ("Access-Control-Expose-Headers", "X-KB-Truncated, X-KB-Row-Limit, X-KB-Rows, ETag"))
LINK_SCHEMES = ("http", "https", "mailto")


def link_target(address: object) -> str | None:
    """``address`` when it may be a link (http, https, mailto, or a path here); else ``None``."""
    if address is None:
        return None
    text = str(address)
    if not text or any(ord(char) <= 0x20 or ord(char) == 0x7F or char == "\\" for char in text):
        return None  # browsers drop blanks and control characters inside a scheme: refuse them all
    if text.startswith(("/", "#", "?")):
        return None if text.startswith(("//", "/\\")) else text
    scheme, colon, _ = text.partition(":")
    if colon and scheme.lower() in LINK_SCHEMES:
        return text
    return None


def init_app(app: Flask) -> None:
    """Add the headers to every response of ``app`` and the ``safe_url`` template filter."""
    app.add_template_filter(link_target, "safe_url")
    app.after_request(secure_headers)


def secure_headers(response: Response) -> Response:
    """Set the security headers; CORS on data only."""
    for name, value in COMMON_HEADERS:
        response.headers[name] = value
    if response.mimetype == "text/html":
        for name, value in HTML_HEADERS:
            response.headers[name] = value
        for name, _ in CORS_HEADERS:
            response.headers.pop(name, None)
    else:
        for name, value in CORS_HEADERS:
            response.headers.setdefault(name, value)
    return response
