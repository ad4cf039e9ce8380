// The arguments of `npm run serve`: defaults, and one line per mistake.
import { describe, expect, it } from "vitest";
import { DEFAULT_PORT, parseServeArguments } from "../../../lib/deploy/serve-command.ts";

describe("parseServeArguments", () => {
  it("serves _site on the default port at the site's own prefix when given nothing", () => {
    expect(parseServeArguments([])).toEqual({
      args: { dir: "_site", port: DEFAULT_PORT, prefix: undefined },
    });
  });

  it("takes a folder, a port and a prefix, written either way", () => {
    expect(parseServeArguments(["--dir", "out", "--port=0", "--prefix", "newsroom"])).toEqual({
      args: { dir: "out", port: 0, prefix: "/newsroom/" },
    });
  });

  it.each([
    [["--port", "http"], /--port: expected a number from 0 to 65535/],
    [["--port", "70000"], /--port: expected a number/],
    [["--prefix", "/../etc/"], /--prefix: expected a path such as/],
    [["--dir"], /--dir needs a folder/],
    [["--dir", "--port", "1"], /--dir needs a folder/],
    [["--out", "x"], /Unknown option --out/],
    [["_site"], /Unexpected argument "_site"/],
  ])("refuses %j with a line that says what is wrong", (argv, message) => {
    const parsed = parseServeArguments(argv);
    expect("problems" in parsed && parsed.problems.join("\n")).toMatch(message);
  });
});
