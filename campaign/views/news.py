"""The news list and its RSS 2.0 feed (`<news index>/feed/`)."""

from datetime import datetime, time

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from wagtail.images import get_image_model

from ..sitemaps import hreflang, page_full_url

NEWS_PER_PAGE = 12
FEED_ITEMS = 20
LIST_IMAGE_SPEC = "fill-480x270"


def _with_images(queryset, *specs):
    """Each item's image and its renditions in two queries, whatever the number of items."""
    images = get_image_model().objects.prefetch_renditions(*specs)
    return queryset.prefetch_related(Prefetch("image", queryset=images))


def news_list_context(request, index) -> dict:
    """One page of the index's news, newest first (`?page=`: a wrong number shows the nearest page)."""
    items = _with_images(index.news_items(), LIST_IMAGE_SPEC)
    news = Paginator(items, NEWS_PER_PAGE).get_page(request.GET.get("page"))
    return {"news": news, "list_image_spec": LIST_IMAGE_SPEC}


def _published(item) -> datetime:
    """The item's date as a moment: its first publication when that was on its date, else the date's start."""
    published = item.first_published_at
    if published and timezone.localdate(published) == item.date:
        return published
    return timezone.make_aware(datetime.combine(item.date, time.min))


def news_feed(request, index):
    """The 20 newest live items of the index's language, as RSS 2.0 with absolute links."""
    language_code = next((code for code, page in index.live_translations().items() if page.pk == index.pk),
                         index.locale.language_code)
    link = page_full_url(index, request)
    feed = Rss201rev2Feed(
        title=index.seo_title or index.title,
        link=link,
        description=index.search_description or index.intro or index.title,
        language=hreflang(language_code),
        feed_url=link + index.reverse_subpage("feed") if link else None,
    )
    for item in index.news_items().defer_streamfields()[:FEED_ITEMS]:
        item_link = page_full_url(item, request)
        feed.add_item(
            title=item.title, link=item_link, description=item.summary, pubdate=_published(item),
            unique_id=item_link, unique_id_is_permalink=True,
        )
    response = HttpResponse(content_type="application/rss+xml; charset=utf-8")
    feed.write(response, "utf-8")
    # The same answer for every anonymous reader: kept in the shared cache like the pages.
    request.campaign_page_cacheable = index.cache_for_anonymous
    return response
