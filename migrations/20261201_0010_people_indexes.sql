-- Fewer indexes to maintain at every imported row: three were covered by others.
-- (tenant_id, person_id) is the prefix of the unique (tenant_id, person_id, type, value).
DROP INDEX IF EXISTS person_identifiers_person;
-- (tenant_id, person_id) is the prefix of the unique (tenant_id, person_id, structure_id).
DROP INDEX IF EXISTS registrations_person;
-- The swapped-names block reads persons_given_family_prefix (its family key in the C collation).
DROP INDEX IF EXISTS persons_swapped;
