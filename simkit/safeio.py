"""Reading and writing files without surprises: what simkit reads and saves goes through here.

:func:`read_limited` reads only a regular file, never blocks on a FIFO and never reads past a
limit (checked on the open file, so what is checked is what is read). :func:`atomic_write_text`
saves through a temporary file and a rename, and turns every failure into one message naming
the path. :func:`write_if_changed` copies bytes only when they differ; :func:`new_file` reserves
a fresh file name that no other writer can take.
"""

from __future__ import annotations

import glob
import os
import stat
import tempfile
from pathlib import Path

from simkit.errors import SimkitError, TranscriptError

DEFAULT_LIMIT = 20 * 1024 * 1024  # bytes; a transcript is far smaller

_FILE_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
               (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def read_limited(path: Path, *, limit: int = DEFAULT_LIMIT) -> bytes:
    """The bytes of the regular file ``path``, refusing anything else before reading it.

    The file is opened non-blocking (a FIFO cannot hang the caller) and checked on the open
    descriptor, so what is checked is what is read: not a regular file (folder, FIFO, device
    such as /dev/zero), more than ``limit`` bytes (also when it grows while being read).

    Raises:
        TranscriptError: ``unreadable``, ``not-regular-file`` or ``too-big``, naming the path.
    """
    source = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        if isinstance(exc, FileNotFoundError) and os.path.islink(path):
            raise TranscriptError("cannot read: a broken link (its target does not exist)", path=source,
                                  code="unreadable") from None
        if isinstance(exc, IsADirectoryError):
            raise TranscriptError("not a regular file (a folder)", path=source, code="not-regular-file") from None
        raise TranscriptError(f"cannot read: {exc.strerror or exc}", path=source, code="unreadable") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = next((name for test, name in _FILE_KINDS if test(info.st_mode)), "a special file")
            raise TranscriptError(f"not a regular file ({kind})", path=source, code="not-regular-file")
        if info.st_size > limit:
            raise TranscriptError(f"file is {info.st_size} bytes, larger than any transcript ({limit})",
                                  path=source, code="too-big")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise TranscriptError(f"file grew past {limit} bytes while being read", path=source, code="too-big")
        return b"".join(chunks)
    except OSError as exc:
        raise TranscriptError(f"cannot read: {exc.strerror or exc}", path=source, code="unreadable") from None
    finally:
        os.close(fd)


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename.

    A crash or a signal mid-write leaves the previous file whole. The temporary file's name
    holds the writer's process id, so the next save to the same path removes the ones a killed
    process (``kill -9``, power loss) left behind.

    Raises:
        SimkitError: the path is a folder, or the file cannot be written (read-only or missing
            folder, full disk, ...): one line with the path and the reason.
    """
    path = Path(path)
    if path.is_dir():
        raise SimkitError(f"{path}: is a folder; give a file name, such as {path / 'transcript.json'}")
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_orphans(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise SimkitError(f"{path}: cannot save: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` (through a hidden temporary file and a rename) unless it holds them already.

    Returns:
        Whether the file was written.
    """
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True


def new_file(folder: Path, stem: str) -> Path:
    """Create the empty file ``folder/STEM.json`` (``STEM-2.json``, ``-3``, ... when taken) and return its path.

    The file is created exclusively (``O_EXCL``), so two writers starting at once never get the
    same one; ``folder`` is created when missing.

    Raises:
        SimkitError: no free name (10,000 taken).
    """
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(1, 10_000):
        path = folder / (f"{stem}.json" if n == 1 else f"{stem}-{n}.json")
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
            return path
        except FileExistsError:
            continue
    raise SimkitError(f"{folder}: no free transcript name for {stem}")  # pragma: no cover


def _remove_orphans(path: Path) -> None:
    """Remove ``.NAME.PID.*.tmp`` files of ``path`` whose writing process no longer runs."""
    if os.name != "posix":  # os.kill(pid, 0) would end the process on Windows
        return
    prefix = f".{path.name}."
    for tmp in path.parent.glob(f"{glob.escape(prefix)}*.tmp"):
        pid = tmp.name[len(prefix):].split(".", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            tmp.unlink(missing_ok=True)
        except OSError:  # alive, owned by someone else
            pass
