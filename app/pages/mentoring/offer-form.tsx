import { useLingui } from '@lingui/react';
import { Button, Checkbox, Group, MultiSelect, NumberInput, Stack, Switch, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { isMentoringSlot, type MyMentoring } from '../../../common/contracts/mentoring.ts';
import { type MentoringSide, mentoringSlots } from '../../../common/enums.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { ApiError } from '../../api/client.ts';
import { useMentoringSkills, useSaveOffer } from '../../api/mentoring.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { failureMessage, focusFirstInvalid } from '../../hooks/form-errors.ts';

type Offer = MyMentoring['mentor'];

const slotLabels: Record<string, MessageId> = {
  mon: 'mentoring.day.mon',
  tue: 'mentoring.day.tue',
  wed: 'mentoring.day.wed',
  thu: 'mentoring.day.thu',
  fri: 'mentoring.day.fri',
  sat: 'mentoring.day.sat',
  sun: 'mentoring.day.sun',
  am: 'mentoring.part.am',
  pm: 'mentoring.part.pm',
};

/** "Tuesday afternoon" for 'tue-pm'. */
export function useSlotLabel() {
  const { _ } = useLingui();
  return (slot: string) => {
    const [day = '', part = ''] = slot.split('-');
    const dayId = slotLabels[day];
    const partId = slotLabels[part];
    return dayId && partId ? _('mentoring.slot', { day: _(dayId), part: _(partId) }) : slot;
  };
}

/** Offering to mentor (with a cap) or asking for a mentor: skills from the expertise tags, availability. */
export function OfferForm(props: { side: MentoringSide; current: Offer }) {
  const { _ } = useLingui();
  const save = useSaveOffer(props.side);
  const slotLabel = useSlotLabel();
  const skills = useMentoringSkills();
  const [chosen, setChosen] = useState<string[]>(props.current?.skills ?? []);
  const [availability, setAvailability] = useState(props.current?.availability ?? '');
  const [weekly, setWeekly] = useState<string[]>(props.current?.weekly ?? []);
  const [cap, setCap] = useState<number | string>(props.current?.cap ?? 2);
  const [active, setActive] = useState(props.current?.active ?? true);
  const [saved, setSaved] = useState(false);
  const fields = save.error instanceof ApiError ? save.error.fields : {};
  const mentor = props.side === 'mentor';
  const form = useRef<HTMLFormElement>(null);
  return (
    <form
      noValidate
      ref={form}
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        save.mutate(
          {
            skills: chosen,
            availability,
            weekly: weekly.filter(isMentoringSlot),
            active,
            ...(mentor ? { cap: Number(cap) } : {}),
          },
          { onSuccess: () => setSaved(true), onError: () => focusFirstInvalid(form.current) },
        );
      }}
    >
      <Stack gap="md">
        <FormAlert message={save.isError ? failureMessage(save.error) : null} />
        <StatusAlert message={saved ? _('mentoring.offer.saved') : null} />
        <MultiSelect
          label={mentor ? _('mentoring.offer.skillsMentor') : _('mentoring.offer.skillsMentee')}
          description={_('mentoring.offer.skillsHelp')}
          data={(skills.data ?? []).map((row) => row.skill)}
          value={chosen}
          onChange={setChosen}
          searchable
          maxValues={10}
          nothingFoundMessage={_('mentoring.offer.noSkill')}
          error={fields.skills}
          required
        />
        <Textarea
          label={_('mentoring.offer.availability')}
          description={_('mentoring.offer.availabilityHelp')}
          value={availability}
          onChange={(event) => setAvailability(event.currentTarget.value)}
          error={fields.availability}
          autosize
          minRows={2}
        />
        <Checkbox.Group label={_('mentoring.offer.weekly')} value={weekly} onChange={setWeekly}>
          <Group gap="xs" mt="xs">
            {mentoringSlots.map((slot) => (
              <Checkbox key={slot} value={slot} label={slotLabel(slot)} />
            ))}
          </Group>
        </Checkbox.Group>
        {mentor ? (
          <NumberInput
            label={_('mentoring.offer.cap')}
            description={_('mentoring.offer.capHelp')}
            min={1}
            max={10}
            value={cap}
            onChange={setCap}
            error={fields.cap}
            maw={200}
          />
        ) : null}
        <Switch
          label={mentor ? _('mentoring.offer.activeMentor') : _('mentoring.offer.activeMentee')}
          checked={active}
          onChange={(event) => setActive(event.currentTarget.checked)}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {mentor ? _('mentoring.offer.saveMentor') : _('mentoring.offer.saveMentee')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
