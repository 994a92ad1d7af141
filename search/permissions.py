"""Who may search. Everyone, signed in or not: what a search can return is decided when documents are
indexed (`search.contract`: only public data ever becomes a `Document`: no draft, no unverified
organisation, no hidden location, no restricted document), so no result needs a check afterwards."""


def can_search(user) -> bool:
    return True
