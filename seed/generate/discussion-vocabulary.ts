/**
 * The words the benchmark's discussions and Toolkit resources are made of, about educational practice.
 * Placeholders: `{t}` the thread's or resource's topic in lower case, `{T}` the same with a capital.
 * The seeds (discussions.ts, toolkit.ts) pick from these lists in SQL, so a search for a topic or a
 * common word ("feedback", "students") finds thousands of posts and a rare one ("podcast",
 * "escape room") a few hundred.
 */

export const discussionTitles: readonly string[] = [
  'What has worked for {t} in your modules?',
  'Ideas for {t} with large first-year cohorts',
  'Sharing our experience of {t} this term',
  '{T}: what the students told us',
  'Rethinking {t} after the external examiner’s report',
  'Notes from the {t} session',
  '{T} in practice: a short case study',
  'Making {t} manageable for part-time tutors',
  'Evidence on {t}: what should we read first?',
  'Our first attempt at {t} in seminars',
  '{T} and workload: an honest discussion',
  'Small changes to {t} that made a difference',
];

export const questionTitles: readonly string[] = [
  'How do you approach {t} with mixed-ability groups?',
  'Has anyone tried {t} online?',
  'Where do we start with {t}?',
  'What tools do you use for {t}?',
  'How do you give feedback on {t} at scale?',
  'Is {t} worth the extra marking time?',
  'How do you explain {t} to new students?',
  'Any good rubrics for {t}?',
  'How do we evaluate {t} fairly?',
  'Who has guidance on {t} for placements?',
];

export const announcementTitles: readonly string[] = [
  '{T} workshop: call for contributions',
  'New guidance on {t} published',
  'Save the date: {t} showcase',
  'Funding for {t} projects is open',
  'Welcome to our new members, and plans for {t}',
  'Results of the {t} survey',
];

export const openingSentences: readonly string[] = [
  'We have been looking at {t} across the programme and would value your views.',
  'This term I redesigned my module around {t} and the students responded well.',
  'Several colleagues asked how we handle {t} in large lectures, so here is what we do.',
  'I would like to collect examples of {t} that work with students in their first year.',
  'Our programme team is reviewing {t} before the next validation.',
  'The student survey mentioned {t} more than anything else this year.',
  'We tried a new approach to {t} with peer feedback and clear marking criteria.',
  'I am planning a pilot of {t} with two seminar groups next semester.',
  'The learning outcomes say little about {t}, and I think that should change.',
  'Teaching assistants told us they need more support with {t}.',
  'Here is a summary of what we learned from a year of {t}.',
  'Assessment deadlines cluster in week ten, which makes {t} hard to do well.',
];

export const announcementSentences: readonly string[] = [
  'Please share this with colleagues who teach on your programmes.',
  'Everyone is welcome, whether you are new to {t} or have years of experience.',
  'The recording and slides will be shared in this community afterwards.',
  'Proposals of a few lines are enough; we will help you shape them.',
  'The guidance was written with students and reviewed by the academic board.',
];

export const replySentences: readonly string[] = [
  'Thanks for starting this, it is a really useful thread.',
  'We had the same problem with {t} and solved it with shorter, more frequent tasks.',
  'Our students found {t} much easier once we shared worked examples.',
  'I agree; feedback is only useful if students have time to act on it.',
  'Could you share the rubric you used? It would help our team.',
  'In my experience the key to {t} is explaining the purpose to students early.',
  'We ran this in tutorials of about twenty students and it worked well.',
  'The marking load was the main issue for us, so we moved to peer assessment.',
  'There is a good literature review on {t} in the teaching journal last year.',
  'Students with caring responsibilities need flexible deadlines for this to work.',
  'We recorded short videos to introduce {t} and attendance went up.',
  'I would be cautious: the evidence for {t} is mixed in large classes.',
  'Happy to talk this through at the next community meeting.',
  'We used a shared document so every group could see the others’ work.',
  'The accessibility team helped us make the materials work with screen readers.',
  'This is exactly what our external examiner asked us to look at.',
  'Self-assessment before submission improved the quality of the final work.',
  'We asked students to reflect on {t} in a short learning journal.',
  'Our module evaluation scores improved after we changed the assessment brief.',
  'I have attached the template we use for feedback on drafts.',
  'Does anyone have data on how this affects attainment gaps?',
  'We found that students value feedback conversations more than written comments.',
  'Group work was easier to assess once we added individual reflections.',
  'It helped to agree the marking criteria with the whole teaching team first.',
  'The first attempt was messy, but the second cohort did much better.',
  'Students appreciated knowing how {t} connects to their future careers.',
  'We started small, with one seminar, and scaled up the following year.',
  'Timing matters: early formative tasks made the summative work less stressful.',
];

/** Rare sentences (about one reply in fifty), so rare words find a few hundred posts, not a million. */
export const rareSentences: readonly string[] = [
  'We tried a podcast assignment instead of an essay and the students loved it.',
  'An escape room activity in the lab session made revision far more engaging.',
  'The viva voce format helped us check understanding beyond the written work.',
  'Threshold concepts gave us a language for where students get stuck.',
  'Exam wrappers encouraged students to plan how they revise for the next test.',
  'A jigsaw classroom task meant every student had to teach part of the topic.',
  'We borrowed the idea of a portfolio showcase from the art school.',
  'Contract grading reduced anxiety but needed very clear expectations.',
];

export const resourceTitles: Readonly<Record<string, readonly string[]>> = {
  link: ['A practical guide to {t}', '{T}: the evidence in brief', 'Further reading on {t}'],
  file: ['{T} slides from the workshop', 'Handout: {t} in ten steps', '{T} checklist'],
  video: ['{T} explained in five minutes', 'Watch: {t} in a real seminar', 'Interview on {t}'],
  article: ['Why {t} matters for our students', 'What we learned from {t}', 'A year of {t}'],
  strategy_document: ['Programme strategy for {t}', '{T} policy and principles', '{T} action plan'],
  template: ['{T} feedback template', 'Marking rubric template for {t}', '{T} planning template'],
  lesson_plan: ['Lesson plan: introducing {t}', 'Seminar plan on {t}', 'Workshop plan: {t} in practice'],
  tool: ['Online tool for {t}', '{T} quiz builder', 'Peer review tool for {t}'],
};

export const resourceSentences: readonly string[] = [
  'Written by colleagues in this community for anyone teaching {t}.',
  'It includes worked examples, a marking rubric and notes for tutors.',
  'Use it in seminars, lectures or online, with small changes.',
  'Students said the feedback section was the most useful part.',
  'Adapted from a lesson plan we have used for three years.',
  'It takes about twenty minutes to prepare and fits a one-hour session.',
  'The template can be edited to match your own learning outcomes.',
  'Tested with first-year and postgraduate students.',
  'Accessible formats are available on request from the authors.',
  'Covers formative assessment, self-assessment and peer review.',
];

export const subTopicNames: readonly string[] = [
  'Getting started',
  'Examples',
  'Templates',
  'Research',
  'Case studies',
  'Assessment tasks',
  'Student guidance',
];
