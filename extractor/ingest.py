"""Inputs -> Article(id, text, title, published, source): files, folders, stdin; encodings detected.

Reading is split in two so that a batch can check what changed before it spends any time on it:

- ``iter_inputs`` walks files and folders and yields one ``RawInput`` per article (a ``.jsonl`` file gives one
  per line, source ``path:LINE``) with its bytes and a content digest, or an ``InputFailure``;
- ``parse_input`` turns one ``RawInput`` into an ``Article`` (decoding, JSON, HTML main text, dateline).

Bad input is an ``InputError`` with a one-line message: empty texts, bytes that are not text, JSON
without ``text``, articles longer than the configured limit.

``published`` comes from the input itself (JSON ``published``, the page's date), else from a dateline near
the top of the text (``-- Fri May 21, 2010 10:31am EDT``; a wire dateline without a year is not enough),
else from the caller's default (``--published``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

from .normalize.dates import MONTHS

SUPPORTED = (".txt", ".json", ".jsonl", ".html", ".htm")
KINDS = {".txt": "txt", ".json": "json", ".jsonl": "jsonl", ".html": "html", ".htm": "html"}


class InputError(ValueError):
    """An input that cannot become an article; the message is one line for the user."""


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    source: str
    title: str | None = None
    published: date | None = None


@dataclass(frozen=True)
class RawInput:
    """One article's bytes before parsing: ``kind`` is ``txt``, ``json`` or ``html``."""

    source: str
    kind: str
    data: bytes

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()[:32]


@dataclass(frozen=True)
class InputFailure:
    """An input that failed before it could be split into articles (missing, unsupported, undecodable)."""

    source: str
    error: str
    size: int = 0


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
    """The text as the pipeline will see it (NUL characters become spaces, offsets unchanged)."""
    if not text.strip():
        raise InputError(f"{where}: empty text")
    if len(text) > max_chars:
        raise InputError(f"{where}: article of {len(text):,} characters exceeds the limit of {max_chars:,} (--max-chars)")
    return text.replace("\x00", " ")


# -- datelines ---------------------------------------------------------------------------------------------

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_LABEL = r"(?:--\s*)?(?:(?:published|posted|updated|date)(?:\s+on)?:?\s*)?"
_TIME = r"(?:[\s,]+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?[a-z]{2,5}\)?)?)?"
# Whole header lines only ("-- Fri May 21, 2010 10:31am EDT", "21 May 2010", "2010-05-21 10:31"), and wire
# datelines that carry a year ("LONDON, March 3, 2011 (Reuters) -"): a date inside a sentence is not a dateline.
_DATELINES = [
    re.compile(rf"^\s*{_LABEL}{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}{_TIME}\s*$", re.I),
    re.compile(rf"^\s*{_LABEL}{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}{_TIME}\s*$", re.I),
    re.compile(rf"^\s*{_LABEL}(?P<year>(?:19|20)\d{{2}})-(?P<mm>\d{{2}})-(?P<day>\d{{2}})(?:[T ]\d{{2}}:\d{{2}}\S*(?:\s+[A-Z]{{2,5}})?)?\s*$", re.I),
    re.compile(rf"^\s*[A-Z][A-Za-z.'/ -]{{1,40}},\s+(?i:{_MONTH})\s+{_DAY},?\s+{_YEAR}\s*(?:\([^)]{{1,40}}\)\s*)?[-\u2013\u2014]"),
]
DATELINE_LINES = 8
DATELINE_CHARS = 1200


def dateline_date(text: str) -> date | None:
    """The full date of a dateline among the first lines of ``text``, or None.

    >>> dateline_date("-- Ford posts loss\\n-- By  A Writer\\n-- Mon Oct 23, 2006 6:42pm EDT\\n\\nDETROIT (Reuters) - ...")
    datetime.date(2006, 10, 23)
    >>> dateline_date("TOKYO, Dec 9 (Reuters) - Toyota said ...") is None
    True
    """
    lines = [line for line in text[:DATELINE_CHARS].splitlines() if line.strip()][:DATELINE_LINES]
    for line in lines:
        for pattern in _DATELINES:
            match = pattern.match(line)
            if not match:
                continue
            groups = match.groupdict()
            month = int(groups["mm"]) if groups.get("mm") else MONTHS[groups["month"][:3].lower()]
            try:
                return date(int(groups["year"]), month, int(groups["day"]))
            except ValueError:
                continue
    return None


# -- one article from its bytes ----------------------------------------------------------------------------


def article_from_object(obj: object, source: str, default_published: date | None, max_chars: int) -> Article:
    if not isinstance(obj, dict):
        raise InputError(f"{source}: JSON input must be an object with a 'text' field")
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(f"{source}: JSON object has no 'text' string")
    text = check_text(text, source, max_chars)
    published = parse_published(obj.get("published"), source) or dateline_date(text) or default_published
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    article_id = str(obj["id"]) if obj.get("id") not in (None, "") else text_id(text)
    return Article(id=article_id, text=text, source=source, title=title, published=published)


def article_from_html(raw: bytes, source: str, default_published: date | None, max_chars: int) -> Article:
    """Main text (no navigation, boilerplate or comments), title and date of a web page, by trafilatura."""
    if not raw.strip():
        raise InputError(f"{source}: empty input")
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - a dependency
        raise InputError(f"{source}: HTML input needs trafilatura (pip install trafilatura)") from None
    document = trafilatura.bare_extraction(
        raw, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not text:
        raise InputError(f"{source}: no article text found in the HTML page")
    title = (getattr(document, "title", None) or "").strip() or None
    lines = text.split("\n")
    if title and len(lines) > 1 and lines[0].strip() == title:
        text = "\n".join(lines[1:]).lstrip("\n")  # the headline is the title, not the body
    text = check_text(text, source, max_chars)
    try:
        page_date = parse_published(getattr(document, "date", None), source)
    except InputError:
        page_date = None
    published = page_date or dateline_date(text) or default_published
    return Article(id=text_id(text), text=text, source=source, title=title, published=published)


def sniff_kind(raw: bytes) -> str:
    """For stdin: a JSON object, an HTML page, or plain text."""
    head = raw.lstrip()[:512].lower()
    if head.startswith((b"{", b"\xef\xbb\xbf{")):
        return "json"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:200]:
        return "html"
    return "txt"


def parse_input(raw: RawInput, *, published: date | None = None, max_chars: int = 1_000_000) -> Article:
    """One ``RawInput`` -> one ``Article``; ``InputError`` for anything that is not an article."""
    if raw.kind == "html":
        return article_from_html(raw.data, raw.source, published, max_chars)
    text = decode(raw.data, raw.source)
    if raw.kind == "json":
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{raw.source}: invalid JSON ({exc.msg} at line {exc.lineno})") from None
        return article_from_object(obj, raw.source, published, max_chars)
    text = check_text(text, raw.source, max_chars)
    return Article(id=text_id(text), text=text, source=raw.source, published=dateline_date(text) or published)


# -- files and folders -------------------------------------------------------------------------------------


def iter_paths(inputs: Iterable[str], exclude: Iterable[Path] = ()) -> Iterator[str]:
    """Files under the given files and folders (recursive, sorted), keeping supported types only.

    Files named directly are yielded whatever their type (an unsupported one becomes an error, not a
    silent skip); ``exclude`` drops the run's own output files when they sit inside an input folder.
    """
    excluded = {os.path.realpath(p) for p in exclude}
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            children = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
            for child in children:
                if os.path.realpath(child) not in excluded:
                    yield os.path.normpath(child)
        else:
            yield item if item == "-" else os.path.normpath(item)


def _read_bytes(path: str, max_chars: int) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    file = Path(path)
    if not file.is_file():
        raise InputError(f"{path}: no such file")
    suffix = file.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError(f"{path}: unsupported file type {suffix or '(none)'} (use .txt, .json, .jsonl or .html)")
    limit = max_chars * 4 * (64 if suffix == ".jsonl" else 1)
    size = file.stat().st_size
    if size > limit:
        raise InputError(f"{path}: file of {size:,} bytes exceeds the article limit (--max-chars)")
    try:
        return file.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def inputs_of(path: str, max_chars: int = 1_000_000) -> list[RawInput | InputFailure]:
    """The articles one path holds: one for most files, one per non-empty line of a ``.jsonl``."""
    try:
        raw = _read_bytes(path, max_chars)
    except InputError as exc:
        return [InputFailure(path, str(exc))]
    kind = sniff_kind(raw) if path == "-" else KINDS[Path(path).suffix.lower()]
    if kind != "jsonl":
        return [RawInput(path, kind, raw)]
    try:
        text = decode(raw, path)
    except InputError as exc:
        return [InputFailure(path, str(exc), len(raw))]
    items: list[RawInput | InputFailure] = [
        RawInput(f"{path}:{number}", "json", line.encode("utf-8"))
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip()
    ]
    return items or [InputFailure(path, f"{path}: no JSON lines", len(raw))]


def iter_inputs(paths: Iterable[str], max_chars: int = 1_000_000) -> Iterator[RawInput | InputFailure]:
    """Every article under ``paths`` (as from ``iter_paths``), read lazily, one file at a time."""
    for path in paths:
        yield from inputs_of(path, max_chars)


def read_article(path: str, *, published: date | None = None, max_chars: int = 1_000_000) -> Article:
    """One article from a ``.txt``, ``.json``, ``.html`` or one-line ``.jsonl`` file, or ``-`` for stdin."""
    items = inputs_of(path, max_chars)
    if isinstance(items[0], InputFailure):
        raise InputError(items[0].error)
    if len(items) > 1:
        raise InputError(f"{path}: holds {len(items)} articles; use 'autonews run' for many")
    return parse_input(items[0], published=published, max_chars=max_chars)
