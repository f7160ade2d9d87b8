import { useLingui } from '@lingui/react';

/**
 * A mentoring pair's person by name: an erased account keeps its pairs for the other person (closed),
 * with no name left, so it reads "A former member" as in discussions.
 */
export function usePersonName(): (person: { displayName: string } | null | undefined) => string {
  const { _ } = useLingui();
  return (person) => person?.displayName || _('discussions.common.formerMember');
}
