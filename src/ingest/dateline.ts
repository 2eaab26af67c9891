/**
 * A dateline before a lead, "دبي، الإمارات العربية المتحدة (CNN)— " or "واشنطن (رويترز) - ": where the
 * newsroom sits, not what the story is about (the labelling guide's rule 2). It opens the text, or a
 * line of its opening after a byline ("… خبير في موقع بيت.كوم").
 */
// The agency in brackets, a dash after it or before it: (CNN) –, (CNN).- –, - (CNN), --(CNN).
const DATELINE = /^[^()\n]{0,60}?(?:\([^()\n]{1,20}\)[ \t\u00a0.]*[-—–][-—–. \t\u00a0]*|[-—–]+[ \t\u00a0]*\([^()\n]{1,20}\)[ \t\u00a0.]*)/mu;
const OPENING_CHARS = 400;

/** The text without the dateline it opens with, if it opens with one. */
export function withoutDateline(text: string): string {
  const dateline = DATELINE.exec(text);
  if (!dateline || dateline.index > OPENING_CHARS) return text;
  return text.slice(0, dateline.index) + text.slice(dateline.index + dateline[0].length);
}
