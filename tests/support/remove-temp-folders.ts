// A setup file of every test tier (vitest.config.ts): the temp folders a
// test file made (tempFolder in temp-folders.ts, tempProject) go when the
// file is done.
import { afterAll } from "vitest";
import { removeTempFolders } from "./temp-folders.ts";

afterAll(removeTempFolders);
