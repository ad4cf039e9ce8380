// The image a link preview shows for a release (Open Graph, Twitter cards,
// JSON-LD `image`), chosen in this order: the first image of its media kit,
// a card generated from its title, company and date, the company's logo.

export type ShareImageSource = "media-kit" | "generated" | "logo";

export interface ShareImage {
  source: ShareImageSource;
  /** Absolute. */
  url: string;
  width: number;
  height: number;
  alt: string;
}

interface Candidate {
  /** Root-relative. */
  url: string;
  width: number;
  height: number;
  alt: string;
}

export interface ShareImageChoices {
  /** The media kit's first image, at the rendition meant for previews. */
  mediaKit: Candidate | undefined;
  /** Asked only when the media kit has no image: a card is drawn only when it is used. */
  generated: () => Candidate | undefined;
  logo: Candidate | undefined;
}

/** The first candidate there is, made absolute; undefined when there is none. */
export function chooseShareImage(
  choices: ShareImageChoices,
  absolute: (url: string) => string,
): ShareImage | undefined {
  const pick = (source: ShareImageSource, c: Candidate | undefined): ShareImage | undefined =>
    c ? { source, url: absolute(c.url), width: c.width, height: c.height, alt: c.alt } : undefined;
  return (
    pick("media-kit", choices.mediaKit) ??
    pick("generated", choices.generated()) ??
    pick("logo", choices.logo)
  );
}
