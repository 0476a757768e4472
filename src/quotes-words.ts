// Word lists for quote attribution. Each list is a general fact of English news
// writing (reporting verbs, honorifics, role nouns), not something one article needs.

function setOf(words: string): Set<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

/** Reporting verbs in the forms news copy uses; matched lowercase. */
export const CUE_VERBS = setOf(`
  say says said saying tell tells told telling add adds added adding
  warn warns warned warning note notes noted noting admit admits admitted admitting
  insist insists insisted insisting accuse accuses accused accusing blame blames blamed blaming
  describe describes described describing dismiss dismisses dismissed dismissing
  call calls called calling claim claims claimed claiming argue argues argued arguing
  explain explains explained explaining stress stresses stressed stressing
  ask asks asked asking reply replies replied replying declare declares declared declaring
  announce announces announced announcing urge urges urged urging
  suggest suggests suggested suggesting confirm confirms confirmed confirming
  deny denies denied denying acknowledge acknowledges acknowledged acknowledging
  concede concedes conceded conceding commented commenting
  remarked recall recalls recalled remember remembers remembered recalling write writes wrote writing
  joke jokes joked predict predicts predicted attack attacks attacked attacking
  criticise criticises criticised criticize criticizes criticized praise praises praised
  hail hails hailed brand brands branded label labels labelled labeled
  refer refers referred referring underline underlines underlined
  emphasise emphasises emphasised emphasize emphasizes emphasized
  reveal reveals revealed reported show shows showed
  stated promised vow vows vowed
  complain complains complained boast boasts boasted quip quips quipped
  maintain maintains maintained observe observes observed counter counters countered
  respond responds responded answered shout shouts shouted
  cried demanded conclude concludes concluded
  continue continues continued agree agrees agreed assure assures assured
  caution cautions cautioned jeer jeers jeered mock mocks mocked
  tweet tweets tweeted chant chants chanted sang yelled screamed whispered pleaded begged
  exclaimed retorted muttered
  according speaking
`);

/** Verbs that take the quote as a label rather than as words someone said. */
export const LABEL_WORDS = setOf(`
  so-called dubbed termed nicknamed considered classed rated labelled labeled known billed marked
`);

/** Words right before a quote that make it the name of a work. */
export const TITLE_WORDS = setOf('entitled titled');

/** Honorifics that open a name; the ones that tell the gender map to it. */
export const HONORIFICS = new Map<string, 'male' | 'female' | null>([
  ['Mr', 'male'],
  ['Mr.', 'male'],
  ['Mrs', 'female'],
  ['Mrs.', 'female'],
  ['Ms', 'female'],
  ['Ms.', 'female'],
  ['Miss', 'female'],
  ['Dr', null],
  ['Dr.', null],
  ['Sir', 'male'],
  ['Lord', 'male'],
  ['Lady', 'female'],
  ['Dame', 'female'],
  ['Prof', null],
  ['Prof.', null],
  ['Professor', null],
  ['Rev', null],
  ['Revd', null],
]);

/** Titles that belong to a royal's name ("Crown Prince Frederik"). */
export const ROYAL_TITLES = setOf('Crown Prince Princess King Queen Sheikh Pope Emperor Empress');

/** Capitalised role and party words that come before a name but are not part of it. */
export const ROLE_WORDS = setOf(`
  Secretary Minister Chancellor President Chairman Chairwoman Chair Chief Director Leader
  Democrat Democrats Republican Republicans Labour Tory Tories Conservative Conservatives Liberal
  Lib Dem Dems Green SNP Commissioner Governor Senator Mayor Spokesman Spokeswoman Spokesperson
  Coach Manager Executive Officer Ambassador Envoy Judge Inspector Captain Bishop Archbishop
  MP MEP Shadow Foreign Home Prime Deputy Vice General Attorney Justice Speaker Premier
  Chancellor Editor Founder Analyst Economist Professor Chief Head Boss Star Striker Skipper
  Champion Defender Midfielder Goalkeeper Forward Singer Actor Actress Director Producer
  Trade Industry Health Education Culture Defence Transport Environment Finance Economy
  British English Scottish Welsh Irish American French German Russian Chinese Japanese Indian
  Italian Spanish Dutch Australian Canadian European African Asian Israeli Syrian Iraqi Iranian
  Former Ex
`);

/** Words that make a capitalised run an organisation, kept whole as the article writes it. */
export const ORGANISATION_WORDS = setOf(`
  Agency Office Ministry Group Bank Company Corporation Corp Council Party Association Federation
  Union Commission Committee Department University College Institute News Times Post Airways
  Inc Ltd Plc plc Club Board Court Police Service Services Trust Foundation Society Organisation
  Organization Institution Authority Parliament Government Congress Senate Assembly Fund
  Network Channel Radio Television TV Magazine Journal Herald Telegraph Guardian Press Agency
  Airlines Motors Industries Holdings Partners Labs Laboratories Centre Center Co League Alliance
  Coalition Campaign Movement Forum Institute Library Museum Hospital School Academy Council
  Prize Award Awards Festival Cup Championship Championships Games Trophy Tournament Open Olympics
`);

/** Capitalised words that start sentences or clauses and are never part of a name. */
export const NOT_NAME_WORDS = setOf(`
  The A An But And Or So However Though Although Meanwhile Yesterday Today Tomorrow Earlier Later
  On In At For After Before When While If As It He She They We I You This That These Those There
  Here Last Next Now Then Also Even Still Speaking According Asked His Her Its Their Our My Your
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June
  July August September October November December With Without By From To Of Under Over
  Despite Since Until Because What Who Why How Where Which Some Many Most Both All Each Every
  Such No Not Yes Instead Indeed Still Again Once One Two Three Several Other Another
`);

/** Lowercase words that end a noun phrase when read backwards from its verb. */
export const PHRASE_BREAKS = setOf(`
  that which who whom whose and but or nor while as because since if when where though although
  after before than so then to with by from on in at into about against under over during
  until unless whether also yet not
`);

/** Words between a subject and its reporting verb that are skipped. */
export const SKIPPABLE = setOf(`
  has have had was is were are will would could should may might must can did does do
  also later then previously recently yesterday today further again once quickly simply earlier
  been repeatedly often always never already even only still now just reportedly publicly
  privately once separately himself herself themselves itself later subsequently meanwhile
  however too angrily quietly openly bluntly firmly flatly
`);

/** Subject pronouns and the gender each one asks for. */
export const PRONOUNS = new Map<string, 'male' | 'female' | 'plural' | 'neuter'>([
  ['he', 'male'],
  ['she', 'female'],
  ['they', 'plural'],
  ['it', 'neuter'],
]);

/** Role nouns that name one person, so "the minister" can be resolved to someone named. */
export const PERSON_ROLES = setOf(`
  minister secretary chairman chairwoman chair president premier chancellor commissioner director
  executive chief leader star striker player coach manager boss singer actor actress writer author
  researcher scientist economist analyst professor spokesman spokeswoman spokesperson governor
  senator mayor ambassador envoy judge captain skipper champion veteran founder officer
  co-chairman co-founder head campaigner politician mp lawyer doctor artist musician director
  producer presenter editor novelist sprinter athlete hurdler runner jumper thrower swimmer cyclist
  rider driver jockey trainer boxer golfer batsman bowler midfielder defender goalkeeper winger
  forward teenager youngster newcomer holder favourite seed rookie comedian rapper host poet
  designer chef prosecutor detective inspector congressman congresswoman councillor official
  owner investor entrepreneur activist priest bishop archbishop cardinal general colonel
  commander ceo chairperson principal headteacher teacher surgeon nurse consultant pm mep
`);

/** Nouns that stand for an organisation already named: "the company said". */
export const ORGANISATION_ROLES = setOf(`
  company firm group telco bank club team retailer airline carrier giant manufacturer maker operator
  broadcaster network business chain supermarket insurer lender publisher studio label developer
`);

/** Nouns of saying whose source follows: "comments by", "a statement from". */
export const SAYING_NOUNS = setOf(`
  comments remarks statement statements words claims warning warnings editorial interview article
  speech testimony letter message
`);

/** Nationality nouns that stand for a person already named: "the Scot", "the Spaniard". */
export const DEMONYMS = setOf(`
  Briton Scot Scotsman Englishman Welshman Irishman Ulsterman American Canadian Australian Kiwi
  Frenchman Frenchwoman German Spaniard Italian Portuguese Dutchman Belgian Swiss Austrian Swede
  Norwegian Dane Finn Icelander Pole Czech Slovak Hungarian Romanian Bulgarian Serb Croat Slovenian
  Greek Turk Russian Ukrainian Belarusian Georgian Armenian Israeli Palestinian Lebanese Syrian
  Iraqi Iranian Egyptian Moroccan Algerian Tunisian Nigerian Ghanaian Kenyan Ethiopian Ugandan
  Zimbabwean Zambian Jamaican Brazilian Argentine Argentinian Chilean Colombian Peruvian Mexican
  Cuban Venezuelan Uruguayan Paraguayan Chinese Japanese Korean Indian Pakistani Bangladeshi
  Sri Lankan Afghan Thai Vietnamese Filipino Indonesian Malaysian Singaporean South African
`);

/**
 * Reporting verbs that take an object before the quote ("described the plan as",
 * "accused the Tories of", "told reporters"): the phrase after them is what or
 * whom they are about, never an inverted subject the way it is in `"…," said Mr Stone`.
 */
export const OBJECT_VERBS = setOf(`
  tell tells told describe describes described accuse accuses accused blame blames blamed
  dismiss dismisses dismissed call calls called urge urges urged praise praises praised
  criticise criticises criticised criticize criticizes criticized attack attacks attacked
  hail hails hailed brand brands branded label labels labelled labeled refer refers referred
  mock mocks mocked show shows showed assure assures assured
`);

/** Nouns that label an organisation written before its name: "campaign group Safer Screens", "tech giant Apple". */
export const ORGANISATION_LABELS = new Set([
  ...ORGANISATION_ROLES,
  ...setOf(`
  charity watchdog regulator body organisation organization union association campaign campaigners
  thinktank think-tank consultancy agency provider platform app startup start-up
  newspaper website outlet magazine
`),
]);

/** Nouns for a person that are not roles: an unnamed "member", "resident" or "witness" may be "he" or "she" later. */
export const PERSON_NOUNS = setOf(`
  member colleague worker resident pensioner fan witness source insider aide adviser advisor friend
  neighbour neighbor relative mother father son daughter wife husband sister brother parent
  woman man girl boy person employee student pupil victim survivor passenger customer voter
  patient shopper local farmer volunteer organiser organizer supporter critic expert
`);
