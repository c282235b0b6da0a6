"""The manifest beside OUT: which input content each record of OUT was extracted from, by which extractor.

``OUT.manifest.jsonl`` holds one line per extracted article: ``{"source", "sha256", "version", "options",
"line_sha", "error"}``, where ``sha256`` is the digest of the input's bytes, ``version`` the extractor
version, ``options`` a digest of the options that change a record (``--published``, ``--model``) and
``line_sha`` the hash of the record line written to OUT. An input that is not an article (empty, binary,
invalid JSON) has ``error`` instead of a line, so that a re-run reports it again without reading it twice.
The last line of a source wins.

Crash safety comes from the order of writes and from trusting nothing on start:

1. records are appended to OUT (one write, flush, fsync per batch), then their manifest lines (same);
2. on start, a torn last line of either file is cut off, OUT is scanned, and a source counts as done only
   if its manifest entry names the exact line that is last for that source in OUT;
3. a source redone (changed input, new version, ``--force``, or written to OUT but not yet to the
   manifest when the run was killed) is appended again, and the end of the run compacts OUT atomically to
   the last line of each source, so every article is there exactly once.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from .writers import JsonlAppender, compact_jsonl, fsync_dir, iter_jsonl, line_sha, repair_tail


def sibling(out: Path, kind: str) -> Path:
    """``out.jsonl`` -> ``out.<kind>.jsonl`` (``errors``, ``manifest``)."""
    return out.with_name(out.name.removesuffix(".jsonl") + f".{kind}.jsonl")


@dataclass(frozen=True)
class Entry:
    source: str
    sha256: str
    version: str
    options: str
    line_sha: str = ""
    error: str | None = None


class Manifest:
    """OUT and its manifest, reconciled: what is done, what to append, what to compact away at the end."""

    def __init__(self, out: Path):
        self.out = out
        self.path = sibling(out, "manifest")
        self.last: dict[str, tuple[int, str]] = {}  # source -> (line number in OUT, line sha)
        self.entries: dict[str, Entry] = {}
        self.lines = 0
        self.dropped: set[str] = set()
        self.needs_compaction = False
        self.repaired = 0
        self._by_file: dict[str, set[str]] | None = None
        self._out: JsonlAppender | None = None
        self._manifest: JsonlAppender | None = None

    # -- start ---------------------------------------------------------------------------------------------

    def open(self) -> "Manifest":
        for leftover in (self.out.with_name(self.out.name + ".tmp"), self.path.with_name(self.path.name + ".tmp")):
            leftover.unlink(missing_ok=True)
        self.repaired = repair_tail(self.out) + repair_tail(self.path)
        if self.out.is_file():
            for number, line, obj in iter_jsonl(self.out):
                self.lines = number
                source = obj.get("source") if obj else None
                if not isinstance(source, str):
                    self.needs_compaction = True  # not a record: dropped by the compaction
                    continue
                if source in self.last:
                    self.needs_compaction = True
                self.last[source] = (number, line_sha(line))
        if self.path.is_file():
            for _number, _line, obj in iter_jsonl(self.path):
                try:
                    entry = Entry(**obj) if obj else None
                except TypeError:
                    entry = None
                if entry is not None:
                    self.entries[entry.source] = entry
        self._out = JsonlAppender(self.out)
        self._manifest = JsonlAppender(self.path)
        return self

    def is_current(self, source: str, sha256: str, version: str, options: str) -> bool:
        """True when OUT already holds the record of exactly this content, version and options."""
        entry = self.entries.get(source)
        last = self.last.get(source)
        return (
            entry is not None and last is not None and entry.error is None and entry.line_sha == last[1]
            and (entry.sha256, entry.version, entry.options) == (sha256, version, options)
        )

    def known_failure(self, source: str, sha256: str, version: str, options: str) -> str | None:
        """The error an input of exactly this content gave the same extractor, or None."""
        entry = self.entries.get(source)
        if entry is not None and entry.error and (entry.sha256, entry.version, entry.options) == (sha256, version, options):
            return entry.error
        return None

    def line_sources(self, path: str) -> set[str]:
        """The ``path:LINE`` sources of a ``.jsonl`` file that OUT holds records of."""
        if self._by_file is None:
            self._by_file = {}
            for source in self.last:
                file, _, line = source.rpartition(":")
                if file and line.isdigit():
                    self._by_file.setdefault(file, set()).add(source)
        return {s for s in self._by_file.get(path, set()) if s in self.last}

    # -- during the run ------------------------------------------------------------------------------------

    def append(self, items: list[tuple[str, str, str, str, str]],
               failures: list[tuple[str, str, str, str, str]] = ()) -> list[str]:
        """Append record lines ``(source, line, sha256, version, options)``: OUT first, then the manifest;
        ``failures`` are ``(source, error, sha256, version, options)`` of inputs that are not articles."""
        assert self._out is not None and self._manifest is not None, "open() first"
        entries = []
        for source, error, sha256, version, options in failures:
            entry = Entry(source, sha256, version, options, error=error)
            self.entries[source] = entry
            entries.append(json.dumps(asdict(entry), ensure_ascii=False))
        if not items:
            self._manifest.append(entries)
            return []
        self._out.append(line for _source, line, *_ in items)
        for source, line, sha256, version, options in items:
            self.lines += 1
            if source in self.last:
                self.needs_compaction = True
            sha = line_sha(line)
            self.last[source] = (self.lines, sha)
            self.dropped.discard(source)
            entry = Entry(source, sha256, version, options, sha)
            self.entries[source] = entry
            entries.append(json.dumps(asdict(entry), ensure_ascii=False))
        self._manifest.append(entries)
        return [line for _source, line, *_ in items]

    def drop(self, source: str) -> bool:
        """A source that failed now: its old record, if any, leaves OUT at the end. True if it had one."""
        if source in self.last:
            self.dropped.add(source)
            self.needs_compaction = True
            return True
        return False

    # -- end -----------------------------------------------------------------------------------------------

    def close(self) -> None:
        """Compact OUT (last line per source, minus dropped sources) and rewrite the manifest, if needed."""
        for handle in (self._out, self._manifest):
            if handle is not None:
                handle.close()
        self._out = self._manifest = None
        if not self.needs_compaction:
            return
        keep = {source: last for source, last in self.last.items() if source not in self.dropped}
        compact_jsonl(self.out, (number for number, _sha in keep.values()))
        renumbered = sorted(keep.items(), key=lambda item: item[1][0])
        self.last = {source: (index, sha) for index, (source, (_n, sha)) in enumerate(renumbered, start=1)}
        self.lines = len(self.last)
        self.dropped.clear()
        self.needs_compaction = False
        self.rewrite()

    def rewrite(self) -> None:
        """The manifest reduced to one entry per record of OUT, atomically."""
        temporary = self.path.with_name(self.path.name + ".tmp")
        with temporary.open("w", encoding="utf-8") as handle:
            for source, (_number, sha) in self.last.items():
                entry = self.entries.get(source)
                if entry is not None and entry.error is None and entry.line_sha == sha:
                    handle.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
            for source, entry in self.entries.items():
                if entry.error and source not in self.last:
                    handle.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.path)
        fsync_dir(self.path.parent)
