import { describe, expect, it } from 'vitest';
import { markdownToPlainText, quoted } from './plain-text.ts';

describe('markdownToPlainText', () => {
  it.each([
    ['A **ninety-minute** seminar', 'A ninety-minute seminar'],
    ['See [the rubric](https://example.org/r) and ![a chart](/c.png)', 'See the rubric and a chart'],
    ['# Heading\n\n> quoted\n- item one\n2. item two', 'Heading quoted item one item two'],
    ['Use `code` and ~~old~~ _words_', 'Use code and old _words_'],
    ['kept <mark>word</mark> marks', 'kept <mark>word</mark> marks'],
  ])('%j → %j', (source, plain) => {
    expect(markdownToPlainText(source)).toBe(plain);
  });
});

describe('quoted', () => {
  it.each([
    ['How do you run peer feedback?', '“How do you run peer feedback?”'],
    ['About “Lesson plan”', '“About ‘Lesson plan’”'],
    ['The "flipped" classroom', '“The ‘flipped’ classroom”'],
    [
      'About “A very long resource title that goes on and on past the length of a subject line”',
      '“About ‘A very long resource title that goes on and on past the length of a…’”',
    ],
  ])('%j → %j', (source, result) => {
    expect(quoted(source)).toBe(result);
  });
});

describe('markdownToPlainText with keepLines', () => {
  it('keeps paragraphs, lines, bullets and link addresses', () => {
    expect(
      markdownToPlainText(
        '# Plan\n\nBring **one** [rubric](https://example.org/r).\n\n\n\n- Warm-up\n* *Swap*\n1. First\n> > Be `kind`.',
        { keepLines: true },
      ),
    ).toBe('Plan\n\nBring one rubric (https://example.org/r).\n\n• Warm-up\n• Swap\n1. First\nBe kind.');
  });
});
