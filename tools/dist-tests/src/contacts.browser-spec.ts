import type { Page } from 'playwright-core';
import { apiAs, eventually, signedInPage, textOf, useConsoleSession } from './console-session';

interface ContactBody {
  id: string;
  name: string | null;
  phone: string | null;
  email: string | null;
}

const PHONE = '+420601234567';
const AGENT = { username: 'masked.agent', password: 'Agent-Password-123!' };
const PLAIN_AGENT = { username: 'plain.agent', password: 'Agent-Password-123!' };

describe('contacts in Chromium', () => {
  const session = useConsoleSession();
  let contact: ContactBody;

  beforeAll(async () => {
    contact = await session.api.post<ContactBody>('/contacts', { name: 'Jana Novakova', phone: PHONE, email: 'jana.novakova@example.test' });
    await session.api.post('/contacts', { name: 'Petr Svoboda', phone: '+420777000111', email: 'petr@example.test' });
    await session.api.post('/agents', { ...AGENT, fullName: 'Masked Agent', email: 'masked.agent@example.test', maskSensitiveData: true });
    await session.api.post('/agents', { ...PLAIN_AGENT, fullName: 'Plain Agent', email: 'plain.agent@example.test' });
  });

  async function openContacts(user?: { username: string; password: string }): Promise<Page> {
    const page = await signedInPage(session.browser, session.server.url, user);
    await page.goto(`${session.server.url}/contacts`);
    await page.getByTestId(`contact-row-${contact.id}`).waitFor();
    return page;
  }

  const cell = (page: Page, id: string, field: 'name' | 'phone' | 'email') => page.getByTestId(`contact-row-${id}`).getByTestId(`contact-cell-${field}`);

  it('shows an admin the full phone number, and searches', async () => {
    const page = await openContacts();
    await textOf(cell(page, contact.id, 'phone'), PHONE);
    await textOf(cell(page, contact.id, 'name'), 'Jana Novakova');
    expect(await page.locator('[data-testid^="contact-row-"]').count()).toBe(2);
    await page.getByTestId('contacts-search').fill('Svoboda');
    await eventually(() => page.locator('[data-testid^="contact-row-"]').count(), (count) => count === 1);
    expect(await cell(page, contact.id, 'phone').count()).toBe(0);
    await page.close();
  });

  it('shows an agent with Mask Sensitive Data only the last characters', async () => {
    const page = await openContacts(AGENT);
    const phone = (await textOf(cell(page, contact.id, 'phone'), /4567/)).trim();
    expect(phone).toBe(`${'*'.repeat(PHONE.length - 4)}4567`);
    const name = (await cell(page, contact.id, 'name').textContent())?.trim() ?? '';
    expect(name).toMatch(/^\*+$|^\*+[^*]{1,4}$/);
    expect(name).not.toContain('Jana');
    expect(await cell(page, contact.id, 'email').textContent()).not.toContain('jana.novakova');
    expect(await page.content()).not.toContain('601234');
    await page.close();

    // An agent without masking sees the number.
    const plain = await openContacts(PLAIN_AGENT);
    await textOf(cell(plain, contact.id, 'phone'), PHONE);
    await plain.close();
  });

  it('adds a contact from the dialog', async () => {
    const page = await openContacts();
    await page.getByTestId('add-contact').click();
    await page.getByTestId('contact-name').fill('Eva <i>Dvorakova</i>');
    await page.getByTestId('contact-phone').fill('+420603999888');
    await page.getByTestId('contact-email').fill('eva@example.test');
    await page.getByTestId('contact-save').click();
    await page.getByText('Contact added').waitFor();
    const row = page.locator('[data-testid^="contact-row-"]').filter({ hasText: '+420603999888' });
    await row.waitFor();
    // The name is text, not markup.
    await textOf(row, 'Eva <i>Dvorakova</i>');
    expect(await row.locator('i').count()).toBe(0);
    const found = await session.api.get<{ items: ContactBody[] }>('/contacts?q=eva%40example.test');
    expect(found.items.map((item) => item.phone)).toEqual(['+420603999888']);
    await page.close();
  });

  it('refreshes a row when the contact is saved elsewhere, masked for a masked agent', async () => {
    const admin = await openContacts();
    const agent = await openContacts(AGENT);
    await admin.locator('[data-testid="contacts-live"][data-live="true"]').waitFor();
    await agent.locator('[data-testid="contacts-live"][data-live="true"]').waitFor();

    const other = await apiAs(session.server.url, PLAIN_AGENT.username, PLAIN_AGENT.password);
    const answer = await other.call('PATCH', `/contacts/${contact.id}`, { phone: '+420608000999' });
    expect(answer.status).toBe(200);

    await textOf(cell(admin, contact.id, 'phone'), '+420608000999');
    await textOf(cell(agent, contact.id, 'phone'), `${'*'.repeat(9)}0999`);
    expect(await agent.content()).not.toContain('608000');
    await admin.close();
    await agent.close();
  });
});
