import { useLingui } from '@lingui/react';
import { Button, Checkbox, Group, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { circleLimits, createCircleBody } from '../../../common/contracts/circles.ts';
import { useCreateCircle } from '../../api/circles.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';

const dayField = (offsetDays: number) => {
  const at = new Date(Date.now() + offsetDays * 86_400_000);
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
};

/** Forming a circle: a name, a purpose, the time box (six weeks from tomorrow to start with), open or not. */
export function NewCircleForm(props: { slug: string; onCancel: () => void }) {
  const { _ } = useLingui();
  const navigate = useNavigate();
  const create = useCreateCircle(props.slug);
  const { field, message, busy, submit } = useApiForm({
    initialValues: { name: '', purpose: '', startsOn: dayField(1), endsOn: dayField(43), open: true },
    schema: createCircleBody,
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <form
      onSubmit={submit(
        (body) => create.mutateAsync(body),
        (created) => void navigate(`/circles/${created.id}`),
      )}
      noValidate
      aria-labelledby="new-circle-title"
    >
      <Stack gap="md" maw={640} mb="lg">
        <Title order={3} size="h4" id="new-circle-title" ref={heading} tabIndex={-1}>
          {_('circles.new.title')}
        </Title>
        <FormAlert message={message} />
        <TextInput
          label={_('circles.new.name')}
          name="name"
          required
          maxLength={circleLimits.nameMax}
          {...field('name')}
        />
        <Textarea
          label={_('circles.new.purpose')}
          description={_('circles.new.purposeHint')}
          name="purpose"
          required
          autosize
          minRows={2}
          maxLength={circleLimits.purposeMax}
          {...field('purpose')}
        />
        <Group gap="md" grow wrap="wrap">
          <TextInput
            label={_('circles.new.startsOn')}
            name="startsOn"
            type="date"
            required
            style={{ minWidth: '10rem' }}
            {...field('startsOn')}
          />
          <TextInput
            label={_('circles.new.endsOn')}
            description={_('circles.new.timeBoxHint')}
            name="endsOn"
            type="date"
            required
            style={{ minWidth: '10rem' }}
            {...field('endsOn')}
          />
        </Group>
        <Checkbox label={_('circles.new.open')} name="open" {...field('open', { type: 'checkbox' })} />
        <Group gap="sm">
          <Button type="submit" loading={busy}>
            {_('circles.new.submit')}
          </Button>
          <Button variant="default" onClick={props.onCancel}>
            {_('circles.new.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
