"""Store: the run cache that makes runs incremental and resumable.

One SQLite file in the output folder holds each processed article's record (JSON),
keyed by ``doc_id`` with the content hash and the settings fingerprint that produced it.
A record is committed as soon as it is made, so a killed run loses at most the articles
in flight; the next run finds everything else here and does not process it again. The
published outputs are always regenerated from this store, in input order, so every
article appears exactly once.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    doc_id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    record TEXT NOT NULL,
    run_id TEXT,
    seq INTEGER
);
CREATE INDEX IF NOT EXISTS records_run ON records (run_id, seq);
CREATE INDEX IF NOT EXISTS records_source ON records (source);
"""


class RecordStore:
    """Processed records keyed by ``doc_id``; see the module docstring."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        self._in_tx = False

    def close(self) -> None:
        """Commit what is pending and close the file."""
        self.commit()
        self._db.close()

    def begin(self) -> None:
        """Open a transaction (records are grouped per batch for speed)."""
        if not self._in_tx:
            self._db.execute("BEGIN")
            self._in_tx = True

    def commit(self) -> None:
        """Make everything written so far durable."""
        if self._in_tx:
            self._db.execute("COMMIT")
            self._in_tx = False

    def reuse(self, *, doc_id: str, content_hash: str, fingerprint: str, run_id: str, seq: int) -> bool:
        """Claim a stored record for this run if it was made from the same content and settings.

        Returns:
            True when the record exists and is current (the article needs no processing).
        """
        self.begin()
        cursor = self._db.execute(
            "UPDATE records SET run_id = ?, seq = ? WHERE doc_id = ? AND content_hash = ? AND fingerprint = ?",
            (run_id, seq, doc_id, content_hash, fingerprint),
        )
        return cursor.rowcount == 1

    def put(
        self,
        *,
        doc_id: str,
        source: str,
        content_hash: str,
        fingerprint: str,
        record: dict[str, Any],
        run_id: str,
        seq: int,
    ) -> None:
        """Store (or replace) one article's record."""
        self.begin()
        self._db.execute(
            "INSERT OR REPLACE INTO records (doc_id, source, content_hash, fingerprint, record, run_id, seq)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (doc_id, source, content_hash, fingerprint, json.dumps(record, ensure_ascii=False), run_id, seq),
        )

    def known(self, sources: Iterable[str], fingerprint: str) -> dict[str, str]:
        """doc_id -> content hash of the records made with ``fingerprint`` from the inputs ``sources``.

        A source names a file relative to the corpus; the articles of a multi-article
        file are stored as ``file#N`` and are included.
        """
        found: dict[str, str] = {}
        for source in sources:
            # "#" < "$": the range holds exactly the "source#..." names, and uses the index
            rows = self._db.execute(
                "SELECT doc_id, content_hash FROM records WHERE fingerprint = ? AND"
                " (source = ? OR (source >= ? AND source < ?))",
                (fingerprint, source, f"{source}#", f"{source}$"),
            )
            found.update(rows.fetchall())
        return found

    def prune(self, run_id: str) -> int:
        """Forget records of articles that this run did not see (deleted inputs).

        Returns:
            The number of records removed.
        """
        self.begin()
        cursor = self._db.execute("DELETE FROM records WHERE run_id IS NOT ? ", (run_id,))
        self.commit()
        return cursor.rowcount

    def iter_records(self, run_id: str) -> Iterator[dict[str, Any]]:
        """This run's records, in input order."""
        self.commit()
        cursor = self._db.execute(
            "SELECT record FROM records WHERE run_id = ? ORDER BY seq", (run_id,)
        )
        for (payload,) in cursor:
            record: dict[str, Any] = json.loads(payload)
            yield record

    def count(self, run_id: str) -> int:
        """Number of records that belong to this run."""
        self.commit()
        (n,) = self._db.execute("SELECT COUNT(*) FROM records WHERE run_id = ?", (run_id,)).fetchone()
        return int(n)
