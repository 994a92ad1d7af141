"""Newsletter (being written)."""


def subscribe(request): raise NotImplementedError
def confirm(request, token): raise NotImplementedError
def unsubscribe(request, token): raise NotImplementedError
