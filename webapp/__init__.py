"""The web app: a thin shell over ``kb``. ``create_app()`` builds it; one blueprint per area."""

from __future__ import annotations

from flask import Flask, current_app, jsonify, render_template, request

from kb.errors import KBError, NotFound
from kb.vocab import Minter, default_base


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app. Config: KB_STORE (path or URL), KB_BASE, QUERY_TIMEOUT, ROW_LIMIT, ACCESS_LOG."""
    app = Flask(__name__)
    app.config.from_mapping(
        KB_STORE=None,
        KB_BASE=default_base(),
        QUERY_TIMEOUT=30.0,
        ROW_LIMIT=10000,
        MAX_CONTENT_LENGTH=1024 * 1024,
        LOAD_SEEDS=False,
        ACCESS_LOG=False,
    )
    if test_config:
        app.config.update(test_config)
    app.config["KB_BASE"] = app.config["KB_BASE"].rstrip("/") + "/"
    app.extensions["minter"] = Minter(app.config["KB_BASE"])

    from webapp import security, state

    security.init_app(app)
    state.init_app(app)
    from webapp.views import register

    register(app)

    @app.errorhandler(KBError)
    def kb_error(error: KBError):
        return error_response(error)

    @app.errorhandler(404)
    def not_found(_error):
        return error_response(NotFound(f"nothing at {request.path}",
                                       hint="start from the timeline at /"))

    @app.errorhandler(413)
    def too_large(_error):
        error = KBError("the request is too large",
                        hint=f"send at most {app.config['MAX_CONTENT_LENGTH']} bytes")
        error.status = 413
        return error_response(error)

    if app.config["ACCESS_LOG"]:
        from webapp.accesslog import AccessLog

        app.wsgi_app = AccessLog(app.wsgi_app)
    return app


def wants_json() -> bool:
    """True when the client asked for JSON (a .json path or an Accept header preferring it)."""
    if request.path.endswith(".json"):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json" and request.accept_mimetypes[best] > \
        request.accept_mimetypes["text/html"]


def log_failure(error: KBError) -> None:
    """Say in the log why a request failed: always for a server error, and for a client's error
    when the access log is on (``kb serve --access-log``)."""
    if error.status >= 500 or current_app.config.get("ACCESS_LOG"):
        log = current_app.logger.error if error.status >= 500 else current_app.logger.warning
        log("%s %s %s: %s", error.status, request.method, request.path, error)


def error_page(error: KBError):
    """The error as the one JSON shape ``{"ok": false, ...}`` or the page ``errors/error.html``."""
    if wants_json():
        response = jsonify(error.to_json())
    else:
        response = render_template("errors/error.html", error=error, status=error.status)
    return response, error.status, retry_after(error)


def retry_after(error: KBError) -> dict[str, str]:
    """The ``Retry-After`` header of an error that asks the client to come back (a full lane)."""
    seconds = getattr(error, "retry_after", None)
    return {"Retry-After": str(int(seconds))} if seconds else {}


def error_response(error: KBError):
    """Log why the request failed (:func:`log_failure`) and answer with :func:`error_page`."""
    log_failure(error)
    return error_page(error)
