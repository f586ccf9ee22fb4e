"""Reading articles from plain text, HTML, JSONL, directories and stdin."""

from khulasa.read.paths import read_paths, read_stdin

__all__ = ["read_paths", "read_stdin"]
