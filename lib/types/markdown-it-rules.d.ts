// markdown-it exports its rule modules (package.json "./*") but
// @types/markdown-it declares only some of them. lib/content/markdown.ts
// wraps the HTML block rule.
declare module "markdown-it/lib/rules_block/html_block.mjs" {
  import type { RuleBlock } from "markdown-it/lib/parser_block.mjs";

  const htmlBlock: RuleBlock;
  export default htmlBlock;
}
