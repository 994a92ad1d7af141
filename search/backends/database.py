"""The default engine: the database's own `SearchEntry` table.

On PostgreSQL: full-text search on the stored, weighted `search_vector` (title A, body B; see migration
0002) with every query word prefix-matched and all of them required, ranked by `ts_rank_cd` with the
visitor's language first; when nothing matches, each unknown word is replaced by its nearest indexed word
(trigram similarity over `SearchWord`), the corrected query is run and offered as "did you mean". Facets
count each value with the other filters applied, all of them and the total in one query over the
matches read once (a materialised CTE): a search is two queries whatever the size of the index.

On SQLite (the demo), a simple fallback: every word must be contained in the folded title or body; the
rest is done in Python over the matching rows, with the same shapes.

The visitor's text only ever reaches the database as folded words (`search.text.query_words`), passed as
parameters: no search syntax of any kind comes through.
"""

import difflib
import html
import json
import math
import re
import unicodedata

from django.db import connection, transaction

from ..contract import FACETS, MAX_PAGE_SIZE, Document, Hit, Query, Results
from ..models import SearchEntry, SearchWord
from ..text import normalise, query_words, words
from . import SearchBackend
from . import usable_near as _near

TABLE = SearchEntry._meta.db_table
WORDS_TABLE = SearchWord._meta.db_table
WRITE_BATCH = 1000
EXCERPT_CHARACTERS = 240
AUTOCOMPLETE_CANDIDATES = 500
EARTH_RADIUS_KM = 6371.0
MAX_WORD_LENGTH = 100
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_ENTRY_FIELDS = ["kind", "language", "title", "body", "url", "title_norm", "body_norm", "country", "property_type",
                 "status", "themes", "latitude", "longitude", "updated_at"]


def _entry(document: Document) -> SearchEntry:
    latitude, longitude = document.point if document.point else (None, None)
    return SearchEntry(
        key=document.key, kind=document.kind, language=document.language or "", title=document.title,
        body=document.body or "", url=document.url or "", title_norm=normalise(document.title),
        body_norm=normalise(document.body), country=document.country or "",
        property_type=document.property_type or "", status=document.status or "", themes=list(document.themes),
        latitude=latitude, longitude=longitude, updated_at=document.updated_at or "",
    )


def _vocabulary(entries: list[SearchEntry]) -> list[SearchWord]:
    found = set()
    for entry in entries:
        found.update(entry.title_norm.split())
        found.update(entry.body_norm.split())
    return [SearchWord(word=word) for word in sorted(found) if 2 < len(word) <= MAX_WORD_LENGTH]


def highlight(text: str, query: list[str], *, length: int = EXCERPT_CHARACTERS) -> str:
    """An HTML-safe excerpt of `text` (as written: diacritics, script) around its first word matching a query
    word (by prefix, folded), with every matching word in the excerpt inside <mark>. The start of the text
    when no word matches."""
    text = unicodedata.normalize("NFC", text or "")
    tokens = [(match.start(), match.end()) for match in _TOKEN.finditer(text)]

    def matches(start, end):
        folded = words(text[start:end])
        return any(word.startswith(prefix) for word in folded for prefix in query)

    marked = [(start, end) for start, end in tokens if matches(start, end)]
    if marked:
        centre = marked[0][0]
        begin = max(0, centre - length // 3)
        if begin:
            space = text.rfind(" ", 0, begin)
            begin = space + 1 if space >= 0 and begin - space < 30 else begin
    else:
        begin = 0
    end = min(len(text), begin + length)
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > begin + length // 2 else end
    out, position = [], begin
    for start, stop in marked:
        if start < begin or stop > end:
            continue
        out.append(html.escape(text[position:start]))
        out.append(f"<mark>{html.escape(text[start:stop])}</mark>")
        position = stop
    out.append(html.escape(text[position:end]))
    excerpt = "".join(out).strip()
    return ("… " if begin else "") + excerpt + (" …" if end < len(text) else "")


def _haversine_km(latitude1, longitude1, latitude2, longitude2) -> float:
    phi1, phi2 = math.radians(latitude1), math.radians(latitude2)
    d_phi, d_lambda = phi2 - phi1, math.radians(longitude2 - longitude1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _bounding_box(latitude: float, longitude: float, km: float):
    d_latitude = km / 111.2
    d_longitude = km / max(0.01, 111.2 * math.cos(math.radians(latitude)))
    return latitude - d_latitude, latitude + d_latitude, longitude - d_longitude, longitude + d_longitude


def _page(query: Query) -> tuple[int, int]:
    size = min(max(int(query.page_size or 20), 1), MAX_PAGE_SIZE)
    page = min(max(int(query.page or 1), 1), 1000)
    return size, (page - 1) * size


def _value(value) -> str:
    """A filter value as a parameter: a string without NUL characters (PostgreSQL refuses them)."""
    return str(value or "").replace("\x00", "")[:200]


def _tsquery(query: list[str], weights: str = "") -> str:
    """Every word prefix-matched, all required. Words are letters and digits only (`query_words`)."""
    return " & ".join(f"{word}:*{weights}" for word in query)


class DatabaseBackend(SearchBackend):
    name = "database"

    # Writing ------------------------------------------------------------------------------------

    def index(self, documents: list[Document]) -> None:
        documents = list({document.key: document for document in documents}.values())
        for start in range(0, len(documents), WRITE_BATCH):
            self._write([_entry(document) for document in documents[start:start + WRITE_BATCH]])

    def _write(self, entries: list[SearchEntry]) -> None:
        if not entries:
            return
        with transaction.atomic():
            SearchEntry.objects.bulk_create(entries, update_conflicts=True, unique_fields=["key"],
                                            update_fields=_ENTRY_FIELDS)
            SearchWord.objects.bulk_create(_vocabulary(entries), ignore_conflicts=True)

    def delete(self, keys: list[str]) -> None:
        keys = list(keys)
        for start in range(0, len(keys), WRITE_BATCH):
            SearchEntry.objects.filter(key__in=keys[start:start + WRITE_BATCH]).delete()

    def rebuild(self, documents, *, progress=None) -> int:
        """One transaction: searches keep seeing the old index until the new one is complete."""
        count = 0
        with transaction.atomic():
            SearchEntry.objects.all().delete()
            SearchWord.objects.all().delete()
            batch = {}
            for document in documents:
                batch[document.key] = document
                if len(batch) >= WRITE_BATCH:
                    self._write([_entry(item) for item in batch.values()])
                    count += len(batch)
                    batch = {}
                    if progress:
                        progress(count)
            self._write([_entry(item) for item in batch.values()])
            count += len(batch)
            if progress:
                progress(count)
        return count

    def indexed(self) -> dict[str, str]:
        return dict(SearchEntry.objects.values_list("key", "updated_at").iterator(chunk_size=5000))

    # Reading ------------------------------------------------------------------------------------

    def search(self, query: Query) -> Results:
        found = query_words(query.text, query.language)
        near = _near(query)
        if not found and near is None:
            return Results(hits=[], total=0)
        if connection.vendor == "postgresql":
            return self._search_postgresql(query, found, near)
        return self._search_simple(query, found, near)

    def autocomplete(self, text: str, *, language: str = "", limit: int = 8) -> list[dict]:
        found = query_words(text)
        limit = min(max(int(limit or 8), 1), 20)
        if not found:
            return []
        if connection.vendor == "postgresql":
            # Suggestions are ranked among the first AUTOCOMPLETE_CANDIDATES titles that match, so that a short
            # prefix matching thousands of titles costs no more than a long one.
            sql = (
                "SELECT title, url, kind FROM (SELECT id, title, url, kind, language, search_vector "
                f"FROM {TABLE} WHERE search_vector @@ to_tsquery('simple', %s) LIMIT {AUTOCOMPLETE_CANDIDATES}) "
                "AS candidate ORDER BY (language = %s OR language = '') DESC, "
                "ts_rank_cd(search_vector, to_tsquery('simple', %s)) DESC, length(title), id LIMIT %s"
            )
            titles = _tsquery(found, "A")
            with connection.cursor() as cursor:
                cursor.execute(sql, [titles, _value(language), titles, limit])
                rows = cursor.fetchall()
        else:
            entries = SearchEntry.objects.all()
            for word in found:
                entries = entries.filter(title_norm__contains=word)
            rows = sorted(entries.values_list("title", "url", "kind", "language")[:500],
                          key=lambda row: (row[3] not in (language, ""), len(row[0])))[:limit]
        return [{"title": row[0], "url": row[1], "kind": row[2]} for row in rows]

    # PostgreSQL ---------------------------------------------------------------------------------

    @staticmethod
    def _filters(query: Query, near, *, without: str = "") -> tuple[list[str], list]:
        """WHERE conditions of the query's filters (all but the facet `without`), and their parameters."""
        conditions, params = [], []
        if query.kinds and without != "kind":
            conditions.append("kind = ANY(%s)")
            params.append([_value(kind) for kind in query.kinds])
        for facet in ("country", "property_type", "status"):
            value = getattr(query, facet)
            if value and without != facet:
                conditions.append(f"{facet} = %s")
                params.append(_value(value))
        if query.theme and without != "theme":
            conditions.append("themes @> %s::jsonb")
            params.append(json.dumps([_value(query.theme)]))
        if near is not None:
            latitude, longitude, km = near
            south, north, west, east = _bounding_box(latitude, longitude, km)
            conditions.append(
                "latitude IS NOT NULL AND latitude BETWEEN %s AND %s AND longitude BETWEEN %s AND %s "
                f"AND {_DISTANCE_SQL} <= %s"
            )
            params += [south, north, west, east, latitude, latitude, longitude, km]
        return conditions, params

    def _search_postgresql(self, query: Query, found: list[str], near) -> Results:
        suggestion = ""
        results = self._run_postgresql(query, found, near)
        if found and not results.total:
            corrected = self._corrections(found)
            if corrected and corrected != found:
                suggestion = " ".join(corrected)
                results = self._run_postgresql(query, corrected, near)
                found = corrected
        results.suggestion = suggestion
        return results

    def _run_postgresql(self, query: Query, found: list[str], near) -> Results:
        size, offset = _page(query)
        tsquery = _tsquery(found)

        conditions, params = self._filters(query, near)
        if found:
            conditions.insert(0, "search_vector @@ to_tsquery('simple', %s)")
            params.insert(0, tsquery)
        condition = " AND ".join(conditions) or "TRUE"
        rank = "ts_rank_cd(search_vector, to_tsquery('simple', %s))" if found else "0"
        distance = _DISTANCE_SQL if near is not None else "NULL"
        select_params = ([tsquery] if found else []) + (list(near[:1]) * 2 + [near[1]] if near else [])
        order = ["(language = %s OR language = '') DESC"]
        order_params = [_value(query.language)]
        if found:
            order.append("score DESC")
        if near is not None:
            order.append("distance_km ASC")
        order.append("id ASC")
        sql = (
            f"SELECT key, kind, title, url, body, {rank} AS score, {distance} AS distance_km FROM {TABLE} "
            f"WHERE {condition} ORDER BY {', '.join(order)} LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, select_params + params + order_params + [size, offset])
            rows = cursor.fetchall()
            total, facets = self._counts(cursor, query, found, tsquery, near)
        hits = [
            Hit(key=key, kind=kind, title=title, url=url, highlight=highlight(body, found) if found else
                highlight(body, []), score=float(score or 0),
                distance_km=round(float(distance_km), 1) if distance_km is not None else None)
            for key, kind, title, url, body, score, distance_km in rows
        ]
        return Results(hits=hits, total=total, facets=facets)

    def _counts(self, cursor, query: Query, found: list[str], tsquery: str, near) -> tuple[int, dict]:
        """The total and every facet's counts in one query: the text and distance match is read once (a
        materialised CTE), then each count applies the other filters to those rows only."""
        matched, matched_params = [], []
        if found:
            matched.append("search_vector @@ to_tsquery('simple', %s)")
            matched_params.append(tsquery)
        if near is not None:
            near_conditions, near_params = self._filters(Query(), near)
            matched += near_conditions
            matched_params += near_params
        parts, params = [], list(matched_params)

        def count(label, column, without, join=""):
            conditions, values = self._filters(query, None, without=without)
            where = " AND ".join(conditions) or "TRUE"
            if column is None:
                parts.append(f"SELECT %s, '', count(*) FROM matched WHERE {where}")
            else:
                parts.append(f"SELECT %s, {column}, count(*) FROM matched{join} WHERE {where} AND {column} <> '' "
                             f"GROUP BY {column}")
            params.extend([label, *values])

        count("", None, "")
        for facet in FACETS:
            if facet == "theme":
                count(facet, "value", facet, join=", jsonb_array_elements_text(themes) AS value")
            else:
                count(facet, facet, facet)
        cursor.execute(
            f"WITH matched AS MATERIALIZED (SELECT kind, country, property_type, status, themes FROM {TABLE} "
            f"WHERE {' AND '.join(matched) or 'TRUE'}) " + " UNION ALL ".join(parts),
            params,
        )
        total, facets = 0, {facet: [] for facet in FACETS}
        for label, value, number in cursor.fetchall():
            if label == "":
                total = number
            else:
                facets[label].append((value, number))
        return total, {
            facet: dict(sorted(values, key=lambda item: (-item[1], item[0]))) for facet, values in facets.items()
        }

    @staticmethod
    def _corrections(found: list[str]) -> list[str]:
        """Each query word, or the most similar indexed word when it is not in the index itself. One query."""
        sql = (
            "SELECT asked.word, (SELECT candidate.word FROM "
            f"{WORDS_TABLE} AS candidate WHERE candidate.word %% asked.word "
            f"AND EXISTS (SELECT 1 FROM {TABLE} WHERE search_vector @@ to_tsquery('simple', candidate.word)) "
            "ORDER BY similarity(candidate.word, asked.word) DESC, candidate.word LIMIT 1) "
            "FROM unnest(%s::text[]) WITH ORDINALITY AS asked(word, position) ORDER BY asked.position"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [found])
            return [better or asked for asked, better in cursor.fetchall()]

    # SQLite (the demo) --------------------------------------------------------------------------

    def _search_simple(self, query: Query, found: list[str], near) -> Results:
        size, offset = _page(query)
        entries = SearchEntry.objects.all()
        for word in found:
            entries = entries.filter(title_norm__contains=word) | entries.filter(body_norm__contains=word)
        rows = list(entries.values("key", "kind", "title", "url", "body", "title_norm", "body_norm", "language",
                                   "country", "property_type", "status", "themes", "latitude", "longitude"))
        suggestion = ""
        if found and not rows:
            vocabulary = list(SearchWord.objects.values_list("word", flat=True)[:50000])
            corrected = [next(iter(difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.7)), word)
                         for word in found]
            if corrected != found:
                suggestion = " ".join(corrected)
                results = self._search_simple(
                    Query(**{**query.__dict__, "text": suggestion}), corrected, near
                )
                results.suggestion = suggestion
                return results
        for row in rows:
            row["distance_km"] = None
            if near is not None and row["latitude"] is not None:
                row["distance_km"] = _haversine_km(near[0], near[1], float(row["latitude"]), float(row["longitude"]))
            title_words, body_words = row["title_norm"].split(), row["body_norm"].split()
            row["score"] = float(sum(
                1.0 * any(w.startswith(word) for w in title_words) + 0.4 * any(w.startswith(word) for w in body_words)
                for word in found
            ))

        def kept(row, without=""):
            if query.kinds and without != "kind" and row["kind"] not in query.kinds:
                return False
            for facet in ("country", "property_type", "status"):
                if getattr(query, facet) and without != facet and row[facet] != getattr(query, facet):
                    return False
            if query.theme and without != "theme" and query.theme not in (row["themes"] or []):
                return False
            if near is not None and (row["distance_km"] is None or row["distance_km"] > near[2]):
                return False
            return True

        facets = {}
        for facet in FACETS:
            counts: dict[str, int] = {}
            for row in rows:
                if kept(row, facet):
                    values = row["themes"] or [] if facet == "theme" else [row[facet]]
                    for value in values:
                        if value:
                            counts[value] = counts.get(value, 0) + 1
            facets[facet] = dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
        matching = [row for row in rows if kept(row)]
        matching.sort(key=lambda row: (row["language"] not in (query.language, ""), -row["score"],
                                       row["distance_km"] if row["distance_km"] is not None else 0, row["key"]))
        hits = [
            Hit(key=row["key"], kind=row["kind"], title=row["title"], url=row["url"],
                highlight=highlight(row["body"], found), score=row["score"],
                distance_km=round(row["distance_km"], 1) if row["distance_km"] is not None else None)
            for row in matching[offset:offset + size]
        ]
        return Results(hits=hits, total=len(matching), facets=facets, suggestion=suggestion)


# Great-circle distance in km from the point (%s latitude, %s latitude again, %s longitude) to the entry's.
_DISTANCE_SQL = (
    f"(2 * {EARTH_RADIUS_KM} * asin(least(1.0, sqrt("
    "power(sin(radians(latitude::float8 - %s) / 2), 2) "
    "+ cos(radians(%s)) * cos(radians(latitude::float8)) * power(sin(radians(longitude::float8 - %s) / 2), 2)))))"
)
