/**
 * Which Chromium the journeys drive: `CHROMIUM_PATH` when set (e.g. Debian's /usr/bin/chromium),
 * otherwise the headless shell inside the npm package @sparticuz/chromium, so `npm ci` is all a machine
 * needs. The headless shell is also the faster one: the same three journeys took 60 s and 47 processor
 * seconds of browser time with it, 126 s and 109 s with Debian's full Chromium in headless mode
 * (6 December 2026, this 2-core machine), whose renderer, compositor and GPU processes do more per frame.
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
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) return { executablePath: chosen, args: common };
  const { default: sparticuz } = await import('@sparticuz/chromium');
  // Its --single-process (meant for AWS Lambda) runs the network service in the browser process, where
  // fetch() from one browser context sends the cookies of another: a visitor would look signed in.
  // Its --disable-web-security and --allow-running-insecure-content switch off the same-origin policy
  // and mixed-content blocking the journeys must meet as a visitor's browser has them (the cross-site
  // journey among others), and its GPU emulation (SwiftShader through ANGLE, in the browser process)
  // only costs processor time where --disable-gpu asks for software compositing.
  const dropped = [
    /^--single-process$/,
    /^--disable-web-security$/,
    /^--allow-running-insecure-content$/,
    /^--(use-gl|use-angle)=/,
    /^--(enable-unsafe-swiftshader|in-process-gpu|ignore-gpu-blocklist)$/,
  ];
  const args = sparticuz.args.filter((arg) => !dropped.some((pattern) => pattern.test(arg)));
  return {
    executablePath: await sparticuz.executablePath(),
    args: [...new Set([...args, ...common])],
  };
}
