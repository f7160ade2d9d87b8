import { dashboardLimits, type SplitRow } from '../../../common/contracts/dashboard.ts';

interface RawSplit {
  key: string | null;
  label: string | null;
  members: number;
  active30: number;
  active90: number;
}

/**
 * Small-group suppression with complementary suppression (#17 Rules): a group of fewer than five people
 * is hidden; then, while what is hidden adds up to fewer than five people or is a single group (so it
 * could be worked out from the total and the other groups), the next smallest group is hidden as well.
 * With fewer than five people in all, every group is hidden. Hidden groups keep their label only.
 */
export function suppressSmallGroups(rows: readonly RawSplit[]): SplitRow[] {
  const small = dashboardLimits.smallGroup;
  const total = rows.reduce((sum, row) => sum + row.members, 0);
  const hidden = new Set<number>();
  rows.forEach((row, index) => {
    if (row.members < small || total < small) hidden.add(index);
  });
  const hiddenMembers = () => [...hidden].reduce((sum, index) => sum + (rows[index]?.members ?? 0), 0);
  const bySize = rows
    .map((row, index) => ({ index, members: row.members }))
    .sort((a, b) => a.members - b.members);
  while (hidden.size > 0 && hidden.size < rows.length && (hidden.size === 1 || hiddenMembers() < small)) {
    const next = bySize.find((entry) => !hidden.has(entry.index));
    if (!next) break;
    hidden.add(next.index);
  }
  return rows.map((row, index) =>
    hidden.has(index)
      ? { key: row.key, label: row.label, suppressed: true, members: null, active30: null, active90: null }
      : { ...row, suppressed: false },
  );
}
