"""Issue 11, items 8 and 12: serving processes import the installed package whatever the working
directory, give up with one clear line when they cannot start, and serve a load made while they run."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request

import pytest

from kb.errors import KBError
from tests.helpers_server import KB, free_port
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
