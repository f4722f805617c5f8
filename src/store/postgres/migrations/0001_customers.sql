-- Foundation of the PostgreSQL schema: trigram search support. pg_trgm is a trusted extension, so
-- the database owner may create it without being a superuser; it lives in public so that every
-- schema on the search path (one per test run) shares one copy.
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
