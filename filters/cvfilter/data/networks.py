"""The profile networks that `contact:` has a key for: the name JSON Resume and RenderCV give each,
and the address a user name makes. One table for the header, the importers and the exports."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Network:
    key: str  # the key under contact: in metadata.yaml
    name: str  # as JSON Resume and RenderCV write it
    address: str  # the profile's address, {} standing for the user name
    aliases: tuple[str, ...] = ()


NETWORKS = (
    Network("linkedin", "LinkedIn", "https://www.linkedin.com/in/{}"),
    Network("twitter", "X", "https://twitter.com/{}", ("twitter",)),
    Network("github", "GitHub", "https://github.com/{}"),
    Network("gitlab", "GitLab", "https://gitlab.com/{}"),
    Network("scholar", "Google Scholar", "https://scholar.google.com/citations?user={}", ("googlescholar", "scholar")),
    Network("orcid", "ORCID", "https://orcid.org/{}"),
    Network("researchgate", "ResearchGate", "https://www.researchgate.net/profile/{}"),
    Network("stackoverflow", "StackOverflow", "https://stackoverflow.com/users/{}", ("stack overflow",)),
    Network("mastodon", "Mastodon", ""),
    Network("bluesky", "Bluesky", "https://bsky.app/profile/{}"),
)
BY_NAME = {name: n for n in NETWORKS for name in (n.name.casefold(), n.key, *n.aliases)}
BY_KEY = {n.key: n for n in NETWORKS}


def profile_url(key: str, username: str) -> str | None:
    """The address of a profile; Mastodon's lives on the user's server (@user@server)."""
    if key == "mastodon":
        user, _, server = username.lstrip("@").partition("@")
        return f"https://{server}/@{user}" if user and "." in server else None
    return BY_KEY[key].address.format(username)


def same_address(a: str | None, b: str | None) -> bool:
    """Two addresses of one page: scheme, www., case and a last slash aside."""
    def bare(url: str) -> str:
        return url.casefold().split("://", 1)[-1].removeprefix("www.").rstrip("/")
    return bool(a and b) and bare(a) == bare(b)
