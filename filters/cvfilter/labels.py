"""Words the CV itself prints, per language, overridable from the front matter (`cvfilter.labels`)."""

from __future__ import annotations

from dataclasses import dataclass, field

_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "present": "Present",
        "last-updated": "Last updated on",
        "thesis": "Thesis",
        "advisor": "Advisor",
        "with": "with",
        "and": "and",
        "on": "on",
        "selected-legend": "Selected publications are highlighted.",
        "and-earlier": "and earlier",
        "stars-total": "GitHub stars across all repositories.",
        "citations": "citations and an h-index of",
        "no-date": "n.d.",
        "et-al": "et al.",
        "page-of": "of",
        "untitled": "untitled",
    },
    "de": {
        "present": "heute",
        "last-updated": "Zuletzt aktualisiert am",
        "thesis": "Dissertation",
        "advisor": "Betreuer",
        "with": "mit",
        "and": "und",
        "on": "zu",
        "selected-legend": "Ausgewählte Publikationen sind hervorgehoben.",
        "and-earlier": "und früher",
        "stars-total": "GitHub-Sterne über alle Repositorys.",
        "citations": "Zitationen und ein h-Index von",
        "no-date": "o. J.",
        "et-al": "u. a.",
        "page-of": "von",
        "untitled": "ohne Titel",
    },
    "fr": {
        "present": "présent",
        "last-updated": "Mis à jour le",
        "thesis": "Thèse",
        "advisor": "Directeur",
        "with": "avec",
        "and": "et",
        "on": "sur",
        "selected-legend": "Les publications sélectionnées sont mises en évidence.",
        "and-earlier": "et avant",
        "stars-total": "étoiles GitHub sur l’ensemble des dépôts.",
        "citations": "citations et un indice h de",
        "no-date": "s. d.",
        "et-al": "et al.",
        "page-of": "sur",
        "untitled": "sans titre",
    },
    "es": {
        "present": "actualidad",
        "last-updated": "Última actualización:",
        "thesis": "Tesis",
        "advisor": "Director",
        "with": "con",
        "and": "y",
        "on": "sobre",
        "selected-legend": "Las publicaciones seleccionadas están resaltadas.",
        "and-earlier": "y anteriores",
        "stars-total": "estrellas de GitHub en todos los repositorios.",
        "citations": "citas y un índice h de",
        "no-date": "s. f.",
        "et-al": "et al.",
        "page-of": "de",
        "untitled": "sin título",
    },
}

_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
}

# A full date and a month with its year, as each language writes them.
_DATE_FORMS = {
    "en": ("{month} {day}, {year}", "{month} {year}"),
    "de": ("{day}. {month} {year}", "{month} {year}"),
    "fr": ("{day} {month} {year}", "{month} {year}"),
    "es": ("{day} de {month} de {year}", "{month} de {year}"),
}


@dataclass(frozen=True)
class Labels:
    """The label set of one language, with the user's overrides applied."""

    lang: str = "en"
    overrides: dict[str, str] = field(default_factory=dict)

    @property
    def base(self) -> str:
        code = self.lang.split("-")[0].lower()
        return code if code in _LABELS else "en"

    def __getitem__(self, key: str) -> str:
        return self.overrides.get(key) or _LABELS[self.base].get(key) or _LABELS["en"][key]

    def month(self, number: int) -> str:
        return _MONTHS[self.base].split()[number - 1]

    def date(self, year: int, month: int = 0, day: int = 0) -> str:
        """"March 5, 2024", "5. März 2024", "5 de marzo de 2024"; "March 2024"; "2024"."""
        full, month_year = _DATE_FORMS[self.base]
        if month and day:
            return full.format(day=day, month=self.month(month), year=year)
        if month:
            return month_year.format(month=self.month(month), year=year)
        return str(year)

    @staticmethod
    def known_keys() -> list[str]:
        return list(_LABELS["en"])
