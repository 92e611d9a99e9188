import { type AnyColumn, sql } from 'drizzle-orm';

/** Case-insensitive name order that is the same on PGlite (C collation) and on a server with a locale. */
export const byName = (column: AnyColumn) => sql`lower(${column}) collate "C"`;
