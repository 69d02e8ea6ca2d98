"""Issue 13, under load: cheap questions never wait behind heavy ones (a fast and a slow lane of
query workers), the slow lane is bounded (a full one answers 503 with Retry-After at once), and
workers are recycled after a number of answers or above a memory ceiling, answers staying right.

Real parts: ``kb serve`` over a seeded store on 127.0.0.1, its real worker processes (read from
/proc). Nothing here asserts a duration: only which request finished first and what each answered.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from kb.errors import KBError
from tests.conftest import make_app
from tests.helpers_server import KB, free_port, log_of, start, stop, wait_until_up
from webapp.sparql.process import cpu_seconds

#: A cross product of every triple with itself four times: it runs until it is stopped.
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
#: The seed's known answer: Barnea's offer exists (distinct texts, so that no cache answers).
CHEAP = "ASK {{ ?offer a kbo:Offer }} # {number}"
#: How many events the seed holds, asked in a form whose count every run must give.
COUNT = "SELECT (COUNT(DISTINCT ?event) AS ?n) WHERE {{ ?event a/rdfs:subClassOf* sem:Event }} # {number}"


#: Heavy but finite: three million rows of a cross product counted (about a second of processor
#: time; a LIMIT bounds the work whatever the store holds).
FINITE = ("SELECT (COUNT(*) AS ?n) WHERE {{ {{ SELECT * WHERE {{ ?a ?b ?c . ?d ?e ?f }} "
          "LIMIT 3000000 }} }} # {number}")


@contextmanager
def served(store: Path, query_timeout: float = 8, processes: int = 1, **settings: str):
    """``kb serve`` over ``store`` (one process unless told) with the ``KB_SPARQL_*`` settings
    given; yields ``(root, process)``."""
    port = free_port()
    env = {"KB_SPARQL_CACHE_MB": "0", "KB_SPARQL_WORKERS": "2",
           **{f"KB_{name}": value for name, value in settings.items()}}
    process = start([str(KB), "--store", str(store), "serve", "--host", "127.0.0.1", "--port", str(port),
                     "--query-timeout", f"{query_timeout:g}", "--processes", str(processes)], env)
    root = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{root}/sparql", process, seconds=60)
        yield root, process
    finally:
        stop(process)


def ask(root: str, query: str, accept: str = "application/sparql-results+json"):
    """POST ``query`` to ``/sparql``: ``(status, headers, body text)``."""
    request = urllib.request.Request(f"{root}/sparql", data=urllib.parse.urlencode({"query": query}).encode(),
                                     headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read().decode()
    except OSError as err:  # the server stopped meanwhile
        return 0, {}, str(err)


def workers(pid: int) -> set[int]:
    """The live child processes of ``pid`` (the query workers of a one-process ``kb serve``)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(stat[1]) == pid and stat[0] != "Z":
                found.add(int(entry.name))
    return found


def niceness(pid: int) -> int | None:
    """Process ``pid``'s niceness (its main thread's), from /proc; ``None`` when it is gone."""
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[16])
    except (OSError, IndexError, ValueError):
        return None


def in_background(root: str, query: str, outcomes: list) -> threading.Thread:
    """Send ``query`` from another thread; its outcome is appended to ``outcomes``."""
    thread = threading.Thread(target=lambda: outcomes.append(ask(root, query)), daemon=True)
    thread.start()
    return thread


def test_cheap_questions_are_answered_while_heavy_ones_run(seeded_store):
    with served(seeded_store, query_timeout=20, SPARQL_FAST_SECONDS="0.1", SPARQL_SLOW_WORKERS="1",
                SPARQL_SLOW_WAITING="1") as (root, _process):
        heavy: list = []
        threads = [in_background(root, f"{HEAVY} # {number}", heavy) for number in range(2)]
        cheap = [ask(root, CHEAP.format(number=number)) for number in range(12)]
        still_running = [thread.is_alive() for thread in threads]
        for thread in threads:
            thread.join(60)
    assert [status for status, _, _ in cheap] == [200] * 12
    assert all(json.loads(body)["boolean"] is True for _, _, body in cheap)
    assert still_running == [True, True]  # every cheap answer came while both heavy ones ran
    assert sorted(status for status, _, _ in heavy) == [503, 503]  # then they were stopped
    errors = sorted((json.loads(body)["error"], headers.get("Retry-After")) for _, headers, body in heavy)
    # one ran in the slow lane's one worker to the time limit, the other waited in line as long:
    # it could not be answered within the time limit, so it is told when to come back
    (waited, retry), (stopped, _) = errors
    assert "stopped after 20 s" in stopped and "waited" in waited and "slow lane" in waited, errors
    assert int(retry) >= 1 and "\n" not in waited


def test_a_heavy_query_waiting_in_line_is_answered_while_cheap_ones_are(seeded_store):
    with served(seeded_store, query_timeout=60, SPARQL_FAST_SECONDS="0.1", SPARQL_SLOW_WORKERS="1",
                SPARQL_SLOW_WAITING="2") as (root, process):
        heavy: list = []
        threads = [in_background(root, FINITE.format(number=number), heavy) for number in range(3)]
        cheap = [ask(root, CHEAP.format(number=number)) for number in range(12)]
        for thread in threads:
            thread.join(120)
        log = log_of(process)
    assert [status for status, _, _ in cheap] == [200] * 12
    assert all(json.loads(body)["boolean"] is True for _, _, body in cheap)
    # three heavy queries, one slow worker: two of them waited in its line, and every one is answered
    assert [status for status, _, _ in heavy] == [200] * 3, (heavy, log)
    assert [json.loads(body)["results"]["bindings"][0]["n"]["value"] for _, _, body in heavy] == \
        ["3000000"] * 3


def test_a_cheap_query_held_up_by_a_busy_machine_is_not_stopped(seeded_store):
    """The fast lane's budget is processor time: a worker kept off the processor (stopped here with
    SIGSTOP, as a starved machine would) past the budget on the clock still answers, and is kept."""
    with served(seeded_store, SPARQL_WORKERS="1", SPARQL_FAST_SECONDS="0.5") as (root, process):
        assert ask(root, CHEAP.format(number="first"))[0] == 200
        (worker,) = workers(process.pid)
        os.kill(worker, signal.SIGSTOP)
        timer = threading.Timer(1.5, os.kill, (worker, signal.SIGCONT))
        timer.start()
        try:
            status, _, body = ask(root, CHEAP.format(number="held up"))
        finally:
            timer.cancel()
            os.kill(worker, signal.SIGCONT)
        after = workers(process.pid)
    assert status == 200 and json.loads(body)["boolean"] is True
    assert after == {worker}  # answered by the same worker: it was not killed and replaced


def test_a_heavy_text_asked_again_runs_last_and_a_new_one_of_its_shape_in_between(seeded_store):
    """A text whose own run was heavy runs, when asked again, in the heavy lane at its niceness (7
    here, above the server's own: a niceness adds to the one the server runs at, as under `nice`);
    a new text of the same shape, which may be a cheap variant of it, in the slow lane at the slow
    lane's (3 here); each answered in full."""
    with served(seeded_store, query_timeout=60, SPARQL_FAST_SECONDS="0.1", SPARQL_SLOW_NICE="3",
                SPARQL_HEAVY_NICE="7") as (root, process):
        own = niceness(process.pid) or 0
        slow_nice, heavy_nice = min(own + 3, 19), min(own + 7, 19)
        first = ask(root, FINITE.format(number="again"))  # new: stopped in the fast lane, run in the slow
        before = {pid: niceness(pid) for pid in workers(process.pid)}
        again = ask(root, FINITE.format(number="again"))
        between = {pid: (niceness(pid), cpu_seconds(pid)) for pid in workers(process.pid)}
        new = ask(root, FINITE.format(number="new"))
        after = {pid: (niceness(pid), cpu_seconds(pid)) for pid in workers(process.pid)}
    answers = [first, again, new]
    assert [status for status, _, _ in answers] == [200] * 3, answers
    assert [json.loads(body)["results"]["bindings"][0]["n"]["value"] for _, _, body in answers] == \
        ["3000000"] * 3
    # the slow lane had run, the heavy not
    assert slow_nice in before.values() and heavy_nice not in before.values()
    (heavy,) = [pid for pid, (nice, _) in between.items() if nice == heavy_nice]
    (slow,) = [pid for pid, (nice, _) in between.items() if nice == slow_nice]
    assert after[heavy][1] - between[heavy][1] < 0.1  # the new text did not run in the heavy lane ...
    assert after[slow][1] - between[slow][1] > 0.3  # ... but in the slow lane (about 1 s of work)


def test_a_full_slow_lane_answers_503_with_retry_after_and_one_line(seeded_store):
    # a time limit long enough for the first query to reach the slow lane on a busy machine
    with served(seeded_store, query_timeout=20, SPARQL_FAST_SECONDS="0.1", SPARQL_SLOW_WORKERS="1",
                SPARQL_SLOW_WAITING="0") as (root, process):
        outcomes: list = []
        first = in_background(root, f"{HEAVY} # first", outcomes)
        started = slow_lane_started(process.pid)
        plain = ask(root, f"{HEAVY} # plain", accept="text/plain")  # the lane is busy with the first
        as_json = ask(root, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?x ?y ?z }")
        after = ask(root, CHEAP.format(number="after"))
        first.join(60)
    assert started, (plain, as_json, after, outcomes)
    status, headers, body = plain
    assert status == 503 and int(headers["Retry-After"]) >= 1
    assert body.count("\n") == 1 and body.endswith("\n") and "slow lane is full" in body
    status, headers, body = as_json
    assert status == 503 and int(headers["Retry-After"]) >= 1
    assert json.loads(body)["status"] == 503 and "slow lane is full" in json.loads(body)["error"]
    assert after[0] == 200 and json.loads(after[2])["boolean"] is True
    assert outcomes[0][0] == 503 and "stopped after 20 s" in outcomes[0][2]  # the first ran its time


def slow_lane_started(pid: int) -> bool:
    """Wait until ``kb serve`` at ``pid`` has its two fast workers and a slow one (seen twice in
    a row, so that a killed fast worker not yet gone is not taken for the slow one)."""
    deadline = time.monotonic() + 60
    seen = 0
    while seen < 2 and time.monotonic() < deadline:
        seen = seen + 1 if len(workers(pid)) >= 3 else 0
        time.sleep(0.2)
    return seen >= 2


@pytest.mark.parametrize("setting", [{"SPARQL_RECYCLE_ANSWERS": "3"}, {"SPARQL_RECYCLE_MB": "1"}],
                         ids=["after-3-answers", "above-1-MB"])
def test_a_worn_worker_is_replaced_and_answers_stay_right(seeded_store, setting):
    with served(seeded_store, SPARQL_WORKERS="2", **setting) as (root, process):
        first = ask(root, COUNT.format(number=0))
        assert first[0] == 200, first[2]
        expected = json.loads(first[2])["results"]["bindings"]
        started = workers(process.pid)
        answers = [ask(root, COUNT.format(number=number)) for number in range(1, 13)]
        deadline = time.monotonic() + 60  # replacements start in the background: wait for them
        now = workers(process.pid)
        while (len(now) != 2 or not now - started) and time.monotonic() < deadline:
            time.sleep(0.1)
            now = workers(process.pid)
        log = log_of(process)
    assert int(expected[0]["n"]["value"]) > 0
    assert [status for status, _, _ in answers] == [200] * 12
    assert all(json.loads(body)["results"]["bindings"] == expected for _, _, body in answers)
    assert len(now) == 2, log  # as many workers as before: the worn ones were replaced, not added
    assert now - started, "no worker was recycled"


@pytest.mark.parametrize("name, value", [("SPARQL_FAST_SECONDS", "soon"), ("SPARQL_SLOW_WORKERS", "-1"),
                                         ("SPARQL_HEAVY_NICE", "low")])
def test_a_bad_lane_setting_is_a_one_line_error_naming_it(seeded_store, name, value):
    with pytest.raises(KBError) as raised:
        make_app(seeded_store, TIMELINE_INDEX="off", **{name: value})
    assert name in str(raised.value) and "\n" not in str(raised.value)


def test_kb_serve_stops_its_lanes_with_it(seeded_store):
    with served(seeded_store, SPARQL_FAST_SECONDS="0.1") as (root, process):
        outcomes: list = []
        thread = in_background(root, f"{HEAVY} # stop", outcomes)
        started = slow_lane_started(process.pid)
        children = workers(process.pid)
    thread.join(60)
    assert started and len(children) >= 3  # both lanes had workers
    deadline = time.monotonic() + 10
    while [pid for pid in children if _alive(pid)] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in children if _alive(pid)]


def _alive(pid: int) -> bool:
    try:
        return (Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]) != "Z"
    except (OSError, IndexError):
        return False



def test_one_named_query_with_other_parameters_has_one_shape(seeded_template):
    from kb import queries
    from kb.sparql_text import substitute
    from kb.store import open_kb
    from webapp.sparql.cost import exact_text, query_shape

    query = queries.find("events-by-place")
    assert query_shape(query.sparql + "\n# a comment\n") == query_shape("  " + query.sparql)
    with open_kb(seeded_template, read_only=True) as kb:
        found = queries.run_sparql(kb, "SELECT DISTINCT ?p WHERE { ?e sem:hasPlace ?p }")
        places = sorted(row[0].value for row in found.rows)
        texts = [substitute(query.sparql, queries.bind(kb, query, {"place": place}))
                 for place in places[:2]]
    assert texts[0] != texts[1] and exact_text(texts[0]) != exact_text(texts[1])
    assert query_shape(texts[0]) == query_shape(texts[1])
    assert query_shape(texts[0]) != query_shape(queries.find("co-actors").sparql)
    assert query_shape('ASK { ?s ?p "#" }') != query_shape("ASK { ?s ?p ?o }")


def test_a_question_mostly_cheap_stays_cheap_though_some_of_its_variants_are_heavy():
    """A shape's cost is the median of many of its runs: a few heavy variants in a row (a busy
    actor, a long window) do not send every next variant of the question to the slow lane, while
    an exact text that was heavy is known to be, whatever its shape says."""
    from webapp.sparql.cost import SHAPE_RUNS, CostHistory

    history = CostHistory()
    for number in range(SHAPE_RUNS - 8):  # mostly cheap ...
        history.record((f"text {number}", "shape"), 0.01)
    for number in range(6):  # ... then six heavy ones in a row, most of the last eight
        history.record((f"heavy {number}", "shape"), 2.0)
    assert history.seconds(("a new text", "shape")) == 0.01  # a new variant: cheap by its shape
    assert history.seconds(("heavy 3", "shape")) == 2.0  # a known one: heavy by its own runs
    assert history.cost(("heavy 3", "shape")) == (2.0, 0)  # (the heavy lane's)
    assert history.cost(("a new text", "shape")) == (0.01, 1)
    for number in range(SHAPE_RUNS):  # once most of its recent runs are heavy, the shape is
        history.record((f"later {number}", "shape"), 2.0)
    assert history.seconds(("another new text", "shape")) == 2.0


def test_serving_processes_share_what_a_shape_costs_but_not_an_exact_text(tmp_path):
    """Two serving processes' histories over one lane folder (real files): a shape one of them ran
    costs, for the other, what the first saw; an exact text stays each process's own; the folder
    keeps at most its bound of shapes, and an unreadable entry counts as unknown."""
    from webapp.sparql.cost import SHARE_EVERY, CostHistory, SharedCosts

    folder = tmp_path / "costs"
    first = CostHistory(shared=SharedCosts(folder, size=8))
    second = CostHistory(shared=SharedCosts(folder, size=8))
    first.record(("heavy text", "heavy shape"), 2.0)
    assert second.seconds(("a new text", "heavy shape")) == 2.0  # never run here: the other's cost
    assert second.seconds(("heavy text", "an unseen shape")) is None  # exact texts are not shared
    for number in range(SHARE_EVERY):  # the first's cost of the shape changes: shared again
        first.record((f"cheap {number}", "heavy shape"), 0.01)
    assert second.seconds(("another text", "heavy shape")) == first.seconds(("x", "heavy shape"))
    second.record(("its own", "heavy shape"), 3.0)  # once run here, its own runs count
    assert second.seconds(("yet another", "heavy shape")) == 3.0
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    for number in range(3 * SharedCosts.SWEEP_EVERY):
        first.record((f"text {number}", f"shape {number}"), 0.05)
    assert len(list(folder.iterdir())) <= 8 + SharedCosts.SWEEP_EVERY
    (folder / "garbled").write_text("not a number")
    assert CostHistory(shared=SharedCosts(folder)).seconds(("t", "garbled")) is None
