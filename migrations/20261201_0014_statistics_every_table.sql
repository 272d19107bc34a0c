-- The statistics refresh analyses every table of the schema, so that a migration adding a table
-- no longer has to repeat the function with one more line (0009, 0011, 0012 and 0013 each did).
-- ANALYZE samples at most 30,000 rows of a table: the small ones cost next to nothing.
CREATE OR REPLACE FUNCTION merimna_refresh_statistics() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  t text;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename LOOP
    EXECUTE format('ANALYZE %I', t);
  END LOOP;
END;
$$;
REVOKE ALL ON FUNCTION merimna_refresh_statistics() FROM PUBLIC;
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'merimna_app') THEN
    EXECUTE 'GRANT EXECUTE ON FUNCTION merimna_refresh_statistics() TO merimna_app';
  END IF;
END
$$;
