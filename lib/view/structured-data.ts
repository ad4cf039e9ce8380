// schema.org NewsArticle for a release page, as search engines and news
// aggregators read it.
import { jsonForScript } from "./html.ts";

export interface ImageInput {
  url: string;
  width: number;
  height: number;
}

export interface Publisher {
  name: string;
  /** The company's own site. */
  url: string | undefined;
  /** Absolute URL. */
  logo: ImageInput | undefined;
}

const imageObject = (image: ImageInput) => ({
  "@type": "ImageObject",
  url: image.url,
  width: image.width,
  height: image.height,
});

export interface ArticleInput {
  headline: string;
  description: string | undefined;
  url: string;
  datePublished: string;
  /** The last correction's time, when the release has one. */
  dateModified: string | undefined;
  inLanguage: string;
  dateline: string | undefined;
  keywords: string[];
  publisher: Publisher;
  /** The share image (absolute URL). */
  image: ImageInput | undefined;
  /** The original this release translates, when it is a translation. */
  translationOf: { url: string; inLanguage: string } | undefined;
  /** Its translations, when it is the original. */
  translations: { url: string; inLanguage: string }[];
}

export function newsArticle(input: ArticleInput): Record<string, unknown> {
  const { publisher } = input;
  const organization = {
    "@type": "Organization",
    name: publisher.name,
    ...(publisher.url ? { url: publisher.url } : {}),
    ...(publisher.logo ? { logo: imageObject(publisher.logo) } : {}),
  };
  const work = (w: { url: string; inLanguage: string }) => ({
    "@type": "NewsArticle",
    "@id": w.url,
    url: w.url,
    inLanguage: w.inLanguage,
  });
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "@id": input.url,
    headline: input.headline,
    ...(input.description ? { description: input.description } : {}),
    url: input.url,
    mainEntityOfPage: input.url,
    datePublished: input.datePublished,
    ...(input.dateModified ? { dateModified: input.dateModified } : {}),
    inLanguage: input.inLanguage,
    ...(input.dateline ? { dateline: input.dateline } : {}),
    ...(input.keywords.length > 0 ? { keywords: input.keywords.join(", ") } : {}),
    ...(input.image ? { image: imageObject(input.image) } : {}),
    author: organization,
    publisher: organization,
    ...(input.translationOf ? { translationOfWork: work(input.translationOf) } : {}),
    ...(input.translations.length > 0 ? { workTranslation: input.translations.map(work) } : {}),
  };
}

export function newsArticleScript(input: ArticleInput): string {
  return jsonForScript(newsArticle(input));
}
