import type { Page } from 'playwright-core';
import { apiAs, eventually, signedInPage, textOf, useConsoleSession, type ApiClient } from './console-session';

interface Presence {
  agentId: string;
  username: string;
  status: string;
  pauseReason: { id: string; name: string } | null;
  channels: Array<{ channel: string; enabled: boolean }>;
}

const AGENT = { username: 'pres.agent', password: 'Agent-Password-123!' };

/** The chat switch of the top bar's status menu (the menu must be open). */
const chatSwitch = (page: Page) => page.getByTestId('presence-channel-chat').getByRole('switch');

/** Picks a status in the Agents status filter and waits until its panel has gone. */
async function choose(page: Page, option: string): Promise<void> {
  await page.getByTestId('presence-status-filter').click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

describe('presence in Chromium', () => {
  const session = useConsoleSession();
  let agentApi: ApiClient;
  let agentPage: Page;

  beforeAll(async () => {
    await session.api.post('/agents', { username: AGENT.username, fullName: 'Pres Agent', email: 'pres.agent@example.test', password: AGENT.password, role: 'agent' });
    agentApi = await apiAs(session.server.url, AGENT.username, AGENT.password);
  });

  afterAll(async () => {
    await agentPage?.close();
  });

  it('shows the agent online once signed in, and pauses them for lunch from the top bar', async () => {
    agentPage = await signedInPage(session.browser, session.server.url, AGENT);
    // Opening the console brings an offline agent online.
    await textOf(agentPage.getByTestId('presence-label'), /^\s*Online\s*$/);
    expect((await agentApi.get<Presence>('/presence/me')).status).toBe('online');

    await agentPage.getByTestId('presence-button').click();
    await agentPage.getByTestId('presence-reason-Lunch').click();
    await textOf(agentPage.getByTestId('presence-label'), 'Paused: Lunch');
    const paused = await agentApi.get<Presence>('/presence/me');
    expect({ status: paused.status, reason: paused.pauseReason?.name }).toEqual({ status: 'paused', reason: 'Lunch' });

    // A pause without a reason reads "Away".
    await agentPage.getByTestId('presence-button').click();
    await agentPage.getByTestId('presence-set-away').click();
    await textOf(agentPage.getByTestId('presence-label'), /^\s*Away\s*$/);
    expect(await agentApi.get<Presence>('/presence/me')).toMatchObject({ status: 'paused', pauseReason: null });

    await agentPage.getByTestId('presence-button').click();
    await agentPage.getByTestId('presence-reason-Lunch').click();
    await textOf(agentPage.getByTestId('presence-label'), 'Paused: Lunch');
  });

  it('switches a channel off and on, and flips back with the server message when the company forbids it', async () => {
    await agentPage.getByTestId('presence-button').click();
    const toggle = chatSwitch(agentPage);
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.click();
    await eventually(
      () => agentApi.get<Presence>('/presence/me'),
      (presence) => presence.channels.find((entry) => entry.channel === 'chat')?.enabled === false,
    );
    // The menu stays open for the switches.
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    await eventually(
      () => agentApi.get<Presence>('/presence/me'),
      (presence) => presence.channels.find((entry) => entry.channel === 'chat')?.enabled === true,
    );

    await session.api.call('PUT', '/routing/settings', { agentsMayToggleChannels: false });
    try {
      await toggle.click();
      await agentPage.locator('mat-snack-bar-container').filter({ hasText: 'does not let agents switch channels' }).waitFor();
      await eventually(
        () => toggle.getAttribute('aria-checked'),
        (checked) => checked === 'true',
      );
      expect((await agentApi.get<Presence>('/presence/me')).channels.find((entry) => entry.channel === 'chat')?.enabled).toBe(true);
    } finally {
      await session.api.call('PUT', '/routing/settings', { agentsMayToggleChannels: true });
    }
    await agentPage.keyboard.press('Escape');
    await agentPage.getByTestId('presence-channel-chat').waitFor({ state: 'detached' });
  });

  it("lists the agent on the admin's Agents status page, filters, and sets them online", async () => {
    const admin = await signedInPage(session.browser, session.server.url);
    await admin.locator('mat-nav-list').getByRole('link', { name: 'Agents status' }).click();
    await admin.waitForURL(/\/presence$/);
    await textOf(admin.getByTestId(`presence-status-${AGENT.username}`), 'Paused: Lunch');
    // The admin's own console made them online too.
    await admin.getByTestId('presence-row-admin').waitFor();

    await admin.getByTestId('presence-search').fill('pres.');
    await admin.getByTestId('presence-row-admin').waitFor({ state: 'detached' });
    await admin.getByTestId(`presence-row-${AGENT.username}`).waitFor();

    await choose(admin, 'Online');
    await admin.getByTestId(`presence-row-${AGENT.username}`).waitFor({ state: 'detached' });
    await admin.getByTestId('presence-empty').waitFor();
    await choose(admin, 'Any status');
    await admin.getByTestId(`presence-row-${AGENT.username}`).waitFor();

    await admin.getByTestId(`presence-actions-${AGENT.username}`).click();
    await admin.getByTestId('set-online').click();
    await textOf(admin.getByTestId(`presence-status-${AGENT.username}`), /^\s*Online\s*$/);
    expect((await agentApi.get<Presence>('/presence/me')).status).toBe('online');
    // The agent's top bar follows the change live (socket `presence.changed`).
    await textOf(agentPage.getByTestId('presence-label'), /^\s*Online\s*$/);

    // A change by the agent reaches the list through its refresh.
    await agentApi.call('PUT', '/presence/me', { status: 'paused' });
    await textOf(admin.getByTestId(`presence-status-${AGENT.username}`), /^\s*Away\s*$/, 12_000);
    await admin.close();
  });
});
