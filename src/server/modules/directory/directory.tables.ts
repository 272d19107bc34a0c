import {
  boolean,
  doublePrecision,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
  date,
} from 'drizzle-orm/pg-core';
import type { TLocalizedText } from '../../../shared/localized.js';

type Capacity = { key: string; label: TLocalizedText; value: number };
type Hours = { days: number[]; opens: string; closes: string };
type Address = { street: string; postcode: string | null; city: string };

/** Organisations: the municipality, partners, NGOs, public agencies. */
export const organisations = pgTable('organisations', {
  tenantId: uuid('tenant_id').notNull(),
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull(),
  kind: text('kind').notNull(),
  name: jsonb('name').$type<TLocalizedText>().notNull(),
  shortName: text('short_name'),
  website: text('website'),
  phone: text('phone'),
  searchText: text('search_text').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Funding programmes (OPS / MIS codes, budgets, funders). */
export const fundingProgrammes = pgTable('funding_programmes', {
  tenantId: uuid('tenant_id').notNull(),
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull(),
  name: jsonb('name').$type<TLocalizedText>().notNull(),
  funder: text('funder').notNull(),
  budgetEur: numeric('budget_eur', { precision: 14, scale: 2, mode: 'number' }),
  periodStart: date('period_start', { mode: 'string' }),
  periodEnd: date('period_end', { mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Structures (δομές): the places and programmes that serve people. */
export const structures = pgTable('structures', {
  tenantId: uuid('tenant_id').notNull(),
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  type: text('type').notNull(),
  name: jsonb('name').$type<TLocalizedText>().notNull(),
  summary: jsonb('summary').$type<TLocalizedText>().notNull(),
  description: jsonb('description').$type<TLocalizedText>().notNull(),
  audience: jsonb('audience').$type<TLocalizedText>().notNull(),
  community: smallint('community'),
  confidential: boolean('confidential').notNull().default(false),
  address: jsonb('address').$type<Address>(),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  openingHours: jsonb('opening_hours').$type<Hours[]>().notNull().default([]),
  hoursNote: jsonb('hours_note').$type<TLocalizedText>(),
  phones: text('phones').array().notNull().default([]),
  email: text('email'),
  languages: text('languages').array().notNull().default([]),
  fundingProgrammeId: uuid('funding_programme_id'),
  capacity: jsonb('capacity').$type<Capacity[]>().notNull().default([]),
  mechanics: text('mechanics').array().notNull().default([]),
  domainRow: smallint('domain_row'),
  nameSearch: text('name_search').notNull().default(''),
  searchText: text('search_text').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Services a structure offers. */
export const services = pgTable('services', {
  tenantId: uuid('tenant_id').notNull(),
  id: uuid('id').primaryKey().defaultRandom(),
  structureId: uuid('structure_id').notNull(),
  slug: text('slug').notNull(),
  position: integer('position').notNull().default(0),
  name: jsonb('name').$type<TLocalizedText>().notNull(),
  description: jsonb('description').$type<TLocalizedText>().notNull(),
  needs: text('needs').array().notNull().default([]),
  eligibility: jsonb('eligibility').$type<TLocalizedText>(),
  documents: jsonb('documents').$type<TLocalizedText[]>().notNull().default([]),
  cost: jsonb('cost').$type<TLocalizedText>(),
  languages: text('languages').array().notNull().default([]),
  searchText: text('search_text').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
