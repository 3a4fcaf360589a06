import { describe, expect, it } from "vitest";
import { isAllowed, parseRobots } from "./robots.js";

describe("robots.txt", () => {
  it("uses the group naming our crawler over the * group", () => {
    const rules = parseRobots(
      "User-agent: *\nDisallow: /\n\nUser-agent: Chatons\nUser-agent: other\nDisallow: /private\n",
    );
    expect(isAllowed(rules, "/.well-known/chatonsinfos/a.properties")).toBe(true);
    expect(isAllowed(rules, "/private/x")).toBe(false);
  });

  it("falls back to * and allows everything without rules or with an empty Disallow", () => {
    expect(isAllowed(parseRobots("User-agent: *\nDisallow: /admin\n"), "/admin/x")).toBe(false);
    expect(isAllowed(parseRobots("User-agent: *\nDisallow:\n"), "/anything")).toBe(true);
    expect(isAllowed(parseRobots(""), "/anything")).toBe(true);
    expect(isAllowed(parseRobots("User-agent: googlebot\nDisallow: /\n"), "/x")).toBe(true);
  });

  it("lets the longest rule win, Allow winning a tie, with * and $ patterns", () => {
    const rules = parseRobots(
      "User-agent: *\nDisallow: /files/\nAllow: /files/public/\nDisallow: /*.php$\nDisallow: /tmp*/x\n",
    );
    expect(isAllowed(rules, "/files/secret")).toBe(false);
    expect(isAllowed(rules, "/files/public/a.properties")).toBe(true);
    expect(isAllowed(rules, "/index.php")).toBe(false);
    expect(isAllowed(rules, "/index.php?x=1")).toBe(true);
    expect(isAllowed(rules, "/tmp123/x")).toBe(false);
    const tie = parseRobots("User-agent: *\nDisallow: /a\nAllow: /a\n");
    expect(isAllowed(tie, "/a")).toBe(true);
  });

  it("ignores comments and unknown lines", () => {
    const rules = parseRobots(
      "# hello\nUser-agent: * # all\nCrawl-delay: 5\nSitemap: https://x/s.xml\nDisallow: /no # why\n",
    );
    expect(isAllowed(rules, "/no")).toBe(false);
  });
});
