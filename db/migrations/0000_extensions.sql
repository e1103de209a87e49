-- Custom SQL migration file, put your code below! ---- Trigram search on users (works on PostgreSQL and in PGlite contrib).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
