/** What is wrong with one parameter of a raw query string, before any route reads it. */
export interface MalformedParameter {
  field: string;
  message: string;
}

// C0 controls and DEL, but tab and line breaks (a pasted query may carry them; they separate words).
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;

/**
 * The first parameter of `rawQuery` (what follows `?`, as sent) whose name or value is not valid
 * percent-encoded UTF-8, or holds a control character such as NUL. A URL parser quietly keeps such
 * a value as it was typed (`%ED%A0%80` searched as the letters "ED", "A0", "80"), or splits a word
 * around a NUL: refused instead, naming the parameter.
 */
export function findMalformedParameter(rawQuery: string): MalformedParameter | undefined {
  for (const pair of rawQuery.split('&')) {
    if (!pair) continue;
    const [rawName = '', ...rest] = pair.split('=');
    const decodedName = decodeOrUndefined(rawName);
    const name = decodedName ?? rawName;
    const value = decodeOrUndefined(rest.join('='));
    // A pair without a name is no parameter: the routes never read it.
    if (name === '') continue;
    if (decodedName === undefined || value === undefined)
      return { field: name, message: `${name}: not valid percent-encoded UTF-8 (encode the text as UTF-8, then percent-encode it)` };
    if (CONTROL_CHARACTER.test(name) || CONTROL_CHARACTER.test(value))
      return { field: name, message: `${name}: control characters (such as NUL) are not allowed` };
  }
  return undefined;
}

function decodeOrUndefined(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}
