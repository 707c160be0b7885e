"""examples/bilingual: one source, English and German, built by `cv build --all-variants`; `cv check
--lang` lists each value left untranslated at its line; `cv build --lang` builds one language."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from cvfilter.check import check
from cvfilter.cli import main
from cvfilter.schema import metadata_schema
from tests.conftest import normalize

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "bilingual"


@pytest.fixture
def bilingual(tmp_path: Path) -> Path:
    for name in ("cv.md", "metadata.yaml", "publications.bib"):
        shutil.copy(EXAMPLE / name, tmp_path / name)
    return tmp_path


def _html_text(path: Path) -> tuple[str, str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return soup.html["lang"], re.sub(r" (?=[,.:;)])", "", normalize(soup.get_text(" ")))


def test_all_variants_writes_the_cv_in_english_and_in_german(bilingual, capsys):
    assert main(["build", str(bilingual / "cv.md"), "--all-variants", "--to", "pdf,html"]) == 0
    out = bilingual / "build"
    lang, english = _html_text(out / "cv-en.html")
    assert lang == "en"
    for words in ("Current Position", "Research Scientist, Analytical Engine Laboratory", "2019 – Present",
                  "Thesis: Notes on the Analytical Engine", "Sketch of the Analytical Engine", "Scientific Memoirs",
                  "German (fluent)", "Last updated on March 5, 2024"):
        assert words in english, words
    lang, german = _html_text(out / "cv-de.html")
    assert lang == "de"
    for words in ("Aktuelle Position", "Wissenschaftliche Mitarbeiterin, Labor für die Analytische Maschine",
                  "2019 – heute", "Dissertation: Anmerkungen zur Analytischen Maschine", "Skizze der Analytischen Maschine",
                  "Wissenschaftliche Denkschriften", "Deutsch (fließend)", "Zuletzt aktualisiert am 5. März 2024",
                  "1,2k+ Zitationen"):
        assert words in german, words
    for english_only in ("Current Position", "Research Scientist", "Present", "Sketch of", "Thesis"):
        assert english_only not in german
    pdf = normalize(" ".join(page.extract_text() for page in PdfReader(out / "cv-de.pdf").pages))
    assert "Aktuelle Position" in pdf and "Promotion in Mathematik" in pdf and "1 von 1" in pdf
    assert "Research Scientist" not in pdf
    assert "Current Position" in _html_text(out / "cv.html")[1]  # the front matter's own lang: en


def test_build_lang_builds_one_language(bilingual):
    assert main(["build", str(bilingual / "cv.md"), "--lang", "de", "--to", "html"]) == 0
    lang, text = _html_text(bilingual / "build" / "cv.html")
    assert lang == "de" and "Ausbildung" in text and "Education" not in text


def test_check_lang_lists_a_value_left_untranslated_at_its_line(bilingual):
    meta = bilingual / "metadata.yaml"
    text = meta.read_text(encoding="utf-8").replace(", de: Sprachen}", "}")
    meta.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "en: Languages" in row)
    problems = [p for p in check(bilingual / "cv.md", "de") if "no de text" in p.message]
    assert [(str(p.location).rsplit(":", 1)[0], p.severity, p.message) for p in problems] == [
        (f"metadata.yaml:{line}", "warning", "skills[1].name has no de text ('Languages' is used)")]
    assert check(EXAMPLE / "cv.md", "de") == []  # the example itself is translated throughout


def test_check_lang_of_a_language_the_source_lacks_lists_every_value(bilingual):
    problems = [p for p in check(bilingual / "cv.md", "fr") if "no fr text" in p.message]
    assert len(problems) == 12 and all(p.location.file == "metadata.yaml" and p.location.line for p in problems)


def test_a_key_that_is_no_language_tag_is_an_error_at_its_line(bilingual):
    meta = bilingual / "metadata.yaml"
    text = meta.read_text(encoding="utf-8").replace("de: Programmierung", "deutsch: Programmierung")
    meta.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "deutsch:" in row)
    errors = [p for p in check(bilingual / "cv.md") if p.severity == "error"]
    assert [(Path(p.location.file).name, p.location.line) for p in errors] == [("metadata.yaml", line)]
    assert "'deutsch' is not a language tag" in errors[0].message


def test_the_schema_takes_per_language_values_and_refuses_other_keys():
    schema = metadata_schema()
    data = yaml.safe_load((EXAMPLE / "metadata.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    data["education"][0]["title"] = {"en": "Ph.D.", "Deutsch": "Promotion"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(json.loads(json.dumps(data)), schema)
