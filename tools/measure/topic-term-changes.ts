import type { Taxonomy } from '../../src/classify/taxonomy.js';

/** One trial edit of topics.json: a term added to or taken from a topic, or a companion given to it. */
export type TopicTermChange = { topic: string; kind: 'add' | 'remove' | 'companion'; value: string };

const changePattern = /^\s*([a-z-]+)\s*([+\-~])\s*(\S.*?)\s*$/;

/**
 * Reads `politics+الكنيست; diplomacy-العلاقات; counter-terrorism~security-defense`: `+` adds a term,
 * `-` removes one, `~` makes the second topic a companion of the first; `;` separates changes tried together.
 */
export function parseTopicTermChanges(spec: string): TopicTermChange[] {
  const parts = spec.split(';').filter((part) => part.trim() !== '');
  if (parts.length === 0) throw new Error(`no change in "${spec}"`);
  return parts.map((part) => {
    const match = changePattern.exec(part);
    if (!match) throw new Error(`"${part.trim()}" is not topic+term, topic-term or topic~companion`);
    const kind = ({ '+': 'add', '-': 'remove', '~': 'companion' } as const)[match[2] as '+' | '-' | '~'];
    return { topic: match[1]!, kind, value: match[3]! };
  });
}

/** A copy of the taxonomy with the changes made; an unknown topic, a term already there or not there is an error. */
export function applyTopicTermChanges(taxonomy: Taxonomy, changes: readonly TopicTermChange[]): Taxonomy {
  const changed = structuredClone(taxonomy);
  for (const change of changes) {
    const topic = changed.topics.find((t) => t.slug === change.topic);
    if (!topic) throw new Error(`no topic "${change.topic}"`);
    if (change.kind === 'add') {
      if (topic.terms.includes(change.value)) throw new Error(`${change.topic} already has "${change.value}"`);
      topic.terms.push(change.value);
    } else if (change.kind === 'remove') {
      if (!topic.terms.includes(change.value)) throw new Error(`${change.topic} has no term "${change.value}"`);
      topic.terms = topic.terms.filter((term) => term !== change.value);
    } else {
      if (!changed.topics.some((t) => t.slug === change.value)) throw new Error(`no topic "${change.value}" to be ${change.topic}'s companion`);
      topic.companions = [...new Set([...(topic.companions ?? []), change.value])];
    }
  }
  return changed;
}
