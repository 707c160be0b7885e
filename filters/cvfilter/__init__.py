"""cvfilter: one Markdown CV in, PDF, DOCX and HTML out, through Pandoc and panflute."""

__version__ = "0.1.0"


def quiet_startup() -> None:
    """What the `cv` and `cvfilter` commands set before anything loads, to start fast.

    pydantic looks through every installed package's entry points for plugins (tracing hooks) the
    first time it builds a schema: 15 to 25 ms here, more in a large environment, on every run.
    cvfilter uses none. Set PYDANTIC_DISABLE_PLUGINS to an empty value to keep yours.
    """
    import os

    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
