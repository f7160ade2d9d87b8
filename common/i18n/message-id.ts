// Message ids are the keys of the English catalog: a typo or a key missing from it fails the type check.
import type {} from '@lingui/core';
import type en from './catalogs/en.ts';

export type MessageId = keyof typeof en;

declare module '@lingui/core' {
  interface Register {
    messageIds: MessageId;
  }
}
