import type { Faker } from '@faker-js/faker';
import type { Audience, CommunityKind, CommunityStage, PersonKind, Visibility } from '../../common/enums.ts';

/** A person the seed may make a leader or member: their kind and unit decide where they fit. */
export interface SeedPerson {
  id: string;
  kind: PersonKind;
  unitId: string | null;
}

/** Who a community draws its people from: its audience, or the staff and students of a council. */
export type PoolKey = Audience | 'council';

/** Who makes up a community's membership; external partners join some as guests (see pickMembers). */
const poolKinds: Record<PoolKey, readonly PersonKind[]> = {
  everyone: ['staff', 'student'],
  staff: ['staff'],
  students: ['student'],
  council: ['staff', 'student'],
};

/**
 * People indexed by who they may join: per pool, everyone in it and the ones of each unit. Members are
 * drawn partly from the community's own unit (colleagues join their school's groups first) and partly
 * from the whole pool; leaders are staff, from the unit when it has some.
 */
export class PeoplePools {
  readonly people: readonly SeedPerson[];
  private readonly pools = new Map<string, number[]>();

  constructor(people: readonly SeedPerson[]) {
    this.people = people;
  }

  /** Indexes of the people of `kinds` (in `unitId` when given), built once per key. */
  private pool(kinds: readonly PersonKind[], unitId: string | null): number[] {
    const key = `${kinds.join('+')}/${unitId ?? '*'}`;
    let pool = this.pools.get(key);
    if (!pool) {
      pool = [];
      for (let index = 0; index < this.people.length; index++) {
        const person = this.people[index];
        if (!person || !kinds.includes(person.kind)) continue;
        if (unitId !== null && person.unitId !== unitId) continue;
        pool.push(index);
      }
      this.pools.set(key, pool);
    }
    return pool;
  }

  /** How many people a community of this pool could hold at most. */
  size(key: PoolKey): number {
    return this.pool(poolKinds[key], null).length;
  }

  fits(person: SeedPerson, key: PoolKey): boolean {
    return poolKinds[key].includes(person.kind);
  }

  /**
   * `count` leaders: staff of the unit when it has enough (else staff anywhere); student communities
   * are sometimes led by students.
   */
  pickLeaders(faker: Faker, count: number, key: PoolKey, unitId: string | null, taken: Set<number>) {
    const kinds: readonly PersonKind[] =
      key === 'students' && faker.number.float() < 0.4 ? ['student'] : ['staff'];
    const local = unitId ? this.pool(kinds, unitId) : [];
    const source = local.length >= count * 3 && faker.number.float() < 0.8 ? local : this.pool(kinds, null);
    return this.draw(faker, source, this.pool(kinds, null), count, taken);
  }

  /**
   * `count` further members, about half from the community's unit when it has one, and a few external
   * partners (guests) in communities open to staff: about one in twenty members, at most 40.
   */
  pickMembers(faker: Faker, count: number, key: PoolKey, unitId: string | null, taken: Set<number>) {
    const everyone = this.pool(poolKinds[key], null);
    const local = unitId ? this.pool(poolKinds[key], unitId) : [];
    const externals = key === 'staff' || key === 'everyone' ? this.pool(['external'], null) : [];
    const guests = Math.min(externals.length, Math.floor(count * faker.number.float({ max: 0.1 })), 40);
    const fromUnit =
      local.length > 0 ? Math.min(Math.round((count - guests) * 0.5), Math.floor(local.length * 0.6)) : 0;
    return [
      ...this.draw(faker, externals, externals, guests, taken),
      ...this.draw(faker, local, everyone, fromUnit, taken),
      ...this.draw(faker, everyone, everyone, count - guests - fromUnit, taken),
    ];
  }

  /**
   * Draws `count` distinct people from `source` (random, rejecting those already `taken`); when
   * `source` runs dry, fills up from `fallback` in order from a random start. Adds them to `taken`.
   */
  private draw(faker: Faker, source: number[], fallback: number[], count: number, taken: Set<number>) {
    const picked: number[] = [];
    let attempts = 0;
    while (picked.length < count && source.length > 0 && attempts < count * 20) {
      attempts++;
      const index = source[faker.number.int(source.length - 1)];
      if (index === undefined || taken.has(index)) continue;
      taken.add(index);
      picked.push(index);
    }
    const start = fallback.length > 0 ? faker.number.int(fallback.length - 1) : 0;
    for (let step = 0; step < fallback.length && picked.length < count; step++) {
      const index = fallback[(start + step) % fallback.length];
      if (index === undefined || taken.has(index)) continue;
      taken.add(index);
      picked.push(index);
    }
    if (picked.length < count) throw new Error('not enough people for the community sizes asked for');
    return picked;
  }
}

/**
 * Community sizes that add up to exactly `total`: each community's `weight` (heavy-tailed, so a few
 * communities are large and many small) scaled by one factor, kept within `[min, max]` of its own.
 */
export function planSizes(
  weights: readonly number[],
  bounds: readonly { min: number; max: number }[],
  total: number,
): number[] {
  const minimum = bounds.reduce((sum, bound) => sum + bound.min, 0);
  const maximum = bounds.reduce((sum, bound) => sum + bound.max, 0);
  if (total < minimum || total > maximum) {
    throw new Error(`${total} memberships cannot fit ${weights.length} communities (${minimum}–${maximum})`);
  }
  const sized = (scale: number) =>
    weights.map((weight, index) => {
      const bound = bounds[index] ?? { min: 0, max: 0 };
      return Math.min(bound.max, Math.max(bound.min, Math.round(weight * scale)));
    });
  const sum = (sizes: number[]) => sizes.reduce((acc, size) => acc + size, 0);
  let low = 0;
  let high = 1;
  while (sum(sized(high)) < total) high *= 2;
  for (let step = 0; step < 60; step++) {
    const middle = (low + high) / 2;
    if (sum(sized(middle)) < total) low = middle;
    else high = middle;
  }
  const sizes = sized(high);
  // Rounding leaves a few memberships over or short: take them from (or give them to) the largest.
  const order = sizes.map((_, index) => index).sort((a, b) => (sizes[b] ?? 0) - (sizes[a] ?? 0));
  let difference = sum(sizes) - total;
  while (difference !== 0) {
    const before = difference;
    for (const index of order) {
      if (difference === 0) break;
      const size = sizes[index] ?? 0;
      const bound = bounds[index] ?? { min: 0, max: 0 };
      if (difference > 0 && size > bound.min) {
        sizes[index] = size - 1;
        difference--;
      } else if (difference < 0 && size < bound.max) {
        sizes[index] = size + 1;
        difference++;
      }
    }
    if (difference === before) throw new Error('community sizes could not be balanced');
  }
  return sizes;
}

/** What placing a featured person needs to know of a community. */
export interface PlacementSlot {
  pool: PoolKey;
  kind: CommunityKind;
  stage: CommunityStage;
  visibility: Visibility;
  size: number;
}

export interface FeaturedPlacement {
  /** Index of the person in the pools' people. */
  index: number;
  role: 'leader' | 'member';
}

/**
 * Places each featured person (a demo account, the bench member) in `leads` lively communities of
 * practice as their leader and in `joins` others as a member: one private, one of the largest, the
 * rest at random, never archived, always where their kind belongs, at most one featured person per
 * community. Returns, per community, who was placed there.
 */
export function placeFeatured(
  faker: Faker,
  pools: PeoplePools,
  slots: readonly PlacementSlot[],
  featured: readonly { index: number; leads: number; joins: number }[],
): FeaturedPlacement[][] {
  const placed: FeaturedPlacement[][] = slots.map(() => []);
  const free = (at: number) => placed[at]?.length === 0;
  for (const { index, leads, joins } of featured) {
    const person = pools.people[index];
    if (!person) throw new Error(`no person at ${index}`);
    const open = faker.helpers.shuffle(
      slots
        .map((slot, at) => ({ slot, at }))
        .filter(({ slot }) => pools.fits(person, slot.pool) && slot.stage !== 'archived'),
    );
    const lively = open.filter(
      ({ slot }) =>
        slot.kind === 'community_of_practice' &&
        ['coalescing', 'maturing', 'stewardship'].includes(slot.stage),
    );
    for (const { at } of lively.filter(({ at }) => free(at)).slice(0, leads)) {
      placed[at]?.push({ index, role: 'leader' });
    }
    const largest = [...open]
      .sort((a, b) => b.slot.size - a.slot.size)
      .slice(0, 20)
      .filter(({ at }) => free(at));
    const candidates = [
      open.find(({ slot, at }) => slot.visibility === 'private' && free(at)),
      largest.length > 0 ? faker.helpers.arrayElement(largest) : undefined,
      ...open,
    ];
    let joined = 0;
    for (const candidate of candidates) {
      if (joined >= joins) break;
      if (!candidate || !free(candidate.at)) continue;
      placed[candidate.at]?.push({ index, role: 'member' });
      joined++;
    }
  }
  return placed;
}
