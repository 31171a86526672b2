import type { Page } from 'playwright-core';
import { eventually, signedInPage, textOf, useConsoleSession } from './console-session';

interface Entry {
  id: string;
  description: string;
  startIp: string;
  endIp: string;
  addressCount: string;
}

/** The mat-error under the form field holding the given input. */
function fieldError(page: Page, testId: string) {
  return page.locator('mat-form-field', { has: page.getByTestId(testId) }).locator('mat-error');
}

/** The test ids of the table's rows, top to bottom. */
function rowIds(page: Page): Promise<Array<string | null>> {
  return page.locator('tr[data-testid^="blacklist-row-"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid')));
}

/**
 * Waits until the entry dialog has opened: at the end of its animation Material moves the focus
 * to the description, and text typed elsewhere before that would land there.
 */
async function dialogOpened(page: Page): Promise<void> {
  const description = page.getByTestId('blacklist-description');
  await eventually(
    () => description.evaluate((input) => input === document.activeElement),
    (focused) => focused,
  );
}

/** Fills the entry dialog (an empty end clears it) and saves. */
async function fillEntry(page: Page, description: string, startIp: string, endIp: string): Promise<void> {
  await page.getByTestId('blacklist-description').fill(description);
  await page.getByTestId('blacklist-start').fill(startIp);
  await page.getByTestId('blacklist-end').fill(endIp);
  await page.getByTestId('blacklist-save').click();
}

describe('chat blacklist in Chromium', () => {
  const session = useConsoleSession();

  const entries = async (q = '') => (await session.api.get<{ items: Entry[] }>(`/blacklist?pageSize=200&q=${encodeURIComponent(q)}`)).items;
  const entryNamed = async (description: string) => (await entries()).find((entry) => entry.description === description);

  it('creates a range and shows how many addresses it blocks', async () => {
    const page = await signedInPage(session.browser, session.server.url);
    await page.locator('mat-nav-list').getByRole('link', { name: 'Chat blacklist' }).click();
    await page.waitForURL(/\/blacklist$/);
    await textOf(page.getByTestId('blacklist-empty'), 'No blacklisted addresses');

    await page.getByTestId('new-blacklist-entry').click();
    await dialogOpened(page);
    await fillEntry(page, 'Office range', '203.0.113.10', '203.0.113.20');
    await page.getByTestId('blacklist-row-Office range').waitFor();
    await page.getByTestId('blacklist-description').waitFor({ state: 'detached' });

    expect(await textOf(page.getByTestId('blacklist-count-Office range'), '11')).toBe('11');
    expect(await page.getByTestId('blacklist-start-Office range').textContent()).toBe('203.0.113.10');
    expect(await page.getByTestId('blacklist-end-Office range').textContent()).toBe('203.0.113.20');
    expect(await entryNamed('Office range')).toMatchObject({ startIp: '203.0.113.10', endIp: '203.0.113.20', addressCount: '11' });
    await page.close();
  });

  it("shows the server's refusal of a bad range under the field it names, and saves once fixed", async () => {
    const page = await signedInPage(session.browser, session.server.url);
    await page.goto(`${session.server.url}/blacklist`);
    await page.getByTestId('new-blacklist-entry').click();
    await dialogOpened(page);

    // The end before the start: the server names endIp.
    await fillEntry(page, 'Backwards', '203.0.113.50', '203.0.113.40');
    expect(await textOf(fieldError(page, 'blacklist-end'), 'must not come before')).toContain('startIp');
    expect(await fieldError(page, 'blacklist-start').count()).toBe(0);

    // Mixed families: endIp again, with its own message.
    await page.getByTestId('blacklist-end').fill('2001:db8::1');
    await fieldError(page, 'blacklist-end').waitFor({ state: 'detached' });
    await page.getByTestId('blacklist-save').click();
    await textOf(fieldError(page, 'blacklist-end'), 'same family');

    // Not an address at all: the start's field.
    await page.getByTestId('blacklist-start').fill('not-an-address');
    await page.getByTestId('blacklist-end').fill('');
    await page.getByTestId('blacklist-save').click();
    await textOf(fieldError(page, 'blacklist-start'), 'IPv4 or IPv6 address');
    expect(await entryNamed('Backwards')).toBeUndefined();

    // An empty end blocks the start alone.
    await page.getByTestId('blacklist-start').fill('203.0.113.50');
    await page.getByTestId('blacklist-save').click();
    await page.getByTestId('blacklist-row-Backwards').waitFor();
    await textOf(page.getByTestId('blacklist-end-Backwards'), '203.0.113.50');
    expect(await textOf(page.getByTestId('blacklist-count-Backwards'), '1')).toBe('1');
    expect(await entryNamed('Backwards')).toMatchObject({ startIp: '203.0.113.50', endIp: '203.0.113.50', addressCount: '1' });
    await page.close();
  });

  it('opens an entry from its description and changes it', async () => {
    if (!(await entryNamed('Office range'))) await session.api.post('/blacklist', { description: 'Office range', startIp: '203.0.113.10', endIp: '203.0.113.20' });
    if (!(await entryNamed('Backwards'))) await session.api.post('/blacklist', { description: 'Backwards', startIp: '203.0.113.50' });
    const page = await signedInPage(session.browser, session.server.url);
    await page.goto(`${session.server.url}/blacklist`);
    await page.getByTestId('blacklist-open-Office range').click();
    await dialogOpened(page);
    // The dialog shows the entry as saved.
    await eventually(
      () => page.getByTestId('blacklist-end').inputValue(),
      (value) => value === '203.0.113.20',
    );
    expect(await page.getByTestId('blacklist-start').inputValue()).toBe('203.0.113.10');
    await textOf(page.getByTestId('blacklist-entry-count'), 'Blocks 11 addresses');

    await fillEntry(page, 'Office range, wider', '203.0.113.10', '203.0.113.30');
    await page.getByTestId('blacklist-row-Office range, wider').waitFor();
    await page.getByTestId('blacklist-row-Office range').waitFor({ state: 'detached' });
    await textOf(page.getByTestId('blacklist-count-Office range, wider'), '21');
    expect(await entryNamed('Office range')).toBeUndefined();
    expect(await entryNamed('Office range, wider')).toMatchObject({ endIp: '203.0.113.30', addressCount: '21' });

    // One address shows with an empty end, and stays one address when saved again.
    await page.getByTestId('blacklist-open-Backwards').click();
    await dialogOpened(page);
    await eventually(
      () => page.getByTestId('blacklist-start').inputValue(),
      (value) => value === '203.0.113.50',
    );
    expect(await page.getByTestId('blacklist-end').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('blacklist-description').waitFor({ state: 'detached' });
    await page.close();
  });

  it('searches descriptions and addresses, and groups an IPv6 count without rounding it', async () => {
    await session.api.post('/blacklist', { description: 'Spam bot', startIp: '198.51.100.7' });
    // 2^64 addresses: beyond a JavaScript number's exact integers.
    await session.api.post('/blacklist', { description: 'IPv6 network', startIp: '2001:db8::', endIp: '2001:db8::ffff:ffff:ffff:ffff' });
    const page = await signedInPage(session.browser, session.server.url);
    await page.goto(`${session.server.url}/blacklist`);
    await page.getByTestId('blacklist-row-Spam bot').waitFor();
    // Sorted by description.
    const all = await rowIds(page);
    expect(all).toEqual([...all].sort((a, b) => (a ?? '').localeCompare(b ?? '')));
    expect(all.length).toBeGreaterThanOrEqual(4);

    await page.getByTestId('blacklist-search').fill('spam');
    await page.getByTestId('blacklist-row-IPv6 network').waitFor({ state: 'detached' });
    expect(await rowIds(page)).toEqual(['blacklist-row-Spam bot']);

    // An address matches too.
    await page.getByTestId('blacklist-search').fill('2001:db8');
    await page.getByTestId('blacklist-row-Spam bot').waitFor({ state: 'detached' });
    expect(await rowIds(page)).toEqual(['blacklist-row-IPv6 network']);
    const count = await textOf(page.getByTestId('blacklist-count-IPv6 network'), '18');
    expect(count.replace(/\u202f/g, ' ')).toBe('18 446 744 073 709 551 616');
    expect((await entryNamed('IPv6 network'))?.addressCount).toBe('18446744073709551616');

    await page.getByTestId('blacklist-search').fill('no such entry');
    await textOf(page.getByTestId('blacklist-empty'), 'No entry matches');
    expect(await rowIds(page)).toEqual([]);

    // Sorting the other way asks the server for the other order.
    await page.getByTestId('blacklist-search').fill('');
    await page.getByTestId('blacklist-row-Spam bot').waitFor();
    await page.getByRole('button', { name: 'Description', exact: true }).click();
    const descending = await eventually(
      () => rowIds(page),
      (ids) => ids[0] === 'blacklist-row-Spam bot',
    );
    expect(descending).toEqual([...all].reverse());
    await page.close();
  });

  it('deletes an entry from its dialog after confirming, and from its row', async () => {
    const entry = await session.api.post<Entry>('/blacklist', { description: 'Short-lived', startIp: '192.0.2.1', endIp: '192.0.2.2' });
    const page = await signedInPage(session.browser, session.server.url);
    await page.goto(`${session.server.url}/blacklist`);
    await page.getByTestId('blacklist-open-Short-lived').click();
    await page.getByTestId('blacklist-delete').click();
    await textOf(page.getByTestId('confirm-message'), 'Short-lived');
    await page.getByTestId('confirm-cancel').click();
    await page.getByTestId('confirm-message').waitFor({ state: 'detached' });
    expect((await session.api.call('GET', `/blacklist/${entry.id}`)).status).toBe(200);

    await page.getByTestId('blacklist-delete').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('blacklist-row-Short-lived').waitFor({ state: 'detached' });
    await page.getByTestId('blacklist-description').waitFor({ state: 'detached' });
    expect((await session.api.call('GET', `/blacklist/${entry.id}`)).status).toBe(404);

    const other = await session.api.post<Entry>('/blacklist', { description: 'Row delete', startIp: '192.0.2.9' });
    await page.reload();
    await page.getByTestId('delete-blacklist-Row delete').click();
    await textOf(page.getByTestId('confirm-message'), '192.0.2.9');
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('blacklist-row-Row delete').waitFor({ state: 'detached' });
    expect((await session.api.call('GET', `/blacklist/${other.id}`)).status).toBe(404);
    await page.close();
  });
});
