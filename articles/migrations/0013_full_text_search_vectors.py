"""On PostgreSQL, a stored full-text search vector per article and per event, kept by triggers.

PostgreSQL only (SQLite searches the folded `search_text` column): the columns, functions,
triggers and indexes live outside the Django models, so the SQLite schema and
`makemigrations --check` are unaffected (a PostgreSQL-only model column broke the SQLite run).

- For every text-search configuration PostgreSQL ships, a copy `unaccented_<name>` that strips
  accents before its own dictionaries, so "Quang Ninh" finds "Quảng Ninh" and "đà nẵng" finds
  "Đà Nẵng" while Indonesian, English and Swedish still stem.
- `articles_search_config(name)`: the copy for `Language.search_config` (the one place a
  language's configuration is named), `unaccented_simple` for a name PostgreSQL lacks
  (Vietnamese, or a new language).
- Triggers fill `search_vector` on every write path (admin save, importer, bulk_create, COPY,
  queryset.update), the title weighted A above the body (or summary and place) B. A trigger
  also adds the words of event titles and places to `articles_search_word`, the vocabulary
  misspellings are corrected against: once per statement, so bulk inserts pay one INSERT.
- The trigram indexes of 0004 served the `LIKE` search this replaces; they are dropped.

On an existing archive this rewrites every article row once (the fill) and builds the GIN
indexes; see benchmarks/results/search.md for the time it takes.
"""

from django.db import migrations

CONFIG_COPIES = """
DO $$
DECLARE cfg record; dicts text;
BEGIN
  FOR cfg IN SELECT cfgname FROM pg_ts_config WHERE cfgnamespace = 'pg_catalog'::regnamespace LOOP
    SELECT string_agg(d.dictname, ', ' ORDER BY m.mapseqno) INTO dicts
      FROM pg_ts_config_map m JOIN pg_ts_dict d ON d.oid = m.mapdict
     WHERE m.mapcfg = cfg.cfgname::regconfig
       AND m.maptokentype = (SELECT tokid FROM ts_token_type('default') WHERE alias = 'word');
    EXECUTE format('CREATE TEXT SEARCH CONFIGURATION %I (COPY = pg_catalog.%I)',
                   'unaccented_' || cfg.cfgname, cfg.cfgname);
    EXECUTE format('ALTER TEXT SEARCH CONFIGURATION %I ALTER MAPPING FOR hword, hword_part, word '
                   'WITH unaccent, %s', 'unaccented_' || cfg.cfgname, dicts);
  END LOOP;
END $$;
"""

FUNCTIONS = """
CREATE FUNCTION articles_search_config(name text) RETURNS regconfig
LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT oid::regconfig FROM pg_ts_config
      WHERE cfgname = 'unaccented_' || name AND cfgnamespace = current_schema()::regnamespace),
    'unaccented_simple'::regconfig)
$$;

CREATE FUNCTION articles_article_search_vector() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE cfg regconfig := articles_search_config(
  (SELECT search_config FROM articles_language WHERE code = NEW.language_id));
BEGIN
  NEW.search_vector := setweight(to_tsvector(cfg, coalesce(NEW.title, '')), 'A')
                    || setweight(to_tsvector(cfg, coalesce(NEW.body, '')), 'B');
  RETURN NEW;
END $$;

CREATE FUNCTION articles_event_search_vector() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := setweight(to_tsvector('unaccented_simple', coalesce(NEW.title, '')), 'A')
    || setweight(to_tsvector('unaccented_simple',
                             coalesce(NEW.summary, '') || ' ' || coalesce(NEW.place, '')), 'B');
  RETURN NEW;
END $$;

CREATE FUNCTION articles_event_search_words() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO articles_search_word (word)
  SELECT DISTINCT lexeme
    FROM changed, unnest(to_tsvector('unaccented_simple', changed.title || ' ' || changed.place))
   WHERE length(lexeme) > 2
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
"""

SCHEMA = """
ALTER TABLE articles_article ADD COLUMN search_vector tsvector;
ALTER TABLE articles_event ADD COLUMN search_vector tsvector;
CREATE TABLE articles_search_word (word text PRIMARY KEY);
CREATE TRIGGER article_search_vector BEFORE INSERT OR UPDATE OF title, body, language_id
  ON articles_article FOR EACH ROW EXECUTE FUNCTION articles_article_search_vector();
CREATE TRIGGER event_search_vector BEFORE INSERT OR UPDATE OF title, summary, place
  ON articles_event FOR EACH ROW EXECUTE FUNCTION articles_event_search_vector();
CREATE TRIGGER event_search_words_inserted AFTER INSERT ON articles_event
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION articles_event_search_words();
CREATE TRIGGER event_search_words_updated AFTER UPDATE ON articles_event
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION articles_event_search_words();
"""

# The triggers compute the vectors; touching a column they watch fills the existing rows.
# The trigram indexes go first, or the fill would update them for every row it rewrites.
FILL = """
DROP INDEX IF EXISTS articles_article_search_trgm;
DROP INDEX IF EXISTS articles_event_search_trgm;
UPDATE articles_article SET title = title;
UPDATE articles_event SET title = title;
CREATE INDEX article_search_vector_idx ON articles_article USING gin (search_vector);
CREATE INDEX event_search_vector_idx ON articles_event USING gin (search_vector);
CREATE INDEX search_word_trgm_idx ON articles_search_word USING gin (word gin_trgm_ops);
"""

DROP = """
DROP TABLE articles_search_word;
DROP TRIGGER article_search_vector ON articles_article;
DROP TRIGGER event_search_vector ON articles_event;
DROP TRIGGER event_search_words_inserted ON articles_event;
DROP TRIGGER event_search_words_updated ON articles_event;
ALTER TABLE articles_article DROP COLUMN search_vector;
ALTER TABLE articles_event DROP COLUMN search_vector;
DROP FUNCTION articles_event_search_words();
DROP FUNCTION articles_event_search_vector();
DROP FUNCTION articles_article_search_vector();
DROP FUNCTION articles_search_config(text);
CREATE INDEX articles_article_search_trgm ON articles_article USING gin (search_text gin_trgm_ops);
CREATE INDEX articles_event_search_trgm ON articles_event USING gin (search_text gin_trgm_ops);
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for sql in (CONFIG_COPIES, FUNCTIONS, SCHEMA, FILL):
        schema_editor.execute(sql, params=None)  # no placeholders: `%I` is format()'s


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(DROP, params=None)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgname LIKE 'unaccented\\_%'")
        for (name,) in cursor.fetchall():
            schema_editor.execute(f'DROP TEXT SEARCH CONFIGURATION "{name}"', params=None)


class Migration(migrations.Migration):
    dependencies = [("articles", "0012_event_is_public")]

    operations = [migrations.RunPython(create, drop)]
