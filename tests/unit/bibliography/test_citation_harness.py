"""bench/citations.py over a small part of its corpus: it runs, matches every entry, and agrees with pandoc."""

from __future__ import annotations

import importlib.util
import sys

from tests.conftest import ROOT


def _harness():
    spec = importlib.util.spec_from_file_location("citations_bench", ROOT / "bench" / "citations.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_harness_matches_every_entry_of_a_small_bib_and_classifies_each_difference():
    harness = _harness()
    bib = ROOT / "bench" / "corpus" / "al-folio-papers.bib"
    results = [harness.compare(bib, style) for style in ("apa", "ieee")]
    for result in results:
        assert not result.crashed and not result.dropped and not result.extra
        assert result.total == 6
        assert len(result.identical) >= 5, result.different
    report = harness.report(results, harness.read_known(ROOT / "bench" / "corpus" / "pandoc-wrong.txt"), 1)
    assert "| al-folio-papers | apa | 6 |" in report


def test_classes_name_what_differs():
    classify = _harness().classify
    assert classify("“Title”, J.", "“Title,” J.") == "punctuation inside quotes"
    assert classify("Doe (2004). T.", "Doe (2004a). T.") == "year suffix"
    assert classify("An Image", "An image") == "letter case"
