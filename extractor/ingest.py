"""Inputs -> Article(id, text, title, published, source): files, folders, stdin; encodings detected.

Bad input is an ``InputError`` with a one-line message: empty texts, bytes that are not text, JSON
without ``text``, articles longer than the configured limit.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterator

SUPPORTED = (".txt", ".json")


class InputError(ValueError):
    """An input that cannot become an article; the message is one line for the user."""


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    source: str
    title: str | None = None
    published: date | None = None


def text_id(text: str) -> str:
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def parse_published(value: object, where: str) -> date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(f"{where}: 'published' must be a YYYY-MM-DD string")
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError(f"{where}: 'published' is not a YYYY-MM-DD date: {value!r}") from None


def decode(raw: bytes, where: str) -> str:
    """UTF-8 (with or without BOM), else the encoding charset-normalizer detects; binary is an error."""
    if not raw.strip():
        raise InputError(f"{where}: empty input")
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{where}: binary data, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise InputError(f"{where}: bytes that are not text in any known encoding")
    text = str(best)
    printable = sum(ch.isprintable() or ch.isspace() for ch in text) / max(len(text), 1)
    if printable < 0.95:
        raise InputError(f"{where}: bytes that are not text in any known encoding")
    return text


def check_text(text: str, where: str, max_chars: int) -> str:
    if not text.strip():
        raise InputError(f"{where}: empty text")
    if len(text) > max_chars:
        raise InputError(f"{where}: article of {len(text):,} characters exceeds the limit of {max_chars:,} (--max-chars)")
    return text


def article_from_object(obj: object, source: str, default_published: date | None, max_chars: int) -> Article:
    if not isinstance(obj, dict):
        raise InputError(f"{source}: JSON input must be an object with a 'text' field")
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(f"{source}: JSON object has no 'text' string")
    check_text(text, source, max_chars)
    published = parse_published(obj.get("published"), source) or default_published
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    article_id = str(obj["id"]) if obj.get("id") not in (None, "") else text_id(text)
    return Article(id=article_id, text=text, source=source, title=title, published=published)


def read_article(path: str, *, published: date | None = None, max_chars: int = 1_000_000) -> Article:
    """One article from a ``.txt`` or ``.json`` file, or ``-`` for stdin (text, or a JSON object)."""
    if path == "-":
        raw = sys.stdin.buffer.read()
        suffix = ".json" if raw.lstrip()[:1] == b"{" else ".txt"
    else:
        file = Path(path)
        if not file.is_file():
            raise InputError(f"{path}: no such file")
        suffix = file.suffix.lower()
        if suffix not in SUPPORTED:
            raise InputError(f"{path}: unsupported file type {suffix or '(none)'} (use .txt or .json)")
        if file.stat().st_size > max_chars * 4:
            raise InputError(f"{path}: file of {file.stat().st_size:,} bytes exceeds the article limit (--max-chars)")
        raw = file.read_bytes()
    text = decode(raw, path)
    if suffix == ".json":
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}: invalid JSON ({exc.msg} at line {exc.lineno})") from None
        return article_from_object(obj, path, published, max_chars)
    check_text(text, path, max_chars)
    return Article(id=text_id(text), text=text, source=path, published=published)


def iter_paths(inputs: list[str]) -> Iterator[str]:
    """Files under the given files and folders (recursive, sorted), keeping supported types only."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED):
                yield str(child)
        else:
            yield item
