"""News feed (being written)."""


def news_feed(request, page): raise NotImplementedError
