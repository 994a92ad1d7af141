"""SEO (being written)."""


def robots_txt(request): raise NotImplementedError
def sitemap(request): raise NotImplementedError
