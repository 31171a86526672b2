import type { Page } from 'playwright-core';
import { eventually, signedInPage, textOf, useConsoleSession } from './console-session';

interface Named {
  id: string;
  name: string;
  channel?: string;
}
interface Routing {
  strategy: string;
  offerTimeoutSeconds: number;
  maxWaitSeconds: number;
  overflowAction: string;
  overflowQueueId: string | null;
}
interface Person {
  id: string;
  username: string;
  priority?: number;
}

/** Types into an agent picker and picks the person whose option shows `name`. */
async function pick(page: Page, pickerTestId: string, text: string, name: string): Promise<void> {
  await page.getByTestId(pickerTestId).fill(text);
  await page.getByRole('option', { name: new RegExp(name) }).click();
}

/** Opens a mat-select, picks an option and waits until its panel has gone. */
async function choose(page: Page, selectTestId: string, option: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

describe('teams and queues in Chromium', () => {
  const session = useConsoleSession();

  const createAgent = (username: string, fullName: string, role = 'agent') =>
    session.api.post<Person>('/agents', { username, fullName, email: `${username}@example.test`, password: 'Agent-Password-123!', role });


  it('creates a team, adds and removes a member, renames and deletes it', async () => {
    await createAgent('member.one', 'Member One');
    const page = await signedInPage(session.browser, session.server.url);
    await page.locator('mat-nav-list').getByRole('link', { name: 'Teams' }).click();
    await page.waitForURL(/\/teams$/);

    await page.getByTestId('new-team').click();
    await page.getByTestId('team-name').fill('Tier one');
    await page.getByTestId('team-description').fill('First line of support');
    await page.getByTestId('team-save').click();
    await page.getByTestId('team-row-Tier one').waitFor();
    const [team] = (await session.api.get<{ items: Named[] }>('/teams?q=Tier')).items;
    expect(team?.name).toBe('Tier one');

    await page.getByTestId('team-members').filter({ hasText: 'Members of Tier one' }).waitFor();
    await page.getByTestId('team-no-members').waitFor();
    await pick(page, 'team-member-picker', 'member', 'Member One');
    await page.getByTestId('team-member-member.one').waitFor();
    await page.getByTestId('team-count-Tier one').filter({ hasText: '1' }).waitFor();
    expect((await session.api.get<Person[]>(`/teams/${team?.id}/members`)).map((member) => member.username)).toEqual(['member.one']);

    await page.getByTestId('remove-team-member-member.one').click();
    await page.getByTestId('team-no-members').waitFor();
    expect(await session.api.get<Person[]>(`/teams/${team?.id}/members`)).toEqual([]);

    await page.getByTestId('edit-team-Tier one').click();
    await page.getByTestId('team-name').fill('Tier 1');
    await page.getByTestId('team-save').click();
    await page.getByTestId('team-row-Tier 1').waitFor();
    expect((await session.api.get<Named>(`/teams/${team?.id}`)).name).toBe('Tier 1');

    await page.getByTestId('delete-team-Tier 1').click();
    await textOf(page.getByTestId('confirm-message'), 'Tier 1');
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('teams-empty').waitFor();
    expect((await session.api.call('GET', `/teams/${team?.id}`)).status).toBe(404);
    await page.close();
  });

  it('creates a queue, filters by channel, adds a member with a priority and a supervisor', async () => {
    await createAgent('member.two', 'Member Two');
    await createAgent('boss.one', 'Boss One', 'supervisor');
    await session.api.post('/queues', { name: 'Web chat', channel: 'chat' });
    const page = await signedInPage(session.browser, session.server.url);
    await page.locator('mat-nav-list').getByRole('link', { name: 'Queues' }).click();
    await page.waitForURL(/\/queues$/);

    await page.getByTestId('new-queue').click();
    await page.getByTestId('queue-name').fill('Priority mail');
    await choose(page, 'queue-channel', 'E-mail');
    await page.getByTestId('queue-save').click();
    await page.getByTestId('queue-row-Priority mail').waitFor();
    const [queue] = (await session.api.get<{ items: Named[] }>('/queues?q=Priority')).items;
    expect(queue?.channel).toBe('email');

    // The channel filter asks the server for chat queues only.
    await choose(page, 'queues-channel-filter', 'Chat');
    await page.getByTestId('queue-row-Priority mail').waitFor({ state: 'detached' });
    await page.getByTestId('queue-row-Web chat').waitFor();
    await choose(page, 'queues-channel-filter', 'E-mail');
    await page.getByTestId('queue-row-Web chat').waitFor({ state: 'detached' });

    await page.getByTestId('queue-row-Priority mail').click();
    await page.waitForURL(new RegExp(`/queues/${queue?.id}$`));
    await page.getByTestId('queue-title').filter({ hasText: 'Priority mail' }).waitFor();

    await choose(page, 'queue-member-priority', '3');
    await pick(page, 'queue-member-picker', 'member.two', 'Member Two');
    await page.getByTestId('queue-member-member.two').waitFor();
    await textOf(page.getByTestId('priority-member.two'), '3');
    expect((await session.api.get<Person[]>(`/queues/${queue?.id}/members`)).map(({ username, priority }) => ({ username, priority }))).toEqual([
      { username: 'member.two', priority: 3 },
    ]);

    await choose(page, 'priority-member.two', '5');
    await eventually(
      () => session.api.get<Person[]>(`/queues/${queue?.id}/members`),
      (members) => members[0]?.priority === 5,
    );

    await page.getByTestId('queue-no-supervisors').waitFor();
    await pick(page, 'queue-supervisor-picker', 'boss', 'Boss One');
    await page.getByTestId('queue-supervisor-boss.one').waitFor();
    expect((await session.api.get<Person[]>(`/queues/${queue?.id}/supervisors`)).map((supervisor) => supervisor.username)).toEqual(['boss.one']);

    await page.getByTestId('remove-member-member.two').click();
    await page.getByTestId('queue-no-members').waitFor();
    expect(await session.api.get<Person[]>(`/queues/${queue?.id}/members`)).toEqual([]);
    await page.close();
  });

  it('deletes a queue after confirming', async () => {
    const queue = await session.api.post<Named>('/queues', { name: 'Old sms', channel: 'sms' });
    const page = await signedInPage(session.browser, session.server.url);
    await page.goto(`${session.server.url}/queues`);
    await page.getByTestId('delete-queue-Old sms').click();
    await page.getByTestId('confirm-cancel').click();
    await page.getByTestId('confirm-message').waitFor({ state: 'detached' });
    expect((await session.api.call('GET', `/queues/${queue.id}`)).status).toBe(200);
    await page.getByTestId('delete-queue-Old sms').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('queue-row-Old sms').waitFor({ state: 'detached' });
    expect((await session.api.call('GET', `/queues/${queue.id}`)).status).toBe(404);
    await page.close();
  });

  it('edits the routing of a queue: strategy, offer timeout, overflow to another queue of the channel', async () => {
    const queue = await session.api.post<Named & Routing>('/queues', { name: 'Routed chat', channel: 'chat' });
    const spill = await session.api.post<Named>('/queues', { name: 'Spill chat', channel: 'chat' });
    const spare = await session.api.post<Named>('/queues', { name: 'Spare chat', channel: 'chat' });
    await session.api.post('/queues', { name: 'Spill mail', channel: 'email' });
    expect(queue).toMatchObject({ strategy: 'least-recent', offerTimeoutSeconds: 30, overflowAction: 'none' });
    const page = await signedInPage(session.browser, session.server.url);
    await page.goto(`${session.server.url}/queues/${queue.id}`);

    await page.getByTestId('edit-queue').click();
    await choose(page, 'queue-strategy', 'Round robin');
    await page.getByTestId('queue-offer-timeout').fill('20');
    await page.getByTestId('queue-save').click();
    await page.locator('mat-dialog-container').waitFor({ state: 'detached' });
    await textOf(page.getByTestId('queue-routing'), 'Round robin · offers last 20 s');
    await page.reload();
    await textOf(page.getByTestId('queue-routing'), 'Round robin');
    await page.getByTestId('edit-queue').click();
    await textOf(page.getByTestId('queue-strategy'), 'Round robin');
    expect(await page.getByTestId('queue-offer-timeout').inputValue()).toBe('20');
    expect(await session.api.get<Routing>(`/queues/${queue.id}`)).toMatchObject({ strategy: 'round-robin', offerTimeoutSeconds: 20 });

    // Out of range: refused in the form, nothing sent.
    await page.getByTestId('queue-offer-timeout').fill('601');
    await page.getByTestId('queue-save').click();
    await textOf(page.locator('mat-dialog-container mat-error'), 'At most 600');
    await page.getByTestId('queue-offer-timeout').fill('20');

    // "Another queue" needs a queue: the only choices are the other chat queues.
    await choose(page, 'queue-overflow-action', 'Move to another queue');
    await page.getByTestId('queue-save').click();
    await textOf(page.getByTestId('queue-overflow-queue-error'), 'Required');
    expect((await session.api.get<Routing>(`/queues/${queue.id}`)).overflowAction).toBe('none');
    // An empty select's floating label covers it: click its field, as a user would.
    await page.locator('mat-form-field', { has: page.getByTestId('queue-overflow-queue') }).click();
    const choices = (await page.getByRole('option').allTextContents()).map((text) => text.trim());
    expect(choices).toEqual(expect.arrayContaining(['Spare chat', 'Spill chat']));
    expect(choices).not.toContain('Routed chat');
    expect(choices).not.toContain('Spill mail');
    await page.getByRole('option', { name: 'Spare chat' }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });

    // A queue deleted meanwhile: the server's message shows under the field.
    await session.api.call('DELETE', `/queues/${spare.id}`);
    await page.getByTestId('queue-max-wait').fill('90');
    await page.getByTestId('queue-save').click();
    await textOf(page.getByTestId('queue-overflow-queue-error'), 'No such queue');
    expect((await session.api.get<Routing>(`/queues/${queue.id}`)).overflowAction).toBe('none');

    await choose(page, 'queue-overflow-queue', 'Spill chat');
    await page.getByTestId('queue-save').click();
    await page.locator('mat-dialog-container').waitFor({ state: 'detached' });
    await textOf(page.getByTestId('queue-routing'), 'wait up to 90 s, then move to Spill chat');
    expect(await session.api.get<Routing>(`/queues/${queue.id}`)).toMatchObject({
      strategy: 'round-robin',
      offerTimeoutSeconds: 20,
      maxWaitSeconds: 90,
      overflowAction: 'queue',
      overflowQueueId: spill.id,
    });
    await page.close();
  });
});
