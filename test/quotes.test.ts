import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/parse.js';
import { extractQuotes, matchesSpeaker, quoteExcerpt } from '../src/quotes/index.js';
import { nth } from '../src/quotes/nth.js';
import { findQuoteSpans } from '../src/quotes/spans.js';
import type { Article, Quote, QuoteEntry, QuotesView } from '../src/types.js';
import { quotesView } from '../src/views/quotes.js';
import { seedText } from './helpers.js';

// Every article below is a small story written for these tests, headline first.
function quotesOf(...lines: string[]): Quote[] {
  return extractQuotes(parseArticle(['Test story', '', ...lines].join('\n')));
}

function pairs(quotes: Quote[]): [string, string | null][] {
  return quotes.map((quote) => [quote.text, quote.speaker]);
}

describe('extractQuotes: spans', () => {
  it('reads curly and straight double quotes alike', () => {
    const quotes = quotesOf(
      'Mayor Anna Berg said: “We will open the bridge in May.”',
      'Engineer Karl Olsen said: "The steel arrived on time."',
    );
    expect(pairs(quotes)).toEqual([
      ['We will open the bridge in May.', 'Anna Berg'],
      ['The steel arrived on time.', 'Karl Olsen'],
    ]);
  });

  it('keeps single quotes nested inside double quotes as part of the quote', () => {
    const quotes = quotesOf(
      `Farmer Joan Reid said: "My father always told me, 'Never sell the north field', and I never have."`,
    );
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.text).toBe("My father always told me, 'Never sell the north field', and I never have.");
  });

  it('does not take apostrophes for quotation marks', () => {
    const quotes = quotesOf(
      'The band’s tour, a tribute to ’90s rock ’n’ roll, sold out in an hour.',
      'Singer Lena Moss said: “It’s the fans’ night, not ours.”',
    );
    expect(pairs(quotes)).toEqual([['It’s the fans’ night, not ours.', 'Lena Moss']]);
  });

  it('keeps a quotation that runs over several sentences as one quote', () => {
    const quotes = quotesOf('"The rain came early. The river rose fast. We had no warning," said farmer Ian Shaw.');
    expect(pairs(quotes)).toEqual([['The rain came early. The river rose fast. We had no warning,', 'Ian Shaw']]);
  });

  it('gives a quote over several paragraphs one speaker and marks the parts that run on', () => {
    const quotes = quotesOf(
      'Coach Maria Lopez said: “We trained hard all winter.',
      '',
      '“Nobody missed a session.',
      '',
      '“That is why we won.”',
      '',
      'The team plays again on Sunday.',
    );
    expect(pairs(quotes)).toEqual([
      ['We trained hard all winter.', 'Maria Lopez'],
      ['Nobody missed a session.', 'Maria Lopez'],
      ['That is why we won.', 'Maria Lopez'],
    ]);
    expect(quotes.map((quote) => quote.continues ?? false)).toEqual([true, true, false]);
  });

  it('recovers from an unclosed mark at the end of its paragraph', () => {
    const quotes = quotesOf(
      'Officer Dan Wu said: "The road will stay shut until Friday.',
      '',
      'Drivers should use the coast road instead, the council said.',
      '',
      'Shopkeeper Ruth Ames called the closure "a disaster" for trade.',
    );
    expect(pairs(quotes)).toEqual([
      ['The road will stay shut until Friday.', 'Dan Wu'],
      ['a disaster', 'Ruth Ames'],
    ]);
  });

  it('ignores a stray closing mark after a closed quote', () => {
    const quotes = quotesOf('"We are ready," she said."', 'Later the crowd sang "Happy Birthday" to the winner.');
    expect(quotes.map((quote) => quote.text)).toEqual(['We are ready,', 'Happy Birthday']);
  });

  // Speed is measured by npm run fuzz and the benchmarks, never timed here: these only have to finish.
  it('never throws on a megabyte of quote marks', () => {
    expect(() => quotesOf('"'.repeat(1 << 20))).not.toThrow();
    expect(() => quotesOf(`${'“'.repeat(1 << 19)}x${'”'.repeat(1 << 19)}`)).not.toThrow();
  });

  it('gives each quote its offsets in the paragraph', () => {
    const article = parseArticle('Test story\n\nThe council called it "a fair deal", said Mayor Anna Berg.\n');
    const quote = nth(extractQuotes(article), 0);
    expect(nth(article.paragraphs, quote.paragraph).slice(quote.start, quote.end)).toBe('a fair deal');
  });
});

describe('extractQuotes: attribution', () => {
  it('reads the speaker before the quote', () => {
    expect(pairs(quotesOf('Chef Omar Haddad said: "Salt is the secret."'))).toEqual([
      ['Salt is the secret.', 'Omar Haddad'],
    ]);
  });

  it('reads the speaker after the quote, in either order', () => {
    const quotes = quotesOf(
      'Anglers gathered at the lake on Saturday.',
      '"The pike are biting," said angler Tom Fisk.',
      '"The water is too warm," warden Lucy Platt said.',
    );
    expect(pairs(quotes)).toEqual([
      ['The pike are biting,', 'Tom Fisk'],
      ['The water is too warm,', 'Lucy Platt'],
    ]);
    expect(quotes.map((quote) => quote.cue)).toEqual(['said', 'said']);
  });

  it('reads an attribution set inside a split quote, for both halves', () => {
    const quotes = quotesOf('"I think," said councillor Geoff Hunt, "that the decision was made long ago."');
    expect(pairs(quotes)).toEqual([
      ['I think,', 'Geoff Hunt'],
      ['that the decision was made long ago.', 'Geoff Hunt'],
    ]);
  });

  it('reads a speaker set off with a dash', () => {
    expect(pairs(quotesOf('"Hope is a good breakfast but a bad supper" — Francis Bacon.'))).toEqual([
      ['Hope is a good breakfast but a bad supper', 'Francis Bacon'],
    ]);
  });

  it('credits "according to" when there is no reporting verb', () => {
    const quotes = quotesOf('The harvest was "the worst in living memory", according to grower Paul Dane.');
    expect(pairs(quotes)).toEqual([['the worst in living memory', 'Paul Dane']]);
    expect(quotes[0]?.cue).toBe('according to');
  });

  it('knows reporting verbs beyond "said"', () => {
    const quotes = quotesOf(
      'Union leader Rosa Klein told members: "We will not back down."',
      'She added: "The offer is an insult."',
      'Manager Ben Archer warned that the plant could face "permanent closure".',
      'He insisted: "Nobody wants that."',
      'Ms Klein admitted she was "tired of waiting".',
      'Mr Archer noted that the plant had been "loss-making for years".',
      'The union accused the company of "bad faith" and blamed its owners for "years of neglect".',
    );
    expect(pairs(quotes)).toEqual([
      ['We will not back down.', 'Rosa Klein'],
      ['The offer is an insult.', 'Rosa Klein'],
      ['permanent closure', 'Ben Archer'],
      ['Nobody wants that.', 'Ben Archer'],
      ['tired of waiting', 'Rosa Klein'],
      ['loss-making for years', 'Ben Archer'],
      ['bad faith', 'the union'],
      ['years of neglect', 'the union'],
    ]);
    expect(quotes.map((quote) => quote.cue)).toEqual([
      'told',
      'added',
      'warned',
      'insisted',
      'admitted',
      'noted',
      'accused',
      'blamed',
    ]);
  });

  it('reads the subject after "Speaking to …,"', () => {
    const quotes = quotesOf(
      'Speaking to Radio Kent, the town’s mayor said the fair would be "bigger than ever".',
      'Speaking after the vote, Councillor Jo Marsh said: "This is a good day."',
    );
    expect(pairs(quotes)).toEqual([
      ['bigger than ever', 'the town’s mayor'],
      ['This is a good day.', 'Jo Marsh'],
    ]);
  });

  it('resolves pronouns and short forms to the full name', () => {
    const quotes = quotesOf(
      'Fisheries minister Alan Pryce met trawler owners in Hull on Monday.',
      'Mr Pryce said the quota system was "broken".',
      'Skipper Jean Hart said the meeting had gone well.',
      'But she warned: "Words are cheap."',
      '"We will watch what he does," Hart said.',
      'Pryce later said he would return in March.',
      '"I keep my promises," he noted.',
    );
    expect(pairs(quotes)).toEqual([
      ['broken', 'Alan Pryce'],
      ['Words are cheap.', 'Jean Hart'],
      ['We will watch what he does,', 'Jean Hart'],
      ['I keep my promises,', 'Alan Pryce'],
    ]);
  });

  it('resolves "the minister" to the one person the article gave that role', () => {
    const quotes = quotesOf(
      'Health minister Clara Voss opened the new ward in Leeds.',
      'Patients and staff lined the corridor.',
      'The minister said the ward was "the first of many".',
    );
    expect(pairs(quotes)).toEqual([['the first of many', 'Clara Voss']]);
    expect(quotes[0]?.aliases).toEqual(expect.arrayContaining(['Voss', 'the minister']));
  });

  it('keeps organisations and unnamed speakers as the article names them', () => {
    const quotes = quotesOf(
      'Norway’s fisheries ministry called the report "deeply flawed".',
      'A spokeswoman said: "We will reply in full."',
      'The Harbour Trust said the figures were "out of date".',
    );
    expect(pairs(quotes)).toEqual([
      ['deeply flawed', 'Norway’s fisheries ministry'],
      ['We will reply in full.', 'a spokeswoman'],
      ['out of date', 'Harbour Trust'],
    ]);
  });

  it('carries the speaker over to quotes with no attribution of their own', () => {
    const quotes = quotesOf(
      'Baker Sam Lee said: "We start at four every morning."',
      '"The ovens never cool."',
      '"It is hard work, but I love it."',
    );
    expect(quotes.map((quote) => quote.speaker)).toEqual(['Sam Lee', 'Sam Lee', 'Sam Lee']);
  });

  it('takes a speaker named only after the quotes', () => {
    const quotes = quotesOf(
      'The marathon ended in a sprint finish.',
      '',
      '"I had nothing left."',
      '"My legs were gone."',
      '"But I wanted it more," said winner Kofi Mensah.',
    );
    expect(quotes.map((quote) => quote.speaker)).toEqual(['Kofi Mensah', 'Kofi Mensah', 'Kofi Mensah']);
  });

  it('reports scare quotes and titles with no speaker', () => {
    const quotes = quotesOf(
      'The so-called "green belt" around the town is shrinking.',
      'Her new book, entitled "Salt and Stone", is out in May.',
      'The stall sells "artisan" bread at twice the price.',
    );
    expect(quotes.map((quote) => [quote.text, quote.speaker, quote.kind])).toEqual([
      ['green belt', null, 'scare'],
      ['Salt and Stone', null, 'title'],
      ['artisan', null, 'scare'],
    ]);
  });

  it('gives a fragment the sentence it sits in as context', () => {
    const quotes = quotesOf('The report called the plan "reckless". Ministers disagreed.');
    expect(quotes[0]?.context).toBe('The report called the plan "reckless".');
  });
});

describe('extractQuotes: attribution details', () => {
  it('resolves "he" and "she" to a person named as the subject of a narrative sentence', () => {
    const quotes = quotesOf(
      '"The rules are clear," said Mayor Anne Holt.',
      'Winger Tomas Reyes scored twice in the second half.',
      '"I just kept running," he said.',
      'Hilda Brandt, an economist who studies ports, points out that trade fell.',
      '"It is a trend," she says.',
      'The City Council met on Monday.',
      '"Nothing was decided," she said.',
    );
    expect(pairs(quotes)).toEqual([
      ['The rules are clear,', 'Anne Holt'],
      ['I just kept running,', 'Tomas Reyes'],
      ['It is a trend,', 'Hilda Brandt'],
      ['Nothing was decided,', 'Hilda Brandt'],
    ]);
  });

  it('prefers a person confirmed after an unconfirmed subject for "she"', () => {
    const quotes = quotesOf(
      'Hilda Brandt, an economist who studies ports, points out that trade fell.',
      'One trader who lost out is Carla Neri, who runs a stall in the market.',
      '"I lost a week of sales," she said.',
    );
    expect(pairs(quotes)).toEqual([['I lost a week of sales,', 'Carla Neri']]);
  });

  it('learns no gender from a pronoun that follows a gendered noun', () => {
    const quotes = quotesOf(
      '"Fees are up again," said Mayor Anne Holt.',
      'Ken Ray, whose daughter is in year seven, said she shared a laptop all year.',
      '"Nobody told us why," he said.',
    );
    expect(pairs(quotes)).toEqual([
      ['Fees are up again,', 'Anne Holt'],
      ['Nobody told us why,', 'Ken Ray'],
    ]);
  });

  it('cuts a hyphenated role before a name, and keeps the subject over a body named after it', () => {
    const quotes = quotesOf(
      'Harbour Rovers beat the league leaders on Friday.',
      'Fly-half Owen Pryce kicked five penalties to keep Rovers top of the table.',
      '"I aimed for the post," he said.',
    );
    expect(pairs(quotes)).toEqual([['I aimed for the post,', 'Owen Pryce']]);
  });

  it('reads "the commission" as the body of that kind named last', () => {
    const quotes = quotesOf(
      'The Federal Trade Commission filed a complaint against Brightcam on Tuesday.',
      '"Consumers were misled," the commission said in a statement.',
      'The Water Services Regulation Authority said the firm had failed. "It must pay," the authority said.',
      '"We are looking at it," the council said.',
    );
    expect(pairs(quotes)).toEqual([
      ['Consumers were misled,', 'Federal Trade Commission'],
      ['It must pay,', 'Water Services Regulation Authority'],
      ['We are looking at it,', 'the council'],
    ]);
  });

  it('takes a name after an opening adverbial phrase as the subject a "she" looks to', () => {
    const quotes = quotesOf(
      'The Harbor City Gulls lost 70-64 on Sunday.',
      '"We ran out of legs," said Gulls guard Tom Abel.',
      'On the other bench, Rays coach Ann Rowe did not hide her anger at the referees.',
      '"We were robbed," she said.',
    );
    expect(pairs(quotes)).toEqual([
      ['We ran out of legs,', 'Tom Abel'],
      ['We were robbed,', 'Ann Rowe'],
    ]);
  });

  it('reads the name before an age and a second apposition as the subject', () => {
    const quotes = quotesOf(
      'Passenger Colin Reave, 61, a retired baker from the town of Dale, said the crash felt like "a bump in the road."',
    );
    expect(pairs(quotes)).toEqual([['a bump in the road.', 'Colin Reave']]);
  });

  it('keeps two people of one family apart', () => {
    const quotes = quotesOf(
      'The farm is run by Ruth Calloway and her husband, Dan Calloway.',
      '"We never take a day off," Dan Calloway says.',
      'Their daughter, Mia Calloway, 19, drives the tractor at weekends.',
      '"I love it, mostly," she says.',
      '"She is better at it than me," Dan Calloway says.',
    );
    expect(pairs(quotes)).toEqual([
      ['We never take a day off,', 'Dan Calloway'],
      ['I love it, mostly,', 'Mia Calloway'],
      ['She is better at it than me,', 'Dan Calloway'],
    ]);
  });

  it('reads past the dot of an abbreviated title or initialism inside a sentence', () => {
    const quotes = quotesOf(
      'The ferry ran aground on Monday, officials said.',
      '"Everyone is safe," Gov. Anna Berg said at a briefing.',
      '"He lied to you," Assistant U.S. Attorney Paul Dane told jurors on Wednesday.',
      'The U.N. Refugee Agency said the camp was "full."',
    );
    expect(pairs(quotes)).toEqual([
      ['Everyone is safe,', 'Anna Berg'],
      ['He lied to you,', 'Paul Dane'],
      ['full.', 'U.N. Refugee Agency'],
    ]);
  });

  it('skips an adverb between a subject and its verb, but not a noun in -ly', () => {
    const quotes = quotesOf(
      'The airport\'s website initially described the delay as "brief."',
      'The family said it was "heartbroken."',
    );
    expect(pairs(quotes)).toEqual([
      ['brief.', "the airport's website"],
      ['heartbroken.', 'the family'],
    ]);
  });

  it('gives "the statement" to whoever issued "a statement", but not a source "according to a report"', () => {
    const quotes = quotesOf(
      'In a statement, Northway Rail said it was "cooperating fully" with the inquiry.',
      '"Safety is our first concern," the statement said.',
      'The shop was robbed at 6 a.m., according to a police report.',
      'The report said the man was "armed and shouting."',
    );
    expect(pairs(quotes)).toEqual([
      ['cooperating fully', 'Northway Rail'],
      ['Safety is our first concern,', 'Northway Rail'],
      ['armed and shouting.', 'the report'],
    ]);
  });

  it('cuts a participle compound ("Leeds-based") from a name, but keeps "Jun-seo"', () => {
    const quotes = quotesOf(
      'A study by Leeds-based Harcourt Analytics warned of "a sharp slowdown."',
      'The app\'s founder, Jun-seo Kim, said it was "a hard call."',
    );
    expect(pairs(quotes)).toEqual([
      ['a sharp slowdown.', 'Harcourt Analytics'],
      ['a hard call.', 'Jun-seo Kim'],
    ]);
  });

  it('gives a participle the main subject when a possessive owner opens it', () => {
    const quotes = quotesOf(
      'Norland\'s cabinet on Friday approved the plan, saying the port had "waited long enough" for it.',
    );
    expect(pairs(quotes)).toEqual([['waited long enough', "Norland's cabinet"]]);
  });

  it('reads a name around a quoted nickname as one person', () => {
    const quotes = quotesOf(
      '"Service was slow," said Mayor Anne Holt.',
      'Another diner, Thomas "Tommy" Varga, said the staff were brave.',
      '"Eggs were on the grill by nine," he said.',
    );
    expect(quotes.map((quote) => quote.speaker).at(-1)).toBe('Thomas Varga');
  });

  it('lets "the regulator" stand for the body that last spoke, whatever its kind', () => {
    const quotes = quotesOf(
      'The Energy Markets Office, which studies prices, said it had written to the supplier. "We are watching closely," the regulator said.',
    );
    expect(pairs(quotes)).toEqual([['We are watching closely,', 'Energy Markets Office']]);
  });

  it('lets "he" after a sentence opened by a role stand for the one holder of that role', () => {
    const quotes = quotesOf(
      'Finance Minister Tobias Lind told parliament the plan would cut spending.',
      'Opposition leader Annika Rask said the plan was "a betrayal of the north".',
      'The minister rejected that charge. "Nobody is cancelling anything. We are pacing it," he said.',
    );
    expect(quotes.map((quote) => quote.speaker)).toEqual(['Annika Rask', 'Tobias Lind']);
  });

  it('reads a long possessive subject whole for a second verb after "and"', () => {
    const quotes = quotesOf(
      'The council\'s own safety review, written by two engineers, called the pier "unsafe" and said repairs were "long overdue."',
    );
    expect(pairs(quotes)).toEqual([
      ['unsafe', "the council's own safety review"],
      ['long overdue.', "the council's own safety review"],
    ]);
  });

  it('keeps three name words opening a sentence unless the first is a role', () => {
    const quotes = quotesOf(
      'Rosa Maria Tellez, who runs the bakery, said flour had doubled in price.',
      '"We cannot cope," she said.',
      'Health Minister Ana Lucia Ferro told MPs the plan was sound.',
      '"It will work," Ferro said.',
      'Drummer Sean Doyle said the tour was over.',
      '"We are tired," Doyle said.',
    );
    expect(pairs(quotes)).toEqual([
      ['We cannot cope,', 'Rosa Maria Tellez'],
      ['It will work,', 'Ana Lucia Ferro'],
      ['We are tired,', 'Sean Doyle'],
    ]);
  });

  it('keeps a surname of several particles whole, so a later "he" finds the person', () => {
    const quotes = quotesOf(
      'City Rangers won at home on Sunday.',
      'Rangers coach Jan van den Hoek changed the team at half-time.',
      '"We were far too slow," he said.',
    );
    expect(pairs(quotes)).toEqual([['We were far too slow,', 'Jan van den Hoek']]);
  });

  it('takes the sentence subject for a participle and a second verb', () => {
    const quotes = quotesOf(
      'Chancellor Tom Reeve warned his party against complacency, saying: "Nothing is won yet."',
      'Protesters blocked the road and chanted "no more cuts" outside the gates.',
    );
    expect(pairs(quotes)).toEqual([
      ['Nothing is won yet.', 'Tom Reeve'],
      ['no more cuts', 'Protesters'],
    ]);
  });

  it('prefers the name set in apposition to a description', () => {
    const quotes = quotesOf(
      '"It is a scandal," said one pensioner, Mary Jones.',
      'Her neighbour, Arthur Pike, said: "We were never asked."',
    );
    expect(pairs(quotes)).toEqual([
      ['It is a scandal,', 'Mary Jones'],
      ['We were never asked.', 'Arthur Pike'],
    ]);
  });

  it('reads "the Scot" and "the 21-year-old" as the person the sentences are about', () => {
    const quotes = quotesOf(
      'Jamie Laird beat Spain’s Pablo Ortiz in straight sets.',
      'The Scot, seeded fourth, needed just over an hour.',
      '"I felt sharp from the start," said the 21-year-old.',
    );
    expect(pairs(quotes)).toEqual([['I felt sharp from the start,', 'Jamie Laird']]);
  });

  it('lets "the company" stand for the company that spoke, but not for another body', () => {
    const quotes = quotesOf(
      'Brightline blamed "a criminal group" for the breach.',
      'The company said: "We apologise."',
      'The Football League said the club had been "reckless".',
      'The club said it was "disappointed".',
    );
    expect(pairs(quotes)).toEqual([
      ['a criminal group', 'Brightline'],
      ['We apologise.', 'Brightline'],
      ['reckless', 'Football League'],
      ['disappointed', 'the club'],
    ]);
  });
});

describe('extractQuotes: subjects, objects and labels', () => {
  it('takes a full name before a long appositive as the subject, not the object after the verb', () => {
    const quotes = quotesOf(
      'The ferry company will cut its winter sailings by half.',
      '',
      'Morag Tulloch, harbour convener for the North Isles Community Council, described the timetable as "an insult" to islanders.',
      '',
      'She told the meeting: "Nobody on the islands was asked about any of this."',
    );
    expect(pairs(quotes)).toEqual([
      ['an insult', 'Morag Tulloch'],
      ['Nobody on the islands was asked about any of this.', 'Morag Tulloch'],
    ]);
  });

  it('never makes an object of "accused", "blamed" or "told" the speaker', () => {
    const quotes = quotesOf(
      'Councillor Peter Vane, who chairs the roads committee, blamed the contractor for "months of chaos".',
      '',
      'Resident Jo Park, a retired teacher, accused the council of "treating us like fools".',
    );
    expect(pairs(quotes)).toEqual([
      ['months of chaos', 'Peter Vane'],
      ['treating us like fools', 'Jo Park'],
    ]);
  });

  it('resolves "she" to a person, never to a thing named earlier, across a quote over paragraphs', () => {
    const quotes = quotesOf(
      'Dr Mira Holt, who runs the orchard trust, described the harvest in plain words. She said:',
      '',
      '“The apples came a month early and half of them split on the branch.',
      '',
      '“We have never seen a year like it.”',
      '',
      'The trust will replant in March.',
    );
    expect(pairs(quotes)).toEqual([
      ['The apples came a month early and half of them split on the branch.', 'Mira Holt'],
      ['We have never seen a year like it.', 'Mira Holt'],
    ]);
  });

  it('keeps a descriptive label in front of an organisation’s name with the name', () => {
    const quotes = quotesOf(
      'A court fined the chemical plant £40,000 on Friday.',
      '',
      'Pressure group Clean Rivers welcomed the ruling but said the fine was "far too small".',
      '',
      'Tech giant Orbix said: "We will study the judgment."',
    );
    expect(pairs(quotes)).toEqual([
      ['far too small', 'Clean Rivers'],
      ['We will study the judgment.', 'Orbix'],
    ]);
  });

  it('does not take a name after a role label for the label’s first word', () => {
    const quotes = quotesOf('Hockey coach Lars Engen admitted the defeat was "hard to take".');
    expect(pairs(quotes)).toEqual([['hard to take', 'Lars Engen']]);
  });
});

describe('extractQuotes: a quote split by its attribution', () => {
  const quotes = quotesOf(
    'Dr Ada Quist leads the bird survey on the estuary.',
    '',
    '"We will keep counting," she said, "until the last tern has left the marsh."',
  );

  it('gives two quotes, each once, with the same speaker', () => {
    expect(pairs(quotes)).toEqual([
      ['We will keep counting,', 'Ada Quist'],
      ['until the last tern has left the marsh.', 'Ada Quist'],
    ]);
  });

  it('leaves the other part out of each part’s context, so no view prints a part twice', () => {
    expect(quotes.map((quote) => quote.context)).toEqual([
      '"We will keep counting," she said',
      'she said, "until the last tern has left the marsh."',
    ]);
    const shown = quotes.map((quote) => quoteExcerpt(quote).join('')).join('\n');
    for (const quote of quotes) expect(shown.split(quote.text).length - 1).toBe(1);
  });

  it('keeps the whole sentence as the context of quotes not split by a reporting verb', () => {
    const [first, second] = quotesOf('Critics called the plan "reckless" and "unfunded".');
    expect(first?.context).toBe('Critics called the plan "reckless" and "unfunded".');
    expect(second?.context).toBe(first?.context);
  });
});

describe('findQuoteSpans', () => {
  it('finds marks of every style and skips the text between them', () => {
    const text = `${'x'.repeat(5000)} «Un» and „zwei” then "three" and “four” ${'y'.repeat(5000)} he said."`;
    const spans = findQuoteSpans(text);
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual(['Un', 'zwei', 'three', 'four']);
    expect(findQuoteSpans(text, text.indexOf('then'))).toEqual(spans.slice(2));
    expect(findQuoteSpans('no marks at all')).toEqual([]);
  });

  it('finds every span of a long article with many quotes (5 MB)', () => {
    const paragraph = 'The minister said the plan was "sound", and Ms Reed said: “We will see.” Then "more" came.';
    const paragraphs = Array.from({ length: 55_000 }, () => paragraph);
    let count = 0;
    for (const text of paragraphs) count += findQuoteSpans(text).length;
    expect(count).toBe(3 * 55_000);
  });

  it('attributes every quote of 20 000 sentences with a reporting verb after the quote', () => {
    const lines = Array.from(
      { length: 20_000 },
      (_, index) => `The plan was "too risky" and Mr Lowe${index} said so.\n`,
    );
    const quotes = extractQuotes(parseArticle(['Test story', '', ...lines].join('\n')));
    expect(quotes).toHaveLength(20_000);
  });
});

describe('matchesSpeaker', () => {
  const quotes = quotesOf(
    'Transport secretary Grace Obi visited the depot.',
    'Ms Obi said: "Buses matter."',
    'A depot spokesman said: "We welcome the visit."',
  );

  it('matches the full name, the surname and the honorific form, in any case', () => {
    for (const name of ['Grace Obi', 'obi', 'Ms Obi', 'OBI']) expect(matchesSpeaker(nth(quotes, 0), name)).toBe(true);
  });

  it('matches nobody else', () => {
    expect(matchesSpeaker(nth(quotes, 0), 'Grace')).toBe(false);
    expect(matchesSpeaker(nth(quotes, 1), 'Obi')).toBe(false);
    expect(matchesSpeaker(nth(quotes, 1), 'depot spokesman')).toBe(true);
  });
});

describe('extractQuotes on the seed article', () => {
  it('finds the seven quotes with their speakers, in order', () => {
    expect(pairs(extractQuotes(parseArticle(seedText)))).toEqual([
      ['hostility', 'the Kremlin'],
      ['We cannot do anything without the Americans.', 'Boris Johnson'],
      ['scorched earth tactic', 'Russia’s foreign ministry'],
      ['lies', 'Russia’s foreign ministry'],
      ['terrorists', 'Russia'],
      ['no special expectations', 'Sergey Lavrov'],
      ['springboard', "Syria's president"],
    ]);
  });

  it('lets --speaker find Mr Lavrov by any of his names', () => {
    const lavrov = extractQuotes(parseArticle(seedText)).find((quote) => quote.text === 'no special expectations');
    if (!lavrov) throw new Error('the seed lost its Lavrov quote');
    for (const name of ['Sergey Lavrov', 'Lavrov', 'Mr Lavrov']) expect(matchesSpeaker(lavrov, name)).toBe(true);
  });
});

describe('extractQuotes: properties', () => {
  const pieces = fc.constantFrom(
    '"',
    '“',
    '”',
    "'",
    '’',
    ' ',
    '\n',
    '\n\n',
    '.',
    ',',
    ':',
    '—',
    ' said ',
    ' he ',
    ' Mr ',
    'Smith',
    'Anna Berg',
    ' according to ',
    'Speaking to ',
    ' the minister ',
    'a',
    'We',
    ' told ',
    ' accused ',
    ' of ',
  );
  const articles = fc.oneof(
    fc.string(),
    fc.array(pieces, { maxLength: 80 }).map((parts) => parts.join('')),
  );

  it('never throws; texts sit in their paragraph, contexts are sentences, quotes stay in order', () => {
    fc.assert(
      fc.property(articles, (text) => {
        let article: Article;
        try {
          article = parseArticle(`Test story\n\nThe opening line.\n${text}`);
        } catch {
          return;
        }
        const quotes = extractQuotes(article);
        let previous = -1;
        for (const quote of quotes) {
          const sentence = nth(article.sentences, quote.sentence);
          // The context is the quote's sentence, or for a quote split by its attribution the part of it up to the other part.
          expect(sentence.text).toContain(quote.context);
          expect(sentence.paragraph).toBe(quote.paragraph);
          expect(article.paragraphs[quote.paragraph]?.slice(quote.start, quote.end)).toBe(quote.text);
          // The quote opens inside its context sentence; a one-sentence quote lies wholly in it.
          expect(quote.start).toBeGreaterThanOrEqual(sentence.start);
          if (quote.end <= sentence.start + sentence.text.length) expect(quote.context).toContain(quote.text);
          const position = quote.paragraph * 1e9 + quote.start;
          expect(position).toBeGreaterThan(previous);
          previous = position;
          expect(quote.text.trim()).not.toBe('');
          if (quote.kind !== 'speech') expect(quote.speaker).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('discourse: who is talking', () => {
  it('gives a bare quote paragraph to the person just introduced with reported speech', () => {
    const quotes = quotesOf(
      '"It is a cheap shot," said Maria Gomez, who led the protest.',
      '',
      'Tom Reilly, of the campaign group Stage Watch, said the play was an insult to the city.',
      '',
      '"Nobody asked the families what they thought."',
    );
    expect(pairs(quotes)).toEqual([
      ['It is a cheap shot,', 'Maria Gomez'],
      ['Nobody asked the families what they thought.', 'Tom Reilly'],
    ]);
  });

  it('resolves "he" to the man named since the last quote, not to the woman quoted before', () => {
    const quotes = quotesOf(
      'Council leader Dana Reyes said: "The budget is balanced."',
      '',
      'Her opposite number, James Porter, was unimpressed. "This is a fantasy budget," he said.',
    );
    expect(pairs(quotes)).toEqual([
      ['The budget is balanced.', 'Dana Reyes'],
      ['This is a fantasy budget,', 'James Porter'],
    ]);
  });

  it('does not learn a gender from a possessive that belongs to someone else', () => {
    const quotes = quotesOf(
      'Coach Viktor Lind watched the heats.',
      '',
      'Ella Park set a record. "I’m thrilled for her," Park told reporters.',
      '',
      'Lind praised the athlete’s start and her nerve. "Her first steps are the best," he said.',
    );
    expect(quotes.at(-1)?.speaker).toBe('Viktor Lind');
  });

  it('never gives "she" to a man, even with no woman confirmed yet', () => {
    const quotes = quotesOf(
      'Sir Alan Reed, the member for Eastvale, said: ‘My voters are furious about the plan.’',
      'The Housing Secretary, Nina Cole, defended it. ‘We must build homes now,’ she said.',
    );
    expect(quotes.map((quote) => quote.speaker)).toEqual(['Alan Reed', 'Nina Cole']);
  });

  it('does not give "she" to a spokesman', () => {
    const quotes = quotesOf(
      'Keeper Margaret Ellis ran the light for thirty years.',
      'A board spokesman said the change had "saved lives", but Ellis is not so sure.',
      '"A machine never notices a boat in trouble," she says.',
    );
    expect(quotes.at(-1)?.speaker).toBe('Margaret Ellis');
  });

  it('resolves "the minister" only when one person has that role', () => {
    const quotes = quotesOf(
      'Health minister Clara Voss and transport minister Ian Bell visited the site.',
      '',
      'The minister said the project was "on track".',
    );
    expect(quotes[0]?.speaker).toBe('the minister');
  });
});

describe('attribution: error classes on unseen prose', () => {
  it('never takes an opening preposition or participle for a speaker', () => {
    const quotes = quotesOf(
      'According to the agency, citing army sources, troops were told to prepare for "a long winter".',
      '',
      'Writing on his blog, the critic Paul Mason called the show "a triumph".',
    );
    expect(quotes.map((quote) => quote.speaker)).not.toContain('According');
    expect(quotes[1]?.speaker).toBe('Paul Mason');
  });

  it('reads "Title, Name, said" after a quote', () => {
    expect(pairs(quotesOf('"We will not be silenced," the theatre’s director, Claire Dubois, said.'))).toEqual([
      ['We will not be silenced,', 'Claire Dubois'],
    ]);
  });

  it('keeps a three-part name inside a sentence, and cuts an organisation label before a name', () => {
    const quotes = quotesOf(
      '"We stand by the play," said Mary Anne Wilson.',
      'Harbour Trust Kirsty Lamb said: "The pier must be saved."',
    );
    expect(pairs(quotes)).toEqual([
      ['We stand by the play,', 'Mary Anne Wilson'],
      ['The pier must be saved.', 'Kirsty Lamb'],
    ]);
  });

  it('keeps a particle joined to a surname by a hyphen', () => {
    const quotes = quotesOf('"The wells are dry," said relief director General Karim al-Hadi.');
    expect(quotes[0]?.speaker).toBe('Karim al-Hadi');
  });

  it('credits documents and publications', () => {
    const quotes = quotesOf(
      'A leaked letter said the council would "review the funding" next year.',
      'The newspaper reported that the mayor was "deeply concerned".',
      'The fleet is "beyond repair", according to the report.',
    );
    expect(quotes.map((quote) => quote.speaker)).toEqual(['a leaked letter', 'the newspaper', 'the report']);
  });

  it('does not take "the South" for a person named earlier', () => {
    const quotes = quotesOf('Envoy Lee Min-jun arrived on Monday.', 'The South said the talks were "a chance".');
    expect(quotes[0]?.speaker).toBe('the South');
  });

  it('reads an article that uses single marks for speech', () => {
    const quotes = quotesOf(
      '‘We have been left without bread for a week,’ said shopkeeper Ailsa Grant.',
      'The operator’s chief executive, Robert Kerr, said the ’90s fleet was ‘at the end of its life’.',
    );
    expect(pairs(quotes)).toEqual([
      ['We have been left without bread for a week,', 'Ailsa Grant'],
      ['at the end of its life', 'Robert Kerr'],
    ]);
  });

  it('leaves single-quoted labels alone in an article that uses double marks', () => {
    const quotes = quotesOf('The ‘garden tax’ plan was dropped.', 'Mayor Anna Berg said: "We listened."');
    expect(pairs(quotes)).toEqual([['We listened.', 'Anna Berg']]);
  });
});

describe('the quotes view', () => {
  function viewOf(...lines: string[]): QuotesView {
    return quotesView(parseArticle(['Test story', '', ...lines].join('\n')));
  }
  const line = (entry: QuoteEntry) => entry.runs.map((run) => (run.quoted ? `“${run.text}”` : run.text)).join('');

  it('shows the fragments of one sentence on one line, each marked', () => {
    const view = viewOf('Critics called the plan "reckless" and "unfunded" at a packed meeting.');
    expect(view.entries).toHaveLength(1);
    expect(view.entries[0]?.quotes).toEqual([0, 1]);
    expect(view.entries[0]?.runs.filter((run) => run.quoted).map((run) => run.text)).toEqual(['reckless', 'unfunded']);
  });

  it('shows a quote split by its attribution once, as the sentence reads', () => {
    const view = viewOf('"We will keep counting," she said, "until the last tern has left."');
    expect(view.entries.map(line)).toEqual(['“We will keep counting,” she said, “until the last tern has left.”']);
  });

  it('leaves no dangling comma before the speaker', () => {
    const view = viewOf('"The ovens never cool," said baker Sam Lee.');
    expect(view.entries.map(line)).toEqual(['“The ovens never cool”']);
  });

  it('drops an attribution by pronoun after a short quote, and keeps the rest of a long sentence', () => {
    const view = viewOf(
      'Mayor Janet Olson spoke last.',
      '"We listened to everyone," she said.',
      '"Too late," said Ms Olson, who then left the hall before the vote was taken.',
    );
    expect(view.entries.map(line)).toEqual([
      '“We listened to everyone”',
      '“Too late” …who then left the hall before the vote was taken.',
    ]);
  });

  it('starts after the speaker’s name when it is the subject of the reporting verb', () => {
    const view = viewOf('In a blog post, chief executive Priya Raman wrote that the plant would "change the town".');
    expect(view.entries.map(line)).toEqual(['…wrote that the plant would “change the town”.']);
  });

  it('starts after the speaker’s name when the sentence opens with it', () => {
    const view = viewOf('Mr Pryce, meanwhile, has accused the board of "wilful neglect" over the harbour.');
    expect(view.entries.map(line)).toEqual(['…has accused the board of “wilful neglect” over the harbour.']);
  });

  it('cuts a long sentence at a clause boundary, never on a comma', () => {
    const view = viewOf(
      'The report, which took two years and cost more than anyone on the council had expected at the start, called the scheme "a folly" that had cost the town dearly, and it urged the board to resign, which it refused to do.',
    );
    const [entry] = view.entries.map(line);
    expect(entry).toMatch(/^…/);
    expect(entry).toContain('“a folly”');
    expect(entry).not.toMatch(/[,;:]…?$/);
  });

  it('lists the cast in order of first quote, with roles as the article gives them', () => {
    const view = viewOf(
      'Fisheries minister Alan Pryce met trawler owners.',
      'Skipper Jean Hart said: "Words are cheap."',
      'Mr Pryce said the quota was "broken".',
      '"I keep my promises," Pryce added.',
    );
    expect(view.speakers.map(({ name, role, quotes }) => [name, role, quotes])).toEqual([
      ['Jean Hart', null, 1],
      ['Alan Pryce', 'Fisheries minister', 2],
    ]);
    expect(view.speakers[1]?.aliases).toEqual(expect.arrayContaining(['Pryce', 'Mr Pryce']));
  });

  it('says who is quoted when --speaker matches nobody', () => {
    const article = parseArticle('Test story\n\nMayor Anna Berg said: "We listened."\n');
    const view = quotesView(article, 'Nobody Here');
    expect(view.quotes).toEqual([]);
    expect(view.unmatched).toEqual({ speaker: 'Nobody Here', quoted: ['Anna Berg'] });
    expect(quotesView(article, 'Berg').unmatched).toBeUndefined();
  });
});

describe('attribution at scale', () => {
  // The 5 MB timing goal is measured outside the test suite (docs/quotes.md, "Cost"); this only has to finish.
  it('attributes a megabyte of quote-heavy text, every quote once', { timeout: 60_000 }, () => {
    const paragraphs = [
      '"We will keep going until the work is done," said Anna Berg. "Nobody should doubt it."',
      'Tom Reilly, of the campaign group, said the plan was "reckless" and "unfunded".',
      'According to the report, the council "failed to consult anyone", and Reilly agreed.',
      '"It is not good enough," she said. The minister said the fund was "a start".',
      'Her colleague, James Porter, was unimpressed. "This is a cheap shot," he said.',
    ];
    const lines: string[] = [];
    let size = 0;
    for (let index = 0; size < 1_000_000 || index % paragraphs.length !== 0; index++) {
      const paragraph = paragraphs[index % paragraphs.length] ?? '';
      lines.push(paragraph, '');
      size += paragraph.length + 2;
    }
    const article = parseArticle(['Test story', '', ...lines].join('\n'));
    const view = quotesView(article);
    // Eight quotes in every five paragraphs.
    expect(view.quotes).toHaveLength((lines.length / 2 / 5) * 8);
    expect(view.entries.length).toBeLessThanOrEqual(view.quotes.length);
  });
});
