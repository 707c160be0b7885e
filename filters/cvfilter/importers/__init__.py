"""`cv import`: a CV kept in another tool's format becomes cv.md, metadata.yaml and publications.bib.

Formats: JSON Resume (`.json`) and RenderCV's YAML (`.yaml`/`.yml`). What a format has and cvfilter
cannot show (layout settings; a photo named by a web address) is reported as a warning, never dropped silently.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import CvError, Location, Problem


def import_cv(source: Path, folder: Path, force: bool = False) -> tuple[list[Path], list[Problem]]:
    """Convert `source` into the three files in `folder`; returns what was written and the warnings."""
    from .document import write_cv

    shown = source.name
    if not source.is_file():
        raise CvError.at(Location(shown), "file not found", "give the path of a JSON Resume .json or a RenderCV .yaml")
    text = source.read_text(encoding="utf-8")
    if source.suffix.lower() == ".json":
        from .json_resume import from_json_resume

        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            raise CvError.at(Location(shown, exc.lineno, exc.colno), f"not valid JSON: {exc.msg}") from None
        imported = from_json_resume(document, shown)
    elif source.suffix.lower() in (".yaml", ".yml"):
        from ..data.yaml_source import load_yaml
        from .rendercv import from_rendercv

        loaded = load_yaml(source, shown)
        imported = from_rendercv(loaded.data, shown, loaded.locate)
    else:
        raise CvError.at(Location(shown), f"cannot tell the format of {shown!r} from its extension",
                         "JSON Resume files end in .json, RenderCV files in .yaml")
    return write_cv(imported, folder, shown, force), imported.warnings
