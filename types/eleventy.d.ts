// Eleventy ships JavaScript with JSDoc, not declarations. This declares the
// programmatic API the build script uses.
declare module "@11ty/eleventy" {
  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    pathPrefix?: string;
  }
  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
  }
}

declare module "@11ty/eleventy" {
  export const HtmlBasePlugin: (config: import("../lib/eleventy/config-types.ts").EleventyConfig) => void;
}

declare module "@11ty/eleventy-plugin-rss" {
  export const rssPlugin: (config: import("../lib/eleventy/config-types.ts").EleventyConfig) => void;
}
