import type { Locator, Page } from 'playwright-core';

/**
 * Drags `source` onto `target` with the mouse. Angular CDK starts a drag only after the pointer
 * has moved a few pixels with the button down, and sorts on each move, so one jump (Playwright's
 * dragTo) is not enough: the pointer goes there in steps.
 */
export async function dragAndDrop(page: Page, source: Locator, target: Locator, offset: { x?: number; y?: number } = {}): Promise<void> {
  await source.scrollIntoViewIfNeeded();
  const from = await source.boundingBox();
  if (!from) throw new Error('the drag source is not visible');
  const startX = from.x + from.width / 2;
  const startY = from.y + from.height / 2;
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  await page.mouse.move(startX + 8, startY + 8, { steps: 4 });
  // The target's box may have moved once the drag started (a placeholder, a scroll).
  const to = await target.boundingBox();
  if (!to) throw new Error('the drop target is not visible');
  const endX = to.x + (offset.x ?? to.width / 2);
  const endY = to.y + (offset.y ?? to.height / 2);
  await page.mouse.move(endX, endY, { steps: 20 });
  await page.mouse.move(endX + 1, endY + 1, { steps: 2 });
  await page.mouse.up();
}
