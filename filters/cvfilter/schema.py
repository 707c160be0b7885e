"""`cv schema`: the JSON Schema of metadata.yaml, generated from the typed model.

Editors with a YAML language server read it (see the comment at the top of metadata.yaml) and then
complete keys and flag mistakes while the user types, before `cv check` runs.
"""

from __future__ import annotations

import json
from pathlib import Path

from .data.model import CvData
from .data.typed import json_schema

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"
DEFAULT_PATH = Path("styles") / "metadata.schema.json"


def metadata_schema() -> dict:
    """The schema as a dict: keys as users write them (aliases), unknown keys forbidden."""
    schema = json_schema(CvData)
    return {**schema, "$schema": SCHEMA_URI, "title": "cvfilter metadata.yaml"}


def schema_text() -> str:
    """Stable text (sorted keys, final newline) so the committed file only changes with the model."""
    return json.dumps(metadata_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schema(target: Path) -> Path:
    from .files import write_output

    write_output(target, schema_text().encode("utf-8"), "name another file")
    return target
