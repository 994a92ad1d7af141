"""The Elasticsearch backend, used when ELASTICSEARCH_URL is set.

One index per kind (`<prefix>-<kind>-<timestamp>`) behind an alias (`<prefix>-<kind>`); searches read the
five aliases together, so a rebuild loads new indices and swaps every alias in one atomic call. Matching
runs on `title_norm`/`body_norm`, the text folded by `search.text.normalise` (the same form the PostgreSQL
backend matches on), with a whitespace analyzer: the engine never folds differently from our own code.
`title`/`body` keep the text as written, analysed with a transliterating, diacritic-folding analyzer, only
so that highlights mark the words a folded query matched ("kuca" marks "Кућа").

Only words ever reach the engine (`search.text.query_words`): no query_string, no syntax from visitors.
An unreachable cluster, or one answering with an error, raises `SearchUnavailable`.
"""

import logging
import math
from datetime import UTC, datetime

from django.conf import settings
from django.utils.html import escape
from elasticsearch import ApiError, Elasticsearch, TransportError, helpers
from elasticsearch.dsl import A, GeoPoint, Index, Keyword, Mapping, Q, Search, Text, analyzer, char_filter, token_filter

# The highlight analyzer mirrors `network.text.fold`: the same transliteration table (one source of truth).
from network.text import CYRILLIC_TO_LATIN, LATIN_SPECIAL

from ..contract import FACETS, KINDS, MAX_PAGE_SIZE, Document, Hit, Query, Results
from ..text import normalise, query_words
from . import SearchBackend, SearchUnavailable
from . import usable_near as _near

logger = logging.getLogger(__name__)

MAX_RESULT_WINDOW = 10_000  # Elasticsearch's default index.max_result_window
BULK_CHUNK = 500
EXCERPT_CHARACTERS = 240  # as the database backend
LANGUAGE_TIER = 1000.0
# facet name -> field
FACET_FIELDS = {"kind": "kind", "country": "country", "property_type": "property_type", "status": "status",
                "theme": "themes"}
assert set(FACET_FIELDS) == set(FACETS)


def _fold_mappings() -> list[str]:
    """Mapping char filter rules: Cyrillic (both cases) and the Latin letters Unicode does not decompose,
    as `fold` writes them; asciifolding and lowercase do the rest."""
    rules = []
    for letter, latin in {**CYRILLIC_TO_LATIN, **LATIN_SPECIAL}.items():
        if not latin:
            continue  # ь, ъ: dropped by fold, harmless to keep for highlighting
        rules.extend({f"{letter} => {latin}", f"{letter.upper()} => {latin}"})
    return sorted(rules)


FOLDED = analyzer(
    "folded",
    tokenizer="standard",
    char_filter=[char_filter("transliterate", type="mapping", mappings=_fold_mappings())],
    filter=["lowercase", "asciifolding"],
)
# Autocomplete: every prefix of each normalised word (the query side is not split, see `autocomplete`).
WORD_PREFIXES = analyzer(
    "word_prefixes",
    tokenizer="whitespace",
    filter=[token_filter("word_prefix", type="edge_ngram", min_gram=1, max_gram=20)],
)


def _mapping() -> Mapping:
    mapping = Mapping()
    for name in ("key", "kind", "language", "country", "property_type", "status", "themes", "updated_at"):
        mapping.field(name, Keyword())
    mapping.field("title", Text(analyzer=FOLDED))
    mapping.field("body", Text(analyzer=FOLDED))
    mapping.field("title_norm", Text(
        analyzer="whitespace",
        fields={"prefix": Text(analyzer=WORD_PREFIXES, search_analyzer="whitespace"),
                "raw": Keyword(ignore_above=256)},
    ))
    mapping.field("body_norm", Text(analyzer="whitespace"))
    mapping.field("point", GeoPoint())
    mapping.field("url", Keyword(index=False))
    return mapping


def _source(document: Document) -> dict:
    source = {
        "key": document.key,
        "kind": document.kind,
        "title": document.title,
        "body": document.body,
        "title_norm": normalise(document.title),
        "body_norm": normalise(document.body),
        "url": document.url,
        "updated_at": document.updated_at,
        "themes": list(document.themes),
    }
    # Empty values are left out, so they never appear as a facet value.
    for name in ("language", "country", "property_type", "status"):
        if value := getattr(document, name):
            source[name] = value
    if document.point is not None:
        source["point"] = {"lat": float(document.point[0]), "lon": float(document.point[1])}
    return source


def _distance_km(point: dict | None, latitude: float, longitude: float) -> float | None:
    if not point:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (latitude, longitude, point["lat"], point["lon"]))
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return round(2 * 6371.0 * math.asin(min(1.0, math.sqrt(a))), 1)


def _excerpt(text: str) -> str:
    if len(text) <= EXCERPT_CHARACTERS:
        return escape(text)
    cut = text[:EXCERPT_CHARACTERS].rsplit(" ", 1)[0]
    return escape(cut) + " …"


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, url: str | None = None, prefix: str | None = None):
        self.client = Elasticsearch(url or settings.ELASTICSEARCH_URL, request_timeout=10, max_retries=1)
        self.prefix = prefix or settings.SEARCH_INDEX_PREFIX

    # names ---------------------------------------------------------------------------------------------
    def alias(self, kind: str) -> str:
        return f"{self.prefix}-{kind}"

    def _aliases(self) -> list[str]:
        return [self.alias(kind) for kind in KINDS]

    def _new_index(self, kind: str, suffix: str, *, aliased: bool) -> str:
        index = Index(f"{self.alias(kind)}-{suffix}", using=self.client)
        index.settings(number_of_shards=1, number_of_replicas=0)
        index.mapping(_mapping())
        if aliased:
            index.aliases(**{self.alias(kind): {}})
        index.create()
        return index._name

    def _ensure_aliases(self, kinds) -> None:
        """The first write of a kind creates its index; the fixed name makes two first writers agree."""
        for kind in set(kinds):
            if not self.client.indices.exists_alias(name=self.alias(kind)):
                try:
                    self._new_index(kind, "initial", aliased=True)
                except ApiError as error:
                    if error.status != 400:  # resource_already_exists: another writer was first
                        raise

    # writes --------------------------------------------------------------------------------------------
    def index(self, documents: list[Document]) -> None:
        documents = [document for document in documents if document.kind in KINDS]
        if not documents:
            return
        with _unavailable_on_error():
            self._ensure_aliases(document.kind for document in documents)
            actions = ({"_index": self.alias(d.kind), "_id": d.key, "_source": _source(d)} for d in documents)
            helpers.bulk(self.client, actions, chunk_size=BULK_CHUNK, refresh="wait_for")

    def delete(self, keys: list[str]) -> None:
        actions = []
        for key in keys:
            kind = key.partition(":")[0]
            if kind in KINDS:
                actions.append({"_op_type": "delete", "_index": self.alias(kind), "_id": key})
        if not actions:
            return
        with _unavailable_on_error():
            self._ensure_aliases(action["_index"].removeprefix(f"{self.prefix}-") for action in actions)
            _, errors = helpers.bulk(self.client, actions, refresh="wait_for", raise_on_error=False)
            failed = [error for error in errors if error.get("delete", {}).get("status") != 404]
            if failed:
                raise SearchUnavailable(f"Elasticsearch refused {len(failed)} deletions: {failed[:3]}")

    def rebuild(self, documents, *, progress=None) -> int:
        suffix = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
        with _unavailable_on_error():
            new = {kind: self._new_index(kind, suffix, aliased=False) for kind in KINDS}
            try:
                count = self._load(new, documents, progress)
                self.client.indices.refresh(index=",".join(new.values()))
            except BaseException:
                self.client.indices.delete(index=",".join(new.values()), ignore_unavailable=True)
                raise
            old = self._alias_holders()
            actions = [{"remove": {"index": index, "alias": alias}} for index, alias in old]
            actions += [{"add": {"index": index, "alias": self.alias(kind)}} for kind, index in new.items()]
            self.client.indices.update_aliases(actions=actions)
            stale = sorted({index for index, _ in old} - set(new.values()))
            if stale:
                self.client.indices.delete(index=",".join(stale), ignore_unavailable=True)
        return count

    def _load(self, new: dict[str, str], documents, progress) -> int:
        def actions():
            for document in documents:
                if document.kind in new:
                    yield {"_index": new[document.kind], "_id": document.key, "_source": _source(document)}

        count = 0
        for ok, _item in helpers.streaming_bulk(self.client, actions(), chunk_size=BULK_CHUNK, raise_on_error=True):
            if ok:
                count += 1
                if progress and count % BULK_CHUNK == 0:
                    progress(count)
        if progress:
            progress(count)
        return count

    def _alias_holders(self) -> list[tuple[str, str]]:
        """(index, alias) pairs behind this prefix's aliases now."""
        # Some aliases missing: a 404 whose body still lists the ones found (beside "error" and "status").
        found = self.client.options(ignore_status=404).indices.get_alias(name=",".join(self._aliases()))
        aliases = set(self._aliases())
        return [
            (index, alias)
            for index, value in found.body.items()
            if isinstance(value, dict)
            for alias in value.get("aliases", {})
            if alias in aliases
        ]

    # reads ---------------------------------------------------------------------------------------------
    def _search(self) -> Search:
        return Search(using=self.client, index=self._aliases()).params(ignore_unavailable=True,
                                                                        allow_no_indices=True)

    def indexed(self) -> dict[str, str]:
        with _unavailable_on_error():
            return {
                hit["_source"]["key"]: hit["_source"].get("updated_at", "")
                for hit in helpers.scan(self.client, index=",".join(self._aliases()), ignore_unavailable=True,
                                        allow_no_indices=True, _source=["key", "updated_at"],
                                        query={"query": {"match_all": {}}})
            }

    def search(self, query: Query) -> Results:
        words = query_words(query.text, query.language)
        near = _near(query)
        if not words and near is None:
            return Results(hits=[], total=0)  # nothing searchable typed (as the database backend answers)
        with _unavailable_on_error():
            results = self._run(query, words, near)
            if words and not results.total:
                # Did you mean: answer for the closest indexed words, and say so.
                corrected = self._corrections(words)
                if corrected != words:
                    results = self._run(query, corrected, near)
                    results.suggestion = " ".join(corrected)
        return results

    def _run(self, query: Query, words: list[str], near) -> Results:
        facet_filters = self._facet_filters(query)
        search = self._search().query(self._text_query(words, query.language))
        sort = ["_score"]
        if near is not None:
            latitude, longitude, km = near
            point = {"lat": latitude, "lon": longitude}
            search = search.filter("geo_distance", distance=f"{km}km", point=point)
            sort.append({"_geo_distance": {"point": point, "order": "asc", "unit": "km"}})
        search = search.sort(*sort, {"title_norm.raw": {"order": "asc"}}, {"key": {"order": "asc"}})
        if facet_filters:
            search = search.post_filter(Q("bool", filter=list(facet_filters.values())))
        # Each facet counts with every OTHER filter applied, so choosing a value never hides its siblings.
        for facet, field in FACET_FIELDS.items():
            others = [clause for name, clause in facet_filters.items() if name != facet]
            aggregation = A("filter", Q("bool", filter=others)) if others else A("filter", Q("match_all"))
            aggregation.bucket("values", "terms", field=field, size=100)
            search.aggs.bucket(facet, aggregation)
        if words:
            search = self._highlight(search, words)

        page_size = max(1, min(int(query.page_size or 20), MAX_PAGE_SIZE))
        start = (max(1, int(query.page or 1)) - 1) * page_size
        if start + page_size > MAX_RESULT_WINDOW:
            search = search[0:0]  # beyond the window: no hits, but the total and the facets still count
        else:
            search = search[start:start + page_size]
        response = search.extra(track_total_hits=True, _source=["key", "kind", "title", "body", "url", "point"]) \
            .execute()

        hits = [self._hit(hit, near) for hit in response.hits]
        # No index yet answers without aggregations.
        aggregations = response.to_dict().get("aggregations", {})
        facets = {
            facet: {
                bucket["key"]: bucket["doc_count"]
                for bucket in aggregations.get(facet, {}).get("values", {}).get("buckets", [])
            }
            for facet in FACET_FIELDS
        }
        return Results(hits=hits, total=response.hits.total.value, facets=facets)

    @staticmethod
    def _text_query(words: list[str], language: str):
        must = []
        for word in words:
            # Every word must match the title or the body, exactly or as a prefix. Typos are corrected only when
            # nothing matches (`_corrections`, "did you mean"), as on the database: a correctly spelt word never
            # also finds its near neighbours ("imovinom" is not "imovinu").
            must.append(Q("bool", should=[
                Q("multi_match", query=word, fields=["title_norm^3", "body_norm"]),
                Q("prefix", title_norm={"value": word, "boost": 1.5}),
                Q("prefix", body_norm={"value": word, "boost": 0.5}),
            ]))
        should = [Q("match_phrase", title_norm={"query": " ".join(words), "boost": 2})] if words else []
        should += _language_first(language)
        return Q("bool", must=must or [Q("match_all")], should=should)

    @staticmethod
    def _facet_filters(query: Query) -> dict:
        filters = {}
        if query.kinds:
            filters["kind"] = Q("terms", kind=list(query.kinds))
        for facet in ("country", "property_type", "status"):
            if value := getattr(query, facet):
                filters[facet] = Q("term", **{facet: value})
        if query.theme:
            filters["theme"] = Q("term", themes=query.theme)
        return filters

    @staticmethod
    def _highlight(search: Search, words: list[str]) -> Search:
        marks = Q("bool", should=[Q("match", body=word) for word in words]
                  + [Q("prefix", body=word) for word in words])
        return search.highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html") \
            .highlight("body", fragment_size=EXCERPT_CHARACTERS, number_of_fragments=1,
                       highlight_query=marks.to_dict())

    @staticmethod
    def _hit(hit, near) -> Hit:
        source = hit.to_dict()
        highlight = getattr(hit.meta, "highlight", None)
        fragments = highlight.to_dict().get("body") if highlight is not None else None
        if fragments:
            # The html encoder also escapes "/", which needs no escaping: write it as Django's escape() does.
            excerpt = fragments[0].replace("&#x2F;", "/")
        else:
            excerpt = _excerpt(source.get("body", ""))
        distance = _distance_km(source.get("point"), *near[:2]) if near else None
        return Hit(key=source["key"], kind=source["kind"], title=source.get("title", ""), url=source.get("url", ""),
                   highlight=excerpt, score=float(hit.meta.score or 0.0), distance_km=distance)

    def _corrections(self, words: list[str]) -> list[str]:
        """Each word, or the closest indexed word when the index does not know it (term suggesters)."""
        text = " ".join(words)
        search = self._search().extra(size=0)
        for field in ("title_norm", "body_norm"):
            search = search.suggest(field, text, term={"field": field, "suggest_mode": "missing"})
        # A word known to one field is "missing" from the other, whose suggester would replace it: count
        # where each word is indexed, and correct only the words no document holds (as the database does).
        search.aggs.bucket("known", "filters", filters={
            word: Q("bool", should=[Q("term", title_norm=word), Q("term", body_norm=word)]) for word in words
        })
        response = search.execute().to_dict()
        known = {word for word, bucket in response.get("aggregations", {}).get("known", {}).get("buckets", {}).items()
                 if bucket["doc_count"]}
        suggest = response.get("suggest", {})
        best: dict[str, tuple[float, int, str]] = {}
        for entries in suggest.values():
            for entry in entries:
                for option in entry.get("options", []):
                    candidate = (option["score"], option["freq"], option["text"])
                    if candidate > best.get(entry["text"], (0.0, 0, "")):
                        best[entry["text"]] = candidate
        return [best[word][2] if word in best and word not in known else word for word in words]

    def autocomplete(self, text: str, *, language: str = "", limit: int = 8) -> list[dict]:
        words = query_words(text)
        if not words:
            return []
        *complete, last = words
        must = [Q("match", title_norm=word) for word in complete]
        must.append(Q("bool", should=[Q("match", **{"title_norm.prefix": last}), Q("match", title_norm=last)]))
        limit = max(1, min(int(limit or 8), 20))
        search = self._search().query(Q("bool", must=must, should=_language_first(language))) \
            .sort("_score", {"title_norm.raw": {"order": "asc"}}).extra(_source=["title", "url", "kind"])[:limit]
        with _unavailable_on_error():
            response = search.execute()
        return [{"title": hit.title, "url": hit.url, "kind": hit.kind} for hit in response.hits]


def _language_first(language: str) -> list:
    """Documents in the visitor's language, or in several (no language), come first: a boost far above any
    text score makes it a tier, as the database backend's ORDER BY does."""
    if not language:
        return []
    same = Q("bool", should=[Q("term", language=language), Q("bool", must_not=[Q("exists", field="language")])])
    return [Q("constant_score", filter=same, boost=LANGUAGE_TIER)]


class _unavailable_on_error:
    """Any transport failure or error answer becomes `SearchUnavailable` (logged): pages say search is down."""

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if isinstance(error, TransportError | ApiError | helpers.BulkIndexError):
            logger.warning("Elasticsearch unavailable: %s", error)
            raise SearchUnavailable(str(error)) from error
        return False
