"""Fuzzing curation YAML (issue 11): generated and mutated files either load correctly or are
refused with one clear line per error, never a traceback, and a refused file leaves the store
exactly as it was. Bounded: about 15 s on the CI machine."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.curation.yamlines import parse_yaml
from kb.errors import KBError
from kb.load import load
from kb.store import open_kb
from kb.vocab import Minter
from tests.support import DATA

BASE = (DATA / "minimal.yaml").read_text(encoding="utf-8")
FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

#: Characters that broke parsers or checks before: controls, surrogate escapes, quotes, brackets,
#: Arabic-Indic digits, YAML indicators, path parts.
NASTY = st.sampled_from(
    [
        "\x00",
        "\x07",
        "\x1b",
        "\x85",
        "\u2028",
        "\\ud800",
        '"',
        "'",
        "[",
        "]",
        "{",
        "}",
        ": ",
        "- ",
        "#",
        "&a ",
        "*a",
        "!!binary ",
        "? ",
        "\t",
        "\n",
        "  ",
        "٢",
        "../",
        "/etc/passwd",
        " ",
        "%",
        "|",
        ">",
        "<<: ",
        "\ufeff",
        "’",
        "—",
        "0x",
        "1e999",
        "~",
        "null",
        "true",
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(["test-offer", "the-movement", "2024-02-30", "٢٠٢٤", "http://a b", "../x.txt", ""]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3),
    max_leaves=8,
)


@pytest.fixture(scope="module")
def fuzz_store():
    """One on-disk store for every example (opening a store per example would dominate the time)."""
    folder = Path(tempfile.mkdtemp(prefix="kb-fuzz-"))
    with open_kb(folder / "store") as kb:
        load(kb, [DATA / "script_label.yaml"])
        yield kb, folder
    shutil.rmtree(folder, ignore_errors=True)


def _content(kb) -> set:
    return set(kb.backend.store.quads_for_pattern(None, None, None))


def _check(kb, folder: Path, text: str) -> None:
    """Load ``text`` as a curation file: a correct load or one-line errors and an unchanged store."""
    shutil.copy(DATA / "minimal.txt", folder / "minimal.txt")
    path = folder / "minimal.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    before = _content(kb)
    try:
        load(kb, [path])
    except KBError as err:
        errors = getattr(err, "errors", [err])
        for error in errors:
            line = str(error)
            assert "\n" not in line and "Traceback" not in line, line
            assert "minimal.yaml" in line, line
        assert _content(kb) == before, "a refused file changed the store"
        return
    # Loaded: the store holds every event the file defines, with its label.
    data = parse_yaml(text, "minimal.yaml")  # the loader's own parser (libyaml's leniency included)
    minter = Minter()
    for event in data["events"]:
        assert kb.contains(minter.event(event["id"])), event


@FUZZ
@given(data=st.data())
def test_mutated_curation_files_load_or_fail_cleanly(fuzz_store, data):
    kb, folder = fuzz_store
    lines = BASE.splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        index = data.draw(st.integers(0, len(lines) - 1), label="line")
        action = data.draw(st.sampled_from(["insert", "delete", "duplicate", "replace value"]), label="op")
        line = lines[index]
        if action == "insert":
            at = data.draw(st.integers(0, len(line)), label="at")
            lines[index] = line[:at] + data.draw(NASTY, label="text") + line[at:]
        elif action == "delete":
            lines[index] = ""
        elif action == "duplicate":
            lines[index] = line + line
        elif ": " in line:
            key = line.split(": ", 1)[0]
            lines[index] = f"{key}: {data.draw(NASTY, label='value')}{data.draw(st.text(max_size=8))}\n"
    _check(kb, folder, "".join(lines))


def _paths(value, prefix=()):
    """Every path into a parsed curation file (mapping keys and list indexes)."""
    yield prefix
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _paths(inner, (*prefix, index))


@FUZZ
@given(data=st.data())
def test_generated_values_anywhere_load_or_fail_cleanly(fuzz_store, data):
    kb, folder = fuzz_store
    parsed = yaml.safe_load(BASE)
    paths = [path for path in _paths(parsed) if path]
    for _ in range(data.draw(st.integers(1, 2), label="changes")):
        path = data.draw(st.sampled_from(paths), label="path")
        target = parsed
        try:
            for step in path[:-1]:
                target = target[step]
            if data.draw(st.booleans(), label="rename key") and isinstance(target, dict):
                target[data.draw(st.text(min_size=1, max_size=12), label="key")] = target.pop(path[-1])
            else:
                target[path[-1]] = data.draw(VALUES, label="value")
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed this path
    text = yaml.safe_dump(parsed, allow_unicode=True, sort_keys=False)
    _check(kb, folder, text)
