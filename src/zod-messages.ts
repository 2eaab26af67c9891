import { z } from 'zod';

/**
 * Zod's wording for the mistakes a reader or a feed makes most, said plainly wherever a schema gives
 * no message of its own: a field left out is "required", a query parameter given twice (which the
 * query string hands over as a list) is to be given once. Imported for this effect by the modules
 * that validate what comes from outside: the HTTP app and the ingest pipeline.
 */
z.config({
  customError: (issue) => {
    const repeated = Array.isArray(issue.input) && (issue.code === 'invalid_value' || (issue.code === 'invalid_type' && issue.expected === 'string'));
    if (repeated) return 'given more than once: give it once';
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
    return undefined;
  },
});
