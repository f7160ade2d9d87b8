import type { ValueCycle } from '../../common/contracts/stories.ts';
import type { MessageId } from '../../common/i18n/message-id.ts';

/** The five cycles of value creation in order, each with its name, question and plain-words help. */
export const cycleMessages: Record<ValueCycle, { name: MessageId; question: MessageId; help: MessageId }> = {
  immediate: {
    name: 'stories.cycle.immediate.name',
    question: 'stories.cycle.immediate.question',
    help: 'stories.cycle.immediate.help',
  },
  potential: {
    name: 'stories.cycle.potential.name',
    question: 'stories.cycle.potential.question',
    help: 'stories.cycle.potential.help',
  },
  applied: {
    name: 'stories.cycle.applied.name',
    question: 'stories.cycle.applied.question',
    help: 'stories.cycle.applied.help',
  },
  realised: {
    name: 'stories.cycle.realised.name',
    question: 'stories.cycle.realised.question',
    help: 'stories.cycle.realised.help',
  },
  transformative: {
    name: 'stories.cycle.transformative.name',
    question: 'stories.cycle.transformative.question',
    help: 'stories.cycle.transformative.help',
  },
};
