import { useLingui } from '@lingui/react';
import { Table } from '@mantine/core';
import type { Portfolio } from '../../../common/contracts/dashboard.ts';
import { count, percent } from './dashboard-parts.tsx';

/** The institution's reach: per unit, the share of staff and of students in at least one community. */
export function ReachTable(props: { reach: Portfolio['reach'] }) {
  const { _ } = useLingui();
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table withTableBorder striped verticalSpacing={4}>
        <Table.Caption>{_('portfolio.reach.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{_('portfolio.reach.unit')}</Table.Th>
            <Table.Th scope="col">{_('portfolio.reach.kind')}</Table.Th>
            <Table.Th scope="col">{_('portfolio.reach.people')}</Table.Th>
            <Table.Th scope="col">{_('portfolio.reach.inCommunity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.reach.map((row) => (
            <Table.Tr key={`${row.others ? '*' : (row.unitName ?? '')}-${row.kind}`}>
              <Table.Th scope="row" fw={400}>
                {row.others ? _('portfolio.reach.others') : (row.unitName ?? _('dashboard.split.noUnit'))}
              </Table.Th>
              <Table.Td>
                {row.kind === 'staff' ? _('dashboard.kind.staff') : _('dashboard.kind.student')}
              </Table.Td>
              <Table.Td>{count(row.people)}</Table.Td>
              <Table.Td>
                {row.people === null || row.inCommunity === null
                  ? _('dashboard.split.suppressed')
                  : `${percent(row.people > 0 ? row.inCommunity / row.people : null)} (${count(row.inCommunity)})`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
