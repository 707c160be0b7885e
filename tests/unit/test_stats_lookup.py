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
    monkeypatch.setattr(lookup, "read_cache", lambda path, base_dir=None: reads.append(path) or real(path, base_dir))
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
    assert "stats.json: warning: statistics cache ignored: not valid JSON at line 1" in str(context.diagnostics.warnings[0])


def test_a_cache_with_wrong_fields_is_refused_with_the_field(tmp_path):
    bad = {"version": 1, "repositories": {"ada/engine": {"stars": -5, "fetched": "2023-03-20T00:00:00Z"}}}
    context = context_in(tmp_path, cache=bad)
    assert lookup.stars(context, "ada/engine") == 3
    assert "repositories.ada/engine.stars" in context.diagnostics.warnings[0].message


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
    path.write_text(json.dumps({**CACHE, "version": version}), encoding="utf-8")
    with pytest.raises(cache_module.CacheError, match=f"version {version}"):
        cache_module.read_cache(path)


def test_scholar_stats_heading_reads_the_cache_in_the_document_language(cv_dir):
    cache = {"version": 1, "scholar": {"citations": 6543, "h_index": 33, "fetched": "2024-01-02T00:00:00Z"}}
    markdown = "---\nlang: de-DE\n---\n\n# Publikationen []{.scholar-stats}\n"
    out = normalize(cv_dir(META, markdown, "plain", stats__json=json.dumps(cache)))
    assert "Publikationen [Google Scholar: 6,5k+ Zitationen und ein h-Index von 33]" in out
