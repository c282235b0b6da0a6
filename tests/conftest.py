"""Shared fixtures: the full pipeline once per session, blank pipelines for component tests, ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ASSETS = Path(__file__).resolve().parent / "assets"
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def nlp():
    from extractor import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "CONTRACT.md").is_file():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture
def assets() -> Path:
    return ASSETS
