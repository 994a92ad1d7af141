"""Small helpers the campaign's page and block templates share."""

import os

from django import template
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext
from django_countries import countries

from campaign.translation import locale_ids

register = template.Library()


def in_current_language(page):
    """The page's live translation in the current language, else the page itself. Costs no query when the
    page is already in the current language (the usual case), one otherwise."""
    locale_id = locale_ids().get(translation.get_language())
    if locale_id is None or page.locale_id == locale_id:
        return page
    translated = type(page).objects.filter(translation_key=page.translation_key, locale_id=locale_id, live=True)
    return translated.first() or page


@register.simple_tag(takes_context=True)
def link_href(context, link) -> str:
    """The address of a link block's value: the chosen page's URL when it is live (in the visitor's
    language when the page is translated), else the typed address (already checked by URLBlock: http,
    https, ftp or ftps only). '' when neither can be followed."""
    if not link:
        return ""
    page = link.get("page")
    if page is not None:
        page = in_current_language(page)
        return (page.get_url(request=context.get("request")) or "") if page.live else ""
    return link.get("url") or ""


@register.filter
def live_only(pages) -> list:
    """The pages of a related pages block that visitors can open (live ones), each in the visitor's
    language when it is translated: translations keep pointing at the pages the source chose."""
    localized = (in_current_language(page) for page in pages or () if page is not None)
    return [page for page in localized if page.live]


@register.filter
def document_label(document) -> str:
    """A document's file type and size, as "PDF, 1.2 MB" (the size is what Wagtail recorded at upload,
    else read from the storage without writing anything)."""
    if document is None:
        return ""
    extension = os.path.splitext(document.file.name or "")[1][1:].upper()
    size = document.file_size
    if size is None:
        try:
            size = document.file.size
        except (OSError, ValueError, NotImplementedError):
            size = None
    if not extension:
        return "" if size is None else str(filesizeformat(size))
    if size is None:
        return extension
    return gettext("%(type)s, %(size)s") % {"type": extension, "size": filesizeformat(size)}


@register.filter
def country_name(code) -> str:
    return str(countries.name(code)) if code else ""


@register.simple_tag(takes_context=True)
def next_map_number(context) -> int:
    """1 for the first project map rendered in this request, 2 for the next... (ids must be unique on a
    page, and the showcase's map script draws one map per page: see blocks/project_map.html)."""
    holder = context.get("request")
    if holder is None:
        holder = context.render_context
        count = holder.get("campaign_map_count", 0) + 1
        holder["campaign_map_count"] = count
        return count
    count = getattr(holder, "campaign_map_count", 0) + 1
    holder.campaign_map_count = count
    return count
