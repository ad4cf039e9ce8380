// Eleventy ships JavaScript with JSDoc, not declarations. This declares the
// programmatic API the build script uses.
declare module "@11ty/eleventy" {
  export interface EleventyOptions {
    /** A config file, or false for none. */
    configPath?: string | false;
    /** Runs before the config file, on the same configuration API; what it returns is ignored. */
    config?: (config: import("../eleventy/config-types.ts").EleventyConfig) => unknown;
    quietMode?: boolean;
    pathPrefix?: string;
  }
  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
  }
}

declare module "@11ty/eleventy" {
  export const HtmlBasePlugin: (config: import("../eleventy/config-types.ts").EleventyConfig) => void;
}

declare module "@11ty/eleventy-plugin-rss" {
  export const rssPlugin: (config: import("../eleventy/config-types.ts").EleventyConfig) => void;
}

declare module "@11ty/eleventy-img" {
  export interface ImageFormatEntry {
    format: string;
    width: number;
    height: number;
    url: string;
    sourceType: string;
    srcset: string;
  }
  export type ImageMetadata = Record<string, ImageFormatEntry[]>;
  export interface ImageOptions {
    widths?: (number | "auto" | null)[];
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
  }
  export default function Image(src: string, options: ImageOptions): Promise<ImageMetadata>;
}
