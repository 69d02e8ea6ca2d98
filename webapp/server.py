"""``kb serve``: the web app under waitress, over the embedded store (seeds loaded on first start)."""

from __future__ import annotations

import sys


def serve(store: str, host: str, port: int, query_timeout: float, row_limit: int,
          base: str | None = None) -> None:
    """Build the app and serve it with waitress until interrupted."""
    from waitress import serve as waitress_serve

    from webapp import create_app

    config = {"KB_STORE": store, "QUERY_TIMEOUT": query_timeout, "ROW_LIMIT": row_limit,
              "LOAD_SEEDS": True}
    if base:
        config["KB_BASE"] = base
    app = create_app(config)
    print(f"Serving the timeline at http://{host}:{port}/ and SPARQL at http://{host}:{port}/sparql",
          file=sys.stderr)
    waitress_serve(app, host=host, port=port, threads=8, ident="negotiation-kb")
