import { useLingui } from '@lingui/react';
import { Button, CopyButton, Group, TextInput } from '@mantine/core';

/** A calendar feed address to copy into a calendar app, read-only, with a Copy button. */
export function FeedUrlField(props: { label: string; url: string; description?: string }) {
  const { _ } = useLingui();
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        label={props.label}
        description={props.description}
        value={props.url}
        readOnly
        onFocus={(event) => event.currentTarget.select()}
        style={{ flex: '1 1 240px', minWidth: 0 }}
      />
      <CopyButton value={props.url}>
        {({ copied, copy }) => (
          <Button variant={copied ? 'light' : 'default'} onClick={copy} aria-live="polite">
            {copied ? _('meetings.feedField.copied') : _('meetings.feedField.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/** The token of a private feed address (…/calendar/feed/TOKEN.ics), to open a community's feed with it. */
export function feedToken(url: string | null | undefined): string | null {
  const match = url?.match(/\/([A-Za-z0-9_-]{20,100})\.ics(?:\?.*)?$/);
  return match?.[1] ?? null;
}
