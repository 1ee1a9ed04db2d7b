"""Ingest: decoding, furniture, JSON/JSONL/HTML readers, corpus walk."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.errors import BinaryInput, EmptyInput, MalformedInput
from pipeline.ingest import (
    Skipped,
    WalkRules,
    article_from_object,
    decode_bytes,
    iter_articles,
    iter_data_articles,
    iter_input_files,
    layout_text,
    parse_date_string,
)
from pipeline.ingest.readers import sniff_kind
from pipeline.records import Article, ErrorRecord

FRENCH = "L’équipe a inauguré « La Fabrique » à Besançon, où 45 salariés travailleront dès l’été. Œuvre collective : 2 000 €."


def _read(path: Path) -> list[Article | ErrorRecord]:
    return list(iter_articles(path, root=path.parent, max_bytes=10_000_000))


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16", b""),  # Python's utf-16 codec writes a BOM
        ("utf-16-le", b""),  # no BOM
        ("cp1252", b""),
    ],
)
def test_ingest_decodes_french_press_encodings(encoding: str, prefix: bytes) -> None:
    data = prefix + (FRENCH + "\n" + FRENCH).encode(encoding)
    text, _ = decode_bytes(data)
    assert text.splitlines()[0] == FRENCH


def test_ingest_decodes_latin1() -> None:
    sample = "Le conseil départemental a voté le budget à l'unanimité, précise le président. " * 3
    text, _ = decode_bytes(sample.encode("latin-1"))
    assert text == sample


def test_ingest_keeps_utf8_with_a_corrupt_byte() -> None:
    data = (FRENCH * 3).encode("utf-8")
    data = data[:40] + b"\xff" + data[40:]
    text, encoding = decode_bytes(data)
    assert "inauguré" in text and "Besançon" in text
    assert "replaced" in encoding


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyInput),
        (b"  \n\t \n", EmptyInput),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInput),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", BinaryInput),
        (b"PK\x03\x04\x14\x00\x00\x00", BinaryInput),
    ],
)
def test_ingest_rejects_empty_and_binary(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        decode_bytes(data)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Information mise à jour le 20/06/18", "2018-06-20"),
        ("Publié le 12/03/2019 à 10h12", "2019-03-12"),
        ("2021-02-03T09:00:00+01:00", "2021-02-03"),
        ("Mis à jour le 4 avril 2019 à 10h12", "2019-04-04"),
        ("le 1er mars 2020", "2020-03-01"),
        ("31/02/2019", None),
        ("pas de date", None),
    ],
)
def test_ingest_parses_metadata_dates(value: str, expected: str | None) -> None:
    assert parse_date_string(value) == expected


def test_ingest_layout_separates_furniture_from_body() -> None:
    text = (
        "Accueil > Actualités > Économie\n\n"
        "Une usine de batteries ouvre à Douvrin\n\n"
        "Publié le 05/10/2020 à 14h05\n"
        "La société Verkor a annoncé mardi l’ouverture de son site.\n"
        "« C’est une étape décisive », affirme sa directrice, Claire Martin.\n"
        "Industrie\n"
        "Hauts-de-France\n"
        "Emploi\n"
    )
    layout = layout_text(text)
    assert layout.title == "Une usine de batteries ouvre à Douvrin"
    assert layout.published == "2020-10-05"
    assert layout.tags == ("Industrie", "Hauts-de-France", "Emploi")
    body = text[layout.body_start : layout.body_end]
    assert body.startswith("La société Verkor")
    assert body.endswith("Claire Martin.")


def test_ingest_layout_keeps_plain_article_whole() -> None:
    text = "Le conseil municipal a voté le budget jeudi soir.\nLa séance a duré trois heures.\n"
    layout = layout_text(text)
    assert layout.title is None and layout.tags == ()
    assert text[layout.body_start : layout.body_end] == text.strip()


def test_ingest_seed_furniture(seed_path: Path) -> None:
    (article,) = _read(seed_path)
    assert isinstance(article, Article)
    assert article.title == "Le Groupe La Poste, acteur de l’écosystème numérique montpelliérain"
    assert article.published == "2018-06-20"
    assert len(article.tags) == 5
    assert article.tags[0] == "Le Groupe La Poste"
    assert "Toutes les actualités" not in article.text
    assert article.text.startswith("Le Groupe La Poste se positionne")
    assert "’" in article.text and "«" in article.text


def test_ingest_doc_id_is_stable(seed_path: Path) -> None:
    first = _read(seed_path)[0]
    second = _read(seed_path)[0]
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.doc_id == second.doc_id and len(first.doc_id) == 16


@pytest.mark.parametrize(
    ("obj", "message"),
    [
        ({"title": "sans texte"}, "no text field"),
        ({"text": 42}, "field 'text' must be a string, got int"),
        (["not", "an", "object"], "expected a JSON object, got list"),
        ({"text": "Bonjour", "tags": "économie"}, "field 'tags' must be a list of strings"),
    ],
)
def test_ingest_json_object_errors(obj: object, message: str) -> None:
    with pytest.raises(MalformedInput, match=message):
        article_from_object(obj, source="x.json")


def test_ingest_json_text_is_verbatim() -> None:
    text = "  Le 3 mars, la CCI a réuni 40 chefs d'entreprise.\r\n"
    article = article_from_object({"id": "a1", "content": text, "date": "03/03/2021"}, source="x.json")
    assert article.text == text
    assert article.id == "a1" and article.published == "2021-03-03"


def test_ingest_jsonl_bad_line_is_isolated(tmp_path: Path) -> None:
    path = tmp_path / "lot.jsonl"
    lines = [
        json.dumps({"id": "1", "text": "Premier article sur la métropole de Lyon."}),
        '{"id": "2", "text": "cassé',
        "",
        json.dumps({"id": "3", "body": "Troisième article sur la Région Bretagne."}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    results = _read(path)
    assert [type(r).__name__ for r in results] == ["Article", "ErrorRecord", "Article"]
    error = results[1]
    assert isinstance(error, ErrorRecord)
    assert error.source == "lot.jsonl#2" and error.error_type == "MalformedInput"
    assert [r.source for r in results if isinstance(r, Article)] == ["lot.jsonl#1", "lot.jsonl#4"]


def test_ingest_html_main_text_and_metadata(tmp_path: Path) -> None:
    paragraph = (
        "La Région Occitanie a signé mardi une convention avec l’université de Montpellier "
        "pour financer trois laboratoires communs, a annoncé sa présidente."
    )
    html = f"""<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Convention Région-université</title>
<meta property="article:published_time" content="2021-05-14T09:00:00+02:00">
<link rel="canonical" href="https://www.example.fr/actu/convention"></head>
<body><nav><a href="/">Accueil</a> <a href="/actu">Actualités</a></nav>
<article><h1>Convention Région-université</h1><p>{paragraph}</p><p>{paragraph}</p></article>
<footer>Mentions légales</footer><script>var x = 1;</script></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    (article,) = _read(path)
    assert isinstance(article, Article)
    assert "université de Montpellier" in article.text
    assert "var x" not in article.text and "Mentions légales" not in article.text
    assert article.published == "2021-05-14"
    assert article.url == "https://www.example.fr/actu/convention"
    assert article.title == "Convention Région-université"


def test_ingest_html_without_content_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "vide.html"
    path.write_text("<html><body><nav><a href='/'>Accueil</a></nav><script>x()</script></body></html>")
    (error,) = _read(path)
    assert isinstance(error, ErrorRecord) and error.error_type == "EmptyInput"


def _walk(root: Path, **rules: Any) -> tuple[list[str], dict[str, str]]:
    items = list(iter_input_files(root, rules=WalkRules(**rules)))
    paths = [p.relative_to(root).as_posix() for p in items if isinstance(p, Path)]
    return paths, {s.source: s.reason for s in items if isinstance(s, Skipped)}


@pytest.mark.parametrize(
    ("make", "source", "reason"),
    [
        (lambda r: (r / ".DS_Store").write_text("x"), ".DS_Store", "hidden file"),
        (lambda r: ((r / ".git").mkdir(), (r / ".git" / "HEAD.txt").write_text("x")), ".git/", "hidden folder, not read"),
        (lambda r: (r / "chiffres.csv").write_text("a,b"), "chiffres.csv",
         "not an article file (.csv; read: .txt, .md, .html, .htm, .json, .jsonl)"),
        (lambda r: (r / "flux.xml").write_text("<rss/>"), "flux.xml",
         "not an article file (.xml; read: .txt, .md, .html, .htm, .json, .jsonl)"),
        (lambda r: (r / "LISEZMOI").write_text("x"), "LISEZMOI",
         "not an article file (no extension; read: .txt, .md, .html, .htm, .json, .jsonl)"),
        (lambda r: (r / "lien.txt").symlink_to(r / "a.txt"), "lien.txt", "symlink, not followed"),
        (lambda r: (r / "boucle").symlink_to(r), "boucle/", "symlink to a folder, not followed"),
        (lambda r: ((r / "ancien").mkdir(), (r / "ancien" / "run.json").write_text("{}"),
                    (r / "ancien" / "documents.jsonl").write_text("")),
         "ancien/", "an output folder of the pipeline (holds run.json and documents.jsonl)"),
    ],
)
def test_ingest_walk_skips_with_a_reason(tmp_path: Path, make: Any, source: str, reason: str) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("b")
    (tmp_path / "a.txt").write_text("a")
    make(tmp_path)
    paths, skipped = _walk(tmp_path)
    assert paths == ["a.txt", "sub/b.txt"]
    assert skipped == {source: reason}


def test_ingest_walk_never_enters_the_run_output_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "outputs").mkdir()
    (tmp_path / "outputs" / "documents.parquet").write_bytes(b"PAR1")
    paths, skipped = _walk(tmp_path, skip_dirs=(tmp_path / "outputs",))
    assert paths == ["a.txt"]
    assert skipped == {"outputs/": "the output folder of this run"}


@pytest.mark.parametrize(
    ("include", "exclude", "read", "left_out"),
    [
        ((), ("brouillons/*",), ["a.txt", "b.md"], {"brouillons/c.txt": "excluded by --exclude brouillons/*"}),
        (("*.md",), (), ["b.md"], {"a.txt": "not matched by --include", "brouillons/c.txt": "not matched by --include"}),
        (("*.txt",), ("c.*",), ["a.txt"], {"b.md": "not matched by --include", "brouillons/c.txt": "excluded by --exclude c.*"}),
    ],
)
def test_ingest_walk_include_exclude_globs(
    tmp_path: Path, include: tuple[str, ...], exclude: tuple[str, ...], read: list[str], left_out: dict[str, str]
) -> None:
    (tmp_path / "brouillons").mkdir()
    for name in ("a.txt", "b.md", "brouillons/c.txt"):
        (tmp_path / name).write_text("x")
    paths, skipped = _walk(tmp_path, include=include, exclude=exclude)
    assert paths == read
    assert skipped == left_out


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        (b"\xef\xbb\xbf  <html>", "html"),
        (b'{"text": "Le salon ouvre lundi."}', "json"),
        (b'\n[{"text": "a"}]', "json"),
        (b"Le maire de Lyon a <b>inaugur\xc3\xa9</b>.", "text"),
        (b"", "text"),
    ],
)
def test_ingest_sniff_kind_of_unnamed_input(data: bytes, kind: str) -> None:
    assert sniff_kind(data) == kind


@pytest.mark.parametrize(
    ("data", "sources"),
    [
        (b'{"text": "Un."}', ["<stdin>"]),
        (b'[{"text": "Un."}, {"text": "Deux."}]', ["<stdin>#1", "<stdin>#2"]),
        (b'{"text": "Un."}\n{"text": "Deux."}\n', ["<stdin>#1", "<stdin>#2"]),
    ],
)
def test_ingest_json_input_is_an_object_an_array_or_lines(data: bytes, sources: list[str]) -> None:
    items = list(iter_data_articles(data, kind="json", source="<stdin>"))
    assert [item.source for item in items] == sources
    assert all(isinstance(item, Article) for item in items)


def test_ingest_unsupported_extension_is_named(tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n")
    (error,) = _read(path)
    assert isinstance(error, ErrorRecord)
    assert error.error_type == "UnsupportedFormat" and error.source == "photo.png"


def test_ingest_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "gros.txt"
    path.write_text("mot " * 1000)
    (error,) = list(iter_articles(path, root=tmp_path, max_bytes=100))
    assert isinstance(error, ErrorRecord) and error.error_type == "TooLarge"


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Plan vélo\n\nLille, 30 juin 2017 – Réunis en séance plénière jeudi, les élus ont voté.\nSuite.", "2017-06-30"),
        ("Médaille\n\nToulouse, le 6 novembre 2018 – Le CNRS a dévoilé ses lauréats.\nSuite.", "2018-11-06"),
        ("Rencontre\n\nLe 11 décembre 2014, une rencontre a été organisée à Montpellier.\nSuite.", None),
        ("Bilan\n\nEn 2019, à Paris, le 3 mars 2019 – rien de tel.\nSuite.", None),
    ],
)
def test_ingest_layout_reads_press_release_dateline(text: str, published: str | None) -> None:
    assert layout_text(text).published == published
