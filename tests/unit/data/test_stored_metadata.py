"""metadata.yaml and stats.json validated once, then read back from the cache without pydantic."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cvfilter.data.load import StoredSource, load_cv_data
from cvfilter.data.model import CvData, Entry
from cvfilter.data.typed import from_plain, to_plain, validate
from cvfilter.errors import CvError
from cvfilter.stats.cache import RepoStats, StatsCache, read_cache
from tests.conftest import ROOT, cache_text, copy_example, write_cache_text

REPOSITORY_WITHOUT_STARS = """name: Ada Lovelace
repositories:
  - name: ada/engine
    description: Notes on the engine
"""


def test_a_second_load_reads_the_cache_and_gives_the_same_records(tmp_path):
    first, source = load_cv_data(ROOT / "metadata.yaml", "metadata.yaml", tmp_path)
    second, stored = load_cv_data(ROOT / "metadata.yaml", "metadata.yaml", tmp_path)
    assert not isinstance(source, StoredSource) and isinstance(stored, StoredSource)
    assert second == first and second.education[0].dates == first.education[0].dates
    # The cached source finds lines as the parsed one does.
    path = ("education", 0, "thesis", "title")
    assert stored.locate(path) == source.locate(path) and stored.locate(path).line > 1


def test_an_edit_is_validated_again_and_its_mistake_reported(tmp_path):
    data = tmp_path / "metadata.yaml"
    data.write_text("name: Ada\npositions:\n  - title: Analyst\n", encoding="utf-8")
    assert load_cv_data(data, "metadata.yaml", tmp_path)[0].positions[0].title == "Analyst"
    data.write_text("name: Ada\npositions:\n  - titel: Analyst\n", encoding="utf-8")
    with pytest.raises(CvError) as caught:
        load_cv_data(data, "metadata.yaml", tmp_path)
    (problem,) = caught.value.problems
    assert (problem.location.line, problem.message, problem.hint) == (3, "unknown key 'titel'", "did you mean 'title'?")


@pytest.mark.parametrize("damage", ["not a record", {"name": 7}, {"name": "Ada", "extra": 1}, {"name": "Ada", "positions": {}}])
def test_a_cache_entry_that_does_not_fit_is_validated_again(tmp_path, damage):
    data = tmp_path / "metadata.yaml"
    data.write_text("name: Ada\n", encoding="utf-8")
    load_cv_data(data, "metadata.yaml", tmp_path)
    (stored,) = (tmp_path / ".cache" / "cvfilter").glob("metadata-*.json")
    entries = json.loads(cache_text(stored))
    write_cache_text(stored, json.dumps({key: damage for key in entries}))
    loaded, source = load_cv_data(data, "metadata.yaml", tmp_path)
    assert loaded.name == "Ada" and not isinstance(source, StoredSource)


def test_a_build_process_neither_imports_pydantic_nor_loses_a_warning_line(tmp_path):
    """Cold, a warmer child validates metadata.yaml (warmer.py); warm, the cache has it."""
    (tmp_path / "metadata.yaml").write_text(REPOSITORY_WITHOUT_STARS, encoding="utf-8")
    (tmp_path / "cv.md").write_text("---\ncvfilter:\n  data: metadata.yaml\n---\n\n# Code\n\n::: repositories\n:::\n", encoding="utf-8")
    runs = _two_builds(tmp_path, "print([f'{w.location.line}: {w.message}' for w in result.warnings], 'pydantic' in sys.modules)")
    warning = "['3: no star count for ada/engine: its badge is left out', '8: no repository has a star count, so the total is left out']"
    assert runs == [f"{warning} False\n", f"{warning} False\n"]


def _two_builds(folder, report: str) -> list[str]:
    """What `report` prints after a cold and then a warm HTML build of folder/cv.md, each a new process."""
    script = f"import sys; from pathlib import Path; from cvfilter.build import build\nresult = build(Path(sys.argv[1]), ('html',))\n{report}\n"
    return [subprocess.run([sys.executable, "-c", script, str(folder / "cv.md")], capture_output=True, text=True, check=True).stdout
            for _ in range(2)]


def test_records_read_back_refuse_values_of_the_wrong_type():
    plain = to_plain(validate(Entry, {"title": "Analyst", "dates": "2019 -- 2021"}))
    assert from_plain(Entry, plain) == validate(Entry, {"title": "Analyst", "dates": "2019 -- 2021"})
    for wrong in ({**plain, "title": 3}, {**plain, "tags": "a"}, {**plain, "dates": {**plain["dates"], "ongoing": 1}},
                  {**plain, "dates": {**plain["dates"], "start": {"year": True}}}, {**plain, "unknown": None}):
        with pytest.raises(TypeError):
            from_plain(Entry, wrong)


_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12).map(str.strip)


@given(names=st.lists(_text.filter(bool), max_size=3), tags=st.lists(_text, max_size=3),
       collections=st.dictionaries(_text.filter(bool), st.lists(_text.filter(bool), max_size=2), max_size=2))
def test_any_valid_metadata_survives_the_round_trip_through_the_cache(names, tags, collections):
    raw = {
        "name": names[0] if names else "Ada",
        "owner": {"aliases": names},
        "positions": [{"title": name, "tags": tags, "with": [{"name": n} for n in names], "dates": 2020} for name in names],
        "collections": {key: [{"title": title} for title in titles] for key, titles in collections.items()},
    }
    data = validate(CvData, raw)
    assert from_plain(CvData, json.loads(json.dumps(to_plain(data)))) == data


def test_statistics_read_back_from_the_cache_keep_their_times(tmp_path):
    path = tmp_path / "stats.json"
    path.write_text(json.dumps({"version": 1, "repositories": {"ada/engine": {"stars": 5, "fetched": "2023-03-20T00:00:00"}}}))
    first, second = read_cache(path, tmp_path), read_cache(path, tmp_path)
    expected = StatsCache(repositories={"ada/engine": RepoStats(stars=5, fetched=datetime(2023, 3, 20, tzinfo=timezone.utc))})
    assert first == second == expected
    assert list((tmp_path / ".cache" / "cvfilter").glob("statistics-*.json"))


def test_the_example_builds_without_loading_the_validator_or_the_bibtex_parser(tmp_path):
    """What a build's main process is spared, checked by module rather than by the clock: cold,
    warmer children fill the caches (warmer.py); warm, the caches have it all."""
    copy_example(tmp_path)
    runs = _two_builds(tmp_path, "print(sorted(m for m in ('pydantic', 'bibtexparser', 'pylatexenc', 'citeproc', 'yaml') if m in sys.modules))")
    # yaml stays: panflute imports it. citeproc is loaded only for a publication the cache lacks.
    assert runs == ["['citeproc', 'yaml']\n", "['yaml']\n"]
