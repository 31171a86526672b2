import { generatePassword } from './generate-password';

describe('generatePassword', () => {
  it('has the asked length and every character class', () => {
    for (let i = 0; i < 200; i++) {
      const password = generatePassword(16);
      expect(password).toHaveLength(16);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[2-9]/);
      expect(password).toMatch(/[~!@#$%^&\-_=+]/);
    }
  });

  it('does not repeat itself', () => {
    const passwords = new Set(Array.from({ length: 500 }, () => generatePassword()));
    expect(passwords.size).toBe(500);
  });
});
