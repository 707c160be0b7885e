"""The committed stats.json reproduces the seed CV offline: every repository, the seed's metrics."""

from __future__ import annotations

from datetime import datetime, timezone

from cvfilter.data.load import load_cv_data
from cvfilter.numbers import at_least, compact
from cvfilter.stats.cache import dump_cache, read_cache
from tests.conftest import ROOT


def test_the_example_cache_covers_every_repository_with_the_seed_values(tmp_path):
    cache = read_cache(ROOT / "stats.json")
    data, _ = load_cv_data(ROOT / "metadata.yaml", "metadata.yaml", tmp_path)
    names = [repo.name for repo in data.repositories]
    assert len(names) == 33 and set(cache.repositories) == set(names)
    assert [compact(cache.repositories[n].stars) for n in names][:3] == ["152", "38", "1.3k"]
    assert compact(cache.repositories["cmusatyalab/openface"].stars) == "14.6k"
    assert at_least(sum(entry.stars for entry in cache.repositories.values())) == "27.1k+"
    assert (cache.scholar.citations, cache.scholar.h_index) == (6000, 31) and at_least(cache.scholar.citations) == "6k+"
    stamps = {entry.fetched for entry in cache.repositories.values()} | {cache.scholar.fetched}
    assert stamps == {datetime(2023, 3, 20, tzinfo=timezone.utc)}


def test_the_example_cache_is_in_canonical_form():
    """A refresh rewrites it with dump_cache; committing it in that form keeps diffs to changed values."""
    assert (ROOT / "stats.json").read_text(encoding="utf-8") == dump_cache(read_cache(ROOT / "stats.json"))
