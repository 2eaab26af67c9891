/** What is wrong with one parameter of a raw query string, before any route reads it. */
export interface MalformedParameter {
  field: string;
  message: string;
}

/** The field an error names for a value sent without a parameter name. */
export const UNNAMED = '(no name)';

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
    // A value without a name (?=1) lost its parameter's name on the way: no route would read it. An empty pair (&&, ?=) is nothing.
    if (name === '') {
      if (rest.join('=') === '') continue;
      return { field: UNNAMED, message: `a value without a parameter name ("=${rest.join('=').slice(0, 40)}"): name the parameter it is for` };
    }
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
