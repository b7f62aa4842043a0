// Puts the caret at the end of a block as a writer does: a click near the end of its last line,
// then End. End alone goes to the end of the line the caret is on, and a line may wrap while
// the panels settle, so the click aims at the block's last line.
import type { Locator } from '@playwright/test';

export async function caretAtEnd(block: Locator): Promise<void> {
  const box = (await block.boundingBox())!;
  await block.click({ position: { x: box.width - 2, y: box.height - 4 } });
  await block.page().keyboard.press('End');
}
