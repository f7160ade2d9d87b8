import { Box, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { z } from 'zod';
import { institutionNameField } from '../../../common/fields.ts';
import { apiSend } from '../../api/client.ts';
import { keys, useInstitution } from '../../api/queries.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { TreeIcon } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { PhotoUpload } from '../../components/photo-upload.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';

/** /admin/institution: rename the institution and upload its logo. */
export function AdminInstitutionPage() {
  const institution = useInstitution();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const form = useFormState();

  useEffect(() => {
    if (institution.data) setName(institution.data.name);
  }, [institution.data]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const body = form.check(z.object({ name: institutionNameField }), { name });
    if (!body) return;
    const done = await form.run(() => apiSend('PATCH', '/admin/institution', body));
    if (!done) return;
    await queryClient.invalidateQueries({ queryKey: keys.institution });
    setSaved('The name is saved.');
  };

  const logo = institution.data?.logoUrl ?? null;
  return (
    <>
      <PageHeader
        title="Institution"
        description="How your institution appears in Copse and in its emails."
      />
      {institution.isPending ? (
        <PageLoader />
      ) : institution.isError ? (
        <LoadError error={institution.error} onRetry={() => void institution.refetch()} />
      ) : (
        <Stack gap="lg">
          <Card component="form" onSubmit={(event: FormEvent) => void submit(event)} noValidate>
            <Title order={2} size="h3" mb="md">
              Name
            </Title>
            <Stack gap="md" maw={520}>
              <FormAlert message={form.message} />
              <TextInput
                label="Institution name"
                name="name"
                value={name}
                onChange={(event) => {
                  setSaved(null);
                  setName(event.currentTarget.value);
                }}
                error={form.error('name')}
                required
              />
              <StatusAlert message={saved} />
              <Group>
                <Button type="submit" loading={form.busy}>
                  Save name
                </Button>
              </Group>
            </Stack>
          </Card>
          <Card>
            <Title order={2} size="h3" mb={4}>
              Logo
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              Shown at the top of every page. A wide logo on a transparent background works best.
            </Text>
            <PhotoUpload
              label="Logo"
              preview={
                <Box
                  w={140}
                  h={64}
                  bg="gray.0"
                  style={{
                    display: 'grid',
                    placeItems: 'center',
                    borderRadius: 8,
                    border: '1px solid var(--mantine-color-gray-3)',
                  }}
                >
                  {logo ? (
                    <img
                      src={logo}
                      alt="Current logo"
                      style={{ maxWidth: 124, maxHeight: 52, objectFit: 'contain' }}
                    />
                  ) : (
                    <TreeIcon size={36} />
                  )}
                </Box>
              }
              hasImage={logo !== null}
              maxBytes={2 * 1024 * 1024}
              uploadPath="/admin/institution/logo"
              removePath="/admin/institution/logo"
              onChanged={() => queryClient.invalidateQueries({ queryKey: keys.institution })}
            />
          </Card>
        </Stack>
      )}
    </>
  );
}
