/**
 * The signed-in home and the public pages around it, through the typed client: "What's new in your
 * communities" (GET /api/home) and writing to the coordinators (POST /api/contact).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import type { paths } from './openapi.gen.ts';
import { keys } from './queries.ts';
import { api, dataOf, type Json } from './typed-client.ts';

/** The JSON body of POST /api/contact (name and email only when signed out). */
export type ContactMessage = Json<paths['/api/contact']['post']['requestBody']>;

/** What is new in the signed-in person's communities: announcements, active discussions, next meetings. */
export function useWhatsNew() {
  return useQuery({
    queryKey: keys.home,
    queryFn: async () => dataOf(await api.GET('/api/home')),
  });
}

/** Writing to the coordinators (nothing the visitor sees is cached: their inbox is theirs). */
export function useContactMutation() {
  return useMutation({
    mutationFn: async (body: ContactMessage) => dataOf(await api.POST('/api/contact', { body })),
  });
}
