"""What the database backend searches (`search.backends.database`), and the changes waiting for an engine.

`SearchEntry` holds one public `search.contract.Document` per row, with its texts folded by
`search.text.normalise`. On PostgreSQL a migration adds what the ORM does not describe: a stored generated
`search_vector` (title weighted A, body B) with a GIN index, and trigram indexes for typo tolerance.
"""

from django.db import models


class SearchEntry(models.Model):
    """One indexed document, as the public may see it (nothing else is ever written here)."""

    key = models.CharField(max_length=80, unique=True)
    kind = models.CharField(max_length=20)
    language = models.CharField(max_length=10, blank=True)
    title = models.TextField()
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    title_norm = models.TextField(blank=True)
    body_norm = models.TextField(blank=True)
    country = models.CharField(max_length=2, blank=True)
    property_type = models.CharField(max_length=30, blank=True)
    status = models.CharField(max_length=30, blank=True)
    themes = models.JSONField(default=list, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    # The document's own last change (ISO 8601), compared by `search_check`.
    updated_at = models.CharField(max_length=40, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["kind"], name="search_entry_kind"),
            models.Index(fields=["country"], name="search_entry_country"),
            models.Index(fields=["property_type"], name="search_entry_property_type"),
            models.Index(fields=["status"], name="search_entry_status"),
            models.Index(fields=["latitude", "longitude"], name="search_entry_point"),
        ]

    def __str__(self):
        return self.key


class SearchWord(models.Model):
    """A folded word of an indexed title or body: the vocabulary "did you mean" picks from (kept as
    documents are indexed, renewed by a rebuild; a suggestion is only made if the index still has it)."""

    word = models.CharField(max_length=100, unique=True)

    def __str__(self):
        return self.word


class PendingChange(models.Model):
    """A document key whose change could not reach the engine (it was unavailable): indexed later by
    `search.indexing.flush_pending`."""

    key = models.CharField(max_length=80)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["created_at"], name="search_pending_created")]

    def __str__(self):
        return self.key
