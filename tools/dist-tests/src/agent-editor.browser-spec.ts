import type { Page } from 'playwright-core';
import { apiAs, eventually, signedInPage, textOf, useConsoleSession } from './console-session';

interface AgentBody {
  id: string;
  username: string;
  capacity: Record<string, number>;
  tabLimit: number;
  autoAnswer: Record<string, { enabled: boolean; delaySeconds: number }>;
  permissions: { modules: Record<string, boolean>; downloads: Record<string, boolean> };
  hasAvatar: boolean;
}

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** The mat-error under the form field holding the given input. */
function fieldError(page: Page, testId: string) {
  return page.locator('mat-form-field', { has: page.getByTestId(testId) }).locator('mat-error');
}

describe('agent editor in Chromium', () => {
  const session = useConsoleSession();

  const createAgent = (username: string) =>
    session.api.post<AgentBody>('/agents', { username, fullName: `Agent ${username}`, email: `${username}@example.test`, password: 'Agent-Password-123!' });

  async function openEditor(id: string): Promise<Page> {
    const page = await signedInPage(session.browser, session.server.url);
    await page.goto(`${session.server.url}/agents/${id}`);
    await page.getByTestId('agent-fullName').waitFor();
    return page;
  }


  it('saves capacity, auto answer and permissions from their tabs', async () => {
    const agent = await createAgent('tabs.agent');
    const page = await openEditor(agent.id);

    await page.getByRole('tab', { name: 'Other Channels' }).click();
    await page.getByTestId('capacity-chat').fill('3');
    await page.getByTestId('capacity-voice').fill('1');
    await page.getByTestId('agent-tabLimit').fill('5');
    await page.getByTestId('auto-answer-email').getByRole('switch').click();
    await page.getByTestId('auto-answer-delay-email').fill('7');

    await page.getByRole('tab', { name: 'Permissions' }).click();
    await page.getByTestId('module-history').getByRole('switch').click();
    await page.getByTestId('download-recordings').getByRole('switch').click();
    await page.getByTestId('save-agent').click();
    await page.getByText('Saved', { exact: true }).waitFor();

    const saved = await session.api.get<AgentBody>(`/agents/${agent.id}`);
    expect(saved.capacity).toMatchObject({ chat: 3, voice: 1, email: 0 });
    expect(saved.tabLimit).toBe(5);
    expect(saved.autoAnswer['email']).toEqual({ enabled: true, delaySeconds: 7 });
    expect(saved.autoAnswer['chat']?.enabled).toBe(false);
    expect(saved.permissions.modules).toMatchObject({ history: false, chat: true });
    expect(saved.permissions.downloads).toMatchObject({ recordings: false, attachments: true });

    // A reload shows what the server kept.
    await page.reload();
    await page.getByRole('tab', { name: 'Other Channels' }).click();
    await page.getByTestId('capacity-chat').waitFor();
    expect(await page.getByTestId('capacity-chat').inputValue()).toBe('3');
    expect(await page.getByTestId('auto-answer-delay-email').inputValue()).toBe('7');
    await page.getByRole('tab', { name: 'Permissions' }).click();
    expect(await page.getByTestId('module-history').getByRole('switch').getAttribute('aria-checked')).toBe('false');
    expect(await page.getByTestId('module-chat').getByRole('switch').getAttribute('aria-checked')).toBe('true');
    await page.close();
  });

  it('keeps a voice capacity above 1 from being saved and names the field', async () => {
    const agent = await createAgent('voice.agent');
    const page = await openEditor(agent.id);
    await page.getByRole('tab', { name: 'Other Channels' }).click();
    await page.getByTestId('capacity-voice').fill('2');
    await page.getByTestId('save-agent').click();
    await textOf(fieldError(page, 'capacity-voice'), 'At most 1');
    expect((await session.api.get<AgentBody>(`/agents/${agent.id}`)).capacity['voice']).toBe(0);
    await page.close();
  });

  it('shows the server refusal of a taken username on the field', async () => {
    await createAgent('taken.name');
    const page = await signedInPage(session.browser, session.server.url);
    await page.goto(`${session.server.url}/agents/new`);
    await page.getByTestId('agent-fullName').fill('Someone Else');
    await page.getByTestId('agent-username').fill('taken.name');
    await page.getByTestId('agent-email').fill('someone.else@example.test');
    await page.getByTestId('save-agent').click();
    const error = fieldError(page, 'agent-username');
    await error.waitFor();
    await textOf(error, 'already used');
    expect(new URL(page.url()).pathname).toBe('/agents/new');
    expect((await session.api.get<{ total: number }>('/agents?q=someone.else')).total).toBe(0);
    await page.close();
  });

  it("shows the server's validation message on the field it names", async () => {
    const agent = await createAgent('alias.agent');
    const page = await openEditor(agent.id);
    await page.getByTestId('agent-alias').fill('x'.repeat(101));
    await page.getByTestId('save-agent').click();
    const error = fieldError(page, 'agent-alias');
    await error.waitFor();
    await textOf(error, '100');
    expect((await session.api.get<{ alias: string | null }>(`/agents/${agent.id}`)).alias).toBeNull();
    await page.close();
  });

  it('lets a supervisor edit an agent of their queue, but not its role or permissions', async () => {
    const supervisor = { username: 'sup.one', password: 'Supervisor-Password-123!' };
    const queue = await session.api.post<{ id: string }>('/queues', { name: 'Supervised sms', channel: 'sms' });
    const boss = await session.api.post<AgentBody>('/agents', { ...supervisor, fullName: 'Sup One', email: 'sup.one@example.test', role: 'supervisor' });
    await session.api.post(`/queues/${queue.id}/supervisors`, { agentId: boss.id });
    const agent = await createAgent('sup.member');
    await session.api.post(`/queues/${queue.id}/members`, { agentId: agent.id });

    const page = await signedInPage(session.browser, session.server.url, supervisor);
    await page.goto(`${session.server.url}/agents/${agent.id}`);
    await page.getByTestId('agent-fullName').waitFor();
    await page.getByTestId('agent-role').click();
    await page.getByRole('option').first().waitFor();
    expect(await page.getByRole('option').allTextContents()).toEqual([expect.stringContaining('Agent')]);
    await page.keyboard.press('Escape');
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    expect(await page.getByTestId('add-to-team').count()).toBe(0);

    await page.getByRole('tab', { name: 'Permissions' }).click();
    await page.getByTestId('permissions-readonly').waitFor();
    expect(await page.getByTestId('module-chat').getByRole('switch').isDisabled()).toBe(true);

    await page.getByRole('tab', { name: 'Account' }).click();
    await page.getByTestId('agent-fullName').fill('Renamed By Supervisor');
    await page.getByTestId('save-agent').click();
    await page.getByText('Saved', { exact: true }).waitFor();
    expect((await session.api.get<{ fullName: string }>(`/agents/${agent.id}`)).fullName).toBe('Renamed By Supervisor');
    await page.close();
  });

  it('adds the agent to every queue of a channel and lists the memberships', async () => {
    await session.api.post('/queues', { name: 'Chat sales', channel: 'chat' });
    await session.api.post('/queues', { name: 'Chat support', channel: 'chat' });
    await session.api.post('/queues', { name: 'Mail support', channel: 'email' });
    const agent = await createAgent('queue.agent');
    const page = await openEditor(agent.id);
    await page.getByTestId('no-memberships').waitFor();

    await page.getByTestId('add-to-queue').click();
    await page.getByTestId('add-to-queue-chat').click();
    await page.getByText('Added to 2 Chat queues').waitFor();
    await page.getByTestId('membership-Chat sales').waitFor();
    await page.getByTestId('membership-Chat support').waitFor();
    expect(await page.getByTestId('membership-Mail support').count()).toBe(0);

    const memberships = await session.api.get<{ name: string; channel: string }[]>(`/agents/${agent.id}/queues`);
    expect(memberships.map((membership) => membership.name).sort()).toEqual(['Chat sales', 'Chat support']);
    await page.close();
  });

  it('adds the agent to a team', async () => {
    const team = await session.api.post<{ id: string }>('/teams', { name: 'Night shift' });
    const agent = await createAgent('team.agent');
    const page = await openEditor(agent.id);
    await page.getByTestId('add-to-team').click();
    await page.getByTestId('team-select').click();
    await page.getByRole('option', { name: 'Night shift' }).click();
    await page.getByTestId('add-to-team-save').click();
    await page.getByText('Added to team Night shift').waitFor();
    const members = await session.api.get<{ username: string }[]>(`/teams/${team.id}/members`);
    expect(members.map((member) => member.username)).toEqual(['team.agent']);
    await page.close();
  });

  it('changes the password to a generated one, shown once', async () => {
    const agent = await createAgent('password.agent');
    const page = await openEditor(agent.id);
    await page.getByTestId('change-password').click();
    await textOf(page.getByTestId('change-password-save'), 'Generate password');
    await page.getByTestId('change-password-save').click();
    const secret = page.getByTestId('generated-password');
    await secret.waitFor();
    const password = (await textOf(secret, /\S{8,}/)).trim();
    expect(password).not.toBe('Agent-Password-123!');
    await expect(apiAs(session.server.url, 'password.agent', password)).resolves.toHaveProperty('token');
    await expect(apiAs(session.server.url, 'password.agent', 'Agent-Password-123!')).rejects.toThrow(/401/);
    await page.getByTestId('generated-password-done').click();
    await secret.waitFor({ state: 'detached' });
    await page.close();
  });

  it('uploads an avatar and shows the server refusal of a file that is not an image', async () => {
    const agent = await createAgent('avatar.agent');
    const page = await openEditor(agent.id);

    await page.getByTestId('agent-avatar-file').setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('this is not a picture') });
    const error = page.getByTestId('agent-avatar-error');
    await error.waitFor();
    await textOf(error, 'not an image');
    expect((await session.api.get<AgentBody>(`/agents/${agent.id}`)).hasAvatar).toBe(false);

    await page.getByTestId('agent-avatar-file').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('agent-avatar-image').waitFor();
    expect(await page.getByTestId('agent-avatar-image').getAttribute('src')).toMatch(/^blob:/);
    expect(await error.count()).toBe(0);
    await eventually(
      () => session.api.get<AgentBody>(`/agents/${agent.id}`),
      (body) => body.hasAvatar,
    );
    await page.close();
  });
});
