"""Web and e-mail addresses in metadata.yaml: a scheme-less web address is completed, a malformed one refused."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st
from pydantic import TypeAdapter, ValidationError

from cvfilter.data.model import Email, Url

URL = TypeAdapter(Url)
EMAIL = TypeAdapter(Email)


@pytest.mark.parametrize("written, kept", [
    ("bamos.github.io", "https://bamos.github.io"),
    ("https://example.org/a b".replace(" ", "%20"), "https://example.org/a%20b"),
    ("http://localhost.localdomain:8000/x", "http://localhost.localdomain:8000/x"),
    ("mailto:ada@example.org", "mailto:ada@example.org"),
])
def test_a_good_address_is_kept(written, kept):
    assert URL.validate_python(written) == kept


@pytest.mark.parametrize("written", ["htp//zicokolter", "zicokolter", "https://nodot/", "https://exa mple.org", "mailto:ada", "https://", "http://."])
def test_a_malformed_web_address_is_refused(written):
    with pytest.raises(ValidationError, match="a host with a dot|one @ and a domain"):
        URL.validate_python(written)


@pytest.mark.parametrize("written", ["bda-at-meta", "@meta.com", "a@b@c.org", "ada@localhost", "a b@example.org", "ada@."])
def test_a_malformed_email_is_refused(written):
    with pytest.raises(ValidationError, match="one @ and a domain"):
        EMAIL.validate_python(written)


@given(st.from_regex(r"[a-z0-9._%+-]{1,20}@[a-z0-9-]{1,20}\.[a-z]{2,6}", fullmatch=True))
def test_an_ordinary_email_is_accepted(address):
    assert EMAIL.validate_python(address) == address
