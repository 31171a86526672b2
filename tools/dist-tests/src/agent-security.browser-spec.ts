import type { Page } from 'playwright-core';
import { apiAs, eventually, signedInPage, textOf, totp, useConsoleSession } from './console-session';

interface AgentBody {
  id: string;
  username: string;
  disabled: boolean;
  maskSensitiveData: boolean;
}

interface AgentSecurityBody {
  locked: boolean;
  failedAttempts: number;
  mfaEnabled: boolean;
  passwordChangedAt: string | null;
  activeSessions: number;
}

const PASSWORD = 'Agent-Password-123!';

function switchOf(page: Page, testId: string) {
  return page.getByTestId(testId).getByRole('switch');
}

describe('the Security Suite tab of the agent editor in Chromium', () => {
  const session = useConsoleSession();

  const createAgent = (username: string, extra: Record<string, unknown> = {}) =>
    session.api.post<AgentBody>('/agents', { username, fullName: `Agent ${username}`, email: `${username}@example.test`, password: PASSWORD, ...extra });

  const security = (id: string) => session.api.get<AgentSecurityBody>(`/agents/${id}/security`);

  const wrongLogin = (login: string) =>
    fetch(`${session.server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password: 'Not-The-Password-1!' }),
    });

  async function openSecurityTab(id: string): Promise<Page> {
    const page = await signedInPage(session.browser, session.server.url);
    await page.goto(`${session.server.url}/agents/${id}`);
    await page.getByTestId('agent-fullName').waitFor();
    await page.getByRole('tab', { name: 'Security Suite' }).click();
    await page.getByTestId('agent-security').waitFor();
    await textOf(page.getByTestId('security-sessions'), /\d+ active session/);
    return page;
  }

  it('shows an agent locked by failed sign-ins, and switching Locked off unlocks them', async () => {
    const agent = await createAgent('locked.agent');
    for (let attempt = 0; attempt < 5; attempt++) expect((await wrongLogin('locked.agent')).status).toBe(401);
    expect((await security(agent.id)).locked).toBe(true);
    // Locked: even the right password is refused.
    await expect(apiAs(session.server.url, 'locked.agent', PASSWORD)).rejects.toThrow(/401|429/);

    const page = await openSecurityTab(agent.id);
    const locked = switchOf(page, 'security-locked');
    await eventually(() => locked.getAttribute('aria-checked'), (state) => state === 'true');
    expect(await locked.isDisabled()).toBe(false);
    await textOf(page.getByTestId('security-lock-state'), 'Locked');

    await locked.click();
    await page.getByText('Account unlocked').waitFor();
    expect(await locked.getAttribute('aria-checked')).toBe('false');
    // Not locked any more: the switch cannot lock by hand.
    expect(await locked.isDisabled()).toBe(true);
    expect((await security(agent.id)).locked).toBe(false);
    await expect(apiAs(session.server.url, 'locked.agent', PASSWORD)).resolves.toHaveProperty('token');
    await page.close();
  });

  it('shows the last password reset time while the Security Suite is on', async () => {
    const agent = await createAgent('reset.time');
    const state = await security(agent.id);
    expect(state.passwordChangedAt).not.toBeNull();
    const page = await openSecurityTab(agent.id);
    await textOf(page.getByTestId('security-password-changed'), String(new Date(state.passwordChangedAt as string).getFullYear()));
    await page.close();

    const settings = await session.api.get<Record<string, unknown>>('/settings/security');
    await session.api.call('PUT', '/settings/security', { suiteEnabled: false });
    try {
      const off = await openSecurityTab(agent.id);
      await off.getByTestId('security-mfa-state').waitFor();
      expect(await off.getByTestId('security-password-changed').count()).toBe(0);
      await off.close();
    } finally {
      await session.api.call('PUT', '/settings/security', settings);
    }
  });

  it('disables MFA after a confirmation', async () => {
    const agent = await createAgent('mfa.agent');
    const client = await apiAs(session.server.url, 'mfa.agent', PASSWORD);
    const setup = await client.post<{ secret: string }>('/auth/mfa/setup', { password: PASSWORD });
    await client.post('/auth/mfa/enable', { code: totp(setup.secret) });
    expect((await security(agent.id)).mfaEnabled).toBe(true);

    const page = await openSecurityTab(agent.id);
    await textOf(page.getByTestId('security-mfa-state'), 'MFA is on');
    await page.getByTestId('security-disable-mfa').click();
    await textOf(page.getByTestId('confirm-message'), 'mfa.agent');
    await page.getByTestId('confirm-ok').click();
    await page.getByText('MFA disabled', { exact: true }).waitFor();
    await textOf(page.getByTestId('security-mfa-state'), 'MFA is off');
    expect(await page.getByTestId('security-disable-mfa').count()).toBe(0);
    expect((await security(agent.id)).mfaEnabled).toBe(false);
    // Without MFA the password alone signs in again.
    await expect(apiAs(session.server.url, 'mfa.agent', PASSWORD)).resolves.toHaveProperty('token');
    await page.close();
  });

  it('switches Mask Sensitive Data and Disabled, each saved at once', async () => {
    const agent = await createAgent('mask.agent');
    const page = await openSecurityTab(agent.id);
    const mask = switchOf(page, 'security-mask');
    expect(await mask.getAttribute('aria-checked')).toBe('false');
    await mask.click();
    await page.getByText('Sensitive data is masked for this agent').waitFor();
    await eventually(() => session.api.get<AgentBody>(`/agents/${agent.id}`), (body) => body.maskSensitiveData);

    const disabled = switchOf(page, 'security-disabled');
    await disabled.click();
    await page.getByText('Account disabled').waitFor();
    expect((await session.api.get<AgentBody>(`/agents/${agent.id}`)).disabled).toBe(true);
    await expect(apiAs(session.server.url, 'mask.agent', PASSWORD)).rejects.toThrow(/401/);

    // The page's Save does not undo what the switches saved.
    await page.getByRole('tab', { name: 'Account' }).click();
    await page.getByTestId('agent-description').fill('Saved after the switches');
    await page.getByTestId('save-agent').click();
    await page.getByText('Saved', { exact: true }).waitFor();
    const saved = await session.api.get<AgentBody & { description: string }>(`/agents/${agent.id}`);
    expect(saved).toMatchObject({ disabled: true, maskSensitiveData: true, description: 'Saved after the switches' });

    await page.reload();
    await page.getByRole('tab', { name: 'Security Suite' }).click();
    await eventually(() => switchOf(page, 'security-mask').getAttribute('aria-checked'), (state) => state === 'true');
    expect(await switchOf(page, 'security-disabled').getAttribute('aria-checked')).toBe('true');
    await switchOf(page, 'security-disabled').click();
    await page.getByText('Account enabled').waitFor();
    await expect(apiAs(session.server.url, 'mask.agent', PASSWORD)).resolves.toHaveProperty('token');
    await page.close();
  });

  it('signs the agent out everywhere', async () => {
    const agent = await createAgent('sessions.agent');
    await apiAs(session.server.url, 'sessions.agent', PASSWORD);
    await apiAs(session.server.url, 'sessions.agent', PASSWORD);
    const page = await openSecurityTab(agent.id);
    await textOf(page.getByTestId('security-sessions'), '2 active sessions');
    await page.getByTestId('security-sign-out').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByText('Signed out everywhere').waitFor();
    await textOf(page.getByTestId('security-sessions'), '0 active sessions');
    expect((await security(agent.id)).activeSessions).toBe(0);
    expect(await page.getByTestId('security-sign-out').isDisabled()).toBe(true);
    await page.close();
  });

  it('shows the effect of the header\'s Change password at once', async () => {
    const agent = await createAgent('newpass.agent');
    await apiAs(session.server.url, 'newpass.agent', PASSWORD);
    const page = await openSecurityTab(agent.id);
    await textOf(page.getByTestId('security-sessions'), '1 active session');
    await page.getByTestId('change-password').click();
    await page.getByTestId('change-password-save').click();
    await page.getByTestId('generated-password-done').click();
    // The new password ended the agent's sessions; the tab asked the server again.
    await textOf(page.getByTestId('security-sessions'), '0 active sessions');
    expect((await security(agent.id)).activeSessions).toBe(0);
    await page.close();
  });

  it('is not there for a supervisor', async () => {
    const supervisor = { username: 'sec.sup', password: 'Supervisor-Password-123!' };
    const queue = await session.api.post<{ id: string }>('/queues', { name: 'Security sms', channel: 'sms' });
    const boss = await session.api.post<AgentBody>('/agents', { ...supervisor, fullName: 'Sec Sup', email: 'sec.sup@example.test', role: 'supervisor' });
    await session.api.post(`/queues/${queue.id}/supervisors`, { agentId: boss.id });
    const agent = await createAgent('sec.member');
    await session.api.post(`/queues/${queue.id}/members`, { agentId: agent.id });

    const page = await signedInPage(session.browser, session.server.url, supervisor);
    await page.goto(`${session.server.url}/agents/${agent.id}`);
    await page.getByTestId('agent-fullName').waitFor();
    expect((await page.getByRole('tab').allTextContents()).map((text) => text.trim())).toEqual(['Account', 'Other Channels', 'Permissions']);
    // A supervisor keeps the Disabled switch of the Account tab.
    expect(await page.getByTestId('agent-disabled').count()).toBe(1);
    const supervisorApi = await apiAs(session.server.url, supervisor.username, supervisor.password);
    expect((await supervisorApi.call('GET', `/agents/${agent.id}/security`)).status).toBe(403);
    await page.close();
  });
});
