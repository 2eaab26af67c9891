import { normalizeArabicWord } from '../analysis/arabic-rules.js';
import { readDataList } from '../data/data-files.js';
import type { RunOnRepairer } from '../ingest/run-on-repair.js';
import type { SearchProfile } from './search-profile.js';

/** The question words and particles a profile may take out of queries (`relevance/question-words.txt`). */
export const QUESTION_WORDS = 'relevance/question-words.txt';

/** What rewriting a query may use besides the profile: the question word list and the run-on repairer. */
export interface QueryAids {
  questionWords: ReadonlySet<string>;
  repairer?: RunOnRepairer;
}

/** The question word list of a data root, normalized as the index normalizes. */
export function loadQuestionWords(dataRoot: string): Set<string> {
  return new Set(readDataList(dataRoot, QUESTION_WORDS).map(normalizeArabicWord));
}

// Punctuation a typed word may carry at either end: ؟ ، ؛ and the Latin ones, quotes, dashes.
const EDGE_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/**
 * The text a profile's query switches make of what was typed: words run together split (`runOnRepair`),
 * then question words and particles taken out (`questionWords`) unless nothing else is left.
 * Pure but for the repairer, which is itself a pure function of its word list.
 */
export function understandQuery(text: string, settings: SearchProfile['query'], aids: QueryAids): string {
  let result = text;
  if (settings.runOnRepair && aids.repairer) result = aids.repairer.repairText(result).text;
  if (settings.questionWords) {
    const words = result.split(/\s+/u).filter(Boolean);
    const kept = words.filter((word) => {
      const bare = word.replace(EDGE_PUNCTUATION, '');
      return bare !== '' && !aids.questionWords.has(normalizeArabicWord(bare));
    });
    if (kept.length > 0) result = kept.join(' ');
  }
  return result;
}
