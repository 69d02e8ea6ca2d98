"""Read YAML keeping the line of every mapping and key, so errors can name them.

Only plain data is accepted: mappings with text keys (each key once), lists, text, numbers,
booleans and null, nested at most :data:`MAX_DEPTH` deep. Text with control characters or lone
surrogates is refused with its line, before anything else looks at it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

import yaml

from kb.errors import CurationError
from kb.paths import display

#: How deep mappings and lists may nest; the curation format needs five levels.
MAX_DEPTH = 20
#: Characters no curation text may hold: C0/C1 controls other than tab and newline, DEL, and
#: lone surrogates (which YAML's "\ud800" escapes can produce but UTF-8 cannot encode).
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


class Located(dict):
    """A mapping from a YAML file that knows the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        """The line of ``key`` (1-based), or of the mapping itself when the key is absent."""
        return self.key_lines.get(key, self.line)


class LocatedList(list):
    """A sequence from a YAML file that knows the line of each item."""

    lines: list[int]


class _Refused(Exception):
    """A node the curation format does not accept; carries its 1-based line."""

    def __init__(self, line: int, message: str, hint: str):
        super().__init__(message)
        self.line, self.message, self.hint = line, message, hint


_BASE = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader


class _Loader(_BASE):
    """SafeLoader (libyaml's when present: 1 MB parse 1.5 s -> 0.2 s) that records lines, refuses
    aliases and leaves dates as text (EDTF is parsed by kb.dates)."""

    yaml_implicit_resolvers: ClassVar[dict] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_object(self, node, deep=False):
        """Refuse aliases (``*name``), met as a node built before: the format has no use for them,
        and they can multiply data."""
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _Refused(_line(node), "YAML aliases ('*name') are not used here", "write the value out")
        return super().construct_object(node, deep=deep)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    mapping = Located()
    mapping.line = _line(node)
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise _Refused(
                _line(key_node),
                f"the key {_short(key)} is not a name",
                "keys are plain words such as 'id' or 'label'",
            )
        if key in mapping:
            raise _Refused(
                _line(key_node),
                f"the key '{key}' appears twice in one mapping (first on line {mapping.key_lines[key]})",
                "keep one of them",
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = _line(key_node)
    return mapping


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LocatedList:
    items = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    items.lines = [_line(child) for child in node.value]
    return items


def _construct_text(loader: _Loader, node: yaml.ScalarNode) -> str:
    text = loader.construct_scalar(node)
    bad = _FORBIDDEN.search(text)
    if bad:
        raise _Refused(
            _line(node),
            f"the text holds the invisible character U+{ord(bad.group()):04X}",
            "remove it or write it as ordinary text",
        )
    return text


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG, _construct_text)


def _refuse_tag(loader: _Loader, node: yaml.Node) -> None:
    raise _Refused(_line(node), f"the tag {node.tag!r} is not plain data", "remove the tag")


_Loader.add_constructor("tag:yaml.org,2002:binary", _refuse_tag)
_Loader.add_constructor("tag:yaml.org,2002:set", _refuse_tag)
_Loader.add_constructor("tag:yaml.org,2002:omap", _refuse_tag)
_Loader.add_constructor("tag:yaml.org,2002:pairs", _refuse_tag)


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _too_deep(text: str) -> int:
    """The 1-based line where flow or block nesting first passes :data:`MAX_DEPTH`, else 0."""
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        indent = len(line) - len(line.lstrip(" -"))
        if indent > 2 * MAX_DEPTH * 2:
            return number
        for char in line:
            if char in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    return number
            elif char in "]}":
                depth = max(0, depth - 1)
            elif char == "#":
                break
    return 0


def load_yaml(path: Path) -> Located:
    """Parse ``path``; any fault becomes a one-line :class:`CurationError` naming file and line."""
    where = display(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise CurationError("not UTF-8 text", where=where, hint="save the file as UTF-8") from None
    except OSError as err:
        raise CurationError(f"cannot read the file ({err.strerror})", where=where) from None
    return parse_yaml(text, where)


def parse_yaml(text: str, where: str) -> Located:
    """Parse curation YAML ``text`` read from ``where`` (see :func:`load_yaml`)."""
    bad = _FORBIDDEN.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise CurationError(
            f"the file holds the control character U+{ord(bad.group()):04X}",
            where=f"{where} line {line}",
            hint="remove it (only tabs and line breaks may appear)",
        )
    deep = _too_deep(text)
    if deep:
        raise CurationError(
            f"nested more than {MAX_DEPTH} levels deep",
            where=f"{where} line {deep}",
            hint="the curation format needs a few levels; flatten the data",
        )
    try:
        data = yaml.load(text, Loader=_Loader)
    except _Refused as err:
        raise CurationError(err.message, where=f"{where} line {err.line}", hint=err.hint) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = f" line {mark.line + 1}" if mark else ""
        problem = " ".join(str(err.problem or err).split())
        raise CurationError(
            f"not valid YAML: {problem}", where=f"{where}{line}", hint="fix the YAML syntax there"
        ) from None
    except (yaml.YAMLError, RecursionError, ValueError, TypeError, OverflowError) as err:
        message = " ".join(str(err).split())[:120] or type(err).__name__
        raise CurationError(
            f"not valid YAML: {message}", where=where, hint="fix the YAML syntax (see seeds/README.md)"
        ) from None
    if not isinstance(data, Located):
        raise CurationError(
            "the file must be a mapping with 'source', 'actors' and 'events'",
            where=where,
            hint="see seeds/README.md for the curation format",
        )
    return data
