"""One line per request in the Combined Log Format, for operators (``kb serve --access-log``).

``127.0.0.1 - - [03/Dec/2026:07:41:02 +0000] "GET /sparql?query=... HTTP/1.1" 200 512 "-" "curl/8.0"``
followed by the time taken in milliseconds. Written by a WSGI wrapper, so it sees every response,
whichever part of the app made it.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


class AccessLog:
    """Wraps a WSGI app; writes one Combined Log Format line per request to ``stream``."""

    def __init__(self, app, stream: TextIO | None = None):
        self.app = app
        self.stream = stream or sys.stderr

    def __call__(self, environ, start_response):
        started = time.monotonic()
        seen = {"status": "-", "size": 0}

        def recording_start(status, headers, exc_info=None):
            seen["status"] = status.split(" ", 1)[0]
            return start_response(status, headers, exc_info)

        body = self.app(environ, recording_start)
        try:
            for chunk in body:
                seen["size"] += len(chunk)
                yield chunk
        finally:
            close = getattr(body, "close", None)
            if close:
                close()
            self._write(environ, seen, time.monotonic() - started)

    def _write(self, environ, seen: dict, seconds: float) -> None:
        target = environ.get("PATH_INFO", "") + (f"?{environ['QUERY_STRING']}"
                                                 if environ.get("QUERY_STRING") else "")
        request = f"{environ.get('REQUEST_METHOD', '-')} {target} {environ.get('SERVER_PROTOCOL', '-')}"
        when = time.strftime("%d/%b/%Y:%H:%M:%S %z")
        line = (f"{environ.get('REMOTE_ADDR', '-')} - - [{when}] {_quoted(request)} {seen['status']} "
                f"{seen['size'] or '-'} {_quoted(environ.get('HTTP_REFERER', '-'))} "
                f"{_quoted(environ.get('HTTP_USER_AGENT', '-'))} {seconds * 1000:.0f}ms")
        self.stream.write(line + "\n")
        self.stream.flush()
