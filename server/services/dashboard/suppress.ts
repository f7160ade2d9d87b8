import {
  dashboardLimits,
  othersSplitKey,
  type Portfolio,
  type SplitRow,
} from '../../../common/contracts/dashboard.ts';
import type { ReachRow } from '../../queries/portfolio.ts';

interface RawSplit {
  key: string | null;
  label: string | null;
  members: number;
  active30: number;
  active90: number;
}

/**
 * Small-group suppression with complementary suppression (#17 Rules). A group of fewer than five people
 * is not shown on its own: it joins one row of "other groups", whose label names none of them (a unit's
 * name beside a hidden cell would still tell that someone of that unit is in the community, and a
 * count of hidden rows would bound each one). While that row holds fewer than five people (so it could
 * be worked out from the total and the groups shown), the smallest group shown joins it too; with
 * fewer than five people in all, every group does. The row shows its figures once it holds five people
 * or more, and is suppressed (numbers null) otherwise.
 */
export function suppressSmallGroups(rows: readonly RawSplit[]): SplitRow[] {
  const small = dashboardLimits.smallGroup;
  const total = rows.reduce((sum, row) => sum + row.members, 0);
  const joined = new Set<number>();
  rows.forEach((row, index) => {
    if (row.members < small || total < small) joined.add(index);
  });
  const othersMembers = () => [...joined].reduce((sum, index) => sum + (rows[index]?.members ?? 0), 0);
  const bySize = rows
    .map((row, index) => ({ index, members: row.members }))
    .sort((a, b) => a.members - b.members);
  while (joined.size > 0 && othersMembers() < small) {
    const next = bySize.find((entry) => !joined.has(entry.index));
    if (!next) break;
    joined.add(next.index);
  }
  const shown: SplitRow[] = rows
    .filter((_, index) => !joined.has(index))
    .map((row) => ({ ...row, suppressed: false }));
  if (joined.size === 0) return shown;
  const others = [...joined].map((index) => rows[index]).filter((row) => row !== undefined);
  const members = othersMembers();
  const sum = (pick: (row: RawSplit) => number) => others.reduce((acc, row) => acc + pick(row), 0);
  return [
    ...shown,
    members < small
      ? { key: othersSplitKey, label: null, suppressed: true, members: null, active30: null, active90: null }
      : {
          key: othersSplitKey,
          label: null,
          suppressed: false,
          members,
          active30: sum((row) => row.active30),
          active90: sum((row) => row.active90),
        },
  ];
}

/**
 * The institution's reach with the same rule, each kind apart: a unit with fewer than five staff (or
 * students) is not named with its count and how many of them are in a community, which could tell of
 * one person; it counts among "other units".
 */
export function suppressSmallReach(rows: readonly ReachRow[]): Portfolio['reach'] {
  const kinds = [...new Set(rows.map((row) => row.kind))];
  return kinds.flatMap((kind) =>
    suppressSmallGroups(
      rows
        .filter((row) => row.kind === kind)
        .map((row) => ({
          // Prefixed, so no unit's name can be taken for the other units' key.
          key: row.unitName === null ? null : `unit:${row.unitName}`,
          label: row.unitName,
          members: row.people,
          active30: row.inCommunity,
          active90: row.inCommunity,
        })),
    ).map((row) => ({
      unitName: row.key === othersSplitKey ? null : row.label,
      kind,
      others: row.key === othersSplitKey,
      people: row.members,
      inCommunity: row.active30,
    })),
  );
}
