"""The licence every dataset of the open data is published under, and how to credit it."""

LICENSE_NAME = "CC-BY-4.0"
LICENSE_TITLE = "Creative Commons Attribution 4.0 International"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTION = "Re-use network: regional platform for the social re-use of confiscated assets"


def license_member() -> dict:
    return {"name": LICENSE_NAME, "title": LICENSE_TITLE, "path": LICENSE_URL}
