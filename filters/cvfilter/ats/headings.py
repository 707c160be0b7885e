"""The section names applicant-tracking parsers look for, per language.

A parser files what follows a heading under a standard section (experience, education, skills...)
when the heading contains one of that section's words; a heading without any ("Things I did") is
read as part of the entry before it. The languages are those of the CV's labels (words.py); a
language without a table here is looked up in English, as its labels are.
"""

from __future__ import annotations

import re

from ..cldr import primary

# Standard section -> words (lower case, whole words; a word may end in * for any ending).
STANDARD: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "summary": ("summary", "profile", "about", "objective"),
        "experience": ("experience", "employment", "position*", "work", "career", "appointment*", "research"),
        "education": ("education", "degree*", "qualification*", "academic"),
        "skills": ("skill*", "competenc*", "technolog*", "expertise", "tools"),
        "publications": ("publication*", "papers", "patents", "preprints", "books"),
        "projects": ("project*", "repositor*", "software", "open source"),
        "awards": ("award*", "honor*", "honour*", "prize*", "grant*", "fellowship*", "scholarship*"),
        "talks": ("talk*", "presentation*", "lecture*", "seminar*"),
        "teaching": ("teaching", "courses", "mentoring", "students", "supervision"),
        "service": ("service", "activities", "reviewing", "committee*", "volunteer*", "leadership", "memberships"),
        "languages": ("languages",),
        "certifications": ("certification*", "certificate*", "licen?es"),
        "references": ("references", "referees"),
        "interests": ("interests", "hobbies"),
        "contact": ("contact",),
    },
    "de": {
        "summary": ("profil", "über mich", "zusammenfassung"),
        "experience": ("berufserfahrung", "erfahrung", "beruf*", "werdegang", "position*", "tätigkeit*", "anstellung*"),
        "education": ("ausbildung", "bildung*", "studium", "schulbildung"),
        "skills": ("kenntnisse", "fähigkeiten", "kompetenz*", "fertigkeiten"),
        "publications": ("publikation*", "veröffentlichung*"),
        "projects": ("projekt*", "software"),
        "awards": ("auszeichnung*", "preise", "stipendi*"),
        "talks": ("vorträge", "vortrag"),
        "teaching": ("lehre", "lehrtätigkeit", "betreuung"),
        "service": ("engagement", "ehrenamt*", "gutachter*", "aktivitäten", "mitgliedschaft*"),
        "languages": ("sprachen", "sprachkenntnisse"),
        "certifications": ("zertifi*",),
        "references": ("referenzen",),
        "interests": ("interessen", "hobbys"),
        "contact": ("kontakt",),
    },
    "fr": {
        "summary": ("profil", "résumé", "à propos"),
        "experience": ("expérience*", "parcours", "poste*", "emploi*"),
        "education": ("formation*", "études", "diplômes", "éducation"),
        "skills": ("compétences",),
        "publications": ("publications",),
        "projects": ("projets",),
        "awards": ("prix", "distinctions", "bourses"),
        "talks": ("conférences", "exposés", "présentations"),
        "teaching": ("enseignement*", "encadrement"),
        "service": ("activités", "engagement*", "bénévolat"),
        "languages": ("langues",),
        "certifications": ("certifications",),
        "references": ("références",),
        "interests": ("intérêts", "loisirs", "centres d'intérêt"),
        "contact": ("contact", "coordonnées"),
    },
    "es": {
        "summary": ("perfil", "resumen", "sobre mí"),
        "experience": ("experiencia*", "trayectoria", "puesto*", "empleo*"),
        "education": ("educación", "formación", "estudios"),
        "skills": ("habilidades", "competencias", "conocimientos"),
        "publications": ("publicaciones",),
        "projects": ("proyectos",),
        "awards": ("premios", "distinciones", "becas"),
        "talks": ("charlas", "conferencias", "ponencias"),
        "teaching": ("docencia", "enseñanza"),
        "service": ("actividades", "voluntariado"),
        "languages": ("idiomas",),
        "certifications": ("certificaciones",),
        "references": ("referencias",),
        "interests": ("intereses", "aficiones"),
        "contact": ("contacto",),
    },
    "it": {
        "experience": ("esperienz*", "posizion*", "impiego"),
        "education": ("istruzione", "formazione", "studi"),
        "skills": ("competenze", "capacità"),
        "publications": ("pubblicazioni",),
        "projects": ("progetti",),
        "awards": ("premi", "riconoscimenti", "borse"),
        "talks": ("seminari", "interventi", "presentazioni"),
        "teaching": ("didattica", "insegnamento"),
        "service": ("attività",),
        "languages": ("lingue",),
        "summary": ("profilo",),
        "contact": ("contatti",),
    },
    "pt": {
        "experience": ("experiência*", "cargo*", "emprego*"),
        "education": ("educação", "formação"),
        "skills": ("competências", "habilidades"),
        "publications": ("publicações",),
        "projects": ("projetos", "projectos"),
        "awards": ("prémios", "prêmios", "bolsas"),
        "talks": ("palestras", "apresentações"),
        "teaching": ("ensino", "docência"),
        "service": ("atividades", "actividades"),
        "languages": ("idiomas", "línguas"),
        "summary": ("perfil", "resumo"),
        "contact": ("contacto", "contato"),
    },
    "nl": {
        "experience": ("werkervaring", "ervaring", "loopbaan", "functie*"),
        "education": ("opleiding*", "onderwijs"),
        "skills": ("vaardigheden", "competenties"),
        "publications": ("publicaties",),
        "projects": ("projecten",),
        "awards": ("prijzen", "onderscheidingen"),
        "talks": ("lezingen", "presentaties"),
        "teaching": ("onderwijs", "doceren"),
        "service": ("activiteiten", "nevenactiviteiten"),
        "languages": ("talen",),
        "summary": ("profiel",),
        "contact": ("contact",),
    },
}
# The languages of words.py without a table above: their parsers are most often used in English
# anyway; a heading is looked up in English too whatever the language, as CVs mix them.

_COMPILED: dict[str, list[tuple[str, re.Pattern[str]]]] = {}


def _patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    if lang not in _COMPILED:
        found = []
        for section, words in STANDARD.get(lang, {}).items():
            alternatives = "|".join(re.escape(w).replace(r"\*", r"\w*").replace(r"\?", ".") for w in words)
            found.append((section, re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)))
        _COMPILED[lang] = found
    return _COMPILED[lang]


def standard_section(heading: str, lang: str) -> str | None:
    """The standard section a parser files `heading` under, in the CV's language or English; or None."""
    for code in dict.fromkeys((primary(lang), "en")):
        for section, pattern in _patterns(code):
            if pattern.search(heading):
                return section
    return None


def known_names(lang: str) -> str:
    """A few of the names a parser knows, for a hint."""
    table = STANDARD.get(primary(lang)) or STANDARD["en"]
    return ", ".join(words[0].rstrip("*").capitalize() for words in list(table.values())[:8])
