import { Button, Group } from '@mantine/core';
import { useCollapse, useMediaQuery } from '@mantine/hooks';
import { Activity, type ReactNode, useState } from 'react';

/**
 * Filters that a wide screen shows at once and a phone folds away behind a button (open at first when
 * some apply): `toggleLabel(open)` words the button ("Show filters (2 on)"), `id` names the panel it
 * controls. The fold is Mantine's Collapse taken apart, vertically only: its `useCollapse` hook with
 * the same duration, fade and hidden content, without the horizontal fold the directory's first load
 * had no use for.
 */
export function FilterPanel(props: {
  id: string;
  openAtFirst: boolean;
  toggleLabel: (open: boolean) => string;
  children: ReactNode;
}) {
  const wide = useMediaQuery('(min-width: 48em)', true);
  const [open, setOpen] = useState(props.openAtFirst);
  const expanded = wide || open;
  const collapse = useCollapse({ expanded, transitionDuration: 200 });
  return (
    <>
      {wide ? null : (
        <Group>
          <Button
            variant="default"
            size="sm"
            onClick={() => setOpen((was) => !was)}
            aria-expanded={open}
            aria-controls={props.id}
          >
            {props.toggleLabel(open)}
          </Button>
        </Group>
      )}
      <div
        id={props.id}
        {...collapse.getCollapseProps({
          style: { opacity: expanded ? 1 : 0, transition: 'opacity 200ms' },
        })}
      >
        <Activity mode={collapse.state === 'exited' ? 'hidden' : 'visible'}>{props.children}</Activity>
      </div>
    </>
  );
}
