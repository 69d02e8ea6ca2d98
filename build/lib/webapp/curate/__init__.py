"""``kb curate``: a page to review a draft of ``kb extract``, for one curator on this machine.

A small Flask app of its own, never registered on the public server: ``kb curate`` binds it to
127.0.0.1 only. It shows the article with each proposed event highlighted, and saves the
curator's decisions as a curation file (:func:`kb.extract.review.finalise`). Saving needs the
token of the page (so that no other site can post to it), a JSON body under 1 MB, and writes the
file whole or not at all. Every page escapes what it shows and carries security headers.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from flask import Flask, abort, jsonify, render_template, request

from kb.errors import KBError
from kb.extract.review import article_of, finalise, read_draft, segments, write_curation
from kb.vocab import EVENT_TYPES, ROLE_TYPES

#: The largest save request accepted.
MAX_BODY = 1_000_000

HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
                               "connect-src 'self'; img-src 'self'; base-uri 'none'; "
                               "form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def create_curate_app(draft_path: Path, output: Path | None = None,
                      article: Path | None = None) -> Flask:
    """The review app for the draft at ``draft_path``; it saves to ``output`` (default: the
    draft itself, which then is a finished curation file)."""
    draft_path = Path(draft_path)
    draft = read_draft(draft_path)
    article_path, text = article_of(draft_path, draft, article)
    output = Path(output) if output else draft_path
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY
    token = secrets.token_urlsafe(24)

    @app.after_request
    def secure(response):
        response.headers.update(HEADERS)
        return response

    @app.get("/")
    def review():
        events = draft["events"]
        return render_template(
            "curate.html", title=draft["source"].get("title") or article_path.name,
            article=article_path.name, output=str(output), token=token,
            pieces=segments(text, events), events=events, event_types=EVENT_TYPES,
            role_types=ROLE_TYPES)

    @app.post("/save")
    def save():
        body = request.get_json(silent=True)
        if not isinstance(body, dict) or not secrets.compare_digest(
                str(body.get("token", "")), token):
            abort(403, "the page's token is missing or wrong: reload the page")
        try:
            curated = finalise(draft, body.get("decisions") or [])
            write_curation(output, curated)
        except KBError as err:
            return jsonify({"ok": False, "error": str(err), "status": 400}), 400
        return jsonify({"ok": True, "path": str(output), "events": len(curated["events"])})

    @app.errorhandler(403)
    @app.errorhandler(404)
    @app.errorhandler(405)
    @app.errorhandler(413)
    def error(err):
        return jsonify({"ok": False, "error": err.description, "status": err.code}), err.code

    return app


def run(draft_path: Path, output: Path | None, article: Path | None, port: int,
        announce=print) -> None:
    """Serve the review page on 127.0.0.1 (never another interface) until interrupted; a draft
    or article that cannot be read fails before anything is served."""
    from waitress import serve

    app = create_curate_app(draft_path, output, article)
    announce(f"reviewing {draft_path} on http://127.0.0.1:{port}/ (Ctrl-C to stop)")
    serve(app, host="127.0.0.1", port=port, threads=2)
