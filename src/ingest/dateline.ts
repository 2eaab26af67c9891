/**
 * A dateline before a lead, "دبي، الإمارات العربية المتحدة (CNN)— " or "نيويورك، 12 أكتوبر (رويترز) - ":
 * where the newsroom sits, not what the story is about (the labelling guide's rule 2). A news
 * agency's name in brackets with a dash, after a place and date of a few words, opening the text or
 * the line after a byline ("… بالتعاون مع موقع بيت.كوم").
 */
const AGENCY = String.raw`CNN(?: [A-Za-z]+)?|سي إن إن|رويترز|أ ?ف ?ب|أ\.ف\.ب|فرانس برس|أ ?ش ?أ|د ?ب ?أ|أ ?ب|الأناضول|سبوتنيك|وام|واس|قنا|كونا|بنا|سانا|سبأ|وفا|بترا|واع|سونا|ماب|واج|وات|أسوشيتد برس`;
// At most five words before the bracket, the last not joined to it (لـ(CNN): "told CNN" is a sentence).
const PLACE = String.raw`(?:[^\s()]+[ \t\u00a0]+){0,4}(?:[^\s()]*[^\s()لـ][ \t\u00a0]*)?`;
// A dash before the bracket ("- (CNN)"), or after it, or the bracket left open ("(CNN--"); a colon or a
// tatweel serves as the dash. Without one, a bracket names a source in a sentence ("نقلت وكالة الأنباء
// السورية (سانا) عن مصدر").
const DATELINE = new RegExp(
  String.raw`^${PLACE}(?:[-—–ـ]{1,4}[ \t\u00a0]*\((?:${AGENCY})\)|\((?:${AGENCY})(?:\)[ \t\u00a0.]*)?[-—–ـ:(])[ \t\u00a0.:ـ\-—–]*`,
  'u',
);
/** What follows a dateline is a lead; a sentence reporting a source goes on with أن or إن ("(واس) - أن الملك"). */
const REPORTED_SPEECH = /^[أإا]ن\s/u;
/** A first line this short, before the dateline's line, is a byline or a note on the article. */
const BYLINE_MAX_CHARS = 200;

/** The dashes, colon or full stop a dateline ends with, and the space after them: no part of the place. */
const TRAILING_DASHES = /[\s.:ـ\-—–]+$/u;

/** The longest dateline the pattern takes, with room to see what follows it: only that much is read. */
const DATELINE_MAX_CHARS = 200;

/** The text without the dateline it opens with, if it opens with one. */
export function withoutDateline(text: string): string {
  return cutDateline(text).text;
}

/** The dateline a text opens with, without its closing dashes, and the text without it; the text alone if it opens with none. */
export function cutDateline(text: string): { text: string; dateline?: string } {
  const lineBreak = text.indexOf('\n');
  const blank = lineBreak >= 0 && lineBreak <= BYLINE_MAX_CHARS ? /^\s*/u.exec(text.slice(lineBreak + 1, lineBreak + 1 + DATELINE_MAX_CHARS))![0].length : -1;
  for (const start of blank >= 0 ? [0, lineBreak + 1 + blank] : [0]) {
    const opening = text.slice(start, start + DATELINE_MAX_CHARS);
    const dateline = DATELINE.exec(opening);
    if (dateline && !REPORTED_SPEECH.test(opening.slice(dateline[0].length)))
      return { text: text.slice(0, start) + text.slice(start + dateline[0].length), dateline: dateline[0].replace(TRAILING_DASHES, '') };
  }
  return { text };
}
