import type { Jobs } from '../jobs/queue.ts';

/** A job queue that keeps what it is handed: each `sendEmails` call's ids (one entry per batch). */
export function recordingJobs(): Jobs & { emailBatches: string[][] } {
  const emailBatches: string[][] = [];
  return {
    emailBatches,
    async send() {},
    async sendEmails(messageIds) {
      emailBatches.push([...messageIds]);
    },
  };
}
