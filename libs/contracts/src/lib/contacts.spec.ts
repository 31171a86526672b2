import { maskSensitive, maskText, personalData } from './contacts';

describe('masking', () => {
  it('keeps the last characters and stars the rest, by character', () => {
    expect(maskText('05551234567', 4)).toBe('*******4567');
    expect(maskText('Nováková', 3)).toBe('*****ová');
    expect(maskText('abc', 4)).toBe('*bc');
    expect(maskText('', 4)).toBe('');
  });

  it('masks only branded contacts, wherever they sit, without touching the input', () => {
    const contact = personalData({ id: 'c1', name: 'Jana', phone: '+420601234567', email: 'j@x.cz' });
    const agent = { name: 'Agent Smith', email: 'smith@example.com' };
    const payload = { items: [contact], agent, nested: { who: contact } };
    const masked = maskSensitive(payload, 4);
    expect(masked.items[0]).toEqual({ id: 'c1', name: '*ana', phone: '*********4567', email: '**x.cz' });
    expect(masked.nested.who.phone).toBe('*********4567');
    expect(masked.agent).toEqual(agent);
    expect(contact.phone).toBe('+420601234567');
    expect(JSON.stringify(contact)).not.toContain('personalData');
  });

  it("masks every pre-chat answer of a branded interaction, and nobody else's maps", () => {
    const interaction = personalData({ id: 'i1', contactName: 'Jana', contactFields: { name: 'Jana', order: 'A-123456', empty: '' } });
    const masked = maskSensitive({ interaction, other: { contactFields: { order: 'A-123456' } } }, 4);
    expect(masked.interaction.contactFields).toEqual({ name: '*ana', order: '****3456', empty: '' });
    expect(masked.other.contactFields).toEqual({ order: 'A-123456' });
    expect(interaction.contactFields.order).toBe('A-123456');
  });
});
