/**
 * The words the demo and benchmark people are made of: units of a mid-sized university, topics of
 * educational practice (used as interest and expertise tags), job titles and bio sentences. Plain data,
 * so a reader can see at a glance what a generated campus looks like.
 */

/** Faculties, schools, departments and services; 32 names, each believable on a real campus. */
export const unitNames: readonly string[] = [
  'Faculty of Arts and Humanities',
  'School of Education',
  'School of Nursing and Midwifery',
  'Department of Computer Science',
  'Business School',
  'School of Law',
  'Department of Mathematics and Statistics',
  'Department of Physics',
  'School of Engineering',
  'Medical School',
  'School of Psychology',
  'Department of History',
  'School of Modern Languages',
  'Centre for Teaching and Learning',
  'Library and Learning Services',
  'Department of Chemistry',
  'School of Biological Sciences',
  'Department of Economics',
  'School of Architecture',
  'School of Social Sciences',
  'Department of Geography and Environment',
  'School of Music',
  'Department of Philosophy',
  'School of Health Sciences',
  'Institute of Sport and Exercise Science',
  'Digital Education Office',
  'Careers and Employability Service',
  'Department of Sociology',
  'School of Pharmacy',
  'School of Art and Design',
  'Department of Politics and International Relations',
  'Graduate School',
];

/** Topics of educational practice; lower case, as tags are stored. */
export const educationTopics: readonly string[] = [
  'assessment',
  'feedback',
  'active learning',
  'ai in education',
  'inclusive teaching',
  'online learning',
  'curriculum design',
  'blended learning',
  'academic integrity',
  'student engagement',
  'peer learning',
  'team-based learning',
  'flipped classroom',
  'universal design for learning',
  'decolonising the curriculum',
  'authentic assessment',
  'formative assessment',
  'rubrics',
  'learning analytics',
  'educational technology',
  'large-class teaching',
  'laboratory teaching',
  'fieldwork',
  'work-based learning',
  'employability',
  'student wellbeing',
  'accessibility',
  'mentoring',
  'doctoral supervision',
  'scholarship of teaching and learning',
  'reflective practice',
  'problem-based learning',
  'simulation',
  'game-based learning',
  'open educational resources',
  'digital literacy',
  'widening participation',
  'student partnership',
  'interdisciplinary teaching',
  'sustainability education',
  'internationalisation',
  'academic writing',
  'information literacy',
  'peer observation',
  'programme leadership',
  'generative ai',
  'hybrid teaching',
  'oral examinations',
  'group work',
  'metacognition',
];

export const staffTitles: readonly string[] = [
  'Lecturer',
  'Senior Lecturer',
  'Associate Professor',
  'Professor',
  'Teaching Fellow',
  'Principal Teaching Fellow',
  'Learning Designer',
  'Educational Developer',
  'Learning Technologist',
  'Academic Skills Adviser',
  'Programme Director',
  'Subject Librarian',
];

export const studentTitles: readonly string[] = [
  'PhD candidate',
  "Master's student",
  'Final-year undergraduate',
  'Student partner',
  'Postgraduate teaching assistant',
];

export const externalTitles: readonly string[] = [
  'Visiting Fellow',
  'External examiner',
  'Industry partner',
  'Honorary Lecturer',
  'Education consultant',
];

/** Bio sentences by kind of person; `{a}` and `{b}` become two of the person's topics. */
export const staffBioSentences: readonly string[] = [
  'I lead a first-year module and am experimenting with **{a}** in seminars of 200.',
  'My current project looks at how {a} changes the way students approach {b}.',
  'Happy to talk about **{a}**, especially what works in large classes.',
  'I coordinate our work on {a} and run a monthly reading group on {b}.',
  'Ask me about {a}: I have made most of the mistakes already.',
  'Currently redesigning a whole programme around {a} and {b}.',
  'I moved from industry into teaching and care about {a} and employability.',
  'Interested in the evidence behind {a}; sceptical of anything that promises to fix {b} overnight.',
  'Co-author of our faculty guide to {a}.',
  'I mentor new colleagues on {a} and {b}.',
  'Looking for partners for a small study on {a} across disciplines.',
  'Our team won a teaching award for work on {b}; now turning to {a}.',
];

export const studentBioSentences: readonly string[] = [
  'Researching {a} for my thesis, with a side interest in {b}.',
  'Student representative for my programme; I care about {a} and {b}.',
  'Working with staff as a student partner to redesign a module around {a}.',
  'I tutor first-year students and keep wondering how {a} could help them.',
  'Ran a student survey on {a} last year and happy to share what we found.',
];

export const externalBioSentences: readonly string[] = [
  'I advise universities on {a} and {b}.',
  'External examiner for several programmes, with a keen interest in **{a}**.',
  'Working with the university on a joint project about {a}.',
  'Former lecturer, now freelance, writing and speaking about {a}.',
  'We host student placements and want to get {a} right.',
];

export const pronounChoices: readonly string[] = ['she/her', 'he/him', 'they/them', 'she/they', 'he/they'];
