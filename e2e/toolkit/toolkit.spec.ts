import path from 'node:path';
import { leaderAndMember, openDialog, uniqueWord } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, check, pressOn, tabTo, typeInto } from '../support/keyboard.ts';
import { expectNoSidewaysScroll } from '../support/meetings.ts';

const lessonPlan = path.resolve(import.meta.dirname, '../../server/lib/files/fixtures/lesson-plan.docx');

test('a leader uploads and features a lesson plan; a member discusses, downloads and records using it', async ({
  browser,
}) => {
  // Two people, an upload, a collection and a discussion: longer than the default minute on a busy machine.
  test.setTimeout(150_000);
  const { admin, leader, member, memberAccount, slug } = await leaderAndMember(browser, {
    name: 'Seminar Design',
    purpose: 'Lecturers sharing the plans and templates that make seminars work.',
  });

  // The leader finds an empty Toolkit and adds a topic and a collection.
  await leader.goto(`/communities/${slug}/toolkit`);
  await expect(leader.getByRole('heading', { name: 'No resources yet — add the first' })).toBeVisible();
  const curate = leader.getByRole('region', { name: 'Curate the Toolkit' });
  const topicForm = curate.getByRole('form', { name: 'Add a topic' });
  await typeInto(topicForm.getByRole('textbox', { name: 'Topic name' }), 'Seminars');
  await activate(topicForm.getByRole('button', { name: 'Add topic' }));
  await expect(topicForm.getByRole('status')).toContainText('Topic “Seminars” added.');
  const collectionForm = curate.getByRole('form', { name: 'Create a collection' });
  await typeInto(collectionForm.getByRole('textbox', { name: 'Collection title' }), 'First-year starter kit');
  await activate(collectionForm.getByRole('button', { name: 'Create collection' }));
  await expect(collectionForm.getByRole('status')).toContainText(
    'Collection “First-year starter kit” created.',
  );
  await expectAccessible(leader, 'on an empty Toolkit tab');

  // The leader uploads a lesson plan; the dialog first says what is missing.
  // A word no other journey uses (short enough for a 360 px wide heading), for the header search.
  const word = uniqueWord('');
  const title = `The ${word} seminar plan`;
  await activate(leader.getByRole('button', { name: 'Add a resource' }).first());
  const dialog = await openDialog(leader, 'Add a resource');
  await activate(dialog.getByRole('combobox', { name: 'Kind' }));
  await activate(leader.getByRole('option', { name: 'Lesson plan' }));
  await expect(dialog.getByRole('radio', { name: 'Upload a file' })).toBeChecked();
  await expectAccessible(leader, 'on the add-a-resource dialog');
  await activate(dialog.getByRole('button', { name: 'Add resource' }));
  await expect(dialog.getByRole('alert')).toContainText('Please correct the highlighted fields.');
  await typeInto(dialog.getByRole('textbox', { name: 'Title' }), title);
  await typeInto(
    dialog.getByRole('textbox', { name: 'Description', exact: true }),
    'A **ninety-minute** seminar: warm-up, pairs, plenary.',
  );
  // An SVG is refused by the server, which says why beside the file field.
  const fileButton = dialog.getByRole('button', { name: 'File', exact: true });
  let choosing = leader.waitForEvent('filechooser');
  await activate(fileButton);
  await (await choosing).setFiles({
    name: 'diagram.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  });
  await activate(dialog.getByRole('button', { name: 'Add resource' }));
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expect(fileButton).toHaveAttribute('aria-invalid', 'true');
  await expect(fileButton).toHaveAccessibleDescription(/SVG, HTML and XML files cannot be uploaded/);
  await expectAccessible(leader, 'on the add-a-resource dialog with a refused file');
  choosing = leader.waitForEvent('filechooser');
  await activate(fileButton);
  await (await choosing).setFiles(lessonPlan);
  await expect(fileButton).toContainText('lesson-plan.docx');
  await activate(dialog.getByRole('combobox', { name: 'Topics' }));
  await activate(leader.getByRole('option', { name: 'Seminars' }));
  // Leaving the field closes its list, which would otherwise cover the dialog's buttons.
  await pressOn(dialog.getByRole('combobox', { name: 'Topics' }), 'Tab');
  await activate(dialog.getByRole('button', { name: 'Add resource' }));
  await expect(leader.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const resourceUrl = leader.url();
  const about = leader.getByRole('region', { name: 'About this resource' });
  await expect(about.getByText('Lesson plan', { exact: true })).toBeVisible();
  await expect(about.getByText('Seminars', { exact: true })).toBeVisible();
  await expect(about.locator('strong')).toHaveText('ninety-minute');
  await expect(about).toContainText('lesson-plan.docx');

  // The leader features it; it shows among the featured resources.
  await activate(leader.getByRole('button', { name: 'Feature', exact: true }));
  await expect(leader.getByRole('button', { name: 'Unfeature' })).toBeVisible();
  // Its controls sit together, in one row, the one that cannot be undone last.
  const manage = leader.getByRole('group', { name: 'Manage this resource' }).getByRole('button');
  await expect(manage).toHaveText(['Edit', 'Unfeature', 'Delete']);
  const tops = await manage.evaluateAll((buttons) =>
    buttons.map((button) => Math.round(button.getBoundingClientRect().top)),
  );
  expect(new Set(tops).size).toBe(1);
  await expect(about.getByText('Featured', { exact: true })).toBeVisible();
  await leader.goto(`/communities/${slug}/toolkit`);
  const featured = leader.getByRole('region', { name: 'Featured resources' });
  await expect(featured.getByRole('link', { name: title })).toBeVisible();
  await expectAccessible(leader, 'on the Toolkit tab with a featured resource');

  // A second resource, a link, so the collection has an order to change.
  const added = await leader.request.post(`/api/communities/${slug}/resources`, {
    data: { kind: 'link', title: `Reading list for ${word}`, url: 'https://example.org/reading-list' },
  });
  expect(added.status(), await added.text()).toBe(201);

  // The leader puts both in the collection, puts the link first with the keyboard, and saves.
  await leader.reload();
  await activate(leader.getByRole('link', { name: 'First-year starter kit' }));
  await expect(leader.getByRole('heading', { level: 1, name: 'First-year starter kit' })).toBeVisible();
  const collectionUrl = leader.url();
  await expect(leader.getByText('This collection is empty: find resources below to add them.')).toBeVisible();
  await activate(leader.getByRole('button', { name: 'Find', exact: true }));
  await activate(leader.getByRole('button', { name: `Add ${title}` }));
  await activate(leader.getByRole('button', { name: `Add Reading list for ${word}` }));
  const moveUp = leader.getByRole('button', { name: `Move Reading list for ${word} up` });
  await tabTo(moveUp);
  await leader.keyboard.press('Enter');
  await expect(leader.getByRole('button', { name: `Move Reading list for ${word} down` })).toBeFocused();
  await activate(leader.getByRole('button', { name: 'Save the collection' }));
  await expect(leader.getByRole('status').filter({ hasText: 'The collection is saved.' })).toBeVisible();
  await leader.reload();
  const items = leader.getByRole('region', { name: 'Resources (2)' }).getByRole('article');
  await expect(items.nth(0)).toContainText(`Reading list for ${word}`);
  await expect(items.nth(1)).toContainText(title);
  await expectAccessible(leader, 'on the collection page');

  // Another member opens the resource and starts its discussion.
  await member.goto(resourceUrl);
  await expect(member.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(member.getByRole('button', { name: 'Feature', exact: true })).toHaveCount(0);
  await expect(member.getByRole('link', { name: 'First-year starter kit' })).toBeVisible();
  const discussion = member.getByRole('region', { name: 'Discussion' });
  await activate(discussion.getByRole('button', { name: 'Start the discussion' }));
  await typeInto(
    discussion.getByRole('textbox', { name: 'Comment', exact: true }),
    'I ran this with 40 students: the pairs step needs ten more minutes.',
  );
  await activate(discussion.getByRole('button', { name: 'Post comment' }));
  await expect(discussion.getByRole('article', { name: `Reply from ${memberAccount.name}` })).toContainText(
    'ten more minutes',
  );
  await expect(discussion.getByText('1 comment', { exact: false })).toBeVisible();

  // The member downloads it, under its own name.
  const downloading = member.waitForEvent('download');
  await activate(member.getByRole('link', { name: 'Download' }));
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('lesson-plan.docx');

  // The member records that they adapted it; the count goes to 1.
  const uses = member.getByRole('region', { name: 'I used this (0)' });
  await check(uses.getByRole('radio', { name: 'Adapted it' }));
  await typeInto(
    uses.getByRole('textbox', { name: 'What happened' }),
    'Used it for a first-year statistics seminar, with shorter pairs work.',
  );
  await activate(uses.getByRole('button', { name: 'Record my use' }));
  const recorded = member.getByRole('region', { name: 'I used this (1)' });
  await expect(recorded.getByRole('status')).toContainText('Thank you: your use is recorded.');
  await expect(recorded.getByText('You recorded: Adapted it')).toBeVisible();
  await expectAccessible(member, 'on the resource page');

  // The counts: one download and one use.
  await member.reload();
  await expect(member.getByRole('region', { name: 'About this resource' })).toContainText('1 download');
  await expect(member.getByRole('region', { name: 'About this resource' })).toContainText('used 1 time');

  // The header search finds it by a word of its title, and leads to it.
  await member.goto('/');
  const box = member.getByRole('searchbox', { name: 'Search Copse' });
  await typeInto(box, word);
  await pressOn(box, 'Enter');
  const result = member
    .getByRole('region', { name: 'Results' })
    .getByRole('article', { name: title, exact: true });
  await expect(result.getByText('Resource', { exact: true })).toBeVisible();
  await activate(result.getByRole('link', { name: title, exact: true }));
  await expect(member.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // On a phone (360 px wide) the resource reads without sideways scrolling.
  await member.setViewportSize({ width: 360, height: 780 });
  await member.reload();
  await expect(member.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectNoSidewaysScroll(member);
  await expectAccessible(member, 'on the resource page at 360 px');

  // The Toolkit tab and the collection, with the curators' controls, fit a phone too.
  await leader.setViewportSize({ width: 360, height: 780 });
  await leader.goto(`/communities/${slug}/toolkit`);
  await expect(leader.getByRole('region', { name: 'Featured resources' })).toBeVisible();
  await expectNoSidewaysScroll(leader);
  await leader.goto(collectionUrl);
  await expect(leader.getByRole('button', { name: `Move ${title} up` })).toBeVisible();
  await expectNoSidewaysScroll(leader);
  await expectAccessible(leader, 'on the collection page at 360 px');

  await member.context().close();
  await leader.context().close();
  await admin.context().close();
});

test('a leader renames a topic; a member writes an article and edits it, and shares a video that plays in a privacy-enhanced player', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const { admin, leader, member, slug } = await leaderAndMember(browser, {
    name: 'Active Learning',
    purpose: 'Lecturers trying out active learning in large lectures.',
  });

  // The leader adds a topic and renames it from the keyboard.
  await leader.goto(`/communities/${slug}/toolkit`);
  const curate = leader.getByRole('region', { name: 'Curate the Toolkit' });
  const topicForm = curate.getByRole('form', { name: 'Add a topic' });
  await typeInto(topicForm.getByRole('textbox', { name: 'Topic name' }), 'Lectures');
  await activate(topicForm.getByRole('button', { name: 'Add topic' }));
  const topics = curate.getByRole('list', { name: 'Topics' });
  await pressOn(topics.getByRole('button', { name: 'Rename Lectures' }), 'Enter');
  await expect(curate.getByRole('textbox', { name: 'New name for Lectures' })).toBeFocused();
  await leader.keyboard.press('ControlOrMeta+a');
  await leader.keyboard.type('Large lectures');
  await leader.keyboard.press('Enter');
  await expect(topics.getByRole('button', { name: 'Rename Large lectures' })).toBeFocused();
  await expect(topics).toContainText('Large lectures (0)');

  // An article: its text is Markdown, shown rendered on its page.
  await member.goto(`/communities/${slug}/toolkit`);
  await expect(member.getByRole('region', { name: 'Curate the Toolkit' })).toHaveCount(0);
  await activate(member.getByRole('button', { name: 'Add a resource' }).first());
  let dialog = await openDialog(member, 'Add a resource');
  await activate(dialog.getByRole('combobox', { name: 'Kind' }));
  await activate(member.getByRole('option', { name: 'Article' }));
  await typeInto(dialog.getByRole('textbox', { name: 'Title' }), 'Think-pair-share in a lecture of 300');
  await activate(dialog.getByRole('button', { name: 'Add resource' }));
  await expect(dialog.getByRole('textbox', { name: 'Article text' })).toHaveAccessibleDescription(
    /Write the article/,
  );
  await typeInto(
    dialog.getByRole('textbox', { name: 'Article text' }),
    'Give **one minute** to think, two to pair, then take three answers.',
  );
  await activate(dialog.getByRole('button', { name: 'Add resource' }));
  await expect(
    member.getByRole('heading', { level: 1, name: 'Think-pair-share in a lecture of 300' }),
  ).toBeVisible();
  const article = member.getByRole('region', { name: 'Article' });
  await expect(article.locator('strong')).toHaveText('one minute');

  // Its author edits it; the kind stays.
  await activate(member.getByRole('button', { name: 'Edit', exact: true }));
  dialog = await openDialog(member, 'Edit the resource');
  await expect(dialog.getByRole('combobox', { name: 'Kind' })).toBeDisabled();
  await expectAccessible(member, 'on the edit-a-resource dialog');
  await typeInto(dialog.getByRole('textbox', { name: 'Title' }), 'Think-pair-share with 300 students');
  await activate(dialog.getByRole('button', { name: 'Save changes' }));
  await expect(dialog).toBeHidden();
  await expect(
    member.getByRole('heading', { level: 1, name: 'Think-pair-share with 300 students' }),
  ).toBeVisible();

  // A video link from YouTube plays through youtube-nocookie.com, sandboxed and lazily loaded.
  await member.goto(`/communities/${slug}/toolkit`);
  await activate(member.getByRole('button', { name: 'Add a resource' }).first());
  dialog = await openDialog(member, 'Add a resource');
  await activate(dialog.getByRole('combobox', { name: 'Kind' }));
  await activate(member.getByRole('option', { name: 'Video' }));
  await expect(dialog.getByRole('radio', { name: 'Link to YouTube or Vimeo' })).toBeChecked();
  await typeInto(dialog.getByRole('textbox', { name: 'Title' }), 'Peer instruction in five minutes');
  await typeInto(
    dialog.getByRole('textbox', { name: 'Video address (YouTube or Vimeo)' }),
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  );
  await activate(dialog.getByRole('button', { name: 'Add resource' }));
  await expect(
    member.getByRole('heading', { level: 1, name: 'Peer instruction in five minutes' }),
  ).toBeVisible();
  const player = member.locator('iframe[title^="Video: "]');
  await expect(player).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
  await expect(player).toHaveAttribute('sandbox', 'allow-scripts allow-same-origin allow-presentation');
  await expect(player).toHaveAttribute('loading', 'lazy');
  const watch = member.getByRole('link', { name: /Watch on YouTube/ });
  await expect(watch).toHaveAttribute('rel', 'noopener nofollow ugc');
  await expect(watch).toHaveAttribute('target', '_blank');

  // Both are listed, and the kind filter narrows the list (kept in the address).
  await member.goto(`/communities/${slug}/toolkit`);
  const list = member.getByRole('region', { name: 'Resources (2)' });
  await expect(list.getByRole('article')).toHaveCount(2);
  await activate(list.getByRole('combobox', { name: 'Kind' }));
  await activate(member.getByRole('option', { name: 'Video' }));
  await expect(member).toHaveURL(/kind=video/);
  await expect(list.getByRole('article')).toHaveCount(1);
  await expect(list.getByRole('article')).toContainText('Peer instruction in five minutes');

  await member.context().close();
  await leader.context().close();
  await admin.context().close();
});

test('a resource page leads back to the Toolkit, or to the collection it was opened from', async ({
  browser,
}) => {
  // Three people signed in and a collection: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  const { admin, leader, member, slug } = await leaderAndMember(browser, {
    name: 'Lab Teaching',
    purpose: 'Demonstrators and lecturers sharing how they run teaching labs.',
  });
  const title = `Pre-lab quiz bank ${uniqueWord('')}`;
  const added = await leader.request.post(`/api/communities/${slug}/resources`, {
    data: { kind: 'link', title, url: 'https://example.org/pre-lab' },
  });
  expect(added.status(), await added.text()).toBe(201);
  const resourceId = (await added.json()).data.id;
  const made = await leader.request.post(`/api/communities/${slug}/toolkit/collections`, {
    data: { title: 'Before the first lab' },
  });
  expect(made.status(), await made.text()).toBe(201);
  const collectionId = (await made.json()).data.id;
  const filled = await leader.request.put(`/api/toolkit/collections/${collectionId}/resources`, {
    data: { resourceIds: [resourceId] },
  });
  expect(filled.ok(), await filled.text()).toBe(true);

  // Opened from the collection, the trail leads back to it, to the Toolkit and to the community.
  await member.setViewportSize({ width: 360, height: 780 });
  await member.goto(`/toolkit/collections/${collectionId}`);
  await activate(member.getByRole('link', { name: title }));
  await expect(member.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const trail = member.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(trail.getByRole('link')).toHaveText([/^Lab Teaching/, 'Toolkit', 'Before the first lab']);
  await expectNoSidewaysScroll(member);
  await expectAccessible(member, 'on a resource page opened from a collection, at 360 px');
  await activate(trail.getByRole('link', { name: 'Before the first lab' }));
  await expect(member.getByRole('heading', { level: 1, name: 'Before the first lab' })).toBeVisible();

  // Opened directly (a shared link, search), the way back is the community's Toolkit.
  await member.goto(`/resources/${resourceId}`);
  await expect(trail.getByRole('link')).toHaveText([/^Lab Teaching/, 'Toolkit']);
  await activate(trail.getByRole('link', { name: 'Toolkit' }));
  await expect(member).toHaveURL(new RegExp(`/communities/${slug}/toolkit$`));
  await expect(member.getByRole('link', { name: title })).toBeVisible();

  await member.context().close();
  await leader.context().close();
  await admin.context().close();
});
