import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../src/classify/taxonomy.js';
import { MAX_FACET_SIZE } from '../src/http/routes/search.js';
import { PROJECT_ROOT } from '../src/project-root.js';
import { DEFAULT_FACET_SIZE } from '../src/search/build-search-body.js';
import { copyDataRoot, openTestService, runAdminTask, useSeededService } from './support/test-service.js';

// A copy of the data folders, so the suite can change the taxonomy as an editor would.
const { dataRoot, remove: removeDataRoot } = copyDataRoot('taxonomy-facets');
const service = useSeededService('taxonomy-facets', { dataRoot, after: async () => removeDataRoot() });

interface Facet {
  value: string;
  count: number;
  label: { ar: string; en: string };
  parents?: string[];
}
interface Result {
  total: number;
  hits: { id: string; regions: string[] }[];
  facets: {
    topics: Facet[];
    regions: Facet[];
    regions_mentioned: Facet[];
    people: Facet[];
    organizations: Facet[];
    source: Facet[];
    published: { month: string; count: number }[];
  };
}
async function get<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await service.app.request(path);
  return { status: response.status, body: (await response.json()) as T };
}
interface ArticleView {
  topics: string[];
  regions: string[];
  regions_mentioned: string[];
  region_salience: { region: string; mentions: number; title: boolean; lead: boolean }[];
  people: string[];
  organizations: string[];
}
const article = (id: string) => get<ArticleView>(`/articles/${id}`);

describe('tags given at ingest', () => {
  it('tag the seeds with the regions, people and organizations they are about', async () => {
    const kerryVisit = (await article('003_4e5cae1c7eaae2e4')).body;
    expect(kerryVisit.regions).toEqual(expect.arrayContaining(['algeria', 'united-states', 'libya', 'mali', 'sahel', 'maghreb']));
    expect(kerryVisit.people).toEqual(expect.arrayContaining(['ramtane-lamamra', 'john-kerry', 'ban-ki-moon']));
    expect(kerryVisit.organizations).toEqual(expect.arrayContaining(['united-nations']));
    expect((await article('000_fee63797c487f9cf')).body.people).toEqual(expect.arrayContaining(['antony-blinken']));
  });

  it('do not read a place into a common word', async () => {
    // 002 speaks of naval intelligence (البحرية), not of Bahrain (البحرين).
    expect((await article('002_cae385476cb3fbcb')).body.regions).not.toContain('bahrain');
    // 000 names Mali once in passing: one mention is not enough to tag it.
    expect((await article('000_fee63797c487f9cf')).body.regions).not.toContain('mali');
  });

  it('keep the regions an article only mentions apart from those it is about', async () => {
    // 000 names Libya, Mali and Syria once, in a quote: mentioned, not about.
    const blinken = (await article('000_fee63797c487f9cf')).body;
    for (const region of ['libya', 'mali', 'syria']) {
      expect(blinken.regions).not.toContain(region);
      expect(blinken.regions_mentioned).toContain(region);
      expect(blinken.region_salience.find((s) => s.region === region)).toMatchObject({ mentions: 1, title: false });
    }
    expect(blinken.regions_mentioned).toEqual(expect.arrayContaining(blinken.regions));
    const { body: about } = await get<Result>('/search?region=mali');
    const { body: mentioning } = await get<Result>('/search?region_mentioned=mali');
    expect(about.hits.map((h) => h.id)).not.toContain('000_fee63797c487f9cf');
    expect(mentioning.hits.map((h) => h.id)).toContain('000_fee63797c487f9cf');
    expect(mentioning.total).toBeGreaterThan(about.total);
  });
});

describe('names inside longer names', () => {
  it('do not tag the person whose name another one holds', async () => {
    const peopleOf = async (body: string) => (await service.tagger.tag({ title: '', body })).people;
    expect(await peopleOf('رحلت الأديبة إميلي نصر الله، وكانت إميلي نصر الله من أبرز الروائيات')).not.toContain('hassan-nasrallah');
    expect(await peopleOf('قال حسن نصر الله إن الحزب، وأضاف نصر الله')).toContain('hassan-nasrallah');
    expect(await peopleOf('أسقطت الجنسية عن صلاح الدين محمد محمد صلاح الدين وشقيقه')).not.toContain('mohamed-salah');
    expect(await peopleOf('سجل محمد صلاح هدفين، وقال محمد صلاح بعد المباراة')).toContain('mohamed-salah');
    // The US senator is not Israel's defence minister, an Egyptian MP not the French coach, «on my own behalf» not the singer.
    expect(await peopleOf('شارك السيناتور السابق جوزيف ليبرمان في الجنازة، وقال جوزيف ليبرمان إن ماكين')).not.toContain('avigdor-lieberman');
    expect(await peopleOf('قال وزير الدفاع الإسرائيلي أفيغدور ليبرمان إن الجيش، وأضاف ليبرمان')).toContain('avigdor-lieberman');
    expect(await peopleOf('وقال النائب أحمد زيدان إن المقاطعة، وأضاف أحمد زيدان')).not.toContain('zinedine-zidane');
    expect(await peopleOf('أتقدم أصالة عن نفسي ونيابة عن الحكومة بالتعازي')).not.toContain('assala-nasri');
    expect(await peopleOf('قال نائب الكنيست أحمد الطيبي إن القانون، وأضاف أحمد الطيبي')).not.toContain('ahmed-el-tayeb');
    expect(await peopleOf('استقبل شيخ الأزهر أحمد الطيب الوفد، وقال أحمد الطيب')).toContain('ahmed-el-tayeb');
    // Morocco's former prime minister was a witness (اليوسفي الشاهد), not Tunisia's Youssef Chahed.
    expect(await peopleOf('وكان عبد الرحمن اليوسفي الشاهد الرئيسي في المحاكمة، وقال اليوسفي الشاهد')).not.toContain('youssef-chahed');
    expect(await peopleOf('قال رئيس الحكومة التونسية يوسف الشاهد إن الإصلاحات، وأضاف يوسف الشاهد')).toContain('youssef-chahed');
    // Sudan's president by his title and surname; Egypt's prime minister, on no list before.
    expect(await peopleOf('أعلن الرئيس البشير الإفراج عن المعتقلين، وقال الرئيس البشير')).toContain('omar-al-bashir');
    expect(await peopleOf('قال رئيس الوزراء مصطفى مدبولي إن الحكومة، وأضاف مصطفى مدبولي')).toContain('mostafa-madbouly');
    // A common name tags the Egyptian lawyer only where Egypt or his trade is named.
    expect(await peopleOf('أدين خالد علي بصنع قنابل لطالبان في لندن، وقال خالد علي للمحكمة')).not.toContain('khaled-ali');
    expect(await peopleOf('قال المحامي المصري خالد علي إن الحملة، وأضاف خالد علي')).toContain('khaled-ali');
    // A Taliban fighter (طالباني) is no Jalal Talabani; the Catalan activist Alex Ramos no footballer.
    expect(await peopleOf('قتل مسلح طالباني جنديا في قندهار، وقالت حركة طالبان إن الطالباني كان')).not.toContain('jalal-talabani');
    expect(await peopleOf('توفي الرئيس العراقي جلال الطالباني، وكان الطالباني زعيما كرديا')).toContain('jalal-talabani');
    expect(await peopleOf('قال الناشط الكتالوني أليكس راموس إن الاستفتاء، وأضاف أليكس راموس')).not.toContain('sergio-ramos');
    // Imam al-Bukhari is no Nigerian president, the footballer Kurt Zouma no Jacob Zuma.
    expect(await peopleOf('روى الإمام البخاري في صحيحه، وفي صحيح بخاري أن')).not.toContain('muhammadu-buhari');
    expect(await peopleOf('قال الرئيس النيجيري بخاري إن نيجيريا، وأضاف بخاري')).toContain('muhammadu-buhari');
    expect(await peopleOf('انتقل المدافع كورت زوما إلى إيفرتون، وقال كورت زوما')).not.toContain('jacob-zuma');
    expect(await peopleOf('زوما إلى إيفرتون معارا من تشيلسي، وقال زوما إنه سعيد')).not.toContain('jacob-zuma');
    expect(await peopleOf('مثل زوما أمام محكمة في جنوب أفريقيا، وقال زوما إنه بريء')).toContain('jacob-zuma');
    // The Capella hotel is no Joseph Kabila, Pakistan's naval chief (محمود عباسي) no Mahmoud Abbas,
    // the singer Keith Urban no Viktor Orbán, Michelle Obama no Barack Obama.
    expect(await peopleOf('يلتقي ترامب وكيم في فندق كابيلا في سنغافورة، وأعلن فندق كابيلا')).not.toContain('joseph-kabila');
    expect(await peopleOf('قال كابيلا إن الانتخابات في الكونغو، وأضاف كابيلا')).toContain('joseph-kabila');
    expect(await peopleOf('وقع قائد البحرية الباكستانية ظفر محمود عباسي الاتفاق، وقال الأدميرال ظفر محمود عباسي')).not.toContain('mahmoud-abbas');
    expect(await peopleOf('قال الرئيس الفلسطيني محمود عباس إن القدس، وأضاف محمود عباس')).toContain('mahmoud-abbas');
    expect(await peopleOf('كتب الأديب محمود عباس العقاد في العبقريات، وقال عباس محمود العقاد')).not.toContain('mahmoud-abbas');
    expect(await peopleOf('حضرت نيكول كيدمان مع زوجها كيث أوربان، وغنى كيث أوربان')).not.toContain('viktor-orban');
    expect(await peopleOf('كرمت ميشيل أوباما الناشطة، وقالت ميشيل أوباما')).not.toContain('barack-obama');
    // The novelist Ibrahim Nasrallah, named by his surname, is no Hezbollah leader; Rachel Kushner no Jared.
    expect(await peopleOf('فاز الروائي إبراهيم نصر الله بالجائزة، وقال نصر الله إن الرواية')).not.toContain('hassan-nasrallah');
    expect(await peopleOf('قال الأمين العام لحزب الله حسن نصر الله إن الحزب، وأضاف نصر الله')).toContain('hassan-nasrallah');
    expect(await peopleOf('وصلت الروائية راشيل كوشنر إلى القائمة، وقالت راشيل كوشنر')).not.toContain('jared-kushner');
    // Pakistan's Muslim League is no Italian League.
    const organizationsOf = async (body: string) => (await service.tagger.tag({ title: '', body })).organizations;
    expect(await organizationsOf('فاز حزب الرابطة الإسلامية في البنجاب، وقال حزب الرابطة الإسلامية إن')).not.toContain('northern-league');
    expect(await organizationsOf('قال سالفيني زعيم حزب الرابطة إن إيطاليا، وأضاف حزب الرابطة')).toContain('northern-league');
    // Nawaz Sharif's name inside his daughter's is hers; a doubled name is Afghanistan's chief executive only beside Afghanistan.
    expect(await peopleOf('قالت مريم نواز شريف إن الحزب، وأضافت مريم نواز شريف')).not.toContain('nawaz-sharif');
    expect(await peopleOf('قال رئيس الوزراء السابق نواز شريف إن المحكمة، وأضاف نواز شريف')).toContain('nawaz-sharif');
    expect(await peopleOf('قال محمد عبد الله عبد الله إن الشركة، وأضاف محمد عبد الله عبد الله')).not.toContain('abdullah-abdullah');
    expect(await peopleOf('قال الرئيس التنفيذي لأفغانستان عبد الله عبد الله إن طالبان')).toContain('abdullah-abdullah');
    expect(await peopleOf('قال وزير الدفاع الروسي سيرجي شويجو إن موسكو')).toContain('sergei-shoigu');
    expect(await organizationsOf('قالت المنظمة الدولية للهجرة إن المهاجرين، وأضافت منظمة الهجرة الدولية')).toContain('un-migration-agency');
    expect(await organizationsOf('قالت مفوضية اللاجئين إن العائدين، وأضافت المفوضية السامية للأمم المتحدة لشؤون اللاجئين')).toContain('un-refugee-agency');
    // A cast (جبيرة) is no Saudi minister, Matthijs de Ligt no Mattis, Julen Lopetegui no Gülen, AS Vita Club no Klopp,
    // an energy official named محمد صلاح السبكي no footballer, CAF's cup no African Union.
    expect(await peopleOf('وضع الجهاز الطبي قدمه في جبيرة، ومرر عبد الجليل جبيرة الكرة')).not.toContain('adel-al-jubeir');
    expect(await peopleOf('قال وزير الخارجية السعودي إن المملكة، وأضاف الجبير')).toContain('adel-al-jubeir');
    expect(await peopleOf('تألق ماتيس دي لايت مع أياكس، وقال ماتيس دي لايت')).not.toContain('jim-mattis');
    expect(await peopleOf('أقيل مدرب ريال مدريد غولن لوبيتيغي، وقال غولن لوبيتيغي')).not.toContain('fethullah-gulen');
    expect(await peopleOf('يلتقي المصري البورسعيدي فيتا كلوب الأنغولي، وفاز فيتا كلوب')).not.toContain('jurgen-klopp');
    expect(await peopleOf('قال يورغن كلوب مدرب ليفربول، وأضاف كلوب')).toContain('jurgen-klopp');
    expect(await peopleOf('أكد الدكتور محمد صلاح السبكي رئيس هيئة الطاقة، وقال محمد صلاح السبكي')).not.toContain('mohamed-salah');
    expect(await organizationsOf('تأهل الفريق إلى نهائي كأس الاتحاد الأفريقي، وفاز بلقب كأس الاتحاد الأفريقي')).not.toContain('african-union');
    // Sports pages call CAF الاتحاد الأفريقي alone; the Union is named with its summit, troops or member states.
    expect(await organizationsOf('قرر الاتحاد الأفريقي إيقاف رئيس نادي الزمالك، وأعلن الاتحاد الأفريقي العقوبة')).not.toContain('african-union');
    expect(await organizationsOf('اجتمع وزراء الاتحاد الأفريقي في أديس أبابا، وقال الاتحاد الأفريقي')).toContain('african-union');
    // Iran's president and foreign minister by surname alone where Iran is named; «spiritual» and «witty» are no one.
    expect(await peopleOf('روحاني يرد على بومبيو: قال روحاني إن إيران لن تتفاوض')).toContain('hassan-rouhani');
    expect(await peopleOf('قال اللاعب إن كرة القدم أمر روحاني، وهي أمر روحاني للبرازيليين')).not.toContain('hassan-rouhani');
    expect(await peopleOf('قال وزير الخارجية ظريف إن طهران، وأضاف ظريف')).toContain('javad-zarif');
    expect(await peopleOf('قال الفنان إن المقارنة أمر ظريف، وهو أمر ظريف')).not.toContain('javad-zarif');
    expect(await peopleOf('ظهرت الممثلة آيمي شومر في الفيلم، وقالت آيمي شومر')).not.toContain('chuck-schumer');
    expect(await peopleOf('قال زعيم الديمقراطيين في مجلس الشيوخ تشاك شومر، وأضاف شومر')).toContain('chuck-schumer');
    expect(await organizationsOf('أعلن البنتاغون إرسال قوات، وقال البنتاغون')).toContain('pentagon');
    expect(await organizationsOf('قال مكتب التحقيقات الفيدرالي إن المشتبه به، وأضاف مكتب التحقيقات الفدرالي')).toContain('federal-bureau-of-investigation');
    expect(await organizationsOf('صوت الكونغرس الأمريكي على الموازنة، وأقر الكونغرس القانون')).toContain('us-congress');
    // Argentina's Congress and the Mobile World Congress are no US Congress; Club Brugge no Klopp, Henri Matisse no Mattis,
    // Pedro Duque and Doki Doki no Iván Duque, an Algerian doctor no Rashida Tlaib.
    expect(await organizationsOf('تظاهر المحتجون أمام الكونغرس في بوينس آيرس، وصوت الكونغرس الأرجنتيني')).not.toContain('us-congress');
    expect(await organizationsOf('تعرض سامسونغ هواتفها في كونغرس الموبايل، وافتتح الكونغرس في برشلونة')).not.toContain('us-congress');
    expect(await peopleOf('فاز دورتموند على كلوب بروج البلجيكي، واعتمد كلوب بروج على الهجمات')).not.toContain('jurgen-klopp');
    expect(await peopleOf('عرض المتحف لوحات ماتيس وبيكاسو، وقال إن لوحات ماتيس مزورة')).not.toContain('jim-mattis');
    expect(await peopleOf('قال وزير الدفاع الأمريكي ماتيس إن واشنطن، وأضاف ماتيس')).toContain('jim-mattis');
    expect(await peopleOf('عين سانشيز رائد الفضاء بيدرو دوكي وزيرا للعلوم، وقال دوكي')).not.toContain('ivan-duque');
    expect(await peopleOf('فاز دوكي برئاسة كولومبيا، وقال دوكي إن')).toContain('ivan-duque');
    expect(await peopleOf('قال الطبيب المقيم طليب إن الإضراب في الجزائر، وأضاف طليب')).not.toContain('rashida-tlaib');
    // Gaddafi by his surname alone, but not his son Saif al-Islam by his.
    expect(await peopleOf('قال ساركوزي إن القذافي لم يمول حملته، وأضاف أن القذافي')).toContain('muammar-gaddafi');
    expect(await peopleOf('أعلن سيف الإسلام القذافي ترشحه، وقال سيف الإسلام القذافي')).not.toContain('muammar-gaddafi');
    // Two students (طالبان, the dual of طالب) are no Taliban.
    expect(await organizationsOf('هاجم طالبان مدرسة كولومباين في كولورادو، وقال طالبان')).not.toContain('taliban');
    expect(await organizationsOf('قالت طالبان إنها هاجمت قاعدة في أفغانستان، وأضافت طالبان')).toContain('taliban');

    // A Levant desk's: Roma's Diego Perotti is no Beirut; Musk as CNN spells him; Lebanon's parties and Iraq's Hikma.
    const mentionedOf = async (body: string) => (await service.tagger.tag({ title: '', body })).regions_mentioned;
    expect(await mentionedOf('سجل دييغو بيروتي هدف روما الثاني، وأضاف دييغو بيروتي هدفا')).not.toContain('lebanon');
    expect(await mentionedOf('وصل الوفد إلى بيروت، وقال مسؤول في بيروت')).toContain('lebanon');
    expect(await peopleOf('وافق إيلون موسك على التنحي، وقال موسك إن الشركة')).toContain('elon-musk');
    expect(await peopleOf('قال زعيم تيار الحكمة عمار الحكيم إن الحكومة، وأضاف عمار الحكيم')).toContain('ammar-al-hakim');
    expect(await organizationsOf('قال رئيس حركة أمل نبيه بري إن حركة أمل، وأضاف التيار الوطني الحر وتيار المستقبل والقوات اللبنانية وتيار الحكمة')).toEqual(
      expect.arrayContaining(['amal-movement', 'free-patriotic-movement', 'future-movement', 'lebanese-forces', 'hikma-movement']),
    );
    // Palestine's consensus government is no GNA, Iraq's chief justice no Zidane, Meghan Markle no Angela Merkel.
    expect(await organizationsOf('اجتمعت حكومة الوفاق الوطني الفلسطينية في رام الله، وقالت حكومة الوفاق')).not.toContain('government-of-national-accord');
    expect(await organizationsOf('قالت حكومة الوفاق الوطني في طرابلس إن قوات حفتر، وأضافت حكومة الوفاق')).toContain('government-of-national-accord');
    expect(await peopleOf('قال رئيس مجلس القضاء الأعلى فائق زيدان، وأضاف فائق زيدان')).not.toContain('zinedine-zidane');
    expect(await peopleOf('تزوج الأمير هاري من ميغان ميركل، وظهرت ميغان ميركل')).not.toContain('angela-merkel');
    expect(await peopleOf('تزوج الأمير هاري من ميغان ميركل، وظهرت ميغان ميركل')).toContain('meghan-markle');
  });
});

describe('tagging many articles at once', () => {
  it('gives each article the tags it gets alone', async () => {
    const articles = await Promise.all(
      ['000_fee63797c487f9cf', '003_4e5cae1c7eaae2e4', '004_cacf537383d56ce7'].map(async (id) => {
        const stored = (await service.engine.getDocument<{ title: string; body: string }>(service.alias, id))!;
        return { title: stored.title, body: stored.body };
      }),
    );
    const together = await service.tagger.tagMany([...articles, { title: '', body: '' }]);
    const alone = await Promise.all(articles.map((a) => service.tagger.tag(a)));
    expect(together.slice(0, 3)).toEqual(alone);
    expect(together[3]).toEqual({ topics: [], regions: [], regions_mentioned: [], region_salience: [], people: [], organizations: [] });
    expect(new Set(together.slice(0, 3).map((t) => JSON.stringify(t))).size).toBe(3);
  });
});

describe('facets over the seeds', () => {
  it('count regions, people and months with Arabic and English labels', async () => {
    const { body } = await get<Result>('/search');
    const algeria = body.facets.regions.find((f) => f.value === 'algeria');
    expect(algeria).toEqual({ value: 'algeria', count: 5, label: { ar: 'الجزائر', en: 'Algeria' }, parents: ['maghreb', 'north-africa', 'arab-world'] });
    expect(body.facets.people.find((f) => f.value === 'antony-blinken')?.count).toBe(2);
    expect(body.facets.published).toEqual([
      { month: '2021-07', count: 1 },
      { month: '2021-08', count: 1 },
      { month: '2025-03', count: 1 },
    ]);
  });

  it('filter by a person and keep the other people countable', async () => {
    const { body } = await get<Result>('/search?person=antony-blinken');
    expect(body.hits.map((h) => h.id).sort()).toEqual(['000_fee63797c487f9cf', '001_89f3d445d5bfa33a']);
    expect(body.facets.people.find((f) => f.value === 'john-kerry')?.count).toBe(1);
  });

  it('read a value typed with capitals as its slug', async () => {
    const ids = async (path: string) => (await get<Result>(path)).body.hits.map((h) => h.id).sort();
    const kerry = await ids('/search?person=john-kerry&region=mali');
    expect(kerry.length).toBeGreaterThan(0);
    expect(await ids('/search?person=John-Kerry&region=MALI')).toEqual(kerry);
  });

  it('reject an unknown facet value with a 400 naming it', async () => {
    const { status, body } = await get<{ error: { field: string; message: string } }>('/search?region=atlantis');
    expect(status).toBe(400);
    expect(body.error.field).toBe('region');
    expect(body.error.message).toContain('atlantis');
  });

  it('list the taxonomy', async () => {
    const { status, body } = await get<{ regions: { value: string; kind: string; parents: string[] }[]; topics: { value: string }[]; people: unknown[] }>(
      '/facets',
    );
    expect(status).toBe(200);
    expect(body.regions.find((r) => r.value === 'mali')).toMatchObject({
      kind: 'country',
      iso: 'ML',
      parents: ['sahel', 'western-africa'],
    });
    expect(body.regions.find((r) => r.value === 'sahel')).toMatchObject({ children: expect.arrayContaining(['mali', 'niger', 'chad']) });
    // A country nests under its sub-region, not beside it.
    expect(body.regions.find((r) => r.value === 'south-america')).toMatchObject({ children: expect.arrayContaining(['venezuela', 'brazil']) });
    expect(body.regions.find((r) => r.value === 'americas')).toMatchObject({ children: expect.not.arrayContaining(['venezuela']) });
    for (const name of ['switzerland', 'austria', 'belgium', 'croatia', 'argentina', 'western-sahara', 'kosovo', 'taiwan']) {
      expect(body.regions.map((r) => r.value)).toContain(name);
    }
    expect(body.topics.map((t) => t.value)).toContain('diplomacy');
    expect(body.people.length).toBeGreaterThan(10);
  });
});

describe('facet counts and value search', () => {
  it('count the most frequent values by default, every value with facet_size, and the sources', async () => {
    const { body } = await get<Result>('/search');
    const every = (await get<Result>(`/search?facet_size=${MAX_FACET_SIZE}`)).body;
    expect(body.facets.regions_mentioned).toEqual(every.facets.regions_mentioned.slice(0, DEFAULT_FACET_SIZE));
    expect((await get<Result>('/search?facet_size=3')).body.facets.regions_mentioned).toEqual(every.facets.regions_mentioned.slice(0, 3));
    expect(body.facets.source).toEqual([{ value: 'seed', count: 5, label: loadTaxonomy(PROJECT_ROOT).sourceLabels.get('seed') }]);
    expect(body.facets.source[0]!.label.ar).not.toBe('seed'); // named for readers in taxonomy/sources.json
    expect(body.facets.regions.length).toBeGreaterThan(10);
    expect(body.facets.regions.find((f) => f.value === 'algeria')?.parents).toEqual(['maghreb', 'north-africa', 'arab-world']);
    const limited = (await get<Result>('/search?facet_size=2')).body;
    expect(limited.facets.regions).toHaveLength(2);
    // A selected value the most frequent leave out is listed after them, with its count.
    const rare = every.facets.regions_mentioned[5]!;
    const selected = (await get<Result>(`/search?facet_size=2&region_mentioned=${rare.value}`)).body.facets.regions_mentioned;
    expect(selected).toEqual([...every.facets.regions_mentioned.slice(0, 2), rare]);
    expect((await get('/search?facet_size=100000')).status).toBe(400);
    expect((await get<Result>('/search?source=seed')).body.total).toBe(5);
    expect((await get<Result>('/search?source=SEED')).body.total).toBe(5); // as a reader types it
    // By the name a reader knows it by, in either language, as site: takes it.
    for (const name of ['Seed articles', 'المقالات الأولى', 'المقالات الاولي', '\u200fseed\u200f'])
      expect((await get<Result>(`/search?${new URLSearchParams({ source: name })}`)).body.total, name).toBe(5);
    const unknown = await get<{ error: { field: string; message: string } }>('/search?source=seed&source=nosuch');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ field: 'source', message: expect.stringContaining('"nosuch"') });
    // An outlet the taxonomy names and no article comes from yet: none found, as site: finds none, and it stays listed.
    const bbc = await get<Result>('/search?source=bbc');
    expect(bbc.status).toBe(200);
    expect(bbc.body.total).toBe(0);
    // Its web address, as a reader pastes it.
    expect((await get<Result>(`/search?${new URLSearchParams({ source: 'https://www.bbc.com/arabic/' })}`)).body).toMatchObject({
      total: 0,
      facets: bbc.body.facets,
    });
    expect(bbc.body.facets.source).toContainEqual({ value: 'BBC', count: 0, label: loadTaxonomy(PROJECT_ROOT).sourceLabels.get('BBC') });
    // A ticked value no article holds is listed with 0, for the reader to untick it.
    const aland = (await get<Result>('/search?region=aland-islands&region=aland-islands')).body;
    expect(aland.facets.regions.filter((f) => f.value === 'aland-islands')).toHaveLength(1);
    expect(aland.facets.regions.find((f) => f.value === 'aland-islands')).toMatchObject({ count: 0, parents: ['northern-europe'] });
  });

  it('find region and organization values by the start of an Arabic or Latin name', async () => {
    const { status, body } = await get<{ values: { value: string }[] }>(`/facets/regions?q=${encodeURIComponent('مال')}`);
    expect(status).toBe(200);
    expect(body.values.map((v) => v.value)).toEqual(expect.arrayContaining(['mali', 'malta', 'malaysia']));
    expect((await get<{ values: { value: string }[] }>('/facets/regions?q=swit')).body.values.map((v) => v.value)).toEqual(['switzerland']);
    // A flag is its country alone: not Malaysia for Mali's, not Western Sahara for Morocco's.
    const flagged = async (flags: string) =>
      (await get<{ values: { value: string }[] }>(`/facets/regions?q=${encodeURIComponent(flags)}`)).body.values.map((v) => v.value);
    expect(await flagged('🇲🇱')).toEqual(['mali']);
    expect(await flagged('🇲🇦 🇸🇩')).toEqual(['morocco', 'sudan']);
    // The Latin spellings a search reads a place by find it here too: French names, Maghrebi spellings.
    expect((await flagged('Soudan'))[0]).toBe('sudan');
    expect((await flagged('dzair'))[0]).toBe('algeria');
    expect((await get('/facets/planets?q=x')).status).toBe(400);
    // Fatah and Iraq's Fatah alliance for فت, not Hamas through its term فتح وحماس.
    expect((await get<{ values: { value: string }[] }>(`/facets/organizations?q=${encodeURIComponent('فت')}`)).body.values.map((v) => v.value)).toEqual([
      'fatah',
      'fatah-alliance',
    ]);
    // A name that tags its organization only in context still finds it.
    expect((await get<{ values: { value: string }[] }>(`/facets/organizations?q=${encodeURIComponent('أنصار')}`)).body.values.map((v) => v.value)).toContain(
      'houthis',
    );
    // The whole list takes no parameter: a search of it is said to belong to /facets/{facet}.
    const unasked = await get<{ error: { field: string } }>(`/facets?q=${encodeURIComponent('مال')}`);
    expect({ status: unasked.status, field: unasked.body.error.field }).toEqual({ status: 400, field: 'q' });
  });

  it('find a topic by the words a reader types for it, which tag nothing: war, medicine, weather', async () => {
    const first = async (typed: string) => (await get<{ values: { value: string }[] }>(`/facets/topics?q=${encodeURIComponent(typed)}`)).body.values[0]?.value;
    // حرب begins the economy's term الحرب التجارية (a trade war) too: the topic it names comes first.
    expect(await first('حرب')).toBe('security-defense');
    expect(await first('war')).toBe('security-defense');
    // طب begins الطبيعي (الغاز الطبيعي, natural gas) too.
    expect(await first('طب')).toBe('health');
    expect(await first('weather')).toBe('disasters-accidents');
    // انقلاب is a coup before an overturned bus (a disaster's term, counted beside another).
    expect(await first('انقلاب')).toBe('politics');
    expect(await first('القاعدة')).toBe('counter-terrorism');
  });

  it('list the topics a letter begins those more articles carry first, as the other facets are listed', async () => {
    const { body: answer } = await get<{ facets: { topics: { value: string; count: number }[] } }>('/search?size=0&facet_size=500');
    const carried = new Map(answer.facets.topics.map((bucket) => [bucket.value, bucket.count]));
    expect(carried.size).toBeGreaterThan(1);
    const { body } = await get<{ values: { value: string }[] }>(`/facets/topics?q=${encodeURIComponent('ا')}&size=100`);
    const counts = body.values.map((entry) => carried.get(entry.value) ?? 0);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    expect(counts[0]).toBe(Math.max(...carried.values()));
  });

  it('list every person with nothing typed, those more articles name first', async () => {
    const { body: answer } = await get<{ facets: { people: { value: string; count: number }[] } }>('/search?size=0&facet_size=500');
    const named = new Map(answer.facets.people.map((bucket) => [bucket.value, bucket.count]));
    expect(named.size).toBeGreaterThan(1);
    const { body } = await get<{ values: { value: string }[] }>('/facets/people?size=100');
    const counts = body.values.map((entry) => named.get(entry.value) ?? 0);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    expect(counts[0]).toBe(Math.max(...named.values()));
  });

  it('find a person by the full Arabic name as by the Latin one, and label the person so', async () => {
    for (const typed of ['Vladimir Putin', 'فلاديمير بوتين', 'بوتين']) {
      const { body } = await get<{ values: { value: string; label: { ar: string } }[] }>(`/facets/people?q=${encodeURIComponent(typed)}`);
      expect(body.values[0], typed).toMatchObject({ value: 'vladimir-putin', label: { ar: 'فلاديمير بوتين' } });
    }
  });
});

describe('re-tagging after a taxonomy change', () => {
  it('changes nothing while the taxonomy is unchanged', async () => {
    const { task } = await runAdminTask<{ read: number; changed: number }>(service.app, '/admin/tags/rebuild');
    expect(task!.result).toMatchObject({ read: 5, changed: 0 });
  });

  it('updates every article in place, with no re-ingest', async () => {
    const regionsNamed = async (typed: string) =>
      (await get<{ values: { value: string }[] }>(`/facets/regions?q=${encodeURIComponent(typed)}`)).body.values.map((v) => v.value);
    // Asked before the change too: facet-value search reads a taxonomy's names once, and must read the new one's.
    expect(await regionsNamed('ليبيا')).toContain('libya');
    const file = join(dataRoot, 'taxonomy', 'regions.json');
    const regions = JSON.parse(readFileSync(file, 'utf8')) as { regions: { slug: string; terms: string[] }[] };
    // The editor drops Libya from the taxonomy.
    regions.regions = regions.regions.filter((r) => r.slug !== 'libya');
    writeFileSync(file, JSON.stringify(regions));
    // A service started on the edited files sees that the stored tags were made with the old taxonomy.
    const restarted = openTestService(service.engine, service.alias, dataRoot);
    expect(await service.service.tagsState()).toMatchObject({ tags: 'current' });
    expect(await restarted.tagsState()).toMatchObject({ tags: 'stale', taxonomy: loadTaxonomy(dataRoot).digest });

    const { task } = await runAdminTask<{ read: number; changed: number; failures: unknown[] }>(service.app, '/admin/tags/rebuild');
    expect(task).toMatchObject({ kind: 'tags-rebuild', state: 'succeeded', progress: { done: 5, total: 5 } });
    const report = task!.result;
    expect(report).toMatchObject({ read: 5, failures: [] });
    expect(report.changed).toBeGreaterThan(0);
    expect(await restarted.tagsState()).toMatchObject({ tags: 'current' });

    expect((await article('004_cacf537383d56ce7')).body.regions).not.toContain('libya');
    const { body } = await get<Result>('/search');
    expect(body.facets.regions.map((f) => f.value)).not.toContain('libya');
    expect((await get('/search?region=libya')).status).toBe(400);
    expect(await regionsNamed('ليبيا')).not.toContain('libya');
  });
});
