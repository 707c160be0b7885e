"""Property: whatever a refresh can store, stats.json reads back unchanged, and writing is idempotent."""

from __future__ import annotations

import tempfile
from datetime import datetime, timezone
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cvfilter.stats.cache import RepoStats, ScholarStats, StatsCache, dump_cache, read_cache, write_cache

_part = st.from_regex(r"[A-Za-z0-9_.-]{1,20}", fullmatch=True)
_stamp = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(timezone.utc)).map(
    lambda moment: moment.replace(microsecond=0)
)
_repos = st.dictionaries(st.builds(lambda a, b: f"{a}/{b}", _part, _part),
                         st.builds(RepoStats, stars=st.integers(0, 10**7), fetched=_stamp), max_size=8)
_scholar = st.none() | st.builds(ScholarStats, author=st.none() | st.text(max_size=30), citations=st.integers(0, 10**7),
                                 h_index=st.integers(0, 500), fetched=_stamp)


@settings(max_examples=60, deadline=None)
@given(_repos, _scholar)
def test_write_then_read_gives_the_same_cache(repos, scholar):
    cache = StatsCache(repositories=repos, scholar=scholar)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "stats.json"
        write_cache(path, cache)
        assert read_cache(path) == cache
        assert dump_cache(read_cache(path)) == path.read_text(encoding="utf-8")
