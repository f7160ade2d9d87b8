/**
 * The words the demo and benchmark communities are made of: name patterns, purposes, descriptions,
 * meeting plans and charter objectives about educational practice. The topics are the people's tags
 * (vocabulary.ts), so a search for a topic finds both the communities and the people who care about it.
 *
 * Placeholders: `{T}` a topic in title case, `{T2}` a second one, `{t}` / `{t2}` the same in lower case,
 * `{D}` a discipline ("Nursing and Midwifery"), `{U}` a unit's full name, `{d}` where the community
 * works ("in Nursing and Midwifery", or "across the university").
 */

/** The discipline a unit teaches, for names like "Authentic Assessment in Law"; services have none. */
export const unitDisciplines: Readonly<Record<string, string>> = {
  'Faculty of Arts and Humanities': 'Humanities',
  'School of Education': 'Education',
  'School of Nursing and Midwifery': 'Nursing and Midwifery',
  'Department of Computer Science': 'Computer Science',
  'Business School': 'Business',
  'School of Law': 'Law',
  'Department of Mathematics and Statistics': 'Mathematics',
  'Department of Physics': 'Physics',
  'School of Engineering': 'Engineering',
  'Medical School': 'Medicine',
  'School of Psychology': 'Psychology',
  'Department of History': 'History',
  'School of Modern Languages': 'Modern Languages',
  'Department of Chemistry': 'Chemistry',
  'School of Biological Sciences': 'Life Sciences',
  'Department of Economics': 'Economics',
  'School of Architecture': 'Architecture',
  'School of Social Sciences': 'Social Sciences',
  'Department of Geography and Environment': 'Geography',
  'School of Music': 'Music',
  'Department of Philosophy': 'Philosophy',
  'School of Health Sciences': 'Health Sciences',
  'Institute of Sport and Exercise Science': 'Sport Science',
  'Department of Sociology': 'Sociology',
  'School of Pharmacy': 'Pharmacy',
  'School of Art and Design': 'Art and Design',
  'Department of Politics and International Relations': 'Politics',
};

/** Names of communities of practice that work across the university. */
export const communityNamePatterns: readonly string[] = [
  '{T} Community of Practice',
  '{T} Network',
  '{T} Practitioners',
  '{T} Reading Group',
  '{T} Special Interest Group',
  '{T} Circle',
  '{T} Forum',
  '{T} Lab',
  '{T} Champions',
  '{T} Exchange',
  '{T} Café',
  '{T} and {T2}',
  '{T} and {T2} Network',
  'Rethinking {T}',
  'Open Conversations on {T}',
];

/** Names of communities of practice within one discipline. */
export const disciplineNamePatterns: readonly string[] = [
  '{T} in {D}',
  '{D} {T} Group',
  'Teaching {D}: {T}',
  '{D} Teaching Circle',
  '{T} Practice in {D}',
];

/** Councils and committees, each tied to a unit (or, for `{T}` patterns, to a topic). */
export const councilNamePatterns: readonly string[] = [
  'Learning and Teaching Committee, {U}',
  '{U} Education Committee',
  '{U} Student–Staff Liaison Committee',
  '{U} Assessment Working Group',
  '{U} Curriculum Review Panel',
  '{T} Working Group',
  '{T} Advisory Council',
  '{T} Steering Group',
];

export const communityPurposes: readonly string[] = [
  'A community for colleagues who want to get better at {t}: we share what works, look at the evidence and try new ideas in our own teaching.',
  'We bring together staff and students interested in {t} and {t2} to swap practice, read together and plan small experiments {d}.',
  'Practitioners of {t} {d}, meeting to compare approaches, share materials and support each other through change.',
  'An open group exploring how {t} can make {t2} fairer and more effective for every student.',
  'For anyone teaching with {t}: a place to ask questions, show work in progress and find collaborators.',
  'Sharing practical, tested ideas on {t} {d}, from first-year modules to doctoral supervision.',
  'We review and improve our practice in {t}, drawing on research and on what our students tell us.',
  'A friendly space for new and experienced colleagues to talk about {t}, with a focus on {t2}.',
  'Turning good intentions about {t} into everyday practice, one module at a time.',
  'Colleagues {d} who meet to learn from each other about {t} and to bring students into the conversation.',
];

export const councilPurposes: readonly string[] = [
  'Oversees policy and practice on {t} {d} and advises the academic board.',
  'Coordinates learning and teaching {d}: programme approval, student feedback and quality enhancement, with a standing item on {t}.',
  'Brings staff and student representatives together to agree priorities for {t} and follow up on them.',
  'Advises on the strategy for {t} and {t2} and reports each term to the education committee.',
];

/** Markdown paragraphs of a description; one or two are picked, then a list of activities. */
export const descriptionParagraphs: readonly string[] = [
  'We started as a handful of colleagues comparing notes on **{t}** over coffee. Today we are a mix of lecturers, learning designers, librarians and student partners.',
  'Nobody here is an expert in everything. We learn by showing each other real examples, including the ones that did not work, and by reading a little of the research on {t}.',
  'Our focus this year is {t2}: what it looks like in large first-year modules, in labs and studios, and in supervision.',
  'Newcomers are always welcome: come to one meeting, listen, and decide whether it is for you.',
  'We keep a shared folder of examples, rubrics and slides that members may reuse with credit.',
  'We work closely with the Centre for Teaching and Learning and present what we learn at the annual teaching conference.',
];

export const activityItems: readonly string[] = [
  'Show-and-tell sessions where a member walks through one piece of practice on {t}',
  'A termly reading of one short paper on {t2}',
  'Peer observation pairs, matched at the start of each term',
  'A small grant bid each year for a joint project',
  'Drop-in clinics for colleagues redesigning a module',
  'Student partners who review our ideas before we try them',
  'A newsletter with what we tried and what happened',
];

export const meetingPlans: Readonly<Record<'online' | 'in_person' | 'hybrid', readonly string[]>> = {
  online: [
    'Monthly, one hour online; the link is in the calendar invitation.',
    'Every other Wednesday at 12:30, online, cameras optional.',
  ],
  in_person: [
    'Twice a term, over lunch in the Teaching and Learning Hub.',
    'First Thursday of the month, 16:00–17:00, in the library seminar room.',
  ],
  hybrid: [
    'Every four weeks, in person with an online link for colleagues on other campuses.',
    'Monthly on Tuesdays, 13:00–14:00, in the staff common room and online.',
  ],
};

export const intendedMembersByAudience: Readonly<Record<'staff' | 'students' | 'everyone', string>> = {
  staff:
    'Teaching staff, learning designers, librarians and professional services colleagues working on {t}.',
  students: 'Students at any level who care about {t}, and the staff who work with them as partners.',
  everyone: 'Anyone at the university, staff or student, with an interest in {t}; no experience needed.',
};

/** Charter objectives, Markdown lists drawn into the first charter's objectives section. */
export const objectiveItems: readonly string[] = [
  'Share at least one piece of practice on {t} each term.',
  'Build a small library of examples of {t} that colleagues can reuse.',
  'Run a showcase for the rest of the university once a year.',
  'Bring student partners into every project we start.',
  'Read and discuss the research on {t2} together.',
  'Welcome and mentor colleagues new to {t}.',
];

/** Notes a leader writes when the community moves to its current stage (Copse's own note on a new community is a message id, as Copse stores it). */
export const stageNotes: Readonly<Record<string, string>> = {
  potential: 'Community proposed.',
  coalescing: 'communities.note.created',
  maturing: 'We now meet every month and have a steady core group.',
  stewardship: 'Established: new leaders are taking over the day-to-day running.',
  transformation: 'Merging with a neighbouring community; we are handing on our resources.',
  archived: 'Archived: the group has finished its work. Thanks to everyone who took part.',
};

const acronyms: Readonly<Record<string, string>> = { ai: 'AI' };
const smallWords = new Set(['in', 'and', 'the', 'for', 'of', 'to', 'a', 'with', 'on']);

/** "ai in education" → "AI in Education", "team-based learning" → "Team-Based Learning". */
export function titleCase(topic: string): string {
  return topic
    .split(' ')
    .map((word, index) => {
      const acronym = acronyms[word];
      if (acronym) return acronym;
      if (index > 0 && smallWords.has(word)) return word;
      return word
        .split('-')
        .map((part) => (part ? `${part[0]?.toUpperCase()}${part.slice(1)}` : part))
        .join('-');
    })
    .join(' ');
}
