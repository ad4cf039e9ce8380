// Eleventy ships JavaScript with JSDoc, not declarations
// (https://github.com/11ty/buildawesome/issues/3383), nor do its RSS and
// image plugins. This declares the parts the build uses: the programmatic
// API (lib/build/pipeline.ts), the two plugins eleventy.config.ts adds, and
// the image API (lib/content/media.ts).
declare module "@11ty/eleventy" {
  export interface EleventyOptions {
    /** A config file, or false for none. */
    configPath?: string | false;
    /** Runs before the config file, on the same configuration API; what it returns is ignored. */
    config?: (config: import("../eleventy/config-types.ts").EleventyConfig) => unknown;
    quietMode?: boolean;
    pathPrefix?: string;
    /** "watch" rebuilds on changes after the first build (`npm run cms`, lib/dev/cms-session.ts). */
    runMode?: "build" | "watch" | "serve";
  }
  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<unknown>;
    write(): Promise<unknown>;
    /** Builds once, then rebuilds whenever a watched file changes. */
    watch(): Promise<unknown>;
    stopWatch(): Promise<unknown>;
  }
}

declare module "@11ty/eleventy" {
  type LogTarget = Pick<Console, "log" | "info" | "warn" | "error">;
  export interface Eleventy {
    /** Eleventy's console logger; its report of a failed build goes through it. */
    readonly logger: { overrideLogger(logger: LogTarget | false): void };
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
    /** The rendition's file name (a hash of the source and options, and its width). */
    filename: string;
    /** The rendition's bytes, in a dry run only. */
    buffer?: Buffer;
  }
  export type ImageMetadata = Record<string, ImageFormatEntry[]>;
  export interface ImageOptions {
    widths?: (number | "auto" | null)[];
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
    /** False: an SVG source is rasterized into the other formats rather than passed through. */
    svgShortCircuit?: boolean | "size";
    /** Make the renditions in memory (each entry's `buffer`) and write nothing. */
    dryRun?: boolean;
  }
  export default function Image(src: string, options: ImageOptions): Promise<ImageMetadata>;
}
