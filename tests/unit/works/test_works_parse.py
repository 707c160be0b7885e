"""The services' recorded answers (tests/data/api/) read into Works, and Works written as BibTeX
that the project's own reader reads back to the same values."""

from __future__ import annotations

import json

import pytest
from hypothesis import example, given, settings, strategies as st

from cvfilter.bibliography.reader import parse_bibliography
from cvfilter.errors import Diagnostics
from cvfilter.works import parse
from cvfilter.works.bibtex import entry_key, protect_title, render_entry
from cvfilter.works.ids import BadId, parse_id
from cvfilter.works.record import Work, normalize_arxiv, normalize_doi, normalize_title
from tests.unit.works_fixtures import API, dblp_person_page


def load(name: str):
    return json.loads((API / name).read_text(encoding="utf-8"))


def test_crossref_journal_article():
    work = parse.crossref_work(load("crossref-work-10.1371_journal.pone.0033693.json"))
    assert work.kind == "article" and work.venue == "PLoS ONE" and work.year == 2012
    assert work.authors[0] == "Sadasivan, Shankar" and work.authors[-1] == "Smeyne, Richard J."
    assert (work.volume, work.number, work.pages, work.doi) == ("7", "3", "e33693", "10.1371/journal.pone.0033693")


def test_datacite_dataset_keeps_its_creators_and_says_what_it_is():
    work = parse.datacite_work(load("datacite-doi-10.6084_m9.figshare.1449060.json"))
    assert work.authors == ("Dworkin, Ian", "Pool, John", "Pitchers, William", "Pesevski, Maria")
    assert work.title.endswith("Ethiopia and Zambia") and work.year == 2020 and work.kind == "misc"
    assert dict(work.extra)["howpublished"] == "Dataset, figshare"


def test_arxiv_entry_with_a_journal_reference_is_the_published_version_carrying_the_eprint():
    [work] = parse.arxiv_works((API / "arxiv-1111.2011v2.xml").read_text(encoding="utf-8"))
    assert (work.kind, work.venue, work.volume, work.pages, work.year) == ("article", "Phys. Rev. B", "85", "115117", 2012)
    assert work.doi == "10.1103/PhysRevB.85.115117" and work.arxiv == "1111.2011" and not work.preprint
    assert work.authors == ("James M. Murray", "Adrian Del Maestro", "Zlatko Tesanovic")
    assert "Large Connectivity Limit" in work.title and "\n" not in work.title


def test_arxiv_preprint():
    [work] = parse.arxiv_works((API / "arxiv-1605.08386.xml").read_text(encoding="utf-8"))
    assert work.preprint and work.arxiv == "1605.08386" and work.doi is None and dict(work.extra)["primaryclass"] == "math.CO"


def test_dblp_record_drops_the_full_stop_and_finds_the_doi():
    work = parse.dblp_record((API / "dblp-rec-conf_acl_ChangSRM23.xml").read_text(encoding="utf-8"))
    assert work.title == "Multi-CLS BERT: An Efficient Alternative to Traditional Ensembling"
    assert (work.kind, work.venue, work.pages, work.doi, work.ident) == ("inproceedings", "ACL (1)", "821--854", "10.18653/v1/2023.acl-long.48", "conf/acl/ChangSRM23")


def test_dblp_person_page_lists_its_records_and_knows_a_corr_preprint():
    published, preprint = parse.dblp_person(dblp_person_page())
    assert published.doi == "10.18653/v1/2023.acl-long.48" and not published.preprint
    assert preprint.preprint and preprint.arxiv == "2210.05043" and preprint.doi is None and preprint.venue == "arXiv"


def test_openalex_pages_follow_the_cursor_and_mark_the_preprint():
    works, cursor = parse.openalex_page(load("openalex-works-fenner-1.json"))
    assert cursor and [w.doi for w in works] == ["10.53731/ybhah-9jy85", "10.1101/097196"]
    assert works[1].preprint and works[1].authors[1] == "Mercè Crosas"
    works, cursor = parse.openalex_page(load("openalex-works-fenner-2.json"))
    assert cursor is None and works[0].kind == "article" and works[0].venue == "Scientific Data" and not works[0].preprint


def test_orcid_sample_reads_only_self_identifiers_that_are_dois():
    [work] = parse.orcid_works(load("orcid-works-3.0-sample.json"))
    assert (work.title, work.year, work.kind, work.venue) == ("Work Title", 2012, "article", "Jounral Title")
    assert work.doi is None  # "work:doi" is its self id; 10.1087/20120404 is only a version-of
    works = parse.orcid_works(load("orcid-works-fenner.json"))
    assert [w.doi for w in works] == ["10.53731/ybhah-9jy85", "10.1101/097196"] and works[1].preprint


@pytest.mark.parametrize(("reader", "body"), [
    (parse.crossref_work, {"status": "ok"}),
    (parse.crossref_work, {"message": {"title": []}}),
    (parse.datacite_work, {"errors": [{"status": "404"}]}),
    (parse.openalex_page, {"meta": {}}),
    (parse.orcid_works, []),
])
def test_answers_without_the_documented_shape_are_malformed(reader, body):
    with pytest.raises(parse.MalformedAnswer):
        reader(body)


@pytest.mark.parametrize("text", ["<feed", "<html><body>503</body></html>",
                                  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><dblp>&a;</dblp>'])
def test_xml_that_is_broken_or_declares_entities_is_malformed(text):
    with pytest.raises(parse.MalformedAnswer):
        parse.dblp_record(text)


@pytest.mark.parametrize(("written", "kind", "value"), [
    ("10.1371/journal.pone.0033693", "doi", "10.1371/journal.pone.0033693"),
    ("https://doi.org/10.1038/S41597-019-0031-8", "doi", "10.1038/S41597-019-0031-8"),
    ("doi:10.5281/zenodo.48440", "doi", "10.5281/zenodo.48440"),
    ("arXiv:2101.00001v2", "arxiv", "2101.00001"),
    ("https://arxiv.org/abs/1111.2011v2", "arxiv", "1111.2011"),
    ("https://arxiv.org/pdf/hep-ex/0406020v1", "arxiv", "hep-ex/0406020"),
    ("1605.08386", "arxiv", "1605.08386"),
    ("10.48550/arXiv.2311.16162", "arxiv", "2311.16162"),
    ("conf/acl/ChangSRM23", "dblp", "conf/acl/ChangSRM23"),
    ("https://dblp.org/rec/journals/corr/abs-2101-00001.html", "dblp", "journals/corr/abs-2101-00001"),
    ("DBLP:conf/icml/AmosK17", "dblp", "conf/icml/AmosK17"),
])
def test_ids_in_the_forms_people_paste(written, kind, value):
    ident = parse_id(written)
    assert (ident.kind, ident.value) == (kind, value)


@pytest.mark.parametrize("written", ["xyz", "10.12/too-short-prefix", "arXiv:12", "https://example.org/paper"])
def test_anything_else_is_refused(written):
    with pytest.raises(BadId):
        parse_id(written)


def test_normalisers():
    assert normalize_doi("https://doi.org/10.1000/ABC.") == "10.1000/ABC"
    assert normalize_arxiv("10.48550/arXiv.1111.2011") == "1111.2011"
    assert normalize_title("A Data Citation Roadmap — for {Scholarly} Data") == normalize_title("a data citation roadmap for scholarly data")


def test_title_protection_braces_acronyms_and_inner_capitals_only():
    assert protect_title("Multi-CLS BERT: 3D OpenAlex for the Masses") == "{Multi-CLS} {BERT}: {3D} {OpenAlex} for the Masses"
    assert protect_title("50% of R&D_x") == r"50\% of {R\&D\_x}"


def test_keys_are_stable_and_unique():
    work = Work(title="The Rise of Newsletters", authors=("Fenner, Martin",), year=2023)
    assert entry_key(work, []) == "fenner2023rise"
    assert entry_key(work, ["fenner2023rise"]) == "fenner2023riseb"
    assert entry_key(Work(title="Über Straße", authors=("José Núñez",), year=1999), []) == "nunez1999uber"


_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Co")), min_size=1, max_size=40).filter(lambda t: t.strip() == t and t.strip())


@settings(deadline=None)  # a loaded machine parses slower than hypothesis' 200 ms
@given(title=_TEXT, venue=_TEXT, author=_TEXT.filter(lambda t: " and " not in t and "," not in t))
@example(title="A", venue="\uf900", author="C")  # a CJK compatibility ideograph, which NFC would change
def test_written_entries_read_back_to_the_source_values(title, venue, author):
    work = Work(title=title, authors=(author, "Smeyne, Richard J."), year=2012, kind="article", venue=venue, doi="10.1371/x_y", pages="1--2")
    diagnostics = Diagnostics()
    bib = parse_bibliography(render_entry(work, "k"), "t.bib", diagnostics)
    entry = bib.entries["k"]
    assert normalize_title(entry.get("title")) == normalize_title(title)
    assert " ".join(entry.get("journal").split()) == " ".join(venue.split())
    assert entry.get("doi") == "10.1371/x_y" and len(entry.authors.authors) == 2
    assert not diagnostics.problems, diagnostics.problems


def test_owner_ids_in_the_forms_profiles_show():
    from cvfilter.web import FetchError
    from cvfilter.works.sources import normalize_dblp_pid, normalize_orcid

    assert normalize_orcid("https://orcid.org/0000-0002-1825-009x") == "0000-0002-1825-009X"
    assert normalize_dblp_pid("https://dblp.org/pid/m/AndrewMcCallum.html") == "m/AndrewMcCallum"
    assert normalize_dblp_pid("61/3234-34") == "61/3234-34"
    for bad, check in (("12345", normalize_orcid), ("Andrew McCallum", normalize_dblp_pid)):
        with pytest.raises(FetchError, match="is not a"):
            check(bad)
