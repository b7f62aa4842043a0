// Runs axe-core (the accessibility rules engine) inside the page and returns the serious and
// critical violations, so a test can assert there are none and print what to fix if there are.
// axe is read from node_modules and evaluated in the page: nothing is fetched from the network,
// and evaluating (rather than page.addScriptTag) is not blocked by the app's script-src 'self'.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.0 A/AA and 2.1 A/AA rules: the level the brief holds the UI to. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** axe marks this one experimental (off by default), but it is the brief's own rule: every
 *  control's accessible name starts with its visible label (WCAG 2.5.3, Label in Name). */
const EXTRA_RULES = { 'label-content-name-mismatch': { enabled: true } };

export interface AxeProblem {
  rule: string;
  impact: string;
  help: string;
  /** Each failing element's selector, with axe's one-line reason (e.g. the contrast measured). */
  targets: string[];
}

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: AxeNode[];
}

/** Serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeProblem[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async ({ tags, rules }) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
    return result.violations;
  }, { tags: TAGS, rules: EXTRA_RULES }) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => `${n.target.map(String).join(' ')}  — ${(n.failureSummary ?? '').split('\n')[1]?.trim() ?? ''}`),
    }));
}

/** One readable block per violation: rule, impact, what it means, and the elements that fail. */
export function describeViolations(problems: AxeProblem[]): string {
  const nodes = problems.reduce((n, p) => n + p.targets.length, 0);
  return `${problems.length} serious/critical accessibility rule(s) broken on ${nodes} element(s):\n` + problems
    .map((p) => `- ${p.rule} (${p.impact}): ${p.help}\n` + p.targets.map((t) => `    ${t}`).join('\n'))
    .join('\n');
}
