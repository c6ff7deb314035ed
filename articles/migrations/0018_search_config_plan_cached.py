"""On PostgreSQL, `articles_search_config` (0013) in PL/pgSQL, with the same body.

Every article written runs it, from its search-vector trigger. As an SQL function called
from PL/pgSQL it is not inlined, and PostgreSQL 15 plans an SQL function's query again on
every call: rewriting 3,000 imported articles' vectors, the trigger cost 0.92 ms an article
where its to_tsvector calls alone take 0.48, and 0.64-0.75 once the function was PL/pgSQL,
whose query plan is kept for the session. The function's result is unchanged, so no stored vector changes.
"""

from django.db import migrations

BODY = """
  SELECT coalesce(
    (SELECT oid::regconfig FROM pg_ts_config
      WHERE cfgname = 'unaccented_' || name AND cfgnamespace = current_schema()::regnamespace),
    'unaccented_simple'::regconfig)
"""

PLPGSQL = f"""
CREATE OR REPLACE FUNCTION articles_search_config(name text) RETURNS regconfig
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN ({BODY});
END $$;
"""

SQL = f"""
CREATE OR REPLACE FUNCTION articles_search_config(name text) RETURNS regconfig
LANGUAGE sql STABLE AS $${BODY}$$;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PLPGSQL)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SQL)


class Migration(migrations.Migration):
    dependencies = [("articles", "0017_search_indexes_with_dates")]

    operations = [migrations.RunPython(forwards, backwards)]
