import type { Page } from 'playwright-core';
import { eventually, signedInPage, textOf, useConsoleSession } from './console-session';

interface Settings {
  suiteEnabled: boolean;
  minLength: number;
  compositionRule: boolean;
  maxFailedAttempts: number;
  lockoutMinutes: number;
  passwordExpiryDays: number;
  mfaRequiredRoles: string[];
  maskVisibleCharacters: number;
}

/** The mat-error under the form field holding the given input. */
function fieldError(page: Page, testId: string) {
  return page.locator('mat-form-field', { has: page.getByTestId(testId) }).locator('mat-error');
}

/** `'true'` or `'false'`: the state of the slide toggle with the given test id. */
function switchState(page: Page, testId: string): Promise<string | null> {
  return page.getByTestId(testId).getByRole('switch').getAttribute('aria-checked');
}

/** Waits until the form holds the server's values (Save is enabled once they arrived). */
async function formLoaded(page: Page): Promise<void> {
  await eventually(() => page.getByTestId('settings-save').isEnabled(), Boolean);
}

describe('security settings in Chromium', () => {
  const session = useConsoleSession();
  let defaults: Settings;

  beforeAll(async () => {
    defaults = await session.api.get<Settings>('/settings/security');
  });

  // Each test starts from the defaults, whatever the one before it left.
  afterEach(async () => {
    await session.api.call('PUT', '/settings/security', defaults);
  });

  async function openSettings(): Promise<Page> {
    const page = await signedInPage(session.browser, session.server.url);
    await page.goto(`${session.server.url}/settings/security`);
    await formLoaded(page);
    return page;
  }

  it('saves every field, and a reload shows what the server kept', async () => {
    expect(defaults.minLength).toBe(8);
    const page = await openSettings();
    expect(await page.getByTestId('settings-minLength').inputValue()).toBe('8');

    await page.getByTestId('settings-minLength').fill('12');
    await page.getByTestId('settings-compositionRule').getByRole('switch').click();
    await page.getByTestId('settings-maxFailedAttempts').fill('3');
    await page.getByTestId('settings-lockoutMinutes').fill('0');
    await page.getByTestId('settings-passwordExpiryDays').fill('90');
    await page.getByTestId('settings-mfa-supervisor').getByRole('checkbox').check();
    await page.getByTestId('settings-maskVisibleCharacters').fill('2');
    await page.getByTestId('settings-save').click();
    await page.getByText('Security settings saved').waitFor();

    const saved = await session.api.get<Settings>('/settings/security');
    expect(saved).toEqual({
      suiteEnabled: true,
      minLength: 12,
      compositionRule: false,
      maxFailedAttempts: 3,
      lockoutMinutes: 0,
      passwordExpiryDays: 90,
      mfaRequiredRoles: ['supervisor'],
      maskVisibleCharacters: 2,
    });

    await page.reload();
    await formLoaded(page);
    expect(await page.getByTestId('settings-minLength').inputValue()).toBe('12');
    expect(await page.getByTestId('settings-maxFailedAttempts').inputValue()).toBe('3');
    expect(await page.getByTestId('settings-lockoutMinutes').inputValue()).toBe('0');
    expect(await page.getByTestId('settings-passwordExpiryDays').inputValue()).toBe('90');
    expect(await page.getByTestId('settings-maskVisibleCharacters').inputValue()).toBe('2');
    expect(await switchState(page, 'settings-compositionRule')).toBe('false');
    expect(await switchState(page, 'settings-suiteEnabled')).toBe('true');
    expect(await page.getByTestId('settings-mfa-supervisor').getByRole('checkbox').isChecked()).toBe(true);
    expect(await page.getByTestId('settings-mfa-agent').getByRole('checkbox').isChecked()).toBe(false);

    // Turning the suite off is saved too.
    await page.getByTestId('settings-suiteEnabled').getByRole('switch').click();
    await page.getByTestId('settings-save').click();
    await page.getByText('Security settings saved').waitFor();
    expect((await session.api.get<Settings>('/settings/security')).suiteEnabled).toBe(false);
    await page.close();
  });

  it('keeps a minimum length below 8 from being sent and says why', async () => {
    const page = await openSettings();
    await page.getByTestId('settings-minLength').fill('5');
    await page.getByTestId('settings-save').click();
    await textOf(fieldError(page, 'settings-minLength'), 'At least 8');
    expect((await session.api.get<Settings>('/settings/security')).minLength).toBe(8);
    await page.close();
  });

  it("shows the server's refusal under the field it names", async () => {
    const page = await openSettings();
    await page.getByTestId('settings-maskVisibleCharacters').fill(SERVER_REFUSED_MASK);
    await page.getByTestId('settings-save').click();
    const error = fieldError(page, 'settings-maskVisibleCharacters');
    await error.waitFor();
    // The server's own words (class-validator's bound), not a message of the form.
    await textOf(error, 'greater than 20');
    expect((await session.api.get<Settings>('/settings/security')).maskVisibleCharacters).toBe(4);
    // Editing the field clears the server's mark.
    await page.getByTestId('settings-maskVisibleCharacters').fill('3');
    await error.waitFor({ state: 'detached' });
    await page.close();
  });
});

/** More visible characters than the server accepts (the form leaves the upper bound to the server). */
const SERVER_REFUSED_MASK = '1000';
