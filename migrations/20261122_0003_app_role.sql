-- The application's own database role: no superuser, no BYPASSRLS, and no UPDATE, DELETE or
-- TRUNCATE on the audit trail. Migrations run as the owner; the server then works as this role
-- (SET ROLE, see platform/db). Where the migrating user may not create roles (a managed
-- database), the role is expected to exist already; if it does not, nothing here fails and the
-- server keeps working as the connecting user (it logs a warning).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'merimna_app') THEN
    BEGIN
      CREATE ROLE merimna_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'cannot create role merimna_app; create it with the database administrator';
    END;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'merimna_app') THEN
    EXECUTE 'GRANT USAGE ON SCHEMA public TO merimna_app';
    EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO merimna_app';
    EXECUTE 'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO merimna_app';
    EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM merimna_app';
    EXECUTE 'REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM merimna_app';
    EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO merimna_app';
    EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO merimna_app';
  END IF;
END
$$;
