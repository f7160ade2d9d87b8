import Fastify from 'fastify';

/**
 * The reference every scenario is compared with: a bare Fastify server in the same process, whose one
 * route returns a fixed JSON body of about 2 KB (eight people-shaped records). It does no database work
 * and no validation, so it shows what this machine and Node can do at most; ratios to it hold on a noisy
 * machine where absolute figures do not.
 */
export const bareBody = {
  data: Array.from({ length: 8 }, (_, index) => ({
    id: `00000000-0000-4000-8000-00000000000${index}`,
    displayName: `Colleague Number ${index}`,
    pronouns: 'they/them',
    unit: { id: '00000000-0000-4000-8000-000000000100', name: 'School of Education' },
    kind: 'staff',
    expertise: ['assessment', 'feedback'],
    role: 'member',
  })),
  nextCursor: null,
};

export const bareBodyBytes = Buffer.byteLength(JSON.stringify(bareBody));

export interface BareServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Also serves `/pk`: `selectPerson`, one primary-key SELECT with no hooks, validation or ORM. It shows
 * the most any route doing one query can reach on this machine.
 */
export async function startBareServer(selectPerson: () => Promise<unknown>): Promise<BareServer> {
  const app = Fastify({ logger: false });
  app.get('/bare', async () => bareBody);
  app.get('/pk', async () => ({ data: await selectPerson() }));
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { origin: address, close: () => app.close() };
}
