"""Writing files so that no run leaves a half-written one behind."""

from __future__ import annotations

import contextlib
import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = ["TEMP_SUFFIX", "atomic_write", "temp_files"]

#: Temporary files are named ``.<target name>.<random>.tmp`` beside the target.
TEMP_SUFFIX = ".tmp"


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Yield a binary stream that replaces ``path`` only when the block succeeds.

    The data goes to a temporary file beside the target, which is renamed over
    it at the end, so readers see the old file or the new one, never a part.
    A file that is replaced keeps its permissions; a new one gets the usual
    ones (0644 less the umask). An error names ``path``, never the temporary
    file, which is gone whatever happened (an error, Ctrl-C).
    """
    target = Path(path)
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent or "."
        )
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(target)) from None
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
        raise OSError(exc.errno, exc.strerror, str(target)) from None
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def temp_files(path: str | os.PathLike[str]) -> list[Path]:
    """Temporary files :func:`atomic_write` may have left for ``path`` if its process was killed."""
    target = Path(path)
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
