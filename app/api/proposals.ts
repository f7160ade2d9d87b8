/**
 * Proposals of new communities: the lists, one proposal, making and changing one, its conversation and
 * its steps (review, the proposer's, the co-leaders' answers); through the typed client. Every mutation
 * answers with the updated proposal, which goes straight into its cache; the lists are read again.
 */
import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProposalStatus } from '../../common/enums.ts';
import { filled } from './directory.ts';
import type { paths } from './openapi.gen.ts';
import { keys } from './queries.ts';
import { api, cursorPages, dataOf, pageOf } from './typed-client.ts';

/** What a new proposal (and a change to one) sends. */
export type ProposalInput = NonNullable<
  paths['/api/proposals']['post']['requestBody']
>['content']['application/json'];

/** Proposals from GET /api/proposals, most recently active first, one page after another. */
export function useProposals(filters: { status?: ProposalStatus | undefined; mine?: boolean }) {
  return useInfiniteQuery({
    queryKey: [...keys.proposals, 'list', filters],
    queryFn: async ({ pageParam }) =>
      pageOf(
        await api.GET('/api/proposals', {
          params: {
            query: filled({
              status: filters.status,
              mine: filters.mine ? ('true' as const) : undefined,
              cursor: pageParam,
            }),
          },
        }),
      ),
    ...cursorPages,
  });
}

export function proposalQuery(id: string) {
  return queryOptions({
    queryKey: keys.proposal(id),
    queryFn: async () => dataOf(await api.GET('/api/proposals/{id}', { params: { path: { id } } })),
  });
}

/** One proposal with its leaders, conversation and what the viewer may do. */
export function useProposal(id: string) {
  return useQuery(proposalQuery(id));
}

/** Makes a proposal; it goes into its cache (the page it opens shows it at once) and the lists are read again. */
export function useCreateProposalMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ProposalInput) => dataOf(await api.POST('/api/proposals', { body })),
    onSuccess: async (created) => {
      queryClient.setQueryData(keys.proposal(created.id), created);
      await queryClient.invalidateQueries({ queryKey: keys.proposals });
    },
  });
}

/** Changes an open proposal. */
export function useUpdateProposalMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ProposalInput) =>
      dataOf(await api.PATCH('/api/proposals/{id}', { params: { path: { id } }, body })),
    onSuccess: async (updated) => {
      queryClient.setQueryData(keys.proposal(id), updated);
      await queryClient.invalidateQueries({ queryKey: keys.proposals });
    },
  });
}

/** Adds a comment to the proposal's conversation (the lists are not affected). */
export function useProposalMessageMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { body: string }) =>
      dataOf(await api.POST('/api/proposals/{id}/messages', { params: { path: { id } }, body })),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.proposal(id), updated);
    },
  });
}

/** One step of a proposal: a review or proposer step with its message, or a co-leader's answer. */
export type ProposalStep =
  | { path: 'approve' | 'request-changes' | 'decline' | 'resubmit' | 'withdraw'; message: string }
  | { path: 'leadership/accept' | 'leadership/decline' };

async function sendStep(id: string, step: ProposalStep) {
  const params = { path: { id } };
  switch (step.path) {
    case 'approve':
      return dataOf(
        await api.POST('/api/proposals/{id}/approve', { params, body: { message: step.message } }),
      );
    case 'request-changes':
      return dataOf(
        await api.POST('/api/proposals/{id}/request-changes', { params, body: { message: step.message } }),
      );
    case 'decline':
      return dataOf(
        await api.POST('/api/proposals/{id}/decline', { params, body: { message: step.message } }),
      );
    case 'resubmit':
      return dataOf(
        await api.POST('/api/proposals/{id}/resubmit', { params, body: { message: step.message } }),
      );
    case 'withdraw':
      return dataOf(
        await api.POST('/api/proposals/{id}/withdraw', { params, body: { message: step.message } }),
      );
    case 'leadership/accept':
      return dataOf(await api.POST('/api/proposals/{id}/leadership/accept', { params }));
    case 'leadership/decline':
      return dataOf(await api.POST('/api/proposals/{id}/leadership/decline', { params }));
  }
}

/** Sends one step of a proposal and puts the answer (the updated proposal) in the cache. */
export function useProposalStepMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (step: ProposalStep) => sendStep(id, step),
    onSuccess: async (updated) => {
      queryClient.setQueryData(keys.proposal(id), updated);
      await queryClient.invalidateQueries({ queryKey: keys.proposals });
    },
  });
}
