"""Nothing lost, nothing stops the batch: hostile inputs, crashes, resumes, safe parsing.

Every fixture is generated here; no binary is committed.
"""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.ingest import iter_articles
from pipeline.nlp import split_chunks
from pipeline.records import Article, ErrorRecord
from pipeline.runner import core as batch
from pipeline.settings import Settings

REPO = Path(__file__).resolve().parent.parent
runner = CliRunner()

FRENCH = (
    "Le conseil régional de Bretagne a voté jeudi 14 mars 2019 une aide de 2 millions d’euros "
    "pour la société Océavia, a annoncé son président, Loïg Chesnais-Girard. « C’est une étape "
    "importante », explique Marie Le Goff, directrice générale de l’entreprise brestoise.\n"
)
ENGLISH = (
    "The regional council of Brittany voted on Thursday for a two million euro grant to the "
    "company, its president said. It is an important step, explained the managing director.\n"
)


def _zip_bytes() -> bytes:
    path = Path(tempfile.mkdtemp()) / "a.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("article.txt", FRENCH)
    return path.read_bytes()


#: name -> (file name, bytes, expected error_type or None when it must be processed)
HOSTILE: dict[str, tuple[str, bytes, str | None]] = {
    "empty file": ("vide.txt", b"", "EmptyInput"),
    "whitespace only": ("blanc.txt", b" \n\t\r\n  ", "EmptyInput"),
    "PNG under .txt": ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "BinaryInput"),
    "ZIP under .txt": ("archive.txt", _zip_bytes(), "BinaryInput"),
    "PDF under .html": ("rapport.html", b"%PDF-1.4\n%\xc7\xec\x8f\xa2\n1 0 obj", "BinaryInput"),
    "invalid UTF-8 bytes mid-file": ("casse.txt", FRENCH.encode() + b"\xff\xfe\xfa" + FRENCH.encode(), None),
    "UTF-16 with BOM": ("u16bom.txt", FRENCH.encode("utf-16"), None),
    "UTF-16 without BOM": ("u16.txt", FRENCH.encode("utf-16-le"), None),
    "Windows-1252": ("cp1252.txt", FRENCH.encode("cp1252"), None),
    "Latin-1": ("latin1.txt", FRENCH.replace("’", "'").encode("latin-1"), None),
    "malformed JSON": ("casse.json", b'{"text": "Bonjour", ', "MalformedInput"),
    "JSON without text": ("sans-texte.json", b'{"title": "Titre seul"}', "MalformedInput"),
    "JSON text of wrong type": ("mauvais-type.json", b'{"text": ["liste"]}', "MalformedInput"),
    "HTML with only scripts and navigation": (
        "menu.html",
        b"<html><head><script>var a=1;</script></head><body><nav><a href='/'>Accueil</a>"
        b"<a href='/actu'>Actualit\xc3\xa9s</a></nav><script>track()</script></body></html>",
        "EmptyInput",
    ),
    "name with spaces and accents": ("Communiqué de presse été 2019.txt", FRENCH.encode(), None),
    "name with a newline": ("ligne\nnouvelle.txt", FRENCH.encode(), None),
    "1 MB line without spaces": ("ligne.txt", b"x" * 1_000_000, None),
    "unsupported extension": ("tableur.xlsx", b"PK\x03\x04", "UnsupportedFormat"),
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_robustness_hostile_input_is_processed_or_reported(kind: str, tmp_path: Path) -> None:
    name, data, expected_error = HOSTILE[kind]
    path = tmp_path / name
    path.write_bytes(data)
    results = list(iter_articles(path, root=tmp_path, max_bytes=50_000_000))
    assert len(results) == 1
    (result,) = results
    if expected_error is None:
        assert isinstance(result, Article), result
        assert result.text.strip()
    else:
        assert isinstance(result, ErrorRecord), result
        assert result.error_type == expected_error
        assert result.source == name and result.message


def test_robustness_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(FRENCH)
    # Tests run as root in CI, where chmod 000 does not stop a read: simulate the refusal.
    real_open = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "secret.txt":
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    (result,) = iter_articles(path, root=tmp_path, max_bytes=1_000_000)
    assert isinstance(result, ErrorRecord)
    assert (result.error_type, result.message) == ("UnreadableInput", "permission denied")


def test_robustness_vanished_file_is_reported(tmp_path: Path) -> None:
    (result,) = iter_articles(tmp_path / "parti.txt", root=tmp_path, max_bytes=1_000_000)
    assert isinstance(result, ErrorRecord)
    assert result.error_type == "UnreadableInput"
    assert result.message == "file disappeared before it could be read"


def test_robustness_jsonl_with_one_broken_line(tmp_path: Path) -> None:
    good = [json.dumps({"id": str(i), "text": FRENCH}) for i in range(3)]
    path = tmp_path / "lot.jsonl"
    path.write_text("\n".join([good[0], '{"id": "x", "text": "coupé', good[1], "[1, 2]", good[2]]))
    results = list(iter_articles(path, root=tmp_path, max_bytes=1_000_000))
    assert [type(r).__name__ for r in results] == ["Article", "ErrorRecord", "Article", "ErrorRecord", "Article"]


def test_robustness_twenty_megabyte_article_chunks_keep_offsets() -> None:
    paragraph = FRENCH * 3 + "\n"
    text = paragraph * (20_000_000 // len(paragraph) + 1)
    chunks = split_chunks(text, 100_000)
    assert "".join(chunk for _, chunk in chunks) == text
    assert all(text[offset : offset + len(chunk)] == chunk for offset, chunk in chunks)
    assert max(len(chunk) for _, chunk in chunks) <= 100_000
    # paragraph-aligned: every chunk but the last ends at a blank line
    assert all(chunk.endswith("\n\n") for _, chunk in chunks[:-1])


def test_robustness_line_without_spaces_is_hard_cut() -> None:
    text = "x" * 1_000_000
    chunks = split_chunks(text, 100_000)
    assert len(chunks) == 10 and "".join(c for _, c in chunks) == text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".md", ".json", ".jsonl", ".html"]))
def test_robustness_ingest_never_raises_on_arbitrary_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"f{suffix}"
        path.write_bytes(data)
        for result in iter_articles(path, root=Path(folder), max_bytes=1_000_000):
            assert isinstance(result, (Article, ErrorRecord))
            if isinstance(result, Article):
                assert result.text.strip()


@pytest.mark.model
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=400)
       | st.sampled_from([FRENCH, ENGLISH, "« " * 50, "le 31 février 2019 à 25h61", "M. " * 30]))
def test_robustness_pipeline_spans_match_text(text: str, nlp_full: Any) -> None:
    from pipeline.nlp import iter_records

    article = Article(doc_id="x", id=None, source="x", title=None, published="2019-03-14", url=None,
                      tags=(), text=text, content_hash="x")
    (record,) = iter_records(nlp_full, [article], Settings(chunk_chars=150))
    assert not isinstance(record, ErrorRecord), record
    spans: list[Any] = [*record.entities, *record.dates, *record.quotes]
    for event in record.events:
        spans.extend(event.evidence)
        spans.extend(event.quantities)
    for person in record.people:
        spans.extend(person.mentions)
    for span in spans:
        assert text[span.start : span.end] == span.text


@pytest.mark.model
def test_robustness_non_french_is_flagged_or_skipped(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "fr.txt").write_text(FRENCH)
    (corpus / "en.txt").write_text(ENGLISH)
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out), "--stages", "dates"])
    assert result.exit_code == 0, result.output
    langs = {json.loads(line)["source"]: json.loads(line)["lang"] for line in (out / "documents.jsonl").open()}
    assert langs == {"en.txt": "en", "fr.txt": "fr"}
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out), "--stages", "dates", "--non-french", "skip"])
    assert result.exit_code == 0
    sources = [json.loads(line)["source"] for line in (out / "documents.jsonl").open()]
    run = json.loads((out / "run.json").read_text())
    assert sources == ["fr.txt"]
    assert run["skipped"] == [{"source": "en.txt", "reason": "not French (detected: en)"}]


@pytest.mark.model
def test_robustness_disk_full_exits_2_and_keeps_inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(FRENCH)
    before = (corpus / "a.txt").read_bytes()

    def full(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(batch, "write_outputs", full)
    result = runner.invoke(app, ["run", str(corpus), "--out", str(tmp_path / "out"), "--stages", "dates"])
    assert result.exit_code == 2
    # a slow machine may log a progress line first ("progress: ...", every 10 s off a terminal)
    errors = [line for line in result.stderr.splitlines() if not line.startswith("progress: ")]
    assert len(errors) == 1 and errors[0].startswith("error: cannot write outputs to ")
    assert result.stderr.rstrip().endswith("No space left on device")
    assert (corpus / "a.txt").read_bytes() == before


def _corpus_for_crash(tmp_path: Path) -> tuple[Path, int]:
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "corpora", corpus)
    n_articles = 0
    for path in corpus.rglob("*"):
        if path.suffix == ".jsonl":
            n_articles += sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        elif path.is_file():
            n_articles += 1
    return corpus, n_articles


@pytest.mark.model
@pytest.mark.slow
def test_robustness_sigkill_then_resume_loses_nothing(tmp_path: Path) -> None:
    """Kill a real `pipeline run` at random points, resume, check every article is there once."""
    corpus, n_articles = _corpus_for_crash(tmp_path)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    rng = random.Random(20141211)
    for delay in sorted(rng.uniform(4.0, 25.0) for _ in range(3)):
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        # Whatever the kill interrupted, the published files are whole (old or new).
        for path in out.glob("*.jsonl"):
            for line in path.read_text(encoding="utf-8").splitlines():
                json.loads(line)
    final = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert final.returncode == 0, final.stderr
    records = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    doc_ids = [r["doc_id"] for r in records]
    assert len(doc_ids) == len(set(doc_ids)) == n_articles
    assert len(pd.read_parquet(out / "documents.parquet")) == n_articles
    assert not list(out.glob(".*.partial"))


def test_robustness_html_external_entities_are_not_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("MOT-DE-PASSE-SECRET")
    html = f"""<?xml version="1.0"?>
<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>
<html><head><title>Essai</title></head><body><article><h1>Essai</h1>
<p>{FRENCH} &xxe;</p><p>{FRENCH}</p></article></body></html>"""
    path = tmp_path / "xxe.html"
    path.write_text(html, encoding="utf-8")
    (result,) = iter_articles(path, root=tmp_path, max_bytes=1_000_000)
    assert isinstance(result, Article)
    assert "MOT-DE-PASSE-SECRET" not in result.text
    assert "Océavia" in result.text


def test_robustness_symlink_outside_corpus_is_not_followed(tmp_path: Path) -> None:
    from pipeline.ingest import Skipped, iter_input_files

    outside = tmp_path / "ailleurs.txt"
    outside.write_text(FRENCH)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(FRENCH)
    (corpus / "lien.txt").symlink_to(outside)
    default = list(iter_input_files(corpus))
    followed = list(iter_input_files(corpus, follow_symlinks=True))
    for items in (default, followed):
        assert [p.name for p in items if isinstance(p, Path)] == ["a.txt"]
    assert [s.reason for s in followed if isinstance(s, Skipped)] == ["symlink points outside the corpus"]
    assert [s.reason for s in default if isinstance(s, Skipped)] == ["symlink, not followed"]


@pytest.mark.model
def test_robustness_long_article_in_chunks_keeps_offsets(nlp_full: Any) -> None:
    from pipeline.nlp import iter_records

    paragraphs = [
        f"Le {day} mars 2019, la présidente de la Région Bretagne, Isabelle Le Calvez, a visité l’usine "
        f"de la société Océavia à Brest avec {day * 10} salariés."
        for day in range(1, 13)
    ]
    text = "\n\n".join(paragraphs)
    article = Article(doc_id="long", id=None, source="long", title=None, published="2019-03-20",
                      url=None, tags=(), text=text, content_hash="x")
    (chunked,) = iter_records(nlp_full, [article], Settings(chunk_chars=400))
    (whole,) = iter_records(nlp_full, [article], Settings())
    assert not isinstance(chunked, ErrorRecord) and not isinstance(whole, ErrorRecord)
    assert len(split_chunks(text, 400)) >= 6
    for record in (chunked, whole):
        for item in [*record.entities, *record.dates]:
            assert text[item.start : item.end] == item.text
    # paragraph-aligned chunks see the same sentences: same dates, same Brest mentions
    assert [d.value for d in chunked.dates] == [d.value for d in whole.dates]
    assert [d.value for d in chunked.dates][-1] == "2019-03-12"
    brest = [e.start for e in chunked.entities if e.text == "Brest"]
    assert brest == [e.start for e in whole.entities if e.text == "Brest"] and len(brest) == 12
    sentences = [e.sentence for e in chunked.entities]
    assert sentences == sorted(sentences) and sentences[-1] >= 11


# --- issue 19: one bad JSONL line costs nothing else ---------------------------------

def _is_article_json(line: str) -> bool:
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError):
        return False
    return isinstance(obj, dict) and any(isinstance(obj.get(k), str) for k in ("text", "content", "body"))


_GARBAGE = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=60).filter(
    lambda s: s.strip() and not _is_article_json(s)
)
_VALID = st.builds(
    lambda n, words: json.dumps({"id": f"art-{n}", "text": f"Le conseil municipal de Brest a voté {words}."},
                                ensure_ascii=False),
    st.integers(0, 10**6), st.sampled_from(["le budget", "la motion", "le plan vélo"]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.one_of(_VALID, _GARBAGE), min_size=1, max_size=12))
def test_robustness_every_jsonl_line_is_one_article_or_one_error(tmp_path: Path, lines: list[str]) -> None:
    # ids must be unique for the articles to stand apart; the garbage lines keep their text
    lines = [json.dumps({**json.loads(line), "id": f"art-{i}"}, ensure_ascii=False) if _is_article_json(line) else line
             for i, line in enumerate(lines)]
    path = tmp_path / "lot.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(iter_articles(path, root=tmp_path, max_bytes=10_000_000))
    by_source = {}
    for r in results:
        assert r.source not in by_source, f"{r.source} came out twice"
        by_source[r.source] = r
    for n, line in enumerate(lines, start=1):
        result = by_source.get(f"lot.jsonl#{n}")
        if _is_article_json(line):
            assert isinstance(result, Article) and result.text == json.loads(line)["text"]
        else:
            # one error, named by its line (the source is "file#line")
            assert isinstance(result, ErrorRecord), f"line {n} {line!r} gave {result!r}"
    assert len(results) == len(lines)


@pytest.mark.parametrize(("name", "content", "expected"), [
    # the second line is nested 5,000 deep: an error for that line only, line 3 is kept
    ("deep.jsonl", '{"id": "a", "text": "Le maire de Brest a signé."}\n' + "[" * 5000 + "]" * 5000
     + '\n{"id": "c", "text": "La Région a voté le budget."}\n',
     [("deep.jsonl#1", "Article"), ("deep.jsonl#2", "invalid JSON on line 2: nested too deeply"),
      ("deep.jsonl#3", "Article")]),
    ("deep.json", "[" * 200_000 + "]" * 200_000, [("deep.json", "invalid JSON: nested too deeply")]),
])
def test_robustness_deep_json_is_one_clear_error(tmp_path: Path, name: str, content: str,
                                                 expected: list[tuple[str, str]]) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    results = list(iter_articles(tmp_path / name, root=tmp_path, max_bytes=10_000_000))
    got = [(r.source, "Article" if isinstance(r, Article) else r.message) for r in results]
    assert got == expected
    assert all(r.error_type == "MalformedInput" for r in results if isinstance(r, ErrorRecord))


@pytest.mark.parametrize(("data", "text", "encoding"), [
    # 3 corrupt bytes in a short UTF-8 sentence: still UTF-8, not "sociÃ©tÃ©"
    ("La société Safran a inauguré à Évry une unité de 120 salariés.".encode()[:10] + b"\xff"
     + "La société Safran a inauguré à Évry une unité de 120 salariés.".encode()[10:40] + b"\xfe"
     + "La société Safran a inauguré à Évry une unité de 120 salariés.".encode()[40:] + b"\x80",
     "La sociét\ufffdé Safran a inauguré à Évry\ufffd une unité de 120 salariés.\ufffd", "utf-8 (with replaced bytes)"),
    # a short Latin-1 sentence is Windows-1252, not Mac Roman ("DÈj‡")
    ("Déjà vu à l'été, où était-ce ? ça ira.".encode("latin-1"), "Déjà vu à l'été, où était-ce ? ça ira.", "cp1252"),
])
def test_robustness_short_texts_decode_as_french(data: bytes, text: str, encoding: str) -> None:
    from pipeline.ingest import decode_bytes

    assert decode_bytes(data) == (text, encoding)


def test_robustness_unusable_metadata_is_a_warning_not_a_loss(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = [
        {"id": "w1", "published": "pas une date", "text": "Le conseil municipal de Lorient a voté le budget."},
        {"id": "w2", "published": "2019-13-45", "text": "La Région a signé une convention avec Brest."},
        {"id": "w3", "published": "2019-03-04", "text": "Le salon ouvre ses portes à Vannes."},
    ]
    (corpus / "lot.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", "utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(corpus), "--out", str(out), "--stages", "dates"])
    assert result.exit_code == 0, result.output
    records = {r["id"]: r for r in map(json.loads, (out / "documents.jsonl").read_text("utf-8").splitlines())}
    assert records["w1"]["published"] is None
    assert records["w1"]["warnings"] == ["published: not a date: 'pas une date'"]
    assert records["w2"]["warnings"] == ["published: not a date: '2019-13-45'"]
    assert records["w3"]["warnings"] == [] and records["w3"]["published"] == "2019-03-04"
    manifest = json.loads((out / "run.json").read_text("utf-8"))
    assert manifest["counts"]["warnings"] == 2
    assert manifest["warnings"] == [
        {"source": "lot.jsonl#1", "warning": "published: not a date: 'pas une date'"},
        {"source": "lot.jsonl#2", "warning": "published: not a date: '2019-13-45'"},
    ]
    assert "2 warning(s) on kept articles" in result.output


HOLD_OUTPUT = """
import sys, time
from pathlib import Path
from pipeline.runner.lock import hold_output
with hold_output(Path(sys.argv[1])):
    print("holding", flush=True)
    time.sleep(120)
"""


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_robustness_second_run_into_the_same_output_exits_2_untouched(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(FRENCH)
    out = tmp_path / "out"
    (out / ".cache").mkdir(parents=True)
    # what a run in progress has there: published files, its store, a file being written
    for name, content in [("documents.jsonl", "{}\n"), ("errors.jsonl", ""), ("run.json", "{}"),
                          (".documents.jsonl.partial", "{"), (".cache/records.sqlite", "")]:
        (out / name).write_text(content)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_OUTPUT, str(out)], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
        before = _snapshot(out)
        result = runner.invoke(app, ["run", str(corpus), "--out", str(out), "--stages", "dates"])
        assert result.exit_code == 2
        assert result.stderr == f"error: another run is writing to {out} (pid {holder.pid})\n"
        assert _snapshot(out) == before
    finally:
        holder.kill()
        holder.wait()
    # the lock went with its process: the folder is free again
    from pipeline.runner.lock import hold_output

    with hold_output(out):
        assert (out / ".cache" / "run.lock").read_text() == f"{os.getpid()}\n"
