import { timestamp } from 'drizzle-orm/pg-core';

/** A point in time: stored as timestamptz (UTC), read as a JS Date. The one timestamp column type of the schema. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
