"""What builds read: the cache first, then metadata.yaml, else a warning and no number."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cvfilter.pipeline import load_context
from cvfilter.stats import lookup
from cvfilter.data.typed import validate
from cvfilter.stats import cache as cache_module
from tests.conftest import markdown_to_doc, normalize

META = """\
name: Ada Lovelace
scholar:
  citations: 100
  h_index: 4
repositories:
  - name: ada/engine
    stars: 3
  - name: ada/notes
    stars: 9
  - name: ada/quiet
"""
CACHE = {"version": 1, "repositories": {"ada/engine": {"stars": 1300, "fetched": "2023-03-20T00:00:00Z"}},
         "scholar": {"citations": 6000, "h_index": 31, "fetched": "2023-03-20T00:00:00Z"}}


def context_in(folder: Path, meta: str = META, cache: object = CACHE, front: str = ""):
    (folder / "metadata.yaml").write_text(meta, encoding="utf-8")
    if cache is not None:
        text = cache if isinstance(cache, str) else json.dumps(cache)
        (folder / (front or "stats.json")).write_text(text, encoding="utf-8")
    markdown = f"---\ncvfilter:\n  stats: {front}\n---\n" if front else "Hello\n"
    return load_context(markdown_to_doc(markdown), folder, "cv.md")


def test_the_cache_wins_then_the_data_then_nothing(tmp_path):
    context = context_in(tmp_path)
    assert lookup.stars(context, "ada/engine") == 1300
    assert lookup.stars(context, "ada/notes") == 9
    assert lookup.stars(context, "ada/quiet") is None
    assert lookup.total_stars(context) == 1309
    warnings = [str(p) for p in context.diagnostics.warnings]
    assert len(warnings) == 1
    assert warnings[0].endswith("metadata.yaml:10:5: warning: no star count for ada/quiet: its badge is left out "
                                "(run `cv stats --refresh`, or write the number in metadata.yaml)")


def test_the_cache_is_read_once_per_build(tmp_path, monkeypatch):
    context = context_in(tmp_path)
    reads = []
    real = lookup.read_cache
    monkeypatch.setattr(lookup, "read_cache", lambda path, base_dir=None, shown_as=None: reads.append(path) or real(path, base_dir, shown_as))
    for _ in range(3):
        lookup.stars(context, "ada/engine")
        lookup.scholar_metrics(context)
    assert len(reads) == 1


def test_scholar_metrics_from_the_cache_else_the_data(tmp_path):
    assert lookup.scholar_metrics(context_in(tmp_path)) == lookup.ScholarMetrics(6000, 31)
    other = tmp_path / "other"
    other.mkdir()
    assert lookup.scholar_metrics(context_in(other, cache=None)) == lookup.ScholarMetrics(100, 4)


def test_no_metrics_anywhere_is_one_warning(tmp_path):
    context = context_in(tmp_path, meta="name: Ada\n", cache=None)
    assert lookup.scholar_metrics(context) is None
    assert lookup.scholar_metrics(context) is None
    assert [p.message for p in context.diagnostics.warnings] == ["no citation count or h-index: they are left out"]


def test_a_broken_cache_is_a_warning_and_the_data_is_used(tmp_path):
    context = context_in(tmp_path, cache='{"version": 1, "repositories": {"ada/engine": {"stars": "many"')
    assert lookup.stars(context, "ada/engine") == 3
    assert str(context.diagnostics.warnings[0]) == (
        "stats.json:1:63: warning: statistics cache ignored: not valid JSON: the file ends too early "
        "(was it cut short? Close each open quote and bracket, or run `cv stats --refresh` to rewrite it)")


def test_broken_json_is_placed_where_it_breaks(tmp_path):
    context = context_in(tmp_path, cache='{\n  "version": 1\n  "repositories": {}\n}\n')
    lookup.stars(context, "ada/engine")
    assert str(context.diagnostics.warnings[0]).startswith(
        "stats.json:3:3: warning: statistics cache ignored: not valid JSON: a comma is missing (check the quotes")


WRONG = """\
{
  "repositories": {
    "ada/engine": {"stars": -5, "fetched": "2023-03-20T00:00:00Z"},
    "ada/notes": {
      "stars": 2,
      "fetched": "soon"
    }
  },
  "scholar": {"citations": "many", "h_index": 4, "fetched": "2023-03-20T00:00:00Z"},
  "version": 1
}
"""


def test_each_wrong_value_is_a_warning_at_its_line_in_plain_words(tmp_path):
    context = context_in(tmp_path, cache=WRONG)
    assert lookup.stars(context, "ada/engine") == 3
    warnings = [str(p) for p in context.diagnostics.warnings]
    assert warnings == [
        "stats.json:3:29: warning: statistics cache ignored: repositories.ada/engine.stars: must not be negative, got -5 "
        "(write 0 or more, or run `cv stats --refresh` to rewrite it)",
        "stats.json:6:18: warning: statistics cache ignored: repositories.ada/notes.fetched: is not a date and time, got 'soon' "
        "(write it as 2024-01-31T12:00:00Z, or run `cv stats --refresh` to rewrite it)",
        "stats.json:9:28: warning: statistics cache ignored: scholar.citations: expected a whole number, got 'many' "
        "(write digits only, e.g. 42, or run `cv stats --refresh` to rewrite it)",
    ]
    assert not any("Input should" in w or "Value error" in w for w in warnings)


def test_a_missing_key_is_asked_for_as_json_writes_it(tmp_path):
    context = context_in(tmp_path, cache='{"version": 1,\n "scholar": {"citations": 1, "h_index": 1}}')
    assert lookup.scholar_metrics(context) == lookup.ScholarMetrics(100, 4)
    (warning,) = context.diagnostics.warnings
    assert str(warning.location) == "stats.json:2:13"
    assert warning.hint == 'add `"fetched": ...` here, or run `cv stats --refresh` to rewrite it'


def test_an_unknown_key_in_a_named_repository_gets_a_guess(tmp_path):
    bad = '{"version": 1, "repositories": {"ada/engine": {"strs": 5, "fetched": "2023-03-20T00:00:00Z"}}}'
    context = context_in(tmp_path, cache=bad)
    lookup.stars(context, "ada/engine")
    (warning,) = context.diagnostics.warnings
    assert warning.message == "statistics cache ignored: unknown key 'strs'"
    assert warning.hint == "did you mean 'stars'? Or run `cv stats --refresh` to rewrite it"


def test_json_that_yaml_cannot_place_keeps_its_problems_at_the_top(tmp_path):
    bad = '{"version": 1, "version": 1, "repositories": {"ada/engine": {"stars": -1, "fetched": "2023-03-20T00:00:00Z"}}}'
    context = context_in(tmp_path, cache=bad)
    assert lookup.stars(context, "ada/engine") == 3
    (warning,) = context.diagnostics.warnings
    assert str(warning.location) == "stats.json:1"
    assert "repositories.ada/engine.stars: must not be negative, got -1" in warning.message


def test_the_file_must_hold_one_object(tmp_path):
    context = context_in(tmp_path, cache="[1, 2]\n")
    lookup.stars(context, "ada/engine")
    assert [str(p) for p in context.diagnostics.warnings] == [
        "stats.json:1:1: warning: statistics cache ignored: expected one JSON object, `{...}`, holding the statistics "
        "(run `cv stats --refresh` to rewrite it)"]


def test_problems_name_the_file_as_the_front_matter_does(tmp_path):
    context = context_in(tmp_path, front="numbers.json", cache='{"version": 1,\n "repositories": 5}')
    lookup.stars(context, "ada/engine")
    assert str(context.diagnostics.warnings[0]).startswith(
        "numbers.json:2:18: warning: statistics cache ignored: repositories: expected a mapping of keys to values, got 5")


def test_a_cache_that_is_not_utf8_is_a_warning(tmp_path):
    context = context_in(tmp_path, cache=None)
    (tmp_path / "stats.json").write_bytes(b'{\n"version": 1, "x": "\xff"}')
    assert lookup.stars(context, "ada/engine") == 3
    assert str(context.diagnostics.warnings[0]).startswith("stats.json:2: warning: statistics cache ignored: not valid UTF-8 (byte 0xff)")


def test_the_front_matter_names_the_cache_file(tmp_path):
    context = context_in(tmp_path, front="numbers.json")
    assert lookup.stars(context, "ada/engine") == 1300


def test_dump_round_trips_and_is_sorted(tmp_path):
    cache = validate(cache_module.StatsCache, CACHE)
    text = cache_module.dump_cache(cache)
    path = tmp_path / "s.json"
    path.write_text(text, encoding="utf-8")
    assert cache_module.read_cache(path) == cache
    assert text.index('"repositories"') < text.index('"scholar"') < text.index('"version"')


@pytest.mark.parametrize("version", [0, 2])
def test_an_unknown_version_is_refused(tmp_path, version):
    path = tmp_path / "s.json"
    text = json.dumps({**CACHE, "version": version})
    path.write_text(text, encoding="utf-8")
    with pytest.raises(cache_module.CacheError) as caught:
        cache_module.read_cache(path)
    (problem,) = caught.value.problems
    column = text.index(f'"version": {version}') + len('"version": ') + 1
    assert str(problem) == f"s.json:1:{column}: error: version {version} is not one this cvfilter reads (1)"


def test_scholar_stats_heading_reads_the_cache_in_the_document_language(cv_dir):
    cache = {"version": 1, "scholar": {"citations": 6543, "h_index": 33, "fetched": "2024-01-02T00:00:00Z"}}
    markdown = "---\nlang: de-DE\n---\n\n# Publikationen []{.scholar-stats}\n"
    out = normalize(cv_dir(META, markdown, "plain", stats__json=json.dumps(cache)))
    assert "Publikationen [Google Scholar: 6,5k+ Zitationen und ein h-Index von 33]" in out
