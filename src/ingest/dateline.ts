/**
 * A dateline before a lead, "دبي، الإمارات العربية المتحدة (CNN)— " or "واشنطن (رويترز) - ": where the
 * newsroom sits, not what the story is about (the labelling guide's rule 2). A news agency's name in
 * brackets, after a place of a few words (no digits: "السعودية (2) - العراق (1)" is a score), opening
 * the text or its second line after a byline ("… بالتعاون مع موقع بيت.كوم").
 */
const AGENCY = String.raw`CNN(?: Business)?|سي إن إن|رويترز|أ ?ف ?ب|أ\.ف\.ب|فرانس برس|د ?ب ?أ|الأناضول|وام|واس|قنا|كونا|بنا|سانا|سبأ|أسوشيتد برس`;
// A dash before the bracket ("- (CNN)"), or after it, or the bracket left open ("(CNN--"); a colon or a
// tatweel serves as the dash. Without one, a bracket names a source in a sentence ("نقلت وكالة الأنباء
// السورية (سانا) عن مصدر").
const DATELINE = new RegExp(
  String.raw`^[^()\n\d]{0,60}?(?:[-—–ـ]+[ \t\u00a0]*\((?:${AGENCY})\)|\((?:${AGENCY})(?:\)[ \t\u00a0.]*)?[-—–ـ:(])[ \t\u00a0.:()ـ\-—–]*`,
  'u',
);
/** A first line this short, before the dateline's line, is a byline or a note on the article. */
const BYLINE_MAX_CHARS = 200;

/** The text without the dateline it opens with, if it opens with one. */
export function withoutDateline(text: string): string {
  const opening = DATELINE.exec(text);
  if (opening) return text.slice(opening[0].length);
  const lineBreak = text.indexOf('\n');
  if (lineBreak < 0 || lineBreak > BYLINE_MAX_CHARS) return text;
  const secondLine = text.slice(lineBreak + 1).replace(/^\s*/u, '');
  const dateline = DATELINE.exec(secondLine);
  return dateline ? `${text.slice(0, lineBreak + 1)}${secondLine.slice(dateline[0].length)}` : text;
}
