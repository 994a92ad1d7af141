"""PostgreSQL only: the weighted search vector (title A, body B) kept by the database itself, its GIN index,
and trigram indexes for typo tolerance. The SQLite demo skips this and searches with its simple fallback."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """ALTER TABLE platform_search_searchentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', title_norm), 'A') || setweight(to_tsvector('simple', body_norm), 'B')
    ) STORED""",
    "CREATE INDEX search_entry_vector ON platform_search_searchentry USING gin (search_vector)",
    "CREATE INDEX search_entry_title_trgm ON platform_search_searchentry USING gin (title_norm gin_trgm_ops)",
    "CREATE INDEX search_word_trgm ON platform_search_searchword USING gin (word gin_trgm_ops)",
    "CREATE INDEX search_entry_themes ON platform_search_searchentry USING gin (themes)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_themes",
    "DROP INDEX IF EXISTS search_word_trgm",
    "DROP INDEX IF EXISTS search_entry_title_trgm",
    "DROP INDEX IF EXISTS search_entry_vector",
    "ALTER TABLE platform_search_searchentry DROP COLUMN IF EXISTS search_vector",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("platform_search", "0001_initial")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
