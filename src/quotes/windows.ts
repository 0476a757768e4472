// How far attribution looks, in tokens or sentences. Every reader is bounded by
// one of these, which is what keeps attribution linear in the article's length.

/** Tokens on either side of a quote searched for its attribution, inside its sentence. */
export const QUOTE_WINDOW = 60;
/** Tokens from a sentence's start searched for its main reporting verb. */
export const MAIN_CLAUSE_WINDOW = 60;
/** Tokens between a quote and the verb after it (`"…," the party's leader, Claire Dubois, said`). */
export const VERB_AFTER_WINDOW = 12;
/** Tokens between two parts of one sentence's quote split by its attribution. */
export const SPLIT_QUOTE_WINDOW = 14;
/** Tokens before a fragment searched for a noun of saying ("comments in a newspaper that"). */
export const SAYING_NOUN_WINDOW = 16;
/** Sentences a quote with no attribution of its own may sit after its speaker's last words. */
export const CARRY_SENTENCES = 2;
/** Sentences back a pronoun or role looks for the person who last spoke or was the subject. */
export const PRONOUN_SENTENCES = 3;
/** Sentences back "the company" or "the spokesman" looks for the body or description that spoke. */
export const DESCRIPTION_SENTENCES = 6;
/** Speakers back the discourse history is searched. */
export const HISTORY_DEPTH = 8;
/** People mentions back a pronoun is resolved over. */
export const MENTION_DEPTH = 60;
