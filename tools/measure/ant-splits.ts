/**
 * The splits of one ANT category's articles, in corpus order, after its first `skip`: the next
 * `perCategory` (skip 0: the tuning split, skip 300: the held-out one), `perCategory` spread evenly
 * over all the rest (skip 600: the wide tuning split), up to as many spread over what that does not
 * take (the wide held-out split), and what neither wide split takes (the unsampled pool).
 */
export function splitCategory<T>(inCategory: readonly T[], skip: number, perCategory: number) {
  const rest = inCategory.slice(skip);
  const wideTuning = spreadEvenly(rest, perCategory);
  const takenByWideTuning = new Set(wideTuning);
  const wideHeldOut = spreadEvenly(
    rest.filter((item) => !takenByWideTuning.has(item)),
    perCategory,
  );
  const taken = new Set([...wideTuning, ...wideHeldOut]);
  return { next: rest.slice(0, perCategory), wideTuning, wideHeldOut, unsampled: rest.filter((item) => !taken.has(item)) };
}

/** The articles of one category no term may be tuned on: the held-out split (300–600) and the wide held-out split. */
export function heldOutOfCategory<T>(inCategory: readonly T[]): T[] {
  return [...splitCategory(inCategory, 300, 300).next, ...splitCategory(inCategory, 600, 300).wideHeldOut];
}

/** `count` of the items, evenly spaced in their order (all of them when there are no more). */
export function spreadEvenly<T>(items: T[], count: number): T[] {
  return items.length <= count ? items : Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!);
}
