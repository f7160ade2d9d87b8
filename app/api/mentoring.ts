/** Mentoring (#18 §2) through the typed client. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MentoringSide, MentoringSlot } from '../../common/enums.ts';
import { api, dataOf, pageOf } from './typed-client.ts';

export function useMentoring() {
  return useQuery({
    queryKey: ['mentoring', 'mine'],
    queryFn: async () => dataOf(await api.GET('/api/mentoring')),
  });
}

export function useMentoringSkills() {
  return useQuery({
    queryKey: ['mentoring', 'skills'],
    queryFn: async () => dataOf(await api.GET('/api/mentoring/skills')),
    staleTime: 5 * 60_000,
  });
}

export function useMentorSuggestions(enabled: boolean) {
  return useQuery({
    queryKey: ['mentoring', 'suggestions'],
    queryFn: async () => dataOf(await api.GET('/api/mentoring/suggestions')),
    enabled,
  });
}

function useMentoringMutation<T>(run: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['mentoring'] }),
  });
}

export interface OfferInput {
  skills: string[];
  availability: string;
  weekly: MentoringSlot[];
  cap?: number;
  active: boolean;
}

export function useSaveOffer(side: MentoringSide) {
  return useMentoringMutation(async (body: OfferInput) =>
    dataOf(await api.PUT('/api/mentoring/offers/{side}', { params: { path: { side } }, body })),
  );
}

export function useRemoveOffer(side: MentoringSide) {
  return useMentoringMutation(async () =>
    dataOf(await api.DELETE('/api/mentoring/offers/{side}', { params: { path: { side } } })),
  );
}

export function useRequestMentor() {
  return useMentoringMutation(async (body: { mentorId: string; message: string }) =>
    dataOf(await api.POST('/api/mentoring/pairs', { body })),
  );
}

export function usePair(id: string) {
  return useQuery({
    queryKey: ['mentoring', 'pair', id],
    queryFn: async () => dataOf(await api.GET('/api/mentoring/pairs/{id}', { params: { path: { id } } })),
  });
}

export function useAnswerRequest(id: string) {
  return useMentoringMutation(async (accept: boolean) =>
    dataOf(
      accept
        ? await api.POST('/api/mentoring/pairs/{id}/accept', { params: { path: { id } } })
        : await api.POST('/api/mentoring/pairs/{id}/decline', { params: { path: { id } } }),
    ),
  );
}

export function useClosePair(id: string) {
  return useMentoringMutation(async (reflection: string) =>
    dataOf(
      await api.POST('/api/mentoring/pairs/{id}/close', { params: { path: { id } }, body: { reflection } }),
    ),
  );
}

export function usePairNotes(id: string) {
  return useQuery({
    queryKey: ['mentoring', 'pair', id, 'notes'],
    queryFn: async () =>
      pageOf(
        await api.GET('/api/mentoring/pairs/{id}/notes', { params: { path: { id }, query: { limit: 50 } } }),
      ),
  });
}

export function useAddPairNote(id: string) {
  return useMentoringMutation(async (body: string) =>
    dataOf(await api.POST('/api/mentoring/pairs/{id}/notes', { params: { path: { id } }, body: { body } })),
  );
}

export function useSetPairMeeting(id: string) {
  return useMentoringMutation(
    async (body: { startsAt: string; minutes: number; place: string; url: string | null }) =>
      dataOf(await api.PUT('/api/mentoring/pairs/{id}/meeting', { params: { path: { id } }, body })),
  );
}

/** Coordinators and administrators: mentoring across the institution. */
export function useMentoringOverview() {
  return useQuery({
    queryKey: ['mentoring', 'overview'],
    queryFn: async () => dataOf(await api.GET('/api/mentoring/overview')),
  });
}

/** Who wrote the closing reflection makes a draft value story of it in one of their communities. */
export function useReflectionStory(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { slug: string; title?: string }) =>
      dataOf(await api.POST('/api/mentoring/pairs/{id}/story', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['stories'] }),
  });
}
