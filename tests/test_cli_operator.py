"""The kb command as a newcomer and an operator run it: the real `kb` executable, its messages,
progress, logs, terminal tables, status, version, completion and help pages."""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import socket
import subprocess
import sys
import threading
import time
import tomllib
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse

from kb.paths import PROJECT_ROOT
from tests.helpers_server import KB, free_port
from tests.support import DATA, seed_store

#: What a plain `kb load` loads: the seeds' curation files, then the ontology and its codes.
FILES = len(list((PROJECT_ROOT / "seeds").glob("*.yaml"))) + 2
CLF = re.compile(r'^\S+ - - \[[^\]]+\] "(GET|POST|HEAD) \S+ HTTP/1\.[01]" \d{3} (\d+|-) '
                 r'"[^"]*" "[^"]*" \d+ms$')


def run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the real ``kb`` command; its output as text."""
    environment = {key: value for key, value in os.environ.items() if key != "KB_STORE"}
    return subprocess.run([str(KB), *args], capture_output=True, text=True, timeout=timeout,
                          env={**environment, **(env or {})}, cwd=cwd)


def in_terminal(*args: str, columns: int = 100, env: dict[str, str] | None = None,
                timeout: float = 60) -> str:
    """Run ``kb`` with its standard output and error on a pseudo-terminal ``columns`` wide."""
    leader, follower = pty.openpty()
    environment = {key: value for key, value in os.environ.items() if key != "KB_STORE"}
    process = subprocess.Popen([str(KB), *args], stdin=subprocess.DEVNULL, stdout=follower, stderr=follower,
                               env={**environment, "COLUMNS": str(columns), "LINES": "40", **(env or {})},
                               close_fds=True)
    os.close(follower)
    chunks = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        elif process.poll() is not None:
            break
    process.wait(10)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


class Server:
    """A real ``kb serve`` whose standard error is read, line by line, by a thread."""

    def __init__(self, *args: str, env: dict[str, str] | None = None):
        environment = {key: value for key, value in os.environ.items() if key != "KB_STORE"}
        self.process = subprocess.Popen([str(KB), *args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True, env={**environment, **(env or {})})
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stderr:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, pattern: str, seconds: float = 60) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for line in list(self.lines):
                if re.search(pattern, line):
                    return line
            if self.process.poll() is not None and not self.reader.is_alive():
                break
            time.sleep(0.05)
        raise AssertionError(f"no line matching {pattern!r} in: {self.lines}")

    def stop(self) -> list[str]:
        if self.process.poll() is None:
            self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
        self.reader.join(5)
        return self.lines


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    return seed_store(tmp_path_factory.mktemp("operator") / "store")


# --- 1. a port in use ----------------------------------------------------------------------------


def test_a_port_in_use_is_one_line_naming_the_port_and_the_option(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("serve", "--port", str(port), "--store", str(tmp_path / "store"))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [f"Error: port {port} on 127.0.0.1 is already in use "
                     "(choose another with --port, or stop what serves there)"]
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "store").exists(), "nothing is created before the port is known to be free"


# --- 2. --store before or after the command, and KB_STORE ------------------------------------------


@pytest.mark.parametrize("where", ["before", "after", "environment"])
def test_the_store_can_be_given_before_or_after_the_command(tmp_path, where):
    store = tmp_path / "store"
    data = str(DATA / "minimal.yaml")
    if where == "before":
        result = run("--store", str(store), "load", data)
    elif where == "after":
        result = run("load", data, "--store", str(store))
    else:
        result = run("load", data, env={"KB_STORE": str(store)})
    assert result.returncode == 0, result.stderr
    assert store.is_dir()
    status = run("status", "--store", str(store))
    assert f"store:       {store} (embedded)" in status.stdout


def test_the_store_after_the_command_wins_over_the_environment(tmp_path):
    result = run("load", str(DATA / "minimal.yaml"), "--store", str(tmp_path / "chosen"),
                 env={"KB_STORE": str(tmp_path / "ignored")})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "chosen").is_dir() and not (tmp_path / "ignored").exists()


def test_help_shows_the_store_in_use(tmp_path):
    result = run("--help", env={"KB_STORE": str(tmp_path / "somewhere")})
    assert f"Store in use: {tmp_path / 'somewhere'}" in result.stdout
    assert "Store in use: data/store" in run("--help").stdout


# --- 3. the first serve says what it loads; progress on a terminal only; --quiet -----------------


def test_first_serve_says_it_loads_the_seeds_and_then_serves(tmp_path):
    port = free_port()
    server = Server("serve", "--port", str(port), "--processes", "1", "--store", str(tmp_path / "store"))
    try:
        server.wait_for(r"^Store: .*store \(embedded\)$")
        server.wait_for(r"^Loading the ontology and seeds into .*store \(first start\) \.\.\.$")
        server.wait_for(rf"^Loaded {FILES} files, [\d,]+ quads in [\d.]+ s$")
        server.wait_for(rf"^Serving the timeline at http://127.0.0.1:{port}/ ")
        assert get(f"http://127.0.0.1:{port}/")[0] == 200
    finally:
        lines = server.stop()
    assert f"Stopped serving http://127.0.0.1:{port}/" in lines
    assert not any("Traceback" in line for line in lines)


@pytest.mark.parametrize(("base", "served", "same"), [
    ("http://localhost:5000/", "http://127.0.0.1:5000/", True),
    ("http://127.0.0.1:5000/", "http://127.0.0.1:5000/", True),
    ("http://localhost:5000/", "http://127.0.0.1:5001/", False),
    ("https://w3id.org/negotiation-kb/", "http://127.0.0.1:5000/", False),
])
def test_the_base_note_is_given_only_when_the_address_differs(base, served, same):
    from kb.cli import _same_address

    assert _same_address(base, served) is same


def test_a_second_serve_loads_nothing_and_quiet_says_nothing(seeded):
    port = free_port()
    server = Server("serve", "--port", str(port), "--processes", "1", "--quiet", "--store", str(seeded))
    try:
        deadline = time.monotonic() + 30
        while get_or_none(f"http://127.0.0.1:{port}/") is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert get(f"http://127.0.0.1:{port}/")[0] == 200
    finally:
        lines = server.stop()
    assert [line for line in lines if line.strip()] == []


def get_or_none(url: str):
    try:
        return get(url)
    except OSError:
        return None


def test_progress_shows_on_a_terminal_and_not_in_a_pipe(tmp_path):
    shown = in_terminal("load", "--store", str(tmp_path / "tty"))
    assert re.search(rf"loading \[1/{FILES}\] seeds/000_04768d44cf00b2f8\.yaml", shown), shown
    assert re.search(rf"loading \[{FILES}/{FILES}\] ontology/codes\.ttl", shown), shown
    assert re.search(rf"^{FILES} files, [\d,]+ quads in [\d.]+ s \([\d,]+ quads/s\)$", shown, re.M), shown
    piped = run("load", "--store", str(tmp_path / "pipe"))
    assert piped.returncode == 0
    assert "loading [" not in piped.stdout + piped.stderr
    assert re.search(rf"^{FILES} files, [\d,]+ quads in", piped.stdout, re.M)
    quiet = run("load", "--quiet", "--store", str(tmp_path / "quiet"))
    assert quiet.returncode == 0 and quiet.stdout == ""


# --- 4. one style of message, an SPDX licence, an operator's log ---------------------------------


def test_messages_have_one_style(tmp_path):
    """Every warning starts 'Warning: ', every error 'Error: '; nothing prints 'warning:'."""
    sources = [*PROJECT_ROOT.joinpath("kb").rglob("*.py"), *PROJECT_ROOT.joinpath("webapp").rglob("*.py")]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"""["']warning: """, text), f"{path} prints a lowercase 'warning:'"
        assert not re.search(r"""["']error: """, text), f"{path} prints a lowercase 'error:'"
    (tmp_path / "bad.yaml").write_text("source: [unclosed\n", encoding="utf-8")
    result = run("load", str(tmp_path / "bad.yaml"), "--store", str(tmp_path / "store"))
    assert result.returncode == 1 and result.stderr.startswith("Error: ")


def test_the_seeds_load_without_a_warning(tmp_path):
    result = run("load", "--store", str(tmp_path / "store"))
    assert result.returncode == 0
    assert result.stderr == "", result.stderr


def test_the_licence_is_an_spdx_expression_naming_code_and_data():
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT AND CC-BY-4.0"
    for name in project["license-files"]:
        assert (PROJECT_ROOT / name).is_file()


def test_the_package_builds_without_a_deprecation_warning_and_ships_its_data_files(tmp_path):
    # built from a copy: setuptools writes build/ and *.egg-info beside the sources
    source = tmp_path / "source"
    shutil.copytree(PROJECT_ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "data", "build", "*.egg-info", "__pycache__", "test-artifacts", "benchmarks"))
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                             "-w", str(tmp_path / "wheel"), str(source)], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Deprecat" not in result.stdout + result.stderr
    # every file the packages read beside their modules (models, templates, scripts) is in the wheel
    shipped = set(zipfile.ZipFile(next((tmp_path / "wheel").glob("*.whl"))).namelist())
    beside = {path.relative_to(source).as_posix() for package in ("kb", "webapp")
              for path in (source / package).rglob("*")
              if path.is_file() and path.suffix not in (".py", ".pyc")}
    assert beside and beside <= shipped, sorted(beside - shipped)


def test_the_access_log_has_a_line_per_request_and_says_why_one_failed(seeded):
    port = free_port()
    server = Server("serve", "--port", str(port), "--processes", "1", "--access-log", "--store", str(seeded))
    try:
        server.wait_for("^Serving the timeline")
        assert get(f"http://127.0.0.1:{port}/")[0] == 200
        assert get(f"http://127.0.0.1:{port}/sparql?query=SELEKT")[0] == 400
        server.wait_for(r'"GET / HTTP/1.1" 200 ')
        server.wait_for(r'"GET /sparql\?query=SELEKT HTTP/1.1" 400 ')
        server.wait_for(r"400 GET /sparql: .*syntax")
    finally:
        lines = server.stop()
    access = [line for line in lines if '"GET ' in line]
    assert access and all(CLF.match(line) for line in access), access


def test_without_the_access_log_requests_are_not_logged(seeded):
    port = free_port()
    server = Server("serve", "--port", str(port), "--processes", "1", "--store", str(seeded))
    try:
        server.wait_for("^Serving the timeline")
        assert get(f"http://127.0.0.1:{port}/")[0] == 200
    finally:
        lines = server.stop()
    assert not any('"GET ' in line for line in lines)


# --- 5. tables that fit the terminal; full values in the machine formats --------------------------


def test_terminal_tables_use_short_names_and_fit_the_width(seeded):
    shown = in_terminal("query", "offers", "--store", str(seeded), columns=100)
    lines = [line for line in shown.splitlines() if line.strip()]
    assert lines[-1] == "(5 rows)", shown
    assert all(len(line) <= 100 for line in lines), max(lines, key=len)
    assert "event:barnea-offer-2024-01" in shown
    assert "http://" not in shown
    assert "…" in shown  # long labels are cut, not wrapped


def test_a_table_that_fits_keeps_its_columns(seeded):
    shown = in_terminal("query", "actors", "--store", str(seeded), columns=120)
    lines = [line for line in shown.splitlines() if line.strip()]
    header = lines[0].split()
    assert header[:2] == ["actor", "name"], lines[0]
    assert set(lines[1]) <= {"-", " "}
    assert all(len(line) <= 120 for line in lines)
    assert re.search(r"^actor:david-barnea +David Barnea", shown, re.M), shown


def test_machine_formats_keep_full_values(seeded):
    result = run("query", "offers", "--format", "csv", "--store", str(seeded))
    assert "http://localhost:5000/id/event/barnea-offer-2024-01" in result.stdout
    assert "…" not in result.stdout


# --- 6. pages link by path wherever they are served ---------------------------------------------


def test_served_on_another_port_pages_link_by_path_and_the_base_is_noted(seeded):
    port = free_port()
    server = Server("serve", "--port", str(port), "--processes", "1", "--store", str(seeded))
    try:
        note = server.wait_for(r"^Note: the data's IRIs start with http://localhost:5000/")
        assert f"http://127.0.0.1:{port}/" in note
        server.wait_for("^Serving the timeline")
        for path in ("/", "/event/barnea-offer-2024-01", "/actor/hamas", "/query?name=offers&run=1"):
            status, html = get(f"http://127.0.0.1:{port}{path}")
            assert status == 200
            links = re.findall(r'(?:href|src|action)="([^"]*)"', html)
            assert links and not [link for link in links if "localhost:5000" in link], path
    finally:
        server.stop()


# --- 7. exports declare the project's prefixes ---------------------------------------------------


@pytest.mark.parametrize(("name", "rdf_format"), [("trig", RdfFormat.TRIG), ("turtle", RdfFormat.TURTLE)])
def test_exports_declare_the_project_prefixes(seeded, name, rdf_format):
    result = subprocess.run([str(KB), "export", "--format", name, "--store", str(seeded)],
                            capture_output=True, timeout=60)
    text = result.stdout.decode("utf-8")
    declared = dict(re.findall(r"^@prefix (\w+): <([^>]+)> \.$", text, re.M))
    assert declared["kbo"] == "https://w3id.org/negotiation-kb/ontology#"
    assert declared["event"] == "http://localhost:5000/id/event/"
    assert "event:barnea-offer-2024-01" in text
    assert len(list(parse(result.stdout, format=rdf_format))) > 1000


# --- 8. kb status ------------------------------------------------------------------------------


def test_status_says_what_the_store_holds_and_when_it_was_loaded(tmp_path):
    store = tmp_path / "store"
    assert run("load", "--store", str(store)).returncode == 0
    result = run("status", "--store", str(store))
    assert result.returncode == 0, result.stderr
    fields = dict(line.split(":", 1) for line in result.stdout.splitlines())
    assert fields["store"].strip() == f"{store} (embedded)"
    assert re.fullmatch(r"[\d.,]+ MB on disk", fields["size"].strip())
    assert fields["events"].strip() == "32"
    assert fields["sources"].strip() == str(FILES - 2)  # one source a curation file
    assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(seeds/000_04768d44cf00b2f8\.yaml, "
                    rf"seeds/\S+\.yaml, seeds/\S+\.yaml and {FILES - 3} more: [\d,]+ quads\)",
                    fields["last load"].strip())
    assert fields["served"].strip() == "not by a kb serve on this machine"
    assert re.match(r"negotiation-kb \d+\.\d+\.\d+ \(pyoxigraph 0\.5\.\d+, Python 3\.\d+",
                    fields["versions"].strip())


def test_status_names_the_server_that_serves_the_store(seeded):
    port = free_port()
    server = Server("serve", "--port", str(port), "--processes", "1", "--store", str(seeded))
    try:
        server.wait_for("^Serving the timeline")
        result = run("status", "--store", str(seeded))
        assert re.search(rf"^served: +by process {server.process.pid} at http://127.0.0.1:{port}/ since ",
                         result.stdout, re.M), result.stdout
    finally:
        server.stop()
    assert "not by a kb serve" in run("status", "--store", str(seeded)).stdout


def test_status_of_a_store_not_yet_made(tmp_path):
    result = run("status", "--store", str(tmp_path / "nothing"))
    assert result.returncode == 0
    assert "no store here yet" in result.stdout


# --- 9. version, completion, help pages ---------------------------------------------------------


def test_version():
    result = run("--version")
    assert re.fullmatch(r"negotiation-kb \d+\.\d+\.\d+ \(pyoxigraph [\d.]+, Python [\d.]+\)\n", result.stdout)


@pytest.mark.parametrize(("shell", "marker"), [("bash", "complete -o nosort -F"), ("zsh", "#compdef kb"),
                                               ("fish", "complete --no-files --command kb")])
def test_completion_scripts(shell, marker):
    result = run("completion", shell)
    assert result.returncode == 0
    assert marker in result.stdout


def test_bash_completion_completes_commands():
    result = subprocess.run([str(KB)], capture_output=True, text=True, timeout=30,
                            env={**os.environ, "_KB_COMPLETE": "bash_complete", "COMP_WORDS": "kb st",
                                 "COMP_CWORD": "1"})
    assert {"plain,stats", "plain,status"} <= set(result.stdout.split())


def test_help_topics():
    listing = run("help")
    assert "curation" in listing.stdout and "dates" in listing.stdout
    dates = run("help", "dates").stdout
    assert "YYYY-MM" in dates and "never 1 January" in dates
    curation = run("help", "curation").stdout
    assert curation.startswith("# The curation format")
    wrong = run("help", "datse")
    assert wrong.returncode == 1
    assert wrong.stderr.strip() == "Error: no help topic 'datse' (did you mean 'dates'?)"


def test_a_load_into_a_store_one_process_serves_names_the_server(tmp_path):
    store = tmp_path / "store"
    assert run("load", "--quiet", "--store", str(store)).returncode == 0
    port = free_port()
    server = Server("serve", "--port", str(port), "--processes", "1", "--store", str(store))
    try:
        server.wait_for("^Serving the timeline")
        result = run("load", str(DATA / "minimal.yaml"), "--store", str(store))
    finally:
        server.stop()
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"Error: {store}: the store is in use by kb serve (process {server.process.pid} at "
        f"http://127.0.0.1:{port}/) (stop it, or serve with '--processes 2' (its serving processes read "
        "the store and take up each load), or give another --store)")
