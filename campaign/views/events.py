"""Event registration (being written)."""


def event_register(request, page): raise NotImplementedError
def event_calendar(request, page): raise NotImplementedError
def registration_detail(request, token): raise NotImplementedError
def registration_cancel(request, token): raise NotImplementedError
