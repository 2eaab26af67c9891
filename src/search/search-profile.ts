import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const fieldName = z.string().regex(/^(title|body)(\.exact)?$/, 'a searchable field: title, body, title.exact or body.exact');

const profileSchema = z.object({
  description: z.string(),
  version: z.number().int().positive(),
  fields: z.record(fieldName, z.number().positive()),
  tieBreaker: z.number().min(0).max(1),
  minimumShouldMatch: z.string().regex(/^[0-9<>%\s-]+$/),
  phrase: z.object({ fields: z.record(fieldName, z.number().positive()), slop: z.number().int().min(0).max(10) }),
  highlight: z.object({ fragmentSize: z.number().int().min(20).max(1000), fragments: z.number().int().min(1).max(10) }),
});

/** The tuning knobs of ranking, as data: a profile never holds DSL text. */
export type SearchProfile = z.infer<typeof profileSchema> & { name: string };

/** The profiles of `relevance/profiles/`, read on first use; the default one is read at once so a bad file stops the start. */
export class ProfileStore {
  private readonly loaded = new Map<string, SearchProfile>();

  constructor(
    private readonly rootDir: string,
    readonly defaultName: string,
  ) {
    this.get(defaultName);
  }

  /** The named profile (the default when no name is given), or undefined when no such file exists. */
  get(name: string = this.defaultName): SearchProfile | undefined {
    const cached = this.loaded.get(name);
    if (cached) return cached;
    if (!/^[a-z0-9-]+$/.test(name) || !existsSync(join(this.rootDir, 'relevance', 'profiles', `${name}.json`))) return undefined;
    const profile = loadSearchProfile(this.rootDir, name);
    this.loaded.set(name, profile);
    return profile;
  }
}

export function loadSearchProfile(rootDir: string, name: string): SearchProfile {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`invalid profile name "${name}"`);
  const path = join(rootDir, 'relevance', 'profiles', `${name}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read search profile ${path}: ${(error as Error).message}`);
  }
  const parsed = profileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`search profile ${path} is invalid: ${z.prettifyError(parsed.error)}`);
  return { ...parsed.data, name };
}
