"""Read YAML keeping the line of every mapping and key, so errors can name them."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import yaml

from kb.errors import CurationError
from kb.paths import display


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


class _Loader(yaml.SafeLoader):
    """SafeLoader that records lines and leaves dates as text (EDTF is parsed by kb.dates)."""

    yaml_implicit_resolvers: ClassVar[dict] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    mapping = Located()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LocatedList:
    items = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    items.lines = [child.start_mark.line + 1 for child in node.value]
    return items


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml(path: Path) -> Located:
    """Parse ``path``; a syntax error becomes a :class:`CurationError` naming file and line."""
    where = display(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise CurationError("not UTF-8 text", where=where, hint="save the file as UTF-8") from None
    except OSError as err:
        raise CurationError(f"cannot read the file ({err.strerror})", where=where) from None
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = f" line {mark.line + 1}" if mark else ""
        problem = err.problem or str(err)
        raise CurationError(
            f"not valid YAML: {problem}", where=f"{where}{line}", hint="fix the YAML syntax there"
        ) from None
    if not isinstance(data, Located):
        raise CurationError(
            "the file must be a mapping with 'source', 'actors' and 'events'",
            where=where,
            hint="see seeds/README.md for the curation format",
        )
    return data
