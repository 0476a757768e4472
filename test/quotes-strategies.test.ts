import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/parse.js';
import { readQuotes } from '../src/quotes/attribute.js';
import { canSpeak } from '../src/quotes/chunker.js';
import { Attributor } from '../src/quotes/discourse.js';
import { findQuoteSpans, findSingleQuoteSpans, quoteMarksOf } from '../src/quotes/spans.js';
import {
  accordingTo,
  colonIntroduction,
  cueAfterQuote,
  cueBeforeQuote,
  cueLaterInSentence,
  FRAGMENT_STRATEGIES,
  SENTENCE_STRATEGIES,
  type Strategy,
  type StrategyInput,
  sayingNounSource,
  statementOwner,
} from '../src/quotes/strategies.js';
import { tokenize } from '../src/quotes/tokens.js';
import { isReportingForm, REPORTING_VERBS, reportsSpeech, takesObject } from '../src/quotes/verbs.js';

// Every sentence below was written for these tests. Each strategy is run on the last quote of a
// small article, alone, so a test fails only when that strategy reads its pattern wrong.
function inputFor(...lines: string[]): StrategyInput {
  const article = parseArticle(['Test story', '', ...lines].join('\n'));
  const { tokens, drafts } = tokenize(article, findQuoteSpans);
  const draft = drafts.at(-1);
  if (!draft) throw new Error('the test article holds no quote');
  let floor = draft.token;
  while (floor > 0 && tokens[floor - 1]?.sentence === draft.sentence) floor--;
  const last = tokens[draft.token]?.last ?? draft.sentence;
  let ceiling = draft.token;
  while (ceiling + 1 < tokens.length && (tokens[ceiling + 1]?.sentence ?? Infinity) <= last) ceiling++;
  return { tokens, attributor: new Attributor(tokens), draft, floor, ceiling };
}

function speakerBy(strategy: Strategy['run'], ...lines: string[]): string | null {
  return strategy(inputFor(...lines))?.speaker.name ?? null;
}

describe('strategy cueAfterQuote', () => {
  it('reads an inverted and a plain subject after the quote', () => {
    expect(speakerBy(cueAfterQuote, '"The bridge opens in May," said engineer Lena Ortiz.')).toBe('Lena Ortiz');
    expect(speakerBy(cueAfterQuote, '"The bridge opens in May," Lena Ortiz said.')).toBe('Lena Ortiz');
  });

  it('reads a title set before the name in apposition', () => {
    expect(speakerBy(cueAfterQuote, '"We will not be moved," the union’s leader, Ruth Adeyemi, said.')).toBe(
      'Ruth Adeyemi',
    );
  });

  it('reads a name after a dash', () => {
    expect(speakerBy(cueAfterQuote, '"Small boats make big waves" — Hana Sato.')).toBe('Hana Sato');
  });

  it('finds nothing when no reporting verb follows', () => {
    expect(speakerBy(cueAfterQuote, '"Open the gates." The crowd waited in the rain.')).toBeNull();
  });
});

describe('strategy cueBeforeQuote', () => {
  it('reads the subject of the verb before the quote', () => {
    expect(speakerBy(cueBeforeQuote, 'Harbour master Ida Brandt told reporters: "We are ready."')).toBe('Ida Brandt');
  });

  it('takes the subject, not the object, of a verb that takes one', () => {
    expect(speakerBy(cueBeforeQuote, 'Ida Brandt accused the ferry firm of "plain neglect".')).toBe('Ida Brandt');
  });

  it('reads the noun that speaks, not the place it speaks from', () => {
    expect(speakerBy(cueBeforeQuote, 'Islanders on Rum accused the operator of "abandoning" them.')).toBe(
      'Islanders on Rum',
    );
  });

  it('takes a document, not the paper that saw it', () => {
    expect(speakerBy(cueBeforeQuote, 'A leaked memo seen by the Harbour Gazette says "cuts are coming".')).toBe(
      'a leaked memo',
    );
  });

  it('reads "with X saying" as X speaking', () => {
    expect(
      speakerBy(cueBeforeQuote, 'The vote passed narrowly, with Councillor Tess Moran saying: "It is a fair result."'),
    ).toBe('Tess Moran');
  });

  it('reads an absolute clause after a comma as its subject speaking', () => {
    expect(speakerBy(cueBeforeQuote, 'The form runs to ten pages, the ministry warning of "serious delays".')).toBe(
      'the ministry',
    );
  });

  it('finds nothing in a sentence with no reporting verb', () => {
    expect(speakerBy(cueBeforeQuote, 'The gate bears the words "keep out" in red paint.')).toBeNull();
  });
});

describe('strategy colonIntroduction', () => {
  it('takes a named subject that introduces the quote with a colon', () => {
    expect(speakerBy(colonIntroduction, 'Bo Lindqvist was blunt: "Nobody will be paid."')).toBe('Bo Lindqvist');
  });

  it('skips an opening participle phrase to the subject after it', () => {
    expect(speakerBy(colonIntroduction, 'Writing on her blog, Nora Quist was blunt: "The play is a triumph."')).toBe(
      'Nora Quist',
    );
  });

  it('does not take a thing for a speaker', () => {
    expect(speakerBy(colonIntroduction, 'The rule is simple: "No ball games after dark."')).toBeNull();
  });
});

describe('strategy cueLaterInSentence', () => {
  it('reads a verb after a comma later in the sentence', () => {
    expect(speakerBy(cueLaterInSentence, 'The offer was "too little, too late", union leader Sam Price said.')).toBe(
      'Sam Price',
    );
  });

  it('finds nothing when the verb is not set off by a comma', () => {
    expect(speakerBy(cueLaterInSentence, 'The "green wall" that Sam Price said would rise never did.')).toBeNull();
  });
});

describe('strategy accordingTo', () => {
  it('credits a document and a person', () => {
    expect(speakerBy(accordingTo, 'The fleet is "at the end of its life", according to the report.')).toBe(
      'the report',
    );
    expect(speakerBy(accordingTo, 'According to Lars Berg, the tide was "the highest in years".')).toBe('Lars Berg');
  });

  it('prefers the name set in apposition to a description', () => {
    expect(speakerBy(accordingTo, 'The pier is "unsafe", according to the harbour’s chief engineer, Ola Nilsen.')).toBe(
      'Ola Nilsen',
    );
  });
});

describe('strategy sayingNounSource', () => {
  it('reads the source of a noun of saying', () => {
    expect(speakerBy(sayingNounSource, 'He pointed to comments by the harbour board that fees were "fair".')).toBe(
      'the harbour board',
    );
  });

  it('finds nothing without a noun of saying', () => {
    expect(speakerBy(sayingNounSource, 'He pointed to a sign that called the fees "fair".')).toBeNull();
  });
});

describe('strategy statementOwner', () => {
  it('credits "in the words of X" and "X’s statement" to X', () => {
    expect(speakerBy(statementOwner, 'In the words of the judge, the case was "a disgrace".')).toBe('the judge');
    expect(speakerBy(statementOwner, 'The delay was "overdue", in Dora Hale’s statement to the board.')).toBeNull();
    expect(speakerBy(statementOwner, 'Dora Hale’s statement to the board called the delay "overdue".')).toBe(
      'Dora Hale',
    );
  });
});

describe('strategy order', () => {
  it('tries a sentence quote after the quote first and a fragment before it first', () => {
    expect(SENTENCE_STRATEGIES.map((strategy) => strategy.name).slice(0, 2)).toEqual([
      'cueAfterQuote',
      'cueBeforeQuote',
    ]);
    expect(FRAGMENT_STRATEGIES.map((strategy) => strategy.name).slice(0, 2)).toEqual([
      'cueBeforeQuote',
      'cueAfterQuote',
    ]);
  });
});

describe('the reporting-verb table', () => {
  it('knows each form once, with its grammar', () => {
    const forms = REPORTING_VERBS.flatMap((verb) => verb.forms);
    expect(new Set(forms).size).toBe(forms.length);
    expect(isReportingForm('said')).toBe(true);
    expect(isReportingForm('according')).toBe(true);
    expect(isReportingForm('comments')).toBe(false);
    expect(takesObject('told')).toBe(true);
    expect(takesObject('said')).toBe(false);
  });

  it('tells speech from its look-alikes', () => {
    expect(reportsSpeech('agreed', '.')).toBe(true);
    expect(reportsSpeech('agreed', 'to')).toBe(false);
    expect(reportsSpeech('calls', 'for')).toBe(false);
    expect(reportsSpeech('shows', 'that')).toBe(false);
    expect(reportsSpeech('according', 'to')).toBe(false);
  });
});

describe('canSpeak', () => {
  it('refuses prepositions, lone participles and runs holding a verb', () => {
    expect(canSpeak(['According'])).toBe(false);
    expect(canSpeak(['Writing'])).toBe(false);
    expect(canSpeak(['Officials', 'tell', 'Channel', 'Five'])).toBe(false);
    expect(canSpeak(['In', 'Leeds'])).toBe(false);
  });

  it('accepts names, roles, bodies and documents', () => {
    expect(canSpeak(['Mary', 'Anne', 'Wilson'])).toBe(true);
    expect(canSpeak(['the', 'minister'])).toBe(true);
    expect(canSpeak(['a', 'leaked', 'letter'])).toBe(true);
    expect(canSpeak(['Harbour', 'Trust'])).toBe(true);
  });
});

describe('single quotation marks', () => {
  it('reads single-quoted speech and tells apostrophes from marks', () => {
    const text = '‘We share the islanders’ anger,’ she said of the ’90s fleet. ‘It’s not good enough.’';
    expect(findSingleQuoteSpans(text).map((span) => text.slice(span.start, span.end))).toEqual([
      'We share the islanders’ anger,',
      'It’s not good enough.',
    ]);
  });

  it('switches to single marks only when more quoted sentences are set in single marks than in double', () => {
    expect(quoteMarksOf(['‘We will appeal the ruling,’ said Kerr.'])).toBe('single');
    expect(quoteMarksOf(['He said "yes" to the ‘new deal for the town’ plan.'])).toBe('double');
    // A single-quoted label is not speech: the article stays double.
    expect(quoteMarksOf(['She was never ‘forced’ to stay.'])).toBe('double');
    // British style: "double" marks only for a quote inside a quote.
    expect(
      quoteMarksOf([
        '‘The minister keeps saying "reform", but nobody has seen a plan,’ said Kerr.',
        '‘We will table our own bill next week,’ she added.',
      ]),
    ).toBe('single');
    // American style: a quote inside a quote in single marks, the speech itself in double.
    expect(quoteMarksOf(['"He told me \'We will never sell this farm\' and walked off," said Ruiz.'])).toBe('double');
  });
});

describe('creditBlockQuotes', () => {
  const markdown = (...lines: string[]) => parseArticle(lines.join('\n'), { markdown: true });

  it('makes a block quote with no marks one quote, credited to its source line', () => {
    const article = markdown(
      '# Ferry strike ends',
      '',
      'The mayor, Tom Reilly, said the town had waited long enough.',
      '',
      '> The crossing is the town. Nobody should have to drive an hour to see a doctor.',
      '> — Petra Lind, chair of the Island Residents Group',
    );
    const { quotes, roles } = readQuotes(article);
    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ['The crossing is the town. Nobody should have to drive an hour to see a doctor.', 'Petra Lind'],
    ]);
    expect(roles.get('Petra Lind')).toBe('chair of the Island Residents Group');
  });

  it('gives quotation marks inside a credited block quote to the source, not the person named before it', () => {
    const article = markdown(
      '# Ferry strike ends',
      '',
      'The mayor, Tom Reilly, spoke first.',
      '',
      '> "We will not be cut off again," the statement said.',
      '> — Island Ferry Union (@islandferryunion)',
    );
    expect(readQuotes(article).quotes.map((quote) => quote.speaker)).toEqual(['Island Ferry Union']);
  });
});
