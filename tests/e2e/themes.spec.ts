// Light and dark themes follow the OS. Screenshots go to the temp folder for a human look; the
// test checks the colours really switch and the text stays readable.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './support/fixtures';

function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => Number(v) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the ${scheme} theme follows the OS and stays readable`, async ({ app }) => {
    await app.emulateMedia({ colorScheme: scheme });
    await app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
    await expect(app.getByRole('textbox', { name: 'Post body' })).toBeVisible();
    const colours = await app.evaluate(() => {
      const s = getComputedStyle(document.body);
      const body = document.querySelector('.post-body') as HTMLElement;
      return { bg: s.backgroundColor, text: s.color, bodyText: getComputedStyle(body).color };
    });
    if (scheme === 'dark') expect(luminance(colours.bg)).toBeLessThan(0.05);
    else expect(luminance(colours.bg)).toBeGreaterThan(0.8);
    expect(contrast(colours.bg, colours.text)).toBeGreaterThan(7);
    expect(contrast(colours.bg, colours.bodyText)).toBeGreaterThan(7);
    const file = join(tmpdir(), `postwright-${scheme}.png`);
    await app.screenshot({ path: file });
    test.info().annotations.push({ type: 'screenshot', description: file });
  });
}
