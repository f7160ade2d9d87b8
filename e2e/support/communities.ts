import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  expect,
  type Locator,
  type Page,
} from '@playwright/test';
import { type Account, administrator, createConfirmedPerson, newAccount, signIn } from './accounts.ts';
import { e2eDataDir } from './run-data.ts';

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

/*
 * The server limits sign-ups per address (10 an hour) and sign-ins per account (10 in 15 minutes), and
 * every journey comes from 127.0.0.1. So the community journeys share two people, created once per run,
 * and sign each person in through the page once, then reuse that session in new browser contexts. Each
 * journey still creates its own communities, so they never depend on each other's data.
 *
 * The "cast" project (e2e/foundation/cast.spec.ts) creates them before the journeys start, and writes
 * them beside the run's fresh data folder (which the e2e server empties when it starts): the journeys
 * run in two workers, and a worker (or the new one Playwright starts after a failed journey) reads them
 * there rather than creating a second "Jean Lave" that a name search would then find twice.
 */
type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
const sessions = new Map<string, StorageState>();
const people = new Map<string, Promise<Account>>();
const castFolder = path.join(e2eDataDir, 'journeys-cast');

/** A signed-in page for `account` in a fresh browser context (signing in through the page only once). */
export async function signInOnce(browser: Browser, account: Account): Promise<Page> {
  const state = sessions.get(account.email);
  if (!state) {
    const page = await signIn(browser, account);
    sessions.set(account.email, await page.context().storageState());
    return page;
  }
  const page = await (await browser.newContext({ storageState: state })).newPage();
  await page.goto('/');
  const firstName = account.name.split(' ')[0] ?? account.name;
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${firstName}` })).toBeVisible();
  return page;
}

/** The administrator, signed in (once per run). */
export function signInAdministrator(browser: Browser): Promise<Page> {
  return signInOnce(browser, administrator);
}

const cast = { leader: 'Etienne Wenger', member: 'Jean Lave' } as const;

/** One of the two people the community journeys share: "leader" proposes, "member" joins. */
export function communityPerson(admin: APIRequestContext, part: keyof typeof cast): Promise<Account> {
  let person = people.get(part);
  if (!person) {
    person = castMember(admin, part).catch((error: unknown) => {
      people.delete(part);
      throw error;
    });
    people.set(part, person);
  }
  return person;
}

async function castMember(admin: APIRequestContext, part: keyof typeof cast): Promise<Account> {
  const file = path.join(castFolder, `${part}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Account;
  const account = newAccount(cast[part]);
  await createConfirmedPerson(admin, account);
  mkdirSync(castFolder, { recursive: true });
  writeFileSync(file, JSON.stringify(account));
  return account;
}

/**
 * The cast most journeys start with: the administrator, a leader who proposed an open,
 * institution-only community (approved by the administrator) and a member who joined it, each signed in.
 */
export async function leaderAndMember(browser: Browser, community: { name: string; purpose: string }) {
  const admin = await signInAdministrator(browser);
  const leaderAccount = await communityPerson(admin.request, 'leader');
  const memberAccount = await communityPerson(admin.request, 'member');
  const leader = await signInOnce(browser, leaderAccount);
  const slug = await createCommunity(leader.request, admin.request, {
    name: `${community.name} ${uniqueWord('')}`,
    purpose: community.purpose,
    visibility: 'institution',
    joinPolicy: 'open',
  });
  const member = await signInOnce(browser, memberAccount);
  const joined = await member.request.post(`/api/communities/${slug}/join`, { data: {} });
  expect(joined.ok(), await joined.text()).toBe(true);
  return { admin, leader, leaderAccount, member, memberAccount, slug };
}
