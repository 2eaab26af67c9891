/** Punctuation a typed word may carry at either end: ؟ ، ؛ and the Latin ones, quotes, dashes. */
export const EDGE_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
