"""Matching and merging for `cv sync`: duplicates, preprint and published version, the ignore
list, and the one-entry edit of `--update`."""

from __future__ import annotations

from cvfilter.works.bibtex import render_entry
from cvfilter.works.library import Library
from cvfilter.works.plan import best, ignored, make_plan, merge
from cvfilter.works.record import Work

PREPRINT = Work(title="Differentiable MPC for End-to-end Planning and Control", authors=("Brandon Amos", "Ivan Jimenez"),
                year=2018, venue="arXiv", arxiv="1810.13400", source="dblp", ident="journals/corr/abs-1810-13400",
                preprint=True, extra=(("archiveprefix", "arXiv"),))
PUBLISHED = Work(title="Differentiable MPC for end-to-end planning and control", authors=("Amos, Brandon", "Jimenez, Ivan"),
                 year=2018, kind="inproceedings", venue="NeurIPS", pages="8299--8310", source="openalex", ident="W2963000000")
SAME_AGAIN = Work(title="Differentiable MPC for End-to-End Planning and Control", year=2018, source="orcid", ident="77")
OTHER = Work(title="OptNet: Differentiable Optimization as a Layer in Neural Networks", authors=("Brandon Amos",), year=2017,
             doi="10.5555/3305381.3305396", source="openalex", ident="W1")


def test_preprint_and_published_are_one_work_written_as_the_published_one_with_the_eprint():
    groups = merge([PREPRINT, OTHER, PUBLISHED, SAME_AGAIN])
    assert sorted(len(g) for g in groups) == [1, 3]
    [group] = [g for g in groups if len(g) == 3]
    work = best(group)
    assert (work.kind, work.venue, work.arxiv, work.source) == ("inproceedings", "NeurIPS", "1810.13400", "openalex")
    text = render_entry(work, "amos2018differentiable")
    assert "booktitle = {NeurIPS}" in text and "eprint = {1810.13400}" in text and "archiveprefix = {arXiv}" in text


def test_a_preprint_of_another_year_still_meets_its_published_version():
    later = Work(**{**PUBLISHED.__dict__, "year": 2019})
    assert len(merge([PREPRINT, later])) == 1


def test_the_ignore_list_names_works_by_doi_arxiv_id_source_id_or_title():
    for mark in ("10.5555/3305381.3305396", "https://openalex.org/W1", "optnet: differentiable optimization as a layer in neural networks"):
        assert ignored(OTHER, [OTHER], [mark])
    assert ignored(PUBLISHED, [PREPRINT, PUBLISHED], ["arXiv:1810.13400v2"])
    assert ignored(PUBLISHED, [PREPRINT, PUBLISHED], ["journals/corr/abs-1810-13400"])
    assert not ignored(OTHER, [OTHER], ["10.5555/other", "W2"])


BIB = """@string{ nips = "NeurIPS" }
@InProceedings{ amos-mpc ,
  title     = "Differentiable {MPC} for End-to-end Planning and Control",
  author    = "Amos, Brandon and Jimenez, Ivan",
  booktitle = nips,
  year      = 2018
}
% a note between entries
@article{optnet, title={OptNet}, author={Amos, Brandon}, year={2017}, doi={10.1/old}}
"""


def test_matching_finds_an_entry_under_another_key_and_update_touches_only_it(tmp_path):
    path = tmp_path / "publications.bib"
    path.write_text(BIB, encoding="utf-8")
    library = Library.read(path, "publications.bib")
    plan = make_plan([PREPRINT, PUBLISHED, OTHER], library, [])
    assert [c.key for c in plan.missing] == ["amos2017optnet"]
    [(work, match)] = plan.present
    assert match.entry.key == "amos-mpc" and match.by == "title"
    assert [(d.key, d.field, d.source_says) for d in plan.disagreements] == [("amos-mpc", "eprint", "1810.13400")]

    library.set_fields("amos-mpc", {"eprint": "1810.13400"})
    library.set_fields("optnet", {"doi": "10.5555/3305381.3305396"})
    text = path.read_text(encoding="utf-8")
    assert text == BIB.replace('  year      = 2018\n}', '  year      = 2018,\n  eprint = {1810.13400},\n}').replace(
        "doi={10.1/old}", "doi={10.5555/3305381.3305396}")


def test_a_crlf_file_keeps_its_bytes_and_its_line_ending(tmp_path):
    path = tmp_path / "publications.bib"
    original = BIB.replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(original)
    library = Library.read(path, "publications.bib")
    library.append([(OTHER, "amos2017optnet")])
    appended = path.read_bytes()
    assert appended.startswith(original) and b"\n" not in appended[len(original):].replace(b"\r\n", b"")
    library.set_fields("amos-mpc", {"eprint": "1810.13400"})
    assert path.read_bytes() == appended.replace(b"  year      = 2018\r\n}", b"  year      = 2018,\r\n  eprint = {1810.13400},\r\n}")
    assert Library.read(path, "publications.bib").bib.entries["amos2017optnet"].get("doi") == "10.5555/3305381.3305396"
