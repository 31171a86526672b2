import type { Page } from 'playwright-core';
import { eventually, signedInPage, textOf, useConsoleSession } from './console-session';

interface Settings {
  agentsMayToggleChannels: boolean;
  offerTimeoutSeconds: number;
}
interface Reason {
  id: string;
  name: string;
  position: number;
  archived: boolean;
}

/** `'true'` or `'false'`: the state of the slide toggle with the given test id. */
function switchState(page: Page, testId: string): Promise<string | null> {
  return page.getByTestId(testId).getByRole('switch').getAttribute('aria-checked');
}

/** The mat-error under the form field holding the given input. */
function fieldError(page: Page, testId: string) {
  return page.locator('mat-form-field', { has: page.getByTestId(testId) }).locator('mat-error');
}

describe('routing settings in Chromium', () => {
  const session = useConsoleSession();

  const reasons = () => session.api.get<Reason[]>('/routing/pause-reasons?all=true');
  const menuReasons = () => session.api.get<Reason[]>('/routing/pause-reasons');

  async function openSettings(): Promise<Page> {
    const page = await signedInPage(session.browser, session.server.url);
    await page.goto(`${session.server.url}/settings/routing`);
    // Save is enabled once the server's values are in the form.
    await eventually(() => page.getByTestId('routing-settings-save').isEnabled(), Boolean);
    return page;
  }

  it('saves the channel switch and the offer timeout, and a reload shows them', async () => {
    const defaults = await session.api.get<Settings>('/routing/settings');
    expect(defaults.agentsMayToggleChannels).toBe(true);
    const page = await openSettings();
    expect(await switchState(page, 'settings-agentsMayToggleChannels')).toBe('true');

    await page.getByTestId('settings-agentsMayToggleChannels').getByRole('switch').click();
    await page.getByTestId('settings-offerTimeoutSeconds').fill('45');
    await page.getByTestId('routing-settings-save').click();
    await page.getByText('Routing settings saved').waitFor();
    expect(await session.api.get<Settings>('/routing/settings')).toEqual({ agentsMayToggleChannels: false, offerTimeoutSeconds: 45 });

    await page.reload();
    await eventually(() => page.getByTestId('routing-settings-save').isEnabled(), Boolean);
    expect(await switchState(page, 'settings-agentsMayToggleChannels')).toBe('false');
    expect(await page.getByTestId('settings-offerTimeoutSeconds').inputValue()).toBe('45');

    // Out of range is stopped in the form.
    await page.getByTestId('settings-offerTimeoutSeconds').fill('0');
    await page.getByTestId('routing-settings-save').click();
    await textOf(fieldError(page, 'settings-offerTimeoutSeconds'), 'At least 1');
    expect((await session.api.get<Settings>('/routing/settings')).offerTimeoutSeconds).toBe(45);
    await session.api.call('PUT', '/routing/settings', defaults);
    await page.close();
  });

  it('adds a pause reason, refuses a taken name in the form, archives and deletes it', async () => {
    const page = await openSettings();
    await page.getByTestId('pause-reason-row-Lunch').waitFor();

    await page.getByTestId('new-pause-reason').click();
    await page.getByTestId('pause-reason-name').fill('Coaching');
    await page.getByTestId('pause-reason-save').click();
    await page.getByTestId('pause-reason-row-Coaching').waitFor();
    const added = (await reasons()).find((reason) => reason.name === 'Coaching');
    expect(added).toMatchObject({ archived: false });
    expect((await menuReasons()).map((reason) => reason.name)).toContain('Coaching');

    // A taken name: the server's 409 shows under the name, and the dialog stays open.
    await page.getByTestId('new-pause-reason').click();
    await page.getByTestId('pause-reason-name').fill('Lunch');
    await page.getByTestId('pause-reason-save').click();
    await textOf(fieldError(page, 'pause-reason-name'), 'Already used');
    expect((await reasons()).filter((reason) => reason.name === 'Lunch')).toHaveLength(1);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('pause-reason-name').waitFor({ state: 'detached' });

    // Rename.
    await page.getByTestId('edit-pause-reason-Coaching').click();
    await page.getByTestId('pause-reason-name').fill('Coaching session');
    await page.getByTestId('pause-reason-save').click();
    await page.getByTestId('pause-reason-row-Coaching session').waitFor();
    expect((await reasons()).find((reason) => reason.id === added?.id)?.name).toBe('Coaching session');

    // Archive: it leaves the agents' menu but stays listed here.
    await page.getByTestId('archive-pause-reason-Coaching session').click();
    await textOf(page.getByTestId('pause-reason-status-Coaching session'), 'Archived');
    await eventually(reasons, (list) => list.find((reason) => reason.id === added?.id)?.archived === true);
    expect((await menuReasons()).map((reason) => reason.name)).not.toContain('Coaching session');

    await page.getByTestId('unarchive-pause-reason-Coaching session').click();
    await textOf(page.getByTestId('pause-reason-status-Coaching session'), 'In the menu');
    await eventually(menuReasons, (list) => list.some((reason) => reason.id === added?.id));

    await page.getByTestId('delete-pause-reason-Coaching session').click();
    await textOf(page.getByTestId('confirm-message'), 'Coaching session');
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('pause-reason-row-Coaching session').waitFor({ state: 'detached' });
    expect((await reasons()).some((reason) => reason.id === added?.id)).toBe(false);
    await page.close();
  });
});
