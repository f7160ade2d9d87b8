import type { SurveyTemplate } from '../../../common/contracts/surveys.ts';
import type { SurveyQuestionKind, SurveyTemplateKey } from '../../../common/enums.ts';
import type { Locale } from '../../../common/i18n/locales.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { translate } from '../../lib/i18n.ts';

/** A template's question: its kind, prompt and options as message ids. */
interface TemplateQuestion {
  kind: SurveyQuestionKind;
  prompt: MessageId;
  options: MessageId[];
  required: boolean;
}

const valueScale: MessageId[] = [
  'checkins.template.value.1',
  'checkins.template.value.2',
  'checkins.template.value.3',
  'checkins.template.value.4',
  'checkins.template.value.5',
];
const fitScale: MessageId[] = [
  'checkins.template.fit.1',
  'checkins.template.fit.2',
  'checkins.template.fit.3',
  'checkins.template.fit.4',
  'checkins.template.fit.5',
];
const focus: TemplateQuestion = {
  kind: 'focus_next',
  prompt: 'checkins.template.focus',
  options: [],
  required: false,
};

/** The two templates (#16 §2): the leader starts from one and edits it before sending. */
const templates: Record<
  SurveyTemplateKey,
  { name: MessageId; title: MessageId; intro: MessageId; questions: TemplateQuestion[] }
> = {
  start_of_term: {
    name: 'checkins.template.startOfTerm.name',
    title: 'checkins.template.startOfTerm.title',
    intro: 'checkins.template.startOfTerm.intro',
    questions: [
      { kind: 'likert', prompt: 'checkins.template.startOfTerm.q1', options: valueScale, required: true },
      {
        kind: 'multiple',
        prompt: 'checkins.template.startOfTerm.q2',
        options: [
          'checkins.template.startOfTerm.q2.o1',
          'checkins.template.startOfTerm.q2.o2',
          'checkins.template.startOfTerm.q2.o3',
          'checkins.template.startOfTerm.q2.o4',
        ],
        required: true,
      },
      {
        kind: 'ranking',
        prompt: 'checkins.template.startOfTerm.q3',
        options: [
          'checkins.template.startOfTerm.q3.o1',
          'checkins.template.startOfTerm.q3.o2',
          'checkins.template.startOfTerm.q3.o3',
          'checkins.template.startOfTerm.q3.o4',
        ],
        required: false,
      },
      focus,
      { kind: 'long_text', prompt: 'checkins.template.startOfTerm.q5', options: [], required: false },
    ],
  },
  end_of_term: {
    name: 'checkins.template.endOfTerm.name',
    title: 'checkins.template.endOfTerm.title',
    intro: 'checkins.template.endOfTerm.intro',
    questions: [
      { kind: 'likert', prompt: 'checkins.template.endOfTerm.q1', options: valueScale, required: true },
      { kind: 'likert', prompt: 'checkins.template.endOfTerm.q2', options: fitScale, required: true },
      {
        kind: 'single',
        prompt: 'checkins.template.endOfTerm.q3',
        options: [
          'checkins.template.endOfTerm.q3.o1',
          'checkins.template.endOfTerm.q3.o2',
          'checkins.template.endOfTerm.q3.o3',
        ],
        required: true,
      },
      { kind: 'short_text', prompt: 'checkins.template.endOfTerm.q4', options: [], required: false },
      focus,
      { kind: 'long_text', prompt: 'checkins.template.endOfTerm.q6', options: [], required: false },
    ],
  },
};

/** The check-in templates written out in `locale`: a start-of-term and an end-of-term check-in, both every term. */
export function listSurveyTemplates(locale: Locale): SurveyTemplate[] {
  const t = (id: MessageId) => translate(locale, id);
  return (Object.keys(templates) as SurveyTemplateKey[]).map((key) => {
    const template = templates[key];
    return {
      key,
      name: t(template.name),
      title: t(template.title),
      intro: t(template.intro),
      recurrence: 'term',
      questions: template.questions.map((q) => ({
        kind: q.kind,
        prompt: t(q.prompt),
        options: q.options.map(t),
        required: q.required,
      })),
    };
  });
}
