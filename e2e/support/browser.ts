import { existsSync } from 'node:fs';

/**
 * Which Chromium the journeys drive: Debian's /usr/bin/chromium when installed, otherwise the Chromium
 * shipped inside the npm package @sparticuz/chromium (browsers cannot be downloaded here).
 */
export async function chromiumLaunchOptions(): Promise<{ executablePath: string; args: string[] }> {
  const common = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  const debian = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(debian)) return { executablePath: debian, args: common };
  const { default: sparticuz } = await import('@sparticuz/chromium');
  // Its --single-process (meant for AWS Lambda) runs the network service in the browser process, where
  // fetch() from one browser context sends the cookies of another: a visitor would look signed in.
  const args = sparticuz.args.filter((arg) => arg !== '--single-process');
  return {
    executablePath: await sparticuz.executablePath(),
    args: [...new Set([...args, ...common])],
  };
}
