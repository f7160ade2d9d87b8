import { useLingui } from '@lingui/react';
import {
  Checkbox,
  NativeSelect,
  PasswordInput,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { z } from 'zod';
import { identityProviderFields } from '../../../common/contracts/sso.ts';
import { personKinds } from '../../../common/enums.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import type { IdentityProvider } from '../../api/sso.ts';
import type { ApiForm } from '../../hooks/use-api-form.ts';

/** "value = target" lines, one mapping a line (what administrators type for a claims mapping). */
const mapText = z.string().transform((text, context) => {
  const map: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const at = line.indexOf('=');
    if (at < 1) {
      context.addIssue({ code: 'custom', message: 'validation.sso.mapLine' }); // i18n-ignore: a message id
      return z.NEVER;
    }
    map[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return map;
});

const shared = {
  name: identityProviderFields.name,
  issuer: identityProviderFields.issuer,
  clientId: identityProviderFields.clientId,
  scopes: identityProviderFields.scopes,
  nameClaim: identityProviderFields.nameClaim,
  emailClaim: identityProviderFields.emailClaim,
  unitClaim: identityProviderFields.unitClaim,
  unitMap: mapText.pipe(identityProviderFields.unitMap),
  kindClaim: identityProviderFields.kindClaim,
  kindMap: mapText.pipe(identityProviderFields.kindMap),
  defaultKind: identityProviderFields.defaultKind,
  enabled: identityProviderFields.enabled,
};
/** Adding: every field, the client secret included. */
export const newProviderSchema = z.object({ ...shared, clientSecret: identityProviderFields.clientSecret });
/** Changing: an empty client secret keeps the saved one. */
export const changeProviderSchema = z.object({
  ...shared,
  clientSecret: z
    .string()
    .max(2000)
    .transform((secret) => secret || undefined),
});

export type ProviderFormValues = {
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  nameClaim: string;
  emailClaim: string;
  unitClaim: string;
  unitMap: string;
  kindClaim: string;
  kindMap: string;
  defaultKind: (typeof personKinds)[number];
  enabled: boolean;
};

const lines = (map: Record<string, string>) =>
  Object.entries(map)
    .map(([value, target]) => `${value} = ${target}`)
    .join('\n');

/** The form's values for a new provider, or for changing `provider`. */
export function providerFormValues(provider?: IdentityProvider): ProviderFormValues {
  return {
    name: provider?.name ?? '',
    issuer: provider?.issuer ?? '',
    clientId: provider?.clientId ?? '',
    clientSecret: '',
    scopes: provider?.scopes ?? 'openid email profile', // i18n-ignore: OpenID Connect scope names
    nameClaim: provider?.nameClaim ?? 'name',
    emailClaim: provider?.emailClaim ?? 'email',
    unitClaim: provider?.unitClaim ?? '',
    unitMap: lines(provider?.unitMap ?? {}),
    kindClaim: provider?.kindClaim ?? '',
    kindMap: lines(provider?.kindMap ?? {}),
    defaultKind: provider?.defaultKind ?? 'staff',
    enabled: provider?.enabled ?? true,
  };
}

const kindLabels: Record<(typeof personKinds)[number], MessageId> = {
  staff: 'admin.users.kind.staff',
  student: 'admin.users.kind.student',
  external: 'admin.users.kind.external',
};

/** The provider's fields: connection, then the claims mapping. */
export function IdentityProviderFields(props: { field: ApiForm['field']; editing: boolean }) {
  const { _ } = useLingui();
  const { field } = props;
  return (
    <Stack gap="md">
      <TextInput
        label={_('sso.admin.name')}
        description={_('sso.admin.nameHelp')}
        name="name"
        {...field('name')}
        required
      />
      <TextInput
        label={_('sso.admin.issuer')}
        description={_('sso.admin.issuerHelp')}
        name="issuer"
        placeholder="https://login.example.edu/realms/staff"
        {...field('issuer')}
        required
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={_('sso.admin.clientId')}
          name="clientId"
          autoComplete="off"
          {...field('clientId')}
          required
        />
        <PasswordInput
          label={_('sso.admin.clientSecret')}
          description={props.editing ? _('sso.admin.clientSecretKeep') : undefined}
          name="clientSecret"
          autoComplete="new-password"
          {...field('clientSecret')}
          required={!props.editing}
        />
      </SimpleGrid>
      <TextInput
        label={_('sso.admin.scopes')}
        description={_('sso.admin.scopesHelp')}
        name="scopes"
        {...field('scopes')}
      />
      <Title order={3} size="h4">
        {_('sso.admin.claimsTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={_('sso.admin.nameClaim')} name="nameClaim" {...field('nameClaim')} required />
        <TextInput label={_('sso.admin.emailClaim')} name="emailClaim" {...field('emailClaim')} required />
        <TextInput
          label={_('sso.admin.unitClaim')}
          description={_('sso.admin.optionalClaim')}
          name="unitClaim"
          {...field('unitClaim')}
        />
        <TextInput
          label={_('sso.admin.kindClaim')}
          description={_('sso.admin.optionalClaim')}
          name="kindClaim"
          {...field('kindClaim')}
        />
      </SimpleGrid>
      <Textarea
        label={_('sso.admin.unitMap')}
        description={_('sso.admin.unitMapHelp')}
        name="unitMap"
        autosize
        minRows={2}
        {...field('unitMap')}
      />
      <Textarea
        label={_('sso.admin.kindMap')}
        description={_('sso.admin.kindMapHelp')}
        name="kindMap"
        autosize
        minRows={2}
        {...field('kindMap')}
      />
      <NativeSelect label={_('sso.admin.defaultKind')} name="defaultKind" {...field('defaultKind')}>
        {personKinds.map((kind) => (
          <option key={kind} value={kind}>
            {_(kindLabels[kind])}
          </option>
        ))}
      </NativeSelect>
      <Checkbox label={_('sso.admin.enabled')} name="enabled" {...field('enabled', { type: 'checkbox' })} />
    </Stack>
  );
}
