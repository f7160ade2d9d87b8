import { customType } from 'drizzle-orm/pg-core';

/** A `tsvector` column; Drizzle has no built-in type for it. */
export const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});
