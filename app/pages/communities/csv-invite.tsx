import { useLingui } from '@lingui/react';
import { Badge, Button, Group, Input, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { type FormEvent, useId, useRef, useState } from 'react';
import { z } from 'zod';
import { membershipRoleMessages } from '../../../common/enums.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { useCsvInviteMutation } from '../../api/communities.ts';
import type { CsvReport } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';

type RowStatus = CsvReport['rows'][number]['status'];

/** Each row status's badge: the id of its label (translated when shown) and its colour. */
const rowStatus: Record<RowStatus, { labelId: MessageId; color: string }> = {
  ok: { labelId: 'communities.invite.status.ready', color: 'forest' },
  invited: { labelId: 'communities.invite.status.invited', color: 'forest' },
  unreadable: { labelId: 'communities.invite.status.unreadable', color: 'red' },
  invalid: { labelId: 'communities.invite.status.invalid', color: 'red' },
  duplicate: { labelId: 'communities.invite.status.duplicate', color: 'amber' },
  already_member: { labelId: 'communities.invite.status.alreadyMember', color: 'gray' },
  already_invited: { labelId: 'communities.invite.status.alreadyInvited', color: 'gray' },
};

const csvRoles = ['member', 'guest', 'sponsor', 'co_leader'] as const;

/** The file chosen (the form asks for one itself, see `runPreview`) and the role everyone is invited as. */
const csvSchema = z.object({ file: z.instanceof(File), role: z.enum(csvRoles) });

function ReportTable(props: { report: CsvReport; caption: string }) {
  const { _ } = useLingui();
  return (
    // A focusable region, so keyboard users can scroll the table sideways on small screens.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable regions must be focusable (WCAG 2.1.1)
    <section className="table-scroll" aria-label={props.caption} tabIndex={0}>
      <Table verticalSpacing="xs" horizontalSpacing="sm" striped miw={520}>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{props.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{_('communities.invite.csv.column.line')}</Table.Th>
            <Table.Th scope="col">{_('communities.invite.csv.column.email')}</Table.Th>
            <Table.Th scope="col">{_('communities.invite.csv.column.name')}</Table.Th>
            <Table.Th scope="col">{_('communities.invite.csv.column.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.report.rows.map((row) => (
            <Table.Tr key={row.line}>
              <Table.Td>{row.line}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.email || '—'}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.name || '—'}</Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <Badge color={rowStatus[row.status].color} variant="light" tt="none">
                    {_(rowStatus[row.status].labelId)}
                  </Badge>
                  {row.message ? (
                    <Text size="xs" c="dimmed">
                      {row.message}
                    </Text>
                  ) : null}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}

/**
 * Bulk invite of a course cohort: choose a CSV file (header "email,name"), see each row's status in a
 * preview, then send the invitations and read the per-row report.
 */
export function CsvInvite(props: { slug: string }) {
  const { _ } = useLingui();
  const { slug } = props;
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<CsvReport | null>(null);
  const [report, setReport] = useState<CsvReport | null>(null);
  const { form, field, message, setMessage, busy, submit } = useApiForm({
    initialValues: { file: null as File | null, role: 'member' as (typeof csvRoles)[number] },
    schema: csvSchema,
  });
  const csvInvite = useCsvInviteMutation(slug);
  const fileError = field('file').error;

  const ready = preview?.rows.filter((row) => row.status === 'ok').length ?? 0;
  const problems = (preview?.rows.length ?? 0) - ready;

  const sendPreview = submit((body) => csvInvite.mutateAsync({ ...body, dryRun: true }), setPreview);
  const runPreview = (event: FormEvent) => {
    event.preventDefault();
    setReport(null);
    setPreview(null);
    // No file yet: the alert says so itself, and the file input takes the focus.
    if (!form.getValues().file) {
      form.setErrors({ file: _('communities.invite.csv.noFile') });
      setMessage(_('communities.invite.csv.noFile'));
      fileInput.current?.focus();
      return;
    }
    sendPreview();
  };

  const send = submit(
    (body) => csvInvite.mutateAsync({ ...body, dryRun: false }),
    (result) => {
      setPreview(null);
      setReport(result);
    },
  );

  /** A new file (or none) leaves the role as chosen and clears what was said about the last one. */
  const takeFile = (file: File | null) => {
    form.setFieldValue('file', file);
    form.clearErrors();
    setMessage(null);
  };

  const startOver = () => {
    takeFile(null);
    setPreview(null);
    setReport(null);
    if (fileInput.current) {
      fileInput.current.value = '';
      fileInput.current.focus();
    }
  };

  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {_('communities.invite.csv.title')}
      </Title>
      <form onSubmit={(event) => void runPreview(event)} noValidate>
        <Stack gap="sm">
          <FormAlert message={message} />
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Input.Wrapper
              id={inputId}
              label={_('communities.invite.csv.file')}
              description={_('communities.invite.csv.fileDescription')}
              error={fileError}
              style={{ flex: '1 1 260px' }}
            >
              <input
                ref={fileInput}
                id={inputId}
                name="file"
                type="file"
                accept=".csv,text/csv"
                className="file-input"
                aria-invalid={form.errors.file ? true : undefined}
                aria-describedby={
                  typeof fileError === 'string'
                    ? `${inputId}-error ${inputId}-description`
                    : `${inputId}-description`
                }
                onChange={(event) => {
                  takeFile(event.currentTarget.files?.[0] ?? null);
                  setPreview(null);
                  setReport(null);
                }}
              />
            </Input.Wrapper>
            <NativeSelect
              label={_('communities.invite.inviteAs')}
              {...field('role')}
              onChange={(event) => {
                const next = csvRoles.find((r) => r === event.currentTarget.value);
                if (next) form.setFieldValue('role', next);
                setPreview(null);
              }}
              data={csvRoles.map((r) => ({ value: r, label: _(membershipRoleMessages[r]) }))}
              w={160}
            />
            <Button type="submit" variant="default" loading={busy && !preview}>
              {_('communities.invite.csv.preview')}
            </Button>
          </Group>
        </Stack>
      </form>
      {preview ? (
        <Stack gap="sm">
          <Text size="sm" role="status">
            {problems > 0
              ? _('communities.invite.csv.readyProblems', { count: ready, problems })
              : _('communities.invite.csv.ready', { count: ready })}
          </Text>
          <ReportTable report={preview} caption={_('communities.invite.csv.previewCaption')} />
          <Group>
            <Button onClick={() => send()} loading={busy} disabled={ready === 0}>
              {_('communities.invite.csv.send', { count: ready })}
            </Button>
            <Button variant="default" onClick={startOver}>
              {_('communities.invite.csv.anotherFile')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      {report ? (
        <Stack gap="sm">
          <StatusAlert message={_('communities.invite.sent', { count: report.invited })} />
          <ReportTable report={report} caption={_('communities.invite.csv.reportCaption')} />
          <Group>
            <Button variant="default" onClick={startOver}>
              {_('communities.invite.csv.again')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}
