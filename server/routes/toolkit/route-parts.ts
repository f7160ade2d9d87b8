import { dataOf, idSchema } from '../../../common/contracts/shared.ts';

/** What every Toolkit route shares: its OpenAPI tag and its two plain answers. */
export const tags = ['toolkit'];
export const ok = { data: { ok: true as const } };
export const created = dataOf(idSchema);
