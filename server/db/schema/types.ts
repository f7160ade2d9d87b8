import { customType } from 'drizzle-orm/pg-core';

/** A `tsvector` column; Drizzle has no built-in type for it. */
export const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});

/** A `bit varying` column (a string of 0s and 1s); Drizzle has no built-in type for it. */
export const varbit = customType<{ data: string }>({
  dataType() {
    return 'bit varying';
  },
});
