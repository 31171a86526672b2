import { columnOfField, rowToRequest } from './agent-csv';
import { neutraliseFormula } from '@switchboard/contracts';
import { typedCell } from './csv-cells';

describe('neutraliseFormula', () => {
  it.each(['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])('prefixes %j with an apostrophe', (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });
  it('leaves ordinary text alone', () => {
    expect(neutraliseFormula('Jane = boss')).toBe('Jane = boss');
  });
});

describe('typedCell', () => {
  it('reads yes/no words as booleans and keeps anything else for the validator to name', () => {
    expect(typedCell(' YES ', 'boolean')).toBe(true);
    expect(typedCell('0', 'boolean')).toBe(false);
    expect(typedCell('maybe', 'boolean')).toBe('maybe');
    expect(typedCell('12', 'integer')).toBe(12);
    expect(typedCell('1.5', 'integer')).toBe('1.5');
    expect(typedCell('  ', 'text')).toBeUndefined();
  });
});

describe('rowToRequest', () => {
  it('maps capacity columns into the capacity object and keeps a password as typed', () => {
    const request = rowToRequest(['username', 'password', 'capacityChat', 'capacityVoice', 'voicemail'], ['jane', ' spaced pass ', '3', '1', 'no']);
    expect(request).toEqual({ username: 'jane', password: ' spaced pass ', capacity: { chat: 3, voice: 1 }, voicemail: false });
  });
  it('names nested fields by their column', () => {
    expect(columnOfField('capacity.openchannel')).toBe('capacityOpenchannel');
    expect(columnOfField('email')).toBe('email');
  });
});
