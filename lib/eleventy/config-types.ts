// The part of Eleventy's configuration API this project uses, typed.
// Eleventy ships JSDoc rather than declarations
// (https://github.com/11ty/buildawesome/issues/3383); naming the subset here
// keeps `any` out of the config and documents what we rely on.
type EleventyFilter = (this: unknown, value: unknown, ...args: unknown[]) => unknown;

export interface EleventyConfig {
  setInputDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setDataDirectory(dir: string): void;
  setLibrary(name: "md", library: unknown): void;
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
  setTemplateFormats(formats: string[]): void;
  addFilter(name: string, filter: EleventyFilter): void;
  addGlobalData(name: string, data: unknown): void;
  addPassthroughCopy(paths: string | Record<string, string>): void;
  addWatchTarget(target: string): void;
  setChokidarConfig(options: {
    awaitWriteFinish?: { stabilityThreshold: number; pollInterval: number };
  }): void;
  addPlugin<T>(plugin: (config: EleventyConfig, options: T) => void, options?: T): void;
  on(
    event: "eleventy.before" | "eleventy.after",
    callback: (event: { directories: { output: string; input: string }; runMode: string }) => unknown,
  ): void;
  on(event: "eleventy.beforeWatch", callback: (changedFiles: string[]) => unknown): void;
  on(
    event: "eleventy.engine.njk",
    callback: (event: { nunjucks: NunjucksLibrary; environment: NunjucksEnvironment }) => unknown,
  ): void;
  addExtension(
    extension: string,
    options: {
      key: string;
      compileOptions?: { permalink?: boolean };
      compile(source: string, inputPath: string): (data: unknown) => Promise<string>;
    },
  ): void;
  ignores: { add(glob: string): void };
  setQuietMode(quiet: boolean): void;
}

/** The part of Nunjucks (as Eleventy loads it) that compiles a template. */
export type NunjucksEnvironment = object;

export interface NunjucksTemplate {
  render(data: unknown, callback: (error: Error | null, result: string) => void): void;
}

export interface NunjucksLibrary {
  Template: new (
    source: string,
    environment: NunjucksEnvironment,
    path: string | null,
    eagerCompile: boolean,
  ) => NunjucksTemplate;
}
