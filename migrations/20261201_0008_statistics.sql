-- Planner statistics for the tables that grow fast. PGlite has no autovacuum, and a server's
-- autovacuum may lag behind an import; meanwhile plans cached on a connection (among them the
-- foreign-key checks of every insert) keep the choices they made when the tables were empty,
-- such as a sequential scan of persons per inserted identifier. ANALYZE refreshes the statistics
-- and invalidates those plans. The application role may not ANALYZE tables it does not own, so
-- it calls this function, which runs as the owner and does nothing else.
CREATE FUNCTION merimna_refresh_statistics() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  ANALYZE persons;
  ANALYZE person_identifiers;
  ANALYZE registrations;
  ANALYZE person_links;
  ANALYZE match_reviews;
  ANALYZE household_members;
  ANALYZE consents;
  ANALYZE audit_event;
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
