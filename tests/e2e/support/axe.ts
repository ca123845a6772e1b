import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const BLOCKING_IMPACTS = new Set(["serious", "critical"]);

/**
 * Runs axe-core on the page as it is now (every rule axe enables by default: WCAG 2.x A and AA
 * and best practices) and fails on any serious or critical violation, listing each one with the
 * elements concerned and what to fix, so the failure reads without opening a trace.
 */
export async function expectNoSeriousA11yViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations
    .filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ""))
    .map((violation) =>
      [
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.helpUrl}`,
        ...violation.nodes.map((node) => `  ${node.target.join(" ")}: ${(node.failureSummary ?? "").replaceAll("\n", " ")}`),
      ].join("\n"),
    );
  expect(blocking, `serious or critical accessibility violations on ${what}`).toEqual([]);
}

/** Opens every collapsed section (domains, guidance) so that the scan covers the whole form. */
export async function expandAllSections(page: Page) {
  await page.locator("details:not([open])").evaluateAll((elements) => elements.forEach((element) => ((element as HTMLDetailsElement).open = true)));
}
