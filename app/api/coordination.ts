/**
 * The coordinators' inbox of contact requests: the lists, one request, replying and marking it done or
 * open again; through the typed client. A change answers with the updated request, which goes straight
 * into its cache; the lists are read again.
 */
import {
  type QueryClient,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { filled } from './directory.ts';
import type { paths } from './openapi.gen.ts';
import { keys } from './queries.ts';
import { api, cursorPages, dataOf, pageOf } from './typed-client.ts';

type ContactRequestAnswer =
  paths['/api/coordinator/contact-requests/{id}']['get']['responses'][200]['content']['application/json']['data'];

/** The inbox's requests with one status, newest first, one page after another. */
export function useContactRequests(status: 'open' | 'done') {
  return useInfiniteQuery({
    queryKey: [...keys.contactRequests, 'list', status],
    queryFn: async ({ pageParam }) =>
      pageOf(
        await api.GET('/api/coordinator/contact-requests', {
          params: { query: filled({ status, cursor: pageParam }) },
        }),
      ),
    ...cursorPages,
  });
}

export function contactRequestQuery(id: string) {
  return queryOptions({
    queryKey: keys.contactRequest(id),
    queryFn: async () =>
      dataOf(await api.GET('/api/coordinator/contact-requests/{id}', { params: { path: { id } } })),
  });
}

/** One contact request with its answers. */
export function useContactRequest(id: string) {
  return useQuery(contactRequestQuery(id));
}

async function updated(queryClient: QueryClient, id: string, request: ContactRequestAnswer) {
  queryClient.setQueryData(keys.contactRequest(id), request);
  await queryClient.invalidateQueries({ queryKey: [...keys.contactRequests, 'list'] });
}

/** Answers a contact request (the server mails the answer). */
export function useContactReplyMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { body: string }) =>
      dataOf(
        await api.POST('/api/coordinator/contact-requests/{id}/replies', { params: { path: { id } }, body }),
      ),
    onSuccess: (request) => updated(queryClient, id, request),
  });
}

/** Marks a contact request done, or open again. */
export function useContactStatusMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (path: 'done' | 'reopen') => {
      const params = { path: { id } };
      return dataOf(
        path === 'done'
          ? await api.POST('/api/coordinator/contact-requests/{id}/done', { params })
          : await api.POST('/api/coordinator/contact-requests/{id}/reopen', { params }),
      );
    },
    onSuccess: (request) => updated(queryClient, id, request),
  });
}
