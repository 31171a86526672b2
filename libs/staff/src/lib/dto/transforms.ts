/** class-transformer helpers for values that arrive as text (query strings, form fields). */
type Value = { value: unknown };

export const toBoolean = ({ value }: Value) => (value === 'true' ? true : value === 'false' ? false : value);

export const commaList = ({ value }: Value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);

export const trimmed = ({ value }: Value) => (typeof value === 'string' ? value.trim() : value);
