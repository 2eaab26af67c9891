// CNN articles as ANT holds them: a dateline before the lead, and other stories' leads closing the text.

export const CNN_DATELINE = 'دبي، الإمارات العربية المتحدة (CNN)— ';
export const WHALE_LEAD = 'جنح حوت أزرق ضخم على شاطئ قرب نواكشوط في موريتانيا، الأحد، وحاول الصيادون إعادته إلى البحر دون جدوى.';
export const LITHIUM_LEAD = 'أعلنت حكومة تشيلي، الإثنين، خطة لرفع إنتاج الليثيوم من مناجم الشمال بمشاركة شركات أجنبية خلال السنوات المقبلة.';

/** A CNN article of these paragraphs, all published at one time. */
export const cnnArticle = (id: string, title: string, ...paragraphs: string[]) => ({
  id,
  title,
  text: paragraphs.join('\n'),
  source: 'CNN',
  published: '2018-05-01T09:30:00Z',
});
