"""Access to the data files in ``models/`` (shipped as the ``autonews_models`` resource package).

The folder can be overridden with the ``AUTONEWS_MODELS_DIR`` environment variable or the
``models_dir`` setting, for a user who maintains their own knowledge base.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterator


def models_dir(override: str | os.PathLike | None = None) -> Path:
    """The folder holding the JSONL data files."""
    chosen = override or os.environ.get("AUTONEWS_MODELS_DIR")
    if chosen:
        return Path(chosen)
    return Path(str(resources.files("autonews_models")))


def iter_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Yield the objects of a JSON Lines file, skipping blank lines; errors name the file and line."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc


@lru_cache(maxsize=None)
def load_jsonl(name: str, directory: str | None = None) -> tuple[dict[str, Any], ...]:
    """All records of ``models/<name>``, read once per process."""
    path = models_dir(directory) / name
    if not path.is_file():
        raise FileNotFoundError(f"data file {path} is missing (set AUTONEWS_MODELS_DIR to a complete models folder)")
    return tuple(iter_jsonl(path))
