// Careless and hostile input a newsroom meets, one case each: the build
// refuses with a message naming the file and the field, leaves the published
// site as it was, and never publishes anything from outside the content.
// The cases live by concern in tests/build/hostile/.
import { hostileSuite } from "../support/hostile.ts";
import { contentCases } from "./hostile/content-cases.ts";
import { markupCases } from "./hostile/markup-cases.ts";
import { outputCases } from "./hostile/output-cases.ts";

hostileSuite("releases and their files", contentCases);
hostileSuite("markup in releases and bundles", markupCases);
hostileSuite("output folders and settings", outputCases);
