import { useLingui } from '@lingui/react';
import {
  Button,
  CopyButton,
  Group,
  Image,
  List,
  Stack,
  Text,
  TextInput,
  type TextInputProps,
} from '@mantine/core';
import { useId } from 'react';
import type { AuthenticatorSetup } from '../api/two-factor.ts';

/**
 * A new authenticator to add to an app: the QR code (with a text alternative that points to the key) and
 * the same secret in groups of four for typing it in by hand.
 */
export function AuthenticatorKey(props: { setup: AuthenticatorSetup }) {
  const { _ } = useLingui();
  const keyId = useId();
  return (
    <Stack gap="sm">
      <Text>{_('twofactor.setup.scan')}</Text>
      <Image src={props.setup.qrCode} alt={_('twofactor.setup.qrAlt')} w={200} h={200} fit="contain" />
      <Stack gap={4}>
        <Text id={keyId} fw={600} size="sm">
          {_('twofactor.setup.keyLabel')}
        </Text>
        <Text
          role="group"
          aria-labelledby={keyId}
          ff="monospace"
          fz="lg"
          bg="var(--mantine-color-gray-0)"
          p="xs"
          style={{ overflowWrap: 'anywhere', borderRadius: 4 }}
        >
          {props.setup.secret}
        </Text>
        <Text size="sm" c="dimmed">
          {_('twofactor.setup.keyHelp')}
        </Text>
      </Stack>
    </Stack>
  );
}

/** Recovery codes, shown once: listed, with Copy and Download. */
export function RecoveryCodes(props: { codes: string[] }) {
  const { _ } = useLingui();
  const titleId = useId();
  const text = `${props.codes.join('\n')}\n`;
  return (
    <Stack gap="sm">
      <Text id={titleId} fw={600}>
        {_('twofactor.recovery.title')}
      </Text>
      <Text size="sm">{_('twofactor.recovery.help')}</Text>
      <List aria-labelledby={titleId} listStyleType="none" spacing={2} ff="monospace">
        {props.codes.map((code) => (
          <List.Item key={code}>{code}</List.Item>
        ))}
      </List>
      <Group gap="sm">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy}>
              {copied ? _('twofactor.recovery.copied') : _('twofactor.recovery.copy')}
            </Button>
          )}
        </CopyButton>
        <Button
          variant="light"
          component="a"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
          download="copse-recovery-codes.txt"
        >
          {_('twofactor.recovery.download')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The field for a code from the authenticator app (or a recovery code): the phone offers digits. */
export function CodeInput(props: TextInputProps) {
  return <TextInput name="code" autoComplete="one-time-code" inputMode="numeric" {...props} />;
}
