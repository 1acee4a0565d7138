-- The role OMS Desktop's workstations connect as on a shared PostgreSQL server: it reads and writes rows and
-- nothing more. It owns nothing, so it cannot ALTER or DROP a table, disable a trigger (only a table's owner or a
-- superuser can) or TRUNCATE (not granted); it cannot create anything in the schema, make roles or databases,
-- replicate, bypass row security, or change alembic_version (the schema is migrated by the owner with `oms init`).
--
-- Run it as a superuser (or the database's owner), in the OMS database, after `oms init` has created the schema:
--   psql -h SERVER -U postgres -d oms -v owner=oms_owner -v app_role=oms_app -v app_password='...' \
--        -f packaging/postgres/app_role.sql
-- It is idempotent: run it again after each upgrade to be sure (default privileges already cover new tables that
-- the owner creates). docs/shared_server.md walks through the whole set-up.
\set ON_ERROR_STOP on

SELECT format('CREATE ROLE %I LOGIN', :'app_role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app_role') \gexec

ALTER ROLE :"app_role" LOGIN PASSWORD :'app_password'
      NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS;

-- nobody but the owner creates objects in the schema (PostgreSQL 15's default; older servers granted it to PUBLIC)
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), :'app_role') \gexec
GRANT USAGE ON SCHEMA public TO :"app_role";

-- rows: read and write; TRUNCATE, REFERENCES and TRIGGER are not granted
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO :"app_role";
-- the schema's version is the owner's to change
REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM :"app_role";

-- tables and sequences a later migration creates (as the owner) get the same grants
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
      GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_role";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
      GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO :"app_role";
