"""JSON Resume's skills and spoken languages land in distinct skill groups."""

from __future__ import annotations

import pytest

from cvfilter.importers.json_resume import from_json_resume

SPOKEN = [{"language": "English", "fluency": "Native"}, {"language": "French"}]


def groups(skills: list[dict], interests: list[dict] | None = None) -> list[tuple[str, list[str]]]:
    document = {"basics": {"name": "Ada"}, "skills": skills, "languages": SPOKEN, "interests": interests or []}
    return [(group["name"], group["items"]) for group in from_json_resume(document, "resume.json").metadata["skills"]]


def test_spoken_languages_are_a_group_called_languages_when_the_name_is_free():
    assert groups([{"name": "Robotics", "keywords": ["ROS"]}])[-1] == ("Languages", ["English (Native)", "French"])


@pytest.mark.parametrize("written", [
    {"name": "Languages", "keywords": ["Python", "C"]},
    {"name": "languages", "keywords": ["Python", "C"]},
    {"name": "Languages", "level": "Advanced", "keywords": ["Python", "C"]},  # shown as "Languages (Advanced)"
])
def test_a_skill_group_called_languages_keeps_its_name_and_the_spoken_ones_get_another(written):
    names = [name for name, _items in groups([written])]
    assert names[-1] == "Spoken languages"
    assert len({name.casefold() for name in names}) == len(names)


def test_when_both_names_are_taken_the_spoken_group_is_numbered():
    taken = [{"name": "Languages", "keywords": ["Python"]}]
    names = [name for name, _items in groups(taken, [{"name": "Spoken Languages", "keywords": ["Esperanto"]}])]
    assert names == ["Languages", "Spoken languages 2", "Spoken Languages"]
