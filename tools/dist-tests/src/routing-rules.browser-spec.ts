import type { Page } from 'playwright-core';
import { eventually, signedInPage, textOf, useConsoleSession } from './console-session';
import { dragAndDrop } from './drag-and-drop';

interface Rule {
  id: string;
  name: string;
  patterns: string[];
  queueId: string | null;
  agents: Array<{ agentId: string; username: string; priority: number }>;
  layout: string | null;
  callClass: string | null;
  enabled: boolean;
  position: number;
}
interface Named {
  id: string;
  name: string;
}

/** Opens a mat-select, picks an option and waits until its panel has gone. */
async function choose(page: Page, selectTestId: string, option: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

/** The mat-error under the form field holding the given input. */
function fieldError(page: Page, testId: string) {
  return page.locator('mat-form-field', { has: page.getByTestId(testId) }).locator('mat-error');
}

describe('routing rules in Chromium', () => {
  const session = useConsoleSession();
  let queue: Named;
  const agentIds: Record<string, string> = {};

  const rules = async () => (await session.api.get<{ items: Rule[] }>('/routing/rules?pageSize=200')).items;
  const ruleNamed = async (name: string) => (await rules()).find((rule) => rule.name === name);

  beforeAll(async () => {
    queue = await session.api.post<Named>('/queues', { name: 'Support chat', channel: 'chat' });
    for (const [username, fullName] of [
      ['rule.high', 'Rule High'],
      ['rule.low', 'Rule Low'],
    ]) {
      const agent = await session.api.post<Named>('/agents', { username, fullName, email: `${username}@example.test`, password: 'Agent-Password-123!', role: 'agent' });
      agentIds[username] = agent.id;
    }
  });

  async function testAddress(page: Page, url: string, expected: string): Promise<string> {
    await page.getByTestId('match-url').fill(url);
    await page.getByTestId('match-test').click();
    return textOf(page.getByTestId('match-result'), expected);
  }

  it('adds a rule that sends a pattern to a queue, and the test box names it', async () => {
    const page = await signedInPage(session.browser, session.server.url);
    await page.locator('mat-nav-list').getByRole('link', { name: 'Routing rules' }).click();
    await page.waitForURL(/\/routing$/);
    await page.getByTestId('rules-empty').waitFor();
    // Before any rule, the address goes to nobody in particular.
    await testAddress(page, 'https://www.example.com/support/x', 'No enabled rule matches');

    await page.getByTestId('new-rule').click();
    await page.waitForURL(/\/routing\/new$/);
    await page.getByTestId('rule-name').fill('Support pages');
    await page.getByTestId('rule-description').fill('The help centre');
    await page.getByTestId('rule-patterns').fill('*.example.com/support/*');
    await choose(page, 'rule-queue', 'Support chat');
    await page.getByTestId('rule-layout').fill('Compact');
    await page.getByTestId('rule-class').fill('support');
    // This rule's offline messages go to one operator rather than the default recipients.
    await page.getByTestId('rule-recipient-picker').fill('rule.low');
    await page.getByRole('option', { name: /Rule Low/ }).click();
    await page.getByTestId('rule-recipient-rule.low').waitFor();
    await page.getByTestId('rule-save').click();
    await page.waitForURL(/\/routing$/);
    await page.getByTestId('rule-row-Support pages').waitFor();

    expect(await ruleNamed('Support pages')).toMatchObject({
      patterns: ['*.example.com/support/*'],
      queueId: queue.id,
      agents: [],
      layout: 'Compact',
      callClass: 'support',
      offlineRecipientIds: [agentIds['rule.low']],
      enabled: true,
    });
    await textOf(page.getByTestId('rule-target-Support pages'), 'Support chat');

    const answer = await testAddress(page, 'https://www.example.com/support/x', 'Support pages');
    expect(answer).toContain('Support chat');
    await testAddress(page, 'https://www.example.com/shop/x', 'No enabled rule matches');

    // Editing shows what was saved, the recipient by name.
    await page.getByTestId('edit-rule-Support pages').click();
    await textOf(page.getByTestId('rule-recipient-rule.low'), 'Rule Low');
    expect(await page.getByTestId('rule-patterns').inputValue()).toBe('*.example.com/support/*');
    await page.close();
  });

  it('adds a rule to agents dragged into the high and low priority columns', async () => {
    const page = await signedInPage(session.browser, session.server.url);
    await page.goto(`${session.server.url}/routing/new`);
    await page.getByTestId('rule-name').fill('Shop pages');
    await page.getByTestId('rule-patterns').fill('shop.example.com/*');
    await page.getByRole('radio', { name: 'Chosen agents' }).check();

    // Saving with nobody chosen is refused on the spot.
    await page.getByTestId('rule-save').click();
    await textOf(page.getByTestId('rule-agents-error'), 'at least one agent');

    await dragAndDrop(page, page.getByTestId('available-agent-rule.high'), page.getByTestId('rule-high'));
    await page.getByTestId('rule-high-rule.high').waitFor();
    await dragAndDrop(page, page.getByTestId('available-agent-rule.low'), page.getByTestId('rule-low'));
    await page.getByTestId('rule-low-rule.low').waitFor();
    // A chosen agent leaves the available list.
    await page.getByTestId('available-agent-rule.high').waitFor({ state: 'detached' });
    await page.getByTestId('rule-agents-error').waitFor({ state: 'detached' });

    await page.getByTestId('rule-save').click();
    await page.waitForURL(/\/routing$/);
    await page.getByTestId('rule-row-Shop pages').waitFor();
    const rule = await ruleNamed('Shop pages');
    expect(rule?.queueId).toBeNull();
    expect(rule?.agents.map(({ username, priority }) => ({ username, priority })).sort((a, b) => a.priority - b.priority)).toEqual([
      { username: 'rule.high', priority: 1 },
      { username: 'rule.low', priority: 2 },
    ]);
    await textOf(page.getByTestId('rule-target-Shop pages'), 'High: Rule High · Low: Rule Low');

    // Editing shows the agents back in their columns.
    await page.getByTestId('edit-rule-Shop pages').click();
    await page.getByTestId('rule-high-rule.high').waitFor();
    await page.getByTestId('rule-low-rule.low').waitFor();
    await page.close();
  });

  it('reorders the rules by drag and drop, and the first match wins', async () => {
    // Two rules whose patterns both match the same page.
    for (const name of ['Catch all', 'Specific']) {
      if (!(await ruleNamed(name))) await session.api.post('/routing/rules', { name, patterns: name === 'Catch all' ? ['*'] : ['*/pricing'], queueId: queue.id });
    }
    const before = (await rules()).map((rule) => rule.name);
    expect(before.indexOf('Catch all')).toBeLessThan(before.indexOf('Specific'));

    const page = await signedInPage(session.browser, session.server.url);
    await page.goto(`${session.server.url}/routing`);
    await testAddress(page, 'https://www.example.com/pricing', 'Catch all');

    const first = before[0] as string;
    await dragAndDrop(page, page.getByTestId('rule-handle-Specific'), page.getByTestId(`rule-row-${first}`), { y: 4 });
    const expected = ['Specific', ...before.filter((name) => name !== 'Specific')];
    await eventually(
      async () => (await rules()).map((rule) => rule.name),
      (names) => JSON.stringify(names) === JSON.stringify(expected),
    );
    await textOf(page.getByTestId('rules-list').getByRole('listitem').first(), 'Specific');
    await testAddress(page, 'https://www.example.com/pricing', 'Specific');

    // The order is the server's: a reload shows it too.
    await page.reload();
    await page.getByTestId('rule-row-Specific').waitFor();
    const shown = await page.getByTestId('rules-list').getByRole('listitem').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid')));
    expect(shown).toEqual(expected.map((name) => `rule-row-${name}`));
    await page.close();
  });

  it('disables a rule, so the test box skips it', async () => {
    if (!(await ruleNamed('Support pages'))) await session.api.post('/routing/rules', { name: 'Support pages', patterns: ['*.example.com/support/*'], queueId: queue.id });
    for (const rule of (await rules()).filter((entry) => entry.name !== 'Support pages')) await session.api.call('DELETE', `/routing/rules/${rule.id}`);
    const page = await signedInPage(session.browser, session.server.url);
    await page.goto(`${session.server.url}/routing`);
    await page.getByTestId('rule-enabled-Support pages').getByRole('switch').click();
    await eventually(
      async () => (await ruleNamed('Support pages'))?.enabled,
      (enabled) => enabled === false,
    );
    await testAddress(page, 'https://www.example.com/support/x', 'No enabled rule matches');
    await page.close();
  });

  it('shows the server refusing a pattern with a space under the patterns', async () => {
    const page = await signedInPage(session.browser, session.server.url);
    await page.goto(`${session.server.url}/routing/new`);
    await page.getByTestId('rule-name').fill('Broken');
    await page.getByTestId('rule-patterns').fill('www.example.com/ok/*\nwww.example.com/not ok/*');
    await choose(page, 'rule-queue', 'Support chat');
    await page.getByTestId('rule-save').click();
    const error = fieldError(page, 'rule-patterns');
    const text = await textOf(error, 'spaces');
    // The message names the pattern the server pointed at (patterns.1).
    expect(text).toContain('www.example.com/not ok/*');
    expect(page.url()).toMatch(/\/routing\/new$/);
    expect(await ruleNamed('Broken')).toBeUndefined();

    // Fixing the pattern clears the mark, and the rule saves.
    await page.getByTestId('rule-patterns').fill('www.example.com/ok/*');
    await error.waitFor({ state: 'detached' });
    await page.getByTestId('rule-save').click();
    await page.getByTestId('rule-row-Broken').waitFor();
    expect((await ruleNamed('Broken'))?.patterns).toEqual(['www.example.com/ok/*']);
    await page.close();
  });

  it('deletes a rule after confirming', async () => {
    const rule = await session.api.post<Named>('/routing/rules', { name: 'Old rule', patterns: ['old.example.com/*'], queueId: queue.id });
    const page = await signedInPage(session.browser, session.server.url);
    await page.goto(`${session.server.url}/routing`);
    await page.getByTestId('delete-rule-Old rule').click();
    await page.getByTestId('confirm-cancel').click();
    await page.getByTestId('confirm-message').waitFor({ state: 'detached' });
    expect((await session.api.call('GET', `/routing/rules/${rule.id}`)).status).toBe(200);
    await page.getByTestId('delete-rule-Old rule').click();
    await textOf(page.getByTestId('confirm-message'), 'Old rule');
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('rule-row-Old rule').waitFor({ state: 'detached' });
    expect((await session.api.call('GET', `/routing/rules/${rule.id}`)).status).toBe(404);
    await page.close();
  });
});
