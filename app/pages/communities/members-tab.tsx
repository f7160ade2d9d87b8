import { useLingui } from '@lingui/react';
import { Button, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from '../../components/page-states.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useCommunity } from './community-context.ts';
import { InvitationsPanel } from './invitations-panel.tsx';
import { JoinRequests } from './join-requests.tsx';
import { MemberList } from './member-list.tsx';

/** /communities/:slug/members: the members; leaders also answer requests and invite people. */
export function MembersTab() {
  const { _ } = useLingui();
  const { home, slug } = useCommunity();
  useDocumentTitle(`${_('communities.tabs.members')} · ${home.community.name}`);
  const { viewer } = home;
  if (!viewer.canSeeMembers) {
    return (
      <EmptyState
        title={_('communities.members.signIn.title')}
        action={
          <Button
            component={Link}
            to={`/signin?next=${encodeURIComponent(`/communities/${slug}/members`)}`}
            variant="light"
            mt="sm"
          >
            {_('communities.signIn')}
          </Button>
        }
      >
        {_('communities.members.signIn.text')}
      </EmptyState>
    );
  }
  return (
    <Stack gap="lg">
      {viewer.canManage ? (
        <JoinRequests slug={slug} moderated={home.community.joinPolicy === 'request'} />
      ) : null}
      <MemberList home={home} />
      {viewer.canManage ? <InvitationsPanel slug={slug} /> : null}
    </Stack>
  );
}
