"""On PostgreSQL the database itself refuses to update or delete audit entries.

TRUNCATE is left to the table owner (test databases are flushed with it).
"""

from django.db import migrations

FORWARD = """
CREATE FUNCTION calls_auditentry_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION USING MESSAGE = 'The audit log is append-only: ' || TG_OP || ' refused';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER calls_auditentry_append_only
    BEFORE UPDATE OR DELETE ON calls_auditentry
    FOR EACH STATEMENT EXECUTE FUNCTION calls_auditentry_append_only();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS calls_auditentry_append_only ON calls_auditentry;
DROP FUNCTION IF EXISTS calls_auditentry_append_only();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("calls", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
