"""JSON Resume's spoken languages, skills and interests land in lists of their own."""

from __future__ import annotations

from cvfilter.importers.json_resume import from_json_resume

SPOKEN = [{"language": "English", "fluency": "Native"}, {"language": "French"}]


def imported(skills: list[dict], interests: list[dict] | None = None):
    document = {"basics": {"name": "Ada"}, "skills": skills, "languages": SPOKEN, "interests": interests or []}
    return from_json_resume(document, "resume.json")


def test_spoken_languages_keep_their_fluency_in_a_list_of_their_own():
    cv = imported([{"name": "Languages", "level": "Advanced", "keywords": ["Python", "C"]}])
    assert cv.metadata["languages"] == [{"language": "English", "fluency": "Native"}, {"language": "French"}]
    assert cv.metadata["skills"] == [{"name": "Languages", "level": "Advanced", "items": ["Python", "C"]}]
    assert [(s.title, s.macro) for s in cv.sections] == [("Skills", "skills"), ("Languages", "languages")]


def test_interests_are_their_own_list_with_their_keywords():
    cv = imported([], [{"name": "Wildlife", "keywords": ["Ferrets"]}, {"name": "Chess"}])
    assert cv.metadata["interests"] == [{"name": "Wildlife", "items": ["Ferrets"]}, {"name": "Chess", "items": []}]
    assert ("Interests", "interests") in [(s.title, s.macro) for s in cv.sections]
