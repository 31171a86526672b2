import { DEFAULT_SECURITY_SETTINGS, type SecuritySettings } from '@switchboard/contracts';
import { passwordProblem } from './password-policy';

const person = { username: 'jane.doe', email: 'jane@example.com' };
const suite: SecuritySettings = { ...DEFAULT_SECURITY_SETTINGS, suiteEnabled: true, compositionRule: true };

describe('passwordProblem', () => {
  it('applies the seed composition rule with the suite on', () => {
    expect(passwordProblem('Password1', person, suite)).toMatch(/one of ~!@#\$%\^&-_=\+\[\{\]\}/);
    expect(passwordProblem('password1!', person, suite)).toMatch(/upper-case/);
    expect(passwordProblem('Password1!', person, suite)).toBeNull();
  });

  it('drops the composition rule when the admin turns it off or the suite is off', () => {
    expect(passwordProblem('correct horse battery', person, { ...suite, compositionRule: false })).toBeNull();
    expect(passwordProblem('correct horse battery', person, { ...suite, suiteEnabled: false })).toBeNull();
  });

  it('refuses the common passwords whatever the case, even without the suite', () => {
    const off = { ...suite, suiteEnabled: false };
    expect(passwordProblem('password1', person, off)).toMatch(/most common/);
    expect(passwordProblem('Password1', person, off)).toMatch(/most common/);
    expect(passwordProblem('QWERTYUIOP', person, off)).toMatch(/most common/);
  });

  it('refuses the username and the e-mail, ignoring case', () => {
    expect(passwordProblem('Jane.Doe', person, { ...suite, suiteEnabled: false })).toMatch(/username/);
    expect(passwordProblem('JANE@example.com', person, { ...suite, suiteEnabled: false })).toMatch(/username or e-mail/);
  });

  it('counts characters, not UTF-16 units, against the minimum, and takes up to 1024', () => {
    expect(passwordProblem('Zażółć1!', person, suite)).toBeNull();
    expect(passwordProblem('😀😀😀😀😀😀😀', person, { ...suite, suiteEnabled: false })).toMatch(/at least 8/);
    expect(passwordProblem(`Aa1!${'x'.repeat(1020)}`, person, suite)).toBeNull();
    expect(passwordProblem(`Aa1!${'x'.repeat(1021)}`, person, suite)).toMatch(/at most 1024/);
  });

  it('follows the configured minimum length', () => {
    expect(passwordProblem('Abcdef1!xy', person, { ...suite, minLength: 12 })).toMatch(/at least 12/);
  });
});
