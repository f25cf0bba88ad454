"""Writing files so that no run leaves a half-written one behind.

:func:`atomic_write` knows what it replaces: a plain file is replaced in one
step; a symbolic link is written through to the file it points to, which is
replaced and the link kept; a FIFO, a terminal or a device such as
``/dev/null`` is written to as it is, never replaced by a plain file.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

__all__ = ["TEMP_SUFFIX", "atomic_write", "is_one_of", "temp_files", "write_target"]

#: Temporary files are named ``.<target name>.<random>.tmp`` beside the target.
TEMP_SUFFIX = ".tmp"
#: The permission bits a new file may take from the one it replaces: never setuid,
#: setgid or sticky, which a plan or a document has no business carrying.
_PERMISSIONS = 0o777


def write_target(path: str | os.PathLike[str]) -> Path:
    """The file writing to ``path`` changes: ``path`` itself, or what its links point to."""
    target = Path(path)
    if target.is_symlink():
        return Path(os.path.realpath(target))
    return target


def _special(target: Path) -> bool:
    """Whether ``target`` exists and is something other than a plain file or a folder."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Yield a binary stream that replaces ``path`` only when the block succeeds.

    The data goes to a temporary file beside the target, which is renamed over
    it at the end, so readers see the old file or the new one, never a part.
    A symbolic link is followed: the file it points to is replaced and the
    link stays. A FIFO or a device (``/dev/null``, ``/dev/stdout``) gets the
    bytes written into it when the block succeeds, and is never replaced. A
    file that is replaced lends its permission bits to the new one, less the
    setuid, setgid and sticky bits and under the umask; a new file gets 0666
    under the umask. An error names ``path``, never the temporary file, which
    is gone whatever happened (an error, Ctrl-C).
    """
    target = write_target(path)
    if _special(target):
        with _into_special(target, path) as stream:
            yield stream
        return
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode) & _PERMISSIONS & ~_umask()
    except OSError:
        mode = 0o666 & ~_umask()
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent or "."
        )
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, os.fspath(path)) from None
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise OSError(exc.errno, exc.strerror, os.fspath(path)) from None
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def _into_special(target: Path, path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Collect the bytes, then write them into the FIFO or device ``target`` as it is."""
    buffer = io.BytesIO()
    yield buffer
    try:
        # O_TRUNC and O_CREAT are left out: a device is not truncated, and
        # nothing is created if it vanished meanwhile
        fd = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "wb") as stream:
            stream.write(buffer.getvalue())
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, os.fspath(path)) from None


def is_one_of(path: str | os.PathLike[str], others: Sequence[str | os.PathLike[str]]) -> bool:
    """Whether writing ``path`` would change one of ``others``: the same file by any name.

    Links are followed and hard links are the same file; a FIFO or a device
    is never counted, since writing to it changes no file.
    """
    target = write_target(path)
    if _special(target):
        return False
    resolved = os.path.realpath(target)
    for other in others:
        try:
            if os.path.samefile(target, other):
                return True
        except OSError:
            pass
        if os.path.realpath(other) == resolved:
            return True
    return False


def temp_files(path: str | os.PathLike[str]) -> list[Path]:
    """Temporary files :func:`atomic_write` may have left for ``path`` if its process was killed."""
    target = write_target(path)
    return sorted(target.parent.glob(f".{glob_escape(target.name)}.*{TEMP_SUFFIX}"))


def glob_escape(name: str) -> str:
    """``name`` with the characters glob reads as patterns taken literally."""
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


_lock = threading.Lock()


def _umask() -> int:
    # the umask can only be read by setting it; the lock keeps threads from seeing 0
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    with _lock:
        mask = os.umask(0)
        os.umask(mask)
    return mask
