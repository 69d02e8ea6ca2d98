"""Issue 11, items 8 and 12: serving processes import the installed package whatever the working
directory, give up with one clear line when they cannot start, and serve a load made while they run."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kb.errors import KBError
from tests.conftest import TEST_BASE
from tests.helpers_server import KB, free_port, kb_server
from tests.support import variant
from webapp.server import Supervisor


def test_a_kb_folder_in_the_working_directory_does_not_shadow_the_package(seeded_store, tmp_path):
    for name in ("kb", "webapp", "pyoxigraph"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "__init__.py").write_text("raise SystemExit('shadowed')\n")
    port = free_port()
    process = subprocess.Popen([str(KB), "--store", str(seeded_store), "serve", "--host", "127.0.0.1",
                                "--port", str(port), "--processes", "2"], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        root = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{root}/sparql?query=ASK%7B%7D&format=json", timeout=5) as r:
                    assert r.status == 200
                    break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline
                time.sleep(0.2)
        for _ in range(10):
            with urllib.request.urlopen(f"{root}/.well-known/void.ttl", timeout=5) as r:
                assert r.status == 200
        time.sleep(1)
        assert process.poll() is None
    finally:
        process.terminate()
        output = process.communicate(timeout=20)[0].decode()
    assert "ended" not in output and "shadowed" not in output


def test_serving_processes_that_keep_failing_back_off_then_stop_with_one_error(tmp_path):
    listener = socket.create_server(("127.0.0.1", 0))
    listener.set_inheritable(True)
    supervisor = Supervisor(listener, {"KB_STORE": str(tmp_path / "store")}, 2,
                            command="import sys; sys.exit(3)")
    started = time.monotonic()
    with pytest.raises(KBError) as raised:
        supervisor.run()
    took = time.monotonic() - started
    assert "failed 5 times in a row" in str(raised.value) and "exit status 3" in str(raised.value)
    assert 3 < took < 60  # backed off (0.5 + 1 + 2 + 4 s), and gave up
    assert all(child.poll() is not None for child in supervisor.children)


def _ask(root: str, query: str) -> bool:
    url = f"{root}/sparql?" + urllib.parse.urlencode({"query": query, "format": "json"})
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())["boolean"]


def test_a_load_while_serving_is_served_by_every_process_within_seconds(seeded_store, tmp_path):
    curation = variant(tmp_path, {})
    has_new = "ASK { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?g), 'test-minimal')) }"
    with kb_server(seeded_store, extra=("--processes", "2"), base=TEST_BASE, query_timeout=20) as root:
        answers = [_ask(root, has_new) for _ in range(10)]
        assert answers == [False] * 10
        for _ in range(10):  # both processes answer pages (their index is built) before the load
            with pytest.raises(urllib.error.HTTPError):
                urllib.request.urlopen(f"{root}/source/test-minimal", timeout=30)
        loaded = subprocess.run([str(KB), "--store", str(seeded_store), "load", str(curation)],
                                capture_output=True, text=True, timeout=120,
                                env={**os.environ, "KB_BASE": TEST_BASE})
        assert loaded.returncode == 0, loaded.stderr
        deadline = time.monotonic() + 15
        while not all(_ask(root, has_new) for _ in range(10)):
            assert time.monotonic() < deadline, "the load was not served within 15 s"
            time.sleep(0.3)
        assert all(_ask(root, has_new) for _ in range(40))  # every process, every time, from now on
        for _ in range(10):  # the pages (and the timeline) too, not only SPARQL
            with urllib.request.urlopen(f"{root}/source/test-minimal", timeout=30) as response:
                assert response.status == 200
            with urllib.request.urlopen(f"{root}/timeline.json?source=test-minimal", timeout=30) as r:
                assert json.loads(r.read())["total"] > 0
