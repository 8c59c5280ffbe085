"""Writing export files into a folder without leaving half-written ones."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_files(folder: Path, files: dict[str, bytes]) -> list[Path]:
    """Write every file beside its destination first, then rename each into place.

    A failure while writing leaves the folder as it was; other files in it are kept.
    """
    folder.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Path, Path]] = []
    try:
        for name, data in files.items():
            handle, temporary = tempfile.mkstemp(prefix=".berdaya-", dir=folder)
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            staged.append((Path(temporary), folder / name))
        for temporary, destination in staged:
            os.replace(temporary, destination)
    finally:
        for temporary, _ in staged:
            if temporary.exists():
                temporary.unlink()
    return [destination for _, destination in staged]
