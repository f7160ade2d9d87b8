import { useLingui } from '@lingui/react';
import type { Milestone } from '../../../common/contracts/milestones.ts';
import { milestoneKindMessages } from '../../../common/enums.ts';

/** "A resource used ten times" names the resource; the others are their kind. */
export function useMilestoneLabel() {
  const { _ } = useLingui();
  return (milestone: Pick<Milestone, 'kind'> & { resource?: Milestone['resource'] }) =>
    milestone.resource
      ? _('milestones.resourceUsed', { title: milestone.resource.title })
      : _(milestoneKindMessages[milestone.kind]);
}
