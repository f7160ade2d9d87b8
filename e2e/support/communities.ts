import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';

export interface CommunityInput {
  name: string;
  purpose: string;
  kind?: 'community_of_practice' | 'council';
  objectives?: string;
  topics?: string[];
  audience?: 'staff' | 'students' | 'everyone';
  format?: 'online' | 'in_person' | 'hybrid';
  visibility?: 'public' | 'institution' | 'private';
  joinPolicy?: 'open' | 'request' | 'invitation';
}

/**
 * Creates a community the way Copse does (for journeys whose subject is something else): `proposer`
 * proposes it and becomes its leader, `coordinator` (the administrator) approves it. Returns its slug.
 */
export async function createCommunity(
  proposer: APIRequestContext,
  coordinator: APIRequestContext,
  input: CommunityInput,
): Promise<string> {
  const proposed = await proposer.post('/api/proposals', { data: input });
  expect(proposed.status(), await proposed.text()).toBe(201);
  const { data: proposal } = (await proposed.json()) as { data: { id: string } };
  const approved = await coordinator.post(`/api/proposals/${proposal.id}/approve`, { data: {} });
  expect(approved.ok(), await approved.text()).toBe(true);
  const { data } = (await approved.json()) as { data: { community: { slug: string } | null } };
  expect(data.community).not.toBeNull();
  return data.community?.slug ?? '';
}

/**
 * A word (letters only, so full-text search keeps it whole) that no other journey uses, so searches and
 * filters see only this journey's communities.
 */
export function uniqueWord(prefix: string): string {
  const n = Date.now() * 1000 + Math.floor(Math.random() * 1000);
  const letters = n
    .toString(26)
    .split('')
    .map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 26)))
    .join('');
  return `${prefix}${letters}`;
}

/**
 * The open dialog named `name`, once its opening transition has ended (axe measures contrast on what
 * is painted, and a half-faded dialog fails it).
 */
export async function openDialog(page: Page, name: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveCSS('opacity', '1');
  return dialog;
}
