import { describe, expect, it } from 'vitest';
import { checkCatalogs, findLiterals } from './check-i18n.ts';

const texts = (source: string) => findLiterals('probe.tsx', source).map((literal) => literal.text);

describe('the languages check', () => {
  it('finds text a person reads in JSX, in text attributes and text properties', () => {
    const found = texts(`
      const options = [{ value: 'a', label: 'First choice' }];
      export function Probe() {
        return (
          <Stack className="probe wide" data-kind="some thing">
            <Title>Your communities</Title>
            <TextInput label="Name" placeholder="e.g. assessment" aria-label={'Search people'} />
            <Text>{count === 1 ? 'One member joined.' : \`\${count} members joined.\`}</Text>
          </Stack>
        );
      }`);
    expect(found).toEqual([
      'First choice',
      'Your communities',
      'Name',
      'e.g. assessment',
      'Search people',
      'One member joined.',
      '… members joined.',
    ]);
  });

  it('lets pass imports, class names, addresses, CSS, developer errors, brand names and marked lines', () => {
    const found = texts(`
      import { thing } from './some module.ts';
      if (!root) throw new Error('The page has no root element.');
      console.warn('Something odd happened here');
      const border = '1px solid var(--mantine-color-gray-3)';
      export function Probe() {
        return (
          <Box className="two classes" href="https://example.org/a b" placeholder="https://">
            <Text>Copse</Text>
            {/* i18n-ignore: a person's initials, not words */}
            <Avatar title="JL KB" />
          </Box>
        );
      }`);
    expect(found).toEqual([]);
  });

  it('reads a .ts file as TypeScript, where a generic arrow function is not JSX', () => {
    const source =
      'export const run = <T>(action: () => Promise<T>, done?: (answer: T) => void) => { void action; void done; };';
    expect(findLiterals('probe.ts', source)).toEqual([]);
    // The same text in a .tsx file parses as JSX, whose text the check reports.
    expect(findLiterals('probe.tsx', source).length).toBeGreaterThan(0);
  });

  it('finds the catalogs complete and well formed', () => {
    expect(checkCatalogs()).toEqual([]);
  });
});
