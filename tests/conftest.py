"""Shared fixtures: the example story and data sets read from ../shared (never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLE = SHARED / "examples" / "story-iran-2014"
DATA = SHARED / "data"


def require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is missing: clone the project next to shared/")
    return path


@pytest.fixture(scope="session")
def example_dir() -> Path:
    return require(EXAMPLE)


@pytest.fixture(scope="session")
def example_articles(example_dir: Path):
    from khulasa.read import read_paths

    return read_paths([example_dir])


@pytest.fixture(scope="session")
def example_story(example_articles):
    from khulasa.pipeline import prepare_story

    story, _ = prepare_story(example_articles)
    return story
