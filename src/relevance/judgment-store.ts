import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadJudgments, writeJudgments, type Judgments } from './judgment-files.js';

const SET_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** A set, query or grade the store cannot find or take. */
export class JudgmentError extends Error {
  constructor(
    readonly kind: 'not_found' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'JudgmentError';
  }
}

/**
 * The judgment sets of `relevance/judgments/` (`<set>.json`), read fresh on every call so an edit
 * by hand is seen at once; grades are written one at a time, each file written whole.
 */
export class JudgmentStore {
  private writing: Promise<unknown> = Promise.resolve();

  constructor(readonly dir: string) {}

  names(): string[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.slice(0, -'.json'.length))
      .filter((name) => SET_NAME.test(name))
      .sort();
  }

  load(name: string): Judgments {
    if (!this.names().includes(name)) throw new JudgmentError('not_found', `no judgment set named "${name}"`);
    return loadJudgments(this.pathOf(name));
  }

  /** Sets one grade (0–3) and writes the set; concurrent calls are applied in turn, none lost. */
  setGrade(name: string, queryId: string, articleId: string, grade: number): Promise<Judgments> {
    const write = this.writing.then(() => {
      if (!Number.isInteger(grade) || grade < 0 || grade > 3) throw new JudgmentError('invalid', 'grade: a whole number from 0 to 3');
      const judgments = this.load(name);
      const query = judgments.queries.find((q) => q.id === queryId);
      if (!query) throw new JudgmentError('not_found', `no query "${queryId}" in the set "${name}"`);
      query.ratings[articleId] = grade;
      writeJudgments(this.pathOf(name), judgments);
      return judgments;
    });
    this.writing = write.catch(() => undefined);
    return write;
  }

  private pathOf(name: string): string {
    return join(this.dir, `${name}.json`);
  }
}
