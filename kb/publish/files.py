"""Writing a directory all or nothing: into a temporary directory beside it, renamed at the end."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kb.errors import KBError


class PublishError(KBError):
    """A target that cannot be written: it exists and is not empty, or is not a directory."""


def check_target(target: Path) -> None:
    """Refuse a target that is a file or a directory that is not empty (nothing is overwritten)."""
    if target.exists() and not target.is_dir():
        raise PublishError(
            "is a file, not a directory", where=str(target), hint="give the path of a new or empty directory"
        )
    if target.is_dir() and any(target.iterdir()):
        raise PublishError(
            "the directory is not empty",
            where=str(target),
            hint="give a new or empty directory; nothing was written",
        )


@contextmanager
def atomic_directory(target: Path) -> Iterator[Path]:
    """A temporary directory to fill; renamed to ``target`` when the block ends without an error."""
    target = Path(target)
    check_target(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent))
        temporary.chmod(0o755)  # published, not private
    except OSError as err:
        raise PublishError(
            f"cannot write here ({err.strerror or err})",
            where=str(target.parent),
            hint="give a directory you can write to",
        ) from None
    try:
        yield temporary
        check_target(target)  # something else may have written there meanwhile
        if target.is_dir():
            target.rmdir()
        os.replace(temporary, target)
    except OSError as err:
        raise PublishError(
            f"writing failed ({err.strerror or err}); nothing was written",
            where=str(target),
            hint="check the space and permissions there",
        ) from None
    finally:
        if temporary.exists():
            shutil.rmtree(temporary, ignore_errors=True)
