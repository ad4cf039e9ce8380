// A seeded, deterministic bilingual corpus of press releases, for the
// benchmark (scripts/bench.ts) and the search recall test. Each release has
// an English file (~500 words) and a Chinese one (~1,000 characters) with
// the same slug, front matter as in the content contract, headings and a
// list. The Chinese vocabulary has many words that share first characters
// (新能源/新材料/新闻, 电池/电网/电价), which is what stresses a search
// index. Company, place and tag values avoid the vocabulary, so a word's
// presence in a release is decided by its title and body alone. A few rare
// terms (RARE) give the long tail of words real newsrooms have.

export interface CorpusOptions {
  releases: number;
  seed?: number;
}

export interface CorpusRelease {
  slug: string;
  en: { path: string; markdown: string; text: string };
  zh: { path: string; markdown: string; text: string };
}

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN = {
  org: ["the agency", "the port authority", "the council", "the board", "the institute", "the bureau"],
  noun: [
    "battery",
    "port",
    "container",
    "storage",
    "harvest",
    "seed",
    "grid",
    "terminal",
    "warehouse",
    "vessel",
    "crane",
    "farm",
    "station",
    "plant",
    "network",
    "facility",
    "corridor",
    "market",
    "factory",
    "laboratory",
    "charger",
    "substation",
    "reservoir",
    "orchard",
    "granary",
    "dock",
    "berth",
    "ferry",
    "railway",
    "bridge",
  ],
  plural: [
    "batteries",
    "ports",
    "containers",
    "seeds",
    "farmers",
    "workers",
    "exporters",
    "vessels",
    "cranes",
    "terminals",
    "warehouses",
    "households",
    "businesses",
    "researchers",
    "engineers",
    "growers",
    "operators",
    "suppliers",
    "vehicles",
    "chargers",
    "crops",
    "fields",
  ],
  mass: [
    "rice",
    "wheat",
    "maize",
    "energy",
    "electricity",
    "freight",
    "cargo",
    "water",
    "funding",
    "research",
    "training",
    "capacity",
    "demand",
    "supply",
    "trade",
    "irrigation",
    "equipment",
    "software",
    "data",
    "steel",
    "hydrogen",
  ],
  adj: [
    "new",
    "national",
    "regional",
    "local",
    "modern",
    "efficient",
    "resilient",
    "large",
    "advanced",
    "integrated",
    "coastal",
    "rural",
    "digital",
    "clean",
    "reliable",
    "affordable",
    "strategic",
    "major",
    "expanded",
    "long-term",
  ],
  past: [
    "announced",
    "approved",
    "opened",
    "launched",
    "completed",
    "signed",
    "expanded",
    "upgraded",
    "confirmed",
    "delivered",
    "awarded",
    "introduced",
    "commissioned",
    "tested",
  ],
  verb: [
    "support",
    "improve",
    "increase",
    "reduce",
    "strengthen",
    "expand",
    "protect",
    "modernise",
    "accelerate",
    "secure",
    "develop",
    "monitor",
    "upgrade",
    "connect",
    "deliver",
    "measure",
  ],
  person: ["the chief executive", "the project lead", "the chair", "the spokesperson", "the director"],
  when: [
    "this year",
    "next month",
    "by the end of the quarter",
    "over the next five years",
    "since last spring",
    "within two years",
  ],
};

const ZH = {
  topic: [
    "储能",
    "储能电站",
    "储能系统",
    "储备",
    "储量",
    "锂电池",
    "锂电",
    "锂矿",
    "锂资源",
    "圆柱电池",
    "圆柱",
    "圆满",
    "新能源",
    "新能源汽车",
    "新材料",
    "新产品",
    "新闻",
    "新技术",
    "新型",
    "新兴产业",
    "新基建",
    "新动能",
    "新区",
    "新模式",
    "电池",
    "电网",
    "电价",
    "电力",
    "电站",
    "电动车",
    "电商",
    "电子",
    "电量",
    "电源",
    "电动汽车",
    "电解液",
    "电芯",
    "能源",
    "能效",
    "能力",
    "能耗",
    "能源结构",
    "能源安全",
    "集装箱",
    "集装箱码头",
    "集团",
    "集群",
    "集成",
    "港口",
    "港区",
    "港务",
    "港航",
    "码头",
    "航运",
    "航线",
    "物流",
    "货物",
    "吞吐量",
    "船舶",
    "海运",
    "口岸",
    "水稻",
    "水利",
    "水资源",
    "水电",
    "稻谷",
    "稻米",
    "粮食",
    "耕地",
    "农田",
    "农业",
    "农民",
    "农机",
    "种子",
    "种业",
    "种植",
    "种质资源",
    "育种",
    "良种",
    "品种",
    "光伏",
    "风电",
    "氢能",
    "充电桩",
    "智能电网",
    "碳排放",
    "碳中和",
    "制造业",
    "产业链",
    "供应链",
    "产能",
    "出口",
    "贸易",
    "市场",
    "投资",
    "项目",
    "基础设施",
    "科技",
    "研发",
    "技术",
    "专利",
    "标准",
    "数字化",
    "人工智能",
    "大数据",
    "企业",
    "园区",
    "实验室",
    "研究院",
  ],
  org: ["发展研究中心", "行业协会", "管理委员会", "省政府", "市政府", "科技厅"],
  place: ["长江三角洲", "粤港澳大湾区", "京津冀", "西部地区", "东北地区", "沿海地区", "中部地区", "黄河流域"],
  verb: [
    "推进",
    "推动",
    "加快",
    "加强",
    "促进",
    "提升",
    "完善",
    "优化",
    "扩大",
    "支持",
    "培育",
    "发展",
    "建设",
    "落实",
    "深化",
    "拓展",
    "保障",
    "提高",
    "实施",
  ],
  adj: [
    "高质量",
    "绿色",
    "安全",
    "稳定",
    "可靠",
    "先进",
    "现代化",
    "规模化",
    "智能",
    "低碳",
    "高效",
    "重点",
    "综合",
    "持续",
  ],
  when: ["今年以来", "上半年", "前三季度", "近年来", "截至目前", "下一步", "明年", "近期", "全年"],
  person: ["有关负责人", "新闻发言人", "主要负责人", "相关专家", "企业代表"],
  unit: ["万吨", "亿元", "万千瓦", "个", "家", "万标准箱", "万亩", "千瓦时", "项", "座"],
};

/**
 * Terms each release mentions with a small probability, in both languages
 * (the two files are translations): the skewed picks above put even their
 * rarest word in about 45% of releases, and a newsroom's archive also has
 * words a few releases use. The bench's word list (scripts/bench/words.ts)
 * takes its rare words from here.
 */
const RARE = [
  { en: "tidal power station", zh: "潮汐电站" },
  { en: "perovskite solar cell", zh: "钙钛矿电池" },
  { en: "seawater desalination", zh: "海水淡化" },
  { en: "all-vanadium flow battery", zh: "全钒液流电池" },
  { en: "vanadium-titanium magnetite", zh: "钒钛磁铁矿" },
];
/** Share of releases mentioning each rare term. */
const RARE_SHARE = 0.03;

/** Values outside the vocabulary above. */
const COMPANIES = ["Orbis Works", "Calder Group", "Tamsin Holdings", "Quillon Partners", "Vesta Row"];
const PLACES = { en: ["Orbisville", "Calder Bay", "Tamsin"], zh: ["甲市", "乙县", "丙州"] };
const TAGS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"];

export function generateCorpus({ releases, seed = 42 }: CorpusOptions): CorpusRelease[] {
  const rand = random(seed);
  // Rare terms draw from a stream of their own, so adding them left the
  // rest of the text as it was.
  const rareRand = random(seed ^ 0x5bd1e995);
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  // Skewed towards early items but reaching all: realistic word frequencies.
  const skewed = <T>(items: readonly T[]): T =>
    items[Math.min(items.length - 1, Math.floor(items.length * rand() ** 1.6))] as T;
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

  const enSentence = (): string =>
    pick([
      () => `${cap(pick(EN.org))} ${pick(EN.past)} a ${pick(EN.adj)} ${skewed(EN.noun)} ${pick(EN.when)}.`,
      () =>
        `${cap(pick(EN.person))} said the ${pick(EN.adj)} ${skewed(EN.noun)} will ${pick(EN.verb)} ${skewed(EN.mass)}.`,
      () =>
        `More than ${1 + int(980)} ${skewed(EN.plural)} are expected to benefit from the ${skewed(EN.noun)}.`,
      () =>
        `The plan will ${pick(EN.verb)} ${skewed(EN.mass)} and ${pick(EN.verb)} ${skewed(EN.plural)} ${pick(EN.when)}.`,
      () =>
        `A total of ${1 + int(980)} million will go to ${skewed(EN.mass)}, ${skewed(EN.plural)} and the ${skewed(EN.noun)}.`,
      () =>
        `"We are ready to ${pick(EN.verb)} ${skewed(EN.mass)} for ${skewed(EN.plural)}," said ${pick(EN.person)}.`,
      () => `Work on the ${pick(EN.adj)} ${skewed(EN.noun)} began ${pick(EN.when)} and is progressing.`,
    ])();
  const zhSentence = (): string =>
    pick([
      () =>
        `${pick(ZH.when)}，${pick(ZH.org)}${pick(ZH.verb)}${skewed(ZH.topic)}和${skewed(ZH.topic)}${pick(ZH.adj)}发展。`,
      () =>
        `${pick(ZH.person)}表示，将进一步${pick(ZH.verb)}${skewed(ZH.topic)}，${pick(ZH.verb)}${skewed(ZH.topic)}。`,
      () =>
        `${pick(ZH.place)}${skewed(ZH.topic)}规模达到${1 + int(980)}${pick(ZH.unit)}，同比增长${int(40)}%。`,
      () =>
        `会议强调，要坚持${pick(ZH.adj)}发展，${pick(ZH.verb)}${skewed(ZH.topic)}与${skewed(ZH.topic)}协同。`,
      () =>
        `据介绍，${skewed(ZH.topic)}项目总投资${1 + int(980)}亿元，建成后将${pick(ZH.verb)}${skewed(ZH.topic)}。`,
      () =>
        `${pick(ZH.place)}积极${pick(ZH.verb)}${skewed(ZH.topic)}，${skewed(ZH.topic)}和${skewed(ZH.topic)}取得明显成效。`,
      () =>
        `下一步，将围绕${skewed(ZH.topic)}、${skewed(ZH.topic)}等领域，${pick(ZH.verb)}${pick(ZH.adj)}${skewed(ZH.topic)}。`,
    ])();
  const paragraph = (sentence: () => string, joiner: string) =>
    Array.from({ length: 3 + int(4) }, sentence).join(joiner);

  const corpus: CorpusRelease[] = [];
  const start = Date.UTC(2016, 0, 1);
  const span = Date.UTC(2026, 0, 1) - start;
  for (let i = 0; i < releases; i++) {
    const slug = `release-${String(i + 1).padStart(5, "0")}`;
    const when = new Date(start + Math.floor((span * (i + rand())) / releases));
    const withTime = rand() < 0.5;
    const releaseTime = withTime
      ? `${when.toISOString().slice(0, 10)}T${String(8 + int(10)).padStart(2, "0")}:${pick(["00", "30"])}:00+08:00`
      : when.toISOString().slice(0, 10);
    const company = pick(COMPANIES);
    const tags = [...new Set([pick(TAGS), pick(TAGS)])];
    const placeIndex = int(PLACES.en.length);

    const enTitle = `${cap(pick(EN.org).replace(/^the /, ""))} ${pick(EN.past)} ${pick(EN.adj)} ${skewed(EN.noun)} plan ${i + 1}`;
    const enParagraphs = Array.from({ length: 8 + int(3) }, () => paragraph(enSentence, " "));
    const enList = Array.from(
      { length: 3 + int(3) },
      () => `${cap(pick(EN.verb))} ${skewed(EN.mass)} for ${skewed(EN.plural)}`,
    );
    const zhTitle = `${pick(ZH.org)}${pick(ZH.verb)}${skewed(ZH.topic)}工作（第${i + 1}号）`;
    const zhParagraphs = Array.from({ length: 9 + int(4) }, () => paragraph(zhSentence, ""));
    const zhList = Array.from({ length: 3 + int(3) }, () => `${pick(ZH.verb)}${skewed(ZH.topic)}`);
    for (const term of RARE) {
      if (rareRand() >= RARE_SHARE) continue;
      const at = Math.floor(rareRand() * Math.min(enParagraphs.length, zhParagraphs.length));
      enParagraphs[at] += ` A ${term.en} pilot has also entered trial operation.`;
      zhParagraphs[at] += `此外，${term.zh}示范项目已进入试运行阶段。`;
    }

    const file = (title: string, location: string, paragraphs: string[], heading: string, list: string[]) => {
      const half = Math.ceil(paragraphs.length / 2);
      const body = [
        ...paragraphs.slice(0, half),
        `## ${heading}`,
        list.map((item) => `- ${item}`).join("\n"),
        ...paragraphs.slice(half),
      ].join("\n\n");
      const markdown = [
        "---",
        `title: ${JSON.stringify(title)}`,
        `releaseTime: ${releaseTime}`,
        `company: ${JSON.stringify(company)}`,
        `location: ${JSON.stringify(location)}`,
        `tags: [${tags.join(", ")}]`,
        "---",
        "",
        body,
        "",
      ].join("\n");
      return { markdown, text: [title, ...paragraphs, heading, ...list].join("\n") };
    };
    const en = file(enTitle, PLACES.en[placeIndex] as string, enParagraphs, "Key points", enList);
    const zh = file(zhTitle, PLACES.zh[placeIndex] as string, zhParagraphs, "主要内容", zhList);
    corpus.push({
      slug,
      en: { path: `src/releases/en/${slug}.md`, ...en },
      zh: { path: `src/releases/zh/${slug}.md`, ...zh },
    });
  }
  return corpus;
}
