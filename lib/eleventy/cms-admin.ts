// Writes the editor at /admin/ (lib/cms/admin-files.ts) after each build,
// from the newsroom that build loaded, so its configuration follows the
// schema, the registry, the company records and the bundles as they are now.

import { writeAdmin } from "../cms/admin-files.ts";
import type { EleventyConfig } from "./config-types.ts";
import type { BuildNewsroom } from "./newsroom-data.ts";

export function cmsAdminPlugin(
  config: EleventyConfig,
  options: { newsroom: BuildNewsroom; localBackend?: string },
): void {
  config.addWatchTarget("lib/client/cms/");
  config.on("eleventy.after", async ({ directories }) => {
    await writeAdmin({
      newsroom: options.newsroom.current,
      outputDir: directories.output,
      localBackend: options.localBackend,
    });
  });
}
