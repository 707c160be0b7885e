"""Where cvfilter lives on the web: the GitHub repository that is also the Action's name
(`uses: cvfilter/cvfilter@v0`) and serves the JSON Schemas. pyproject.toml's URLs name the same
repository (tests/unit/test_schema.py checks)."""

REPOSITORY = "cvfilter/cvfilter"
