import { fileURLToPath } from 'node:url';

/** The repository root, where the data folders (mappings/, analyzers/, seeds/, relevance/) live. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
