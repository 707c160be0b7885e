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


def test_the_field_names_of_json_resume_0_x_are_read_as_their_1_0_names():
    """Many resume.json files in the wild predate 1.0 (work.company, website, basics.picture): the
    employer's name must not vanish from the import without a word."""
    document = {"basics": {"name": "Ron", "website": "https://ron.example/", "picture": "me.jpg"},
                "work": [{"company": "Cinch", "position": "Engineer", "website": "https://cinch.example/", "startDate": "2016"}],
                "volunteer": [{"organization": "Club", "position": "Host", "website": "https://club.example/"}],
                "education": [{"institution": "NEU", "area": "CS", "studyType": "B.S.", "gpa": "3.9"}],
                "publications": [{"name": "Paper", "publisher": "ACM", "website": "https://paper.example/"}]}
    cv = from_json_resume(document, "resume.json")
    work = cv.metadata["positions"][0]
    assert (work["title"], work["org"], work["org_url"]) == ("Engineer", "Cinch", "https://cinch.example/")
    assert cv.metadata["volunteering"][0]["org_url"] == "https://club.example/"
    assert cv.metadata["education"][0]["gpa"] == "3.9"
    assert cv.metadata["contact"]["website"] == "https://ron.example/"
    assert cv.publications[0].fields["url"] == "https://paper.example/"
    assert [w.message for w in cv.warnings] == ["basics.image: the photo was not imported (a CV's photo is a file in its folder)"]


def test_a_field_json_resume_does_not_know_is_a_warning_not_a_silent_loss():
    document = {"basics": {"name": "Ron", "nickname": "R"}, "work": [{"name": "Cinch", "position": "Engineer", "team": "Core"}]}
    cv = from_json_resume(document, "resume.json")
    assert [w.message for w in cv.warnings] == [
        "basics.nickname is not part of JSON Resume; it was not imported",
        "work[0].team is not part of JSON Resume; it was not imported",
    ]
