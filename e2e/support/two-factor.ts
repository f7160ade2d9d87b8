import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { activate, typeInto } from './keyboard.ts';
import { e2eDataDir } from './run-data.ts';

/*
 * The authenticator "app" of the journeys: the secret each person set up, and the last 30-second time
 * step whose code was used (the server takes a code once), kept in the run's data folder so every worker
 * (and the new one Playwright starts after a failed journey) signs the administrator in with the same
 * secret.
 */
const folder = path.join(e2eDataDir, 'journeys-authenticators');
const fileOf = (email: string) => path.join(folder, `${email.replace(/[^a-z0-9.@-]/gi, '_')}.json`);

interface Authenticator {
  secret: string;
  lastStep: number;
}

export const currentStep = () => Math.floor(Date.now() / 30_000);

/** The code an authenticator app shows for `secret` at time step `step`. */
export function codeAt(secret: string, step: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: step * 30_000,
  });
}

/** Keeps the secret a person set up (and the step of the code they used to confirm it). */
export function rememberAuthenticator(email: string, secret: string, lastStep: number): void {
  mkdirSync(folder, { recursive: true });
  const authenticator: Authenticator = { secret: secret.replace(/\s+/g, ''), lastStep };
  writeFileSync(fileOf(email), JSON.stringify(authenticator));
}

/**
 * A code not used yet for the person: the current step's, else the next one's (the server accepts one
 * step either side); past that, it waits for the next step to begin.
 */
export async function nextCode(email: string): Promise<string> {
  const file = fileOf(email);
  if (!existsSync(file)) throw new Error(`no authenticator set up for ${email} in this run`);
  // Journeys run side by side sign the administrator in at the same moment: one worker at a time takes
  // a step (making a folder is atomic), so no two type the same code.
  const lock = `${file}.lock`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await takeNextCode(file);
  } finally {
    rmdirSync(lock);
  }
}

async function takeNextCode(file: string): Promise<string> {
  const known = JSON.parse(readFileSync(file, 'utf8')) as Authenticator;
  let step = Math.max(currentStep(), known.lastStep + 1);
  if (step > currentStep() + 1) {
    await new Promise((resolve) => setTimeout(resolve, (step - 1) * 30_000 - Date.now() + 200));
    step = Math.max(currentStep(), known.lastStep + 1);
  }
  writeFileSync(file, JSON.stringify({ ...known, lastStep: step }));
  return codeAt(known.secret, step);
}

/** Reads the setup key the page shows for typing into an app, without its spaces. */
export async function readSetupKey(page: Page): Promise<string> {
  const key = page.getByRole('group', { name: 'Setup key' });
  await expect(key).toHaveText(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
  return ((await key.textContent()) ?? '').replace(/\s+/g, '');
}

/**
 * After the password on the sign-in page: types the code for a person who has two-factor on, or sets it
 * up (administrators and coordinators must) and continues past the recovery codes; nothing otherwise.
 */
export async function passSecondStep(page: Page, email: string): Promise<void> {
  const welcome = page.getByRole('heading', { level: 1, name: /^Welcome, / });
  const code = page.getByRole('heading', { level: 1, name: 'Enter your code' });
  const enrol = page.getByRole('heading', { level: 1, name: 'Set up two-factor sign-in' });
  await expect(welcome.or(code).or(enrol)).toBeVisible();
  if (await code.isVisible()) {
    // Journeys side by side may send the administrator's next two codes in the other order, and the
    // server takes no code older than the last one used: then the next code, as a person would.
    const used = page.getByRole('alert').filter({ hasText: 'That code was used already' });
    for (let attempt = 1; ; attempt++) {
      await typeInto(page.getByLabel(/^Code/), await nextCode(email));
      const answered = page.waitForResponse(
        (response) =>
          response.url().endsWith('/api/auth/two-factor/verify') && response.request().method() === 'POST',
      );
      await activate(page.getByRole('button', { name: 'Verify and sign in' }));
      if ((await answered).ok() || attempt === 3) break;
      await expect(used).toBeVisible();
    }
  } else if (await enrol.isVisible()) {
    const secret = await readSetupKey(page);
    const step = currentStep();
    rememberAuthenticator(email, secret, step);
    await typeInto(page.getByLabel(/^Code from the app/), codeAt(secret, step));
    await activate(page.getByRole('button', { name: 'Turn on two-factor sign-in' }));
    await expect(page.getByRole('heading', { level: 1, name: 'Save your recovery codes' })).toBeVisible();
    await activate(page.getByRole('button', { name: 'I have saved them: continue' }));
  }
}
