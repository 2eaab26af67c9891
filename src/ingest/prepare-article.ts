import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parseArabicDate } from './article-dates.js';
import { normalizeLines, parseSeedArticle } from './seed-parser.js';
import type { RunOnRepairer } from './run-on-repair.js';
import type { SourceRecord } from './source-records.js';

/** The fields an incoming article may carry (ANT-style NDJSON and the like). */
const inputSchema = z
  .object({
    id: z.union([z.string().min(1), z.number()]).optional(),
    url: z.string().min(1).optional(),
    title: z.string().trim().min(1, 'title is empty'),
    text: z.string().optional(),
    body: z.string().optional(),
    published: z.string().optional(),
    source: z.string().optional(),
    category: z.string().optional(),
  })
  .refine((a) => (a.text ?? a.body ?? '').trim() !== '', { message: 'text is empty', path: ['text'] })
  .refine((a) => a.id !== undefined || a.url !== undefined, { message: 'needs an id or a url', path: ['id'] });

/** What an article id may be: it appears in URLs (/articles/{id}) and engine ids. */
export const ARTICLE_ID = /^[\w:.-]{1,128}$/;

/** An article ready to be tagged and stored; `contentHash` tells a re-run that nothing changed. */
export interface PreparedArticle {
  id: string;
  title: string;
  /** The text as indexed: run-on words split. */
  body: string;
  /** The text as published, kept for display when run-on repair changed it. */
  bodyOriginal?: string;
  published?: string;
  source: string;
  url?: string;
  category?: string;
  contentHash: string;
}

export type Prepared = { ok: true; article: PreparedArticle } | { ok: false; reason: string; id?: string };

/**
 * Parses and cleans one source record; a record that cannot be an article is rejected with the reason.
 * Words run together where a space was lost are split in the indexed text (`repairer`).
 */
export function prepareArticle(record: SourceRecord, repairer: RunOnRepairer): Prepared {
  const result = parseSourceRecord(record);
  if (!result.ok) return result;
  const { article } = result;
  const body = repairer.repairText(article.body).text;
  const title = repairer.repairText(article.title).text;
  if (body === article.body && title === article.title) return result;
  return { ok: true, article: { ...article, title, body, bodyOriginal: article.body } };
}

/** Parses one source record into an article as published: no run-on repair. */
export function parseSourceRecord(record: SourceRecord): Prepared {
  if (record.kind === 'unreadable') return { ok: false, reason: record.reason };
  if (record.kind === 'seed-text') {
    const parsed = parseSeedArticle(record.id, record.text);
    return finish({ id: record.id, title: parsed.title, body: parsed.body, published: parsed.published, source: 'seed' });
  }
  const parsed = inputSchema.safeParse(record.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const id = typeof (record.value as { id?: unknown })?.id === 'string' ? String((record.value as { id: string }).id) : undefined;
    return { ok: false, reason: issue ? `${issue.path.join('.') || 'article'}: ${issue.message}` : 'not an article', ...(id ? { id } : {}) };
  }
  const input = parsed.data;
  const id = input.id !== undefined ? String(input.id) : `url-${createHash('sha1').update(input.url!).digest('hex').slice(0, 20)}`;
  if (!ARTICLE_ID.test(id)) return { ok: false, reason: `id: "${id.slice(0, 40)}" is not a valid id (letters, digits, _ : . -, at most 128)`, id };
  return finish({
    id,
    title: input.title.replace(/\s+/g, ' '),
    body: normalizeLines(input.text ?? input.body ?? '').join('\n\n'),
    published: normalizeDate(input.published),
    source: input.source ?? 'unknown',
    url: input.url,
    category: input.category,
  });
}

function finish(fields: Omit<PreparedArticle, 'contentHash'>): Prepared {
  const article = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Omit<PreparedArticle, 'contentHash'>;
  return { ok: true, article: { ...article, contentHash: createHash('sha1').update(JSON.stringify(article)).digest('hex') } };
}

/** RFC 2822 and ISO dates through Date; Arabic and other month names through the date parser. */
export function normalizeDate(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return value.trim();
  if (/[a-z]{3},? \d{1,2} [a-z]{3} \d{4}|^\d{4}-\d{2}-\d{2}T/i.test(value)) {
    const time = Date.parse(value);
    if (!Number.isNaN(time)) return new Date(time).toISOString().replace('.000Z', 'Z');
  }
  return parseArabicDate(value)?.date;
}
