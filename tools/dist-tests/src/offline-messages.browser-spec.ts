import { eventually, signedInPage, textOf, useConsoleSession } from './console-session';
import { dragAndDrop } from './drag-and-drop';

interface Person {
  id: string;
  username: string;
}

describe('offline messages in Chromium', () => {
  const session = useConsoleSession();
  const people: Person[] = [];

  beforeAll(async () => {
    for (const [username, fullName] of [
      ['mail.one', 'Mail One'],
      ['mail.two', 'Mail Two'],
    ]) {
      people.push(await session.api.post<Person>('/agents', { username, fullName, email: `${username}@example.test`, password: 'Agent-Password-123!', role: 'agent' }));
    }
  });

  const recipients = async () => (await session.api.get<{ agentIds: string[] }>('/routing/offline-recipients')).agentIds;

  it('drags two operators into the recipients, and Update saves them', async () => {
    expect(await recipients()).toEqual([]);
    const page = await signedInPage(session.browser, session.server.url);
    await page.locator('mat-nav-list').getByRole('link', { name: 'Offline messages' }).click();
    await page.waitForURL(/\/offline-messages$/);
    await page.getByTestId('available-agent-mail.one').waitFor();
    // Nothing changed yet, so there is nothing to update.
    expect(await page.getByTestId('recipients-update').isDisabled()).toBe(true);

    await dragAndDrop(page, page.getByTestId('available-agent-mail.one'), page.getByTestId('recipients-list'));
    await page.getByTestId('recipients-list-mail.one').waitFor();
    await dragAndDrop(page, page.getByTestId('available-agent-mail.two'), page.getByTestId('recipients-list'));
    await page.getByTestId('recipients-list-mail.two').waitFor();
    // Dragging is not saving.
    expect(await recipients()).toEqual([]);

    await page.getByTestId('recipients-update').click();
    await page.getByText('Recipients updated').waitFor();
    expect((await recipients()).sort()).toEqual(people.map((person) => person.id).sort());

    // A reload shows the server's list, by name.
    await page.reload();
    await textOf(page.getByTestId('recipients-list-mail.one'), 'Mail One');
    await textOf(page.getByTestId('recipients-list-mail.two'), 'Mail Two');
    await page.getByTestId('available-agent-mail.one').waitFor({ state: 'detached' });

    // Dragging one back out and updating removes it.
    await dragAndDrop(page, page.getByTestId('recipients-list-mail.two'), page.getByTestId('recipients-available'));
    await page.getByTestId('available-agent-mail.two').waitFor();
    await page.getByTestId('recipients-update').click();
    await eventually(recipients, (ids) => ids.length === 1 && ids[0] === people[0]?.id);
    await page.close();
  });

  it('lists an offline message with its text shown as text, never as markup', async () => {
    await session.api.call('PUT', '/routing/offline-recipients', { agentIds: people.map((person) => person.id) });
    const body = '<img src=x onerror=alert(1)>';
    await session.api.post('/interactions/offline-messages', {
      channel: 'chat',
      accountId: 'site-1',
      name: 'Visitor <b>Bold</b>',
      email: 'visitor@example.test',
      body,
      pageUrl: 'https://www.example.com/contact',
    });
    await session.api.post('/interactions/offline-messages', { channel: 'chat', accountId: 'site-1', name: 'Someone Else', body: 'Call me back' });

    const page = await signedInPage(session.browser, session.server.url);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${session.server.url}/offline-messages`);
    const row = page.getByTestId('offline-message-row').filter({ hasText: 'visitor@example.test' });
    expect(await textOf(row.getByTestId('offline-message-body'), body)).toBe(body);
    await textOf(row.getByTestId('offline-message-name'), 'Visitor <b>Bold</b>');
    await textOf(row.getByTestId('offline-message-page'), 'https://www.example.com/contact');
    await textOf(row.getByTestId('offline-message-recipients'), 'mail.one, mail.two');
    expect(await row.locator('img, b').count()).toBe(0);
    expect(dialogs).toEqual([]);

    // The search asks the server.
    await page.getByTestId('offline-messages-search').fill('call me');
    await row.waitFor({ state: 'detached' });
    await textOf(page.getByTestId('offline-message-row').first(), 'Call me back');
    await page.getByTestId('offline-messages-search').fill('nobody wrote this');
    await page.getByTestId('offline-messages-empty').waitFor();
    await page.close();
  });
});
