"""Owner matching: every way the owner is written matches, nobody else ever does."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cvfilter.bibliography.names import Author, Owner, parse_authors, parse_name

OWNER = Owner(["Brandon Amos", "B. Amos", "Brandon D. Amos", "B. D. Amos"])


@pytest.mark.parametrize("written", [
    "Brandon Amos", "B. Amos", "Amos, Brandon", "Amos, B.", "B. D. Amos", "B.D. Amos", "BRANDON AMOS",
    "brandon amos", "{B}randon {A}mos", "Br{\\'a}ndon Am{\\'o}s", "Brándon Amós", "Amos*, Brandon", "Brandon Amos$^\\dagger$",
    "Brandon David Amos",
])
def test_the_owner_written_any_way_matches(written: str):
    assert OWNER.matches(parse_name(written))


@pytest.mark.parametrize("other", [
    "Brian Amos", "Brandon Smith", "Tomos Amosson", "Amos", "Amos Brandon", "Brandon X. Amos",
    "Li Lim", "{Meta AI}", "Brandon Amos-Smith", "Bamos, Brandon",
])
def test_people_sharing_a_name_do_not_match(other: str):
    assert not OWNER.matches(parse_name(other))


def test_corporate_owner_as_literal_matches_only_in_full():
    assert OWNER.matches(Author(literal="Brandon Amos"))
    assert not OWNER.matches(Author(literal="Amos"))


def test_name_lists_keep_particles_literals_marks_and_others():
    names = parse_authors("Ludwig van der Berg and de la Fuente, Juan and {Meta AI} and Cohen*, Samuel and Plato and others")
    assert names.others
    van, de_la, meta, cohen, plato = names.authors
    assert (van.given, van.particle, van.family) == ("Ludwig", "van der", "Berg")
    assert (de_la.given, de_la.particle, de_la.family) == ("Juan", "de la", "Fuente")
    assert meta.literal == "Meta AI"
    assert (cohen.family, cohen.mark) == ("Cohen", "*")
    assert (plato.given, plato.family) == ("", "Plato")


_name_part = st.text(alphabet=string.ascii_letters + "áéíöüñçłøÅ-", min_size=1, max_size=12).filter(
    lambda s: s.strip("-") == s and "--" not in s)


@settings(max_examples=300, deadline=None)
@given(given_name=_name_part, family=_name_part)
def test_no_false_positives_on_random_names(given_name: str, family: str):
    author = parse_name(f"{family}, {given_name}")
    same_family = author.family.casefold() in {"amos", "amós"}
    compatible_given = given_name[:1].casefold() == "b" and (len(given_name) == 1 or given_name.casefold() == "brandon")
    if not (same_family and compatible_given):
        assert not OWNER.matches(author)


@settings(max_examples=200, deadline=None)
@given(family=_name_part)
def test_the_owners_given_name_with_another_family_never_matches(family: str):
    if family.casefold() not in {"amos", "amós"}:
        assert not OWNER.matches(parse_name(f"Brandon {family}"))
        assert not OWNER.matches(parse_name(f"B. D. {family}"))


_letters = st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp"))
# Mostly capitalised words, which take the shortcut, with anything else among them.
_word = st.builds(str.__add__, st.characters(whitelist_categories=("Lu",)), st.text(_letters, max_size=5)) | st.text(_letters, min_size=1, max_size=6)
_name = st.lists(_word, min_size=1, max_size=4).map(" ".join) | st.tuples(
    st.lists(_word, min_size=1, max_size=2), st.lists(_word, min_size=1, max_size=3)
).map(lambda parts: f"{' '.join(parts[0])}, {' '.join(parts[1])}")


@settings(max_examples=300)
@given(_name)
def test_the_shortcut_for_capitalised_names_agrees_with_bibtexparser(name: str):
    from cvfilter.bibliography.names import _MARK, _canonical_mark, _capitalised_parts, _parsed_by_bibtexparser

    marks = "".join(_canonical_mark(m) for m in _MARK.findall(name))
    bare = _MARK.sub("", name).strip().strip(",").strip()
    if _capitalised_parts(bare) is not None:
        assert parse_name(name) == _parsed_by_bibtexparser(bare, marks)


@pytest.mark.parametrize("name, given, family", [
    ("Brandon Amos", "Brandon", "Amos"), ("B. D. Amos", "B. D.", "Amos"), ("Amos, Brandon D.", "Brandon D.", "Amos"),
    ("Élodie Ñúñez", "Élodie", "Ñúñez"), ("Plato", "", "Plato"), ("O'Brien, Conan", "Conan", "O'Brien"),
])
def test_capitalised_names_take_the_shortcut(name, given, family):
    from cvfilter.bibliography.names import _capitalised_parts

    assert _capitalised_parts(name) == (given, family)
    assert (parse_name(name).given, parse_name(name).family) == (given, family)


@pytest.mark.parametrize("name", ["Ludwig van der Berg", "de la Fuente, Juan", "Jean-Paul Sartre", "Doe, Jr, John", "{\\\"O}zgur Ak", "Amos,"])
def test_names_with_particles_groups_or_suffixes_go_to_bibtexparser(name):
    from cvfilter.bibliography.names import _capitalised_parts

    assert _capitalised_parts(name) is None
