import '@mantine/charts/styles.css';
import { useLingui } from '@lingui/react';
import { BarChart, LineChart } from '@mantine/charts';
import { Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatNumber } from '../../lib/format.ts';

/** A share (0–1) as a percentage, or a dash when there is none. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined
    ? '–'
    : formatNumber(value, { style: 'percent', maximumFractionDigits: 0 });
}

/** A count, or a dash for a hidden (suppressed) or missing one. */
export function count(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : formatNumber(value);
}

/** A titled card section of the dashboard. */
export function Section(props: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <Card component="section" aria-labelledby={props.id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={props.id}>
          {props.title}
        </Title>
        {props.intro ? (
          <Text size="sm" c="dimmed">
            {props.intro}
          </Text>
        ) : null}
        {props.children}
      </Stack>
    </Card>
  );
}

export interface FigureRow {
  label: string;
  value: string;
  previous?: string | undefined;
  /** How the figure is computed, shown beside it. */
  how: string;
}

/** Figures with the previous period beside them and how each is computed. */
export function FigureTable(props: { caption: string; rows: FigureRow[]; withPrevious: boolean }) {
  const { _ } = useLingui();
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table withTableBorder striped verticalSpacing="xs">
        <Table.Caption>{props.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{_('dashboard.table.figure')}</Table.Th>
            <Table.Th scope="col">{_('dashboard.table.thisPeriod')}</Table.Th>
            {props.withPrevious ? (
              <Table.Th scope="col">{_('dashboard.table.previousPeriod')}</Table.Th>
            ) : null}
            <Table.Th scope="col">{_('dashboard.table.how')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row) => (
            <Table.Tr key={row.label}>
              <Table.Th scope="row" fw={500}>
                {row.label}
              </Table.Th>
              <Table.Td>{row.value}</Table.Td>
              {props.withPrevious ? <Table.Td>{row.previous ?? '–'}</Table.Td> : null}
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {row.how}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export interface ChartColumn {
  key: string;
  label: string;
  format?: (value: number) => string;
}

/**
 * A chart of one series with the same numbers in a table beside it: the table is what screen readers
 * read and what a reader who cannot tell colours apart reads (the chart has one series, no legend to decode).
 */
export function ChartWithTable(props: {
  kind: 'line' | 'bar';
  caption: string;
  rows: Record<string, string | number>[];
  dataKey: string;
  dataLabel: string;
  series: ChartColumn;
  columns: ChartColumn[];
  /** How a row's key reads (a day in the language shown, not 2026-09-09), on the axis and in the table. */
  formatKey?: (key: string) => string;
}) {
  const keyText = (key: unknown) => (props.formatKey ? props.formatKey(String(key)) : String(key));
  const valueText =
    props.series.format ??
    props.columns.find((column) => column.key === props.series.key)?.format ??
    ((value: number) => formatNumber(value));
  const chartProps = {
    h: 220,
    data: props.rows,
    dataKey: props.dataKey,
    series: [{ name: props.series.key, label: props.series.label, color: 'forest.6' }],
    withTooltip: false,
    xAxisProps: { tickFormatter: keyText },
    valueFormatter: valueText,
  };
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <div aria-hidden="true" inert>
        {props.kind === 'line' ? <LineChart {...chartProps} /> : <BarChart {...chartProps} />}
      </div>
      {/* A native scroll area that takes focus: its day table is long, and a keyboard user scrolls it. */}
      <Table.ScrollContainer type="native" minWidth={260} mah={320} tabIndex={0}>
        <Table withTableBorder striped verticalSpacing={4}>
          <Table.Caption>{props.caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{props.dataLabel}</Table.Th>
              {props.columns.map((column) => (
                <Table.Th scope="col" key={column.key}>
                  {column.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.rows.map((row) => (
              <Table.Tr key={String(row[props.dataKey])}>
                <Table.Th scope="row" fw={400}>
                  {keyText(row[props.dataKey])}
                </Table.Th>
                {props.columns.map((column) => {
                  const value = Number(row[column.key] ?? 0);
                  return (
                    <Table.Td key={column.key}>
                      {column.format ? column.format(value) : formatNumber(value)}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </SimpleGrid>
  );
}
