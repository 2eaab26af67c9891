import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveTitle, normalizeLines, parseSeedArticle, type ParsedArticle } from './seed-parser.js';

function readSeed(id: string): string {
  return readFileSync(new URL(`../../seeds/${id}.txt`, import.meta.url), 'utf8');
}

function parseSeed(id: string): ParsedArticle {
  return parseSeedArticle(id, readSeed(id));
}

function paragraphs(article: ParsedArticle): string[] {
  return article.body.split('\n\n');
}

interface SeedExpectation {
  id: string;
  title: string;
  published: string | undefined;
  /** Title taken from a title line (so it must not recur in the body) rather than derived from the lead. */
  titleLine: boolean;
  survives: string[];
  gone: string[];
  removedKinds: string[];
}

const SEEDS: SeedExpectation[] = [
  {
    id: '000_fee63797c487f9cf',
    title: 'الحوار على مستوى وزارتي الدفاع الوطني يسير بوتيرة متسارعة أفضت جلسات العمل…',
    published: undefined,
    titleLine: false,
    survives: ['أنتوني بلينكن', 'الجزائروالولاياتالمتحدة', 'والأزمات الدولية".'],
    gone: [],
    removedKinds: [],
  },
  {
    id: '001_89f3d445d5bfa33a',
    title: 'بحث وزير الخارجية الجزائري رمطان لعمامرة، في اتصال هاتفي، مع نظيره الأمريكي أنطوني بلينكين…',
    published: '2021-08-06',
    titleLine: false,
    survives: ['أنطوني بلينكين', 'جوي هود', 'سامح شكري', 'رمتان لعمامرة'],
    gone: ['pic.twitter.com', '(@Lamamra_dz)', 'Ramtane Lamamra', 'August', 'تلقيت اليوم اتصالا هاتفيا', 'مريم الصادق المهدي', 'تبعا للمشاورات الايجابية'],
    removedKinds: ['tweet-embed', 'tweet-attribution', 'tweet-embed', 'tweet-attribution', 'tweet-embed', 'tweet-attribution'],
  },
  {
    id: '002_cae385476cb3fbcb',
    title: 'مباحثات جزائرية-أمريكية مرتقبة لتعزيز التعاون العسكري',
    published: '2025-03-09T23:39:00',
    titleLine: true,
    survives: ['صبري بوقادوم', 'بما يخدم مصالح البلدين.', '3 فبراير 2025', '22 يناير 2025', '22 جانفي'],
    gone: ['…', 'إلهام.س', 'مارس 9, 2025', '23:39', '\u00a0', '·'],
    removedKinds: ['teaser', 'dateline', 'counter', 'repeated-headline', 'byline'],
  },
  {
    id: '003_4e5cae1c7eaae2e4',
    title: 'تباحث وزير الشؤون الخارجية رمطان لعمامرة المسائل المرتبطة بالسلم والأمن لاسيما في ليبيا ومالي…',
    published: undefined,
    titleLine: false,
    survives: ['جون كيري', 'بالولاياتالمتحدة', 'في كل من ليبيا ومالي والساحل.'],
    gone: [],
    removedKinds: [],
  },
  {
    id: '004_cacf537383d56ce7',
    title: 'تنسيق جزائري – أميركي حول آفاق تسوية الأزمات في شمال أفريقيا',
    published: '2021-07-27',
    titleLine: true,
    survives: ['جوي هود', 'مثّل لقاء وزير الخارجية الجزائري', 'وناقش الطرفان “القضايا الإقليمية', 'مؤتمر «برلين 2»'],
    gone: ['الثلاثاء', '2021/07/27', 'فرصة لتعزيز التعاون الاستراتيجي', 'الجزائر – مثّل', 'المسؤولان ناقشا'],
    removedKinds: ['dateline', 'caption', 'dateline', 'pull-quote'],
  },
];

describe.each(SEEDS)('parseSeedArticle on seed $id', (seed) => {
  const article = parseSeed(seed.id);

  it('keeps the id', () => {
    expect(article.id).toBe(seed.id);
  });

  it('finds the title', () => {
    expect(article.title).toBe(seed.title);
  });

  it('finds the published date (or none)', () => {
    expect(article.published).toBe(seed.published);
    if (seed.published === undefined) expect('published' in article).toBe(false);
  });

  it('keeps the real body sentences', () => {
    for (const text of seed.survives) expect(article.body).toContain(text);
  });

  it('removes the boilerplate', () => {
    for (const text of ['pic.twitter.com', '(@Lamamra_dz)', 'إلهام.س', '…', ...seed.gone]) expect(article.body).not.toContain(text);
    expect(paragraphs(article)).not.toContain('0');
    expect(article.removed.map((cut) => cut.kind)).toEqual(seed.removedKinds);
  });

  it('does not repeat the title in the body', () => {
    if (seed.titleLine) {
      expect(article.body).not.toContain(article.title);
    } else {
      // A derived title is a cut of the lead, which the body keeps whole.
      expect(article.body.startsWith(article.title.replace(/…$/, ''))).toBe(true);
    }
  });

  it('has clean paragraphs', () => {
    for (const paragraph of paragraphs(article)) {
      expect(paragraph).toBe(paragraph.trim());
      expect(paragraph).not.toMatch(/ {2}|\n|\u00a0/);
      expect(paragraph.length).toBeGreaterThan(0);
    }
  });

  it('depends on the text only, not on the id', () => {
    const other = parseSeedArticle('some-other-id', readSeed(seed.id));
    expect({ ...other, id: seed.id }).toEqual(article);
  });
});

describe('parseSeedArticle: seed details', () => {
  it('002 keeps the standfirst once, as the first paragraph, and the lead in full', () => {
    const article = parseSeed('002_cae385476cb3fbcb');
    const body = paragraphs(article);
    expect(body[0]).toBe('صبري بوقادوم: خطط تنفيذية قصيرة الأجل لتنفيذ الاتفاقيات الدفاعية الجديدة');
    expect(body[1]).toMatch(/^تنحو العلاقات الجزائرية-الأميركية .* بما يخدم مصالح البلدين\.$/);
    expect(article.body.split('تنحو العلاقات').length - 1).toBe(1);
    expect(body).toHaveLength(9);
    expect(body.at(-1)).toMatch(/وفق البيان\.$/);
  });

  it('002 reports the teaser, the counter and the repeated headline', () => {
    const removed = parseSeed('002_cae385476cb3fbcb').removed;
    expect(removed.find((cut) => cut.kind === 'teaser')?.text).toMatch(/بما يخدم …$/);
    expect(removed.find((cut) => cut.kind === 'counter')?.text).toBe('0');
    expect(removed.find((cut) => cut.kind === 'repeated-headline')?.text).toBe('مباحثات جزائرية-أمريكية مرتقبة لتعزيز التعاون العسكري');
    expect(removed.find((cut) => cut.kind === 'byline')?.text).toBe('إلهام.س');
    expect(removed.find((cut) => cut.kind === 'dateline')?.text).toBe('مارس 9, 2025 - 23:39');
  });

  it('004 keeps the standfirst first and starts the lead after the place dateline', () => {
    const article = parseSeed('004_cacf537383d56ce7');
    const body = paragraphs(article);
    expect(body[0]).toBe('زيارة مساعد وزير الخارجية الأميركي لشؤون الشرق الأوسط جوي هود إلى الجزائر تندرج ضمن نهج واشنطن الجديد والنشط تجاه ليبيا');
    expect(body[1]).toMatch(/^مثّل لقاء وزير الخارجية الجزائري/);
    expect(body).toHaveLength(10);
    expect(article.removed).toEqual([
      { kind: 'dateline', text: 'الثلاثاء 2021/07/27' },
      { kind: 'caption', text: 'فرصة لتعزيز التعاون الاستراتيجي' },
      { kind: 'dateline', text: 'الجزائر –' },
      { kind: 'pull-quote', text: 'المسؤولان ناقشا القضايا الإقليمية والدولية ذات الاهتمام المشترك، على غرار الأوضاع في ليبيا ومالي والصحراء الغربية' },
    ]);
  });

  it('001 keeps every prose paragraph and cuts the three tweets with their signatures', () => {
    const article = parseSeed('001_89f3d445d5bfa33a');
    expect(paragraphs(article)).toHaveLength(8);
    expect(article.removed.filter((cut) => cut.kind === 'tweet-embed').every((cut) => cut.text.includes('pic.twitter.com'))).toBe(true);
    expect(article.removed.filter((cut) => cut.kind === 'tweet-attribution').map((cut) => cut.text.slice(-14))).toEqual([
      'August 6, 2021',
      'August 4, 2021',
      'August 4, 2021',
    ]);
  });

  it('000 and 003 keep their single paragraph whole', () => {
    for (const id of ['000_fee63797c487f9cf', '003_4e5cae1c7eaae2e4']) {
      const raw = readSeed(id).trim();
      expect(parseSeed(id).body).toBe(raw);
    }
  });
});

describe('normalizeLines', () => {
  it('trims, collapses spaces, turns NBSP into spaces, drops blank lines and bullets', () => {
    expect(normalizeLines('  عنوان   المقال  \r\n\r\n \u00a0 \n· فقرة\u00a0أولى.\n\u200bفقرة  ثانية.\t\n')).toEqual([
      'عنوان المقال',
      'فقرة أولى.',
      'فقرة ثانية.',
    ]);
  });
});

describe('deriveTitle', () => {
  it('uses a short first sentence whole, without its period', () => {
    expect(deriveTitle('استقبل الرئيس الوفد الأمريكي. وتناول اللقاء العلاقات الثنائية.')).toBe('استقبل الرئيس الوفد الأمريكي');
  });

  it('cuts after the last comma within 14 words', () => {
    const lead = 'بحث الوزير، في اتصال هاتفي، مع نظيره الأمريكي أنطوني بلينكين، آفاق تطوير العلاقات الثنائية بين البلدين وسبل دعمها في المستقبل القريب.';
    expect(deriveTitle(lead)).toBe('بحث الوزير، في اتصال هاتفي، مع نظيره الأمريكي أنطوني بلينكين…');
  });

  it('cuts before a clause word when there is no comma', () => {
    const lead = 'وقع البلدان اتفاقية جديدة للتعاون العسكري والأمني في مجالات عدة التي تشمل التدريب وتبادل المعلومات والخبرات بين الجيشين.';
    expect(deriveTitle(lead)).toBe('وقع البلدان اتفاقية جديدة للتعاون العسكري والأمني في مجالات عدة…');
  });

  it('cuts hard at 14 words when there is no boundary', () => {
    const words = Array.from({ length: 20 }, (_, i) => `كلمة${i + 1}`);
    expect(deriveTitle(`${words.join(' ')}.`)).toBe(`${words.slice(0, 14).join(' ')}…`);
  });

  it('keeps a short lead without a period as it is', () => {
    expect(deriveTitle('خبر قصير بلا نقطة')).toBe('خبر قصير بلا نقطة');
  });
});

describe('parseSeedArticle: general rules on synthetic pages', () => {
  const body1 = 'قال المتحدث باسم الوزارة إن المحادثات تناولت التعاون الاقتصادي والأمني بين البلدين بشكل مفصل.';
  const body2 = 'وأضاف أن الطرفين اتفقا على عقد اجتماع جديد في العاصمة خلال الأشهر المقبلة لمتابعة الملفات.';

  it('uses a short first line as the title and drops its repeat', () => {
    const article = parseSeedArticle('x', ['لقاء جزائري أمريكي', 'لقاء جزائري أمريكي', body1, body2].join('\n'));
    expect(article.title).toBe('لقاء جزائري أمريكي');
    expect(article.body).toBe(`${body1}\n\n${body2}`);
    expect(article.removed).toEqual([{ kind: 'repeated-headline', text: 'لقاء جزائري أمريكي' }]);
  });

  it('reads a date line, a caption under it and a place dateline on the lead', () => {
    const article = parseSeedArticle('x', ['لقاء جزائري أمريكي', 'الأحد ١٢/٠٣/٢٠٢٣', 'صورة من اللقاء', `واشنطن - ${body1}`, body2].join('\n'));
    expect(article.published).toBe('2023-03-12');
    expect(article.body).toBe(`${body1}\n\n${body2}`);
    expect(article.removed.map((cut) => cut.kind)).toEqual(['dateline', 'caption', 'dateline']);
  });

  it('does not take a short line for a caption when no date line precedes it', () => {
    const article = parseSeedArticle('x', ['لقاء جزائري أمريكي', 'صورة من اللقاء', body1].join('\n'));
    expect(article.body).toBe(`صورة من اللقاء\n\n${body1}`);
  });

  it('cuts a paragraph fully contained in another one, and keeps the longer one', () => {
    const copy = 'المحادثات تناولت التعاون الاقتصادي والأمني بين البلدين';
    const article = parseSeedArticle('x', ['لقاء جزائري أمريكي', body1, copy, body2].join('\n'));
    expect(article.body).toBe(`${body1}\n\n${body2}`);
    expect(article.removed).toEqual([{ kind: 'pull-quote', text: copy }]);
  });

  it('keeps a final short line that ends a sentence (not a byline)', () => {
    const article = parseSeedArticle('x', ['لقاء جزائري أمريكي', body1, 'انتهى اللقاء.'].join('\n'));
    expect(article.body.endsWith('انتهى اللقاء.')).toBe(true);
    const signed = parseSeedArticle('x', ['لقاء جزائري أمريكي', body1, 'م. ع'].join('\n'));
    expect(signed.removed).toEqual([{ kind: 'byline', text: 'م. ع' }]);
  });

  it('cuts a tweet embedded at the end of a line and its signature', () => {
    const article = parseSeedArticle('x', [body1, 'نص التغريدة هنا pic.twitter.com/AbC123', '— Name (@handle) March 3, 2024', body2].join('\n'));
    expect(article.body).toBe(`${body1}\n\n${body2}`);
    expect(article.published).toBe('2024-03-03');
  });

  it('copes with empty input', () => {
    expect(parseSeedArticle('x', ' \n\u00a0\n')).toEqual({ id: 'x', title: '', body: '', removed: [] });
  });
});
