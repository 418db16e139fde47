/** The topic table: the one place that maps title wording to a short, normalised topic. */

/** One topic and the words in a title that name it. */
export interface TopicEntry {
  topic: string;
  keywords: readonly string[];
}

/**
 * Specific topics (diseases, programmes), in no particular order: a title that names two of them
 * has no single topic.
 */
export const SPECIFIC_TOPICS: readonly TopicEntry[] = [
  { topic: '结核病', keywords: ['结核'] },
  { topic: '艾滋病', keywords: ['艾滋'] }, // not 性病: 慢性病 contains it
  { topic: '慢性病', keywords: ['慢性病', '慢病', '慢性非传染性疾病'] },
  { topic: '中医药', keywords: ['中医', '中药', '民族医药', '蒙医', '藏医'] },
  { topic: '精神卫生', keywords: ['精神卫生', '心理健康', '精神障碍', '精神疾病', '社会心理服务'] },
  { topic: '癌症', keywords: ['癌症', '肿瘤'] },
  { topic: '免疫规划', keywords: ['免疫规划', '疫苗', '预防接种'] },
  { topic: '职业病', keywords: ['职业病', '职业健康'] },
  { topic: '妇幼健康', keywords: ['妇幼', '母婴', '出生缺陷', '儿童健康'] },
  { topic: '老龄健康', keywords: ['老龄', '医养结合', '老年健康'] },
  { topic: '地方病', keywords: ['地方病', '血吸虫', '碘缺乏', '包虫病'] },
  { topic: '传染病', keywords: ['传染病', '疫情防控'] },
  { topic: '健康促进', keywords: ['爱国卫生', '健康促进', '健康教育', '健康素养'] },
];

/** The general topic, used only when no specific topic is named. */
export const GENERAL_TOPIC: TopicEntry = {
  topic: '卫生健康',
  keywords: ['卫生健康', '卫生与健康', '卫生计生', '卫生事业', '医疗卫生', '健康事业', '医疗服务', '健康'],
};

/**
 * The topic of a title (folded): read from its subject, the part after the last 关于 (so that an
 * issuer such as 卫生健康委员会 does not count). Null when the subject names no topic, names
 * several specific topics (a notice forwarding an HIV plan and a TB plan), or says it forwards
 * several documents (`…等5个文件的通知` names only the first).
 */
export function topicIn(title: string): string | null {
  const about = title.lastIndexOf('关于');
  const subject = about >= 0 ? title.slice(about + 2) : title;
  if (namesSeveralDocuments(subject)) return null;
  const named = SPECIFIC_TOPICS.filter((entry) => entry.keywords.some((word) => subject.includes(word)));
  if (named.length > 1) return null;
  if (named.length === 1) return named[0].topic;
  return GENERAL_TOPIC.keywords.some((word) => subject.includes(word)) ? GENERAL_TOPIC.topic : null;
}

/** Whether a title says it forwards several documents and names only the first: `…等5个文件的通知`. */
export function namesSeveralDocuments(title: string): boolean {
  return /等[\d一二三四五六七八九十几多]+[个项份件]/.test(title);
}
