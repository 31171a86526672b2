import { preparedQuery, prepareStatementsOn, SqlStatement } from './sql-statement';

describe('SqlStatement', () => {
  it('numbers parameters in the order parts add them, with casts, and joins the parts before the query', () => {
    const q = new SqlStatement();
    q.with('a', `select ${q.param('x', 'text')} as v`);
    q.with('b', `select v, ${q.param([1, 2], 'int[]')} as w from a`);
    expect(q.text('select * from b')).toBe('with a as (select $1::text as v),\nb as (select v, $2::int[] as w from a)\nselect * from b');
    expect(q.params).toEqual(['x', [1, 2]]);
  });

  it('is a plain query without parts', () => {
    const q = new SqlStatement();
    expect(q.text(`select ${q.param(3)}`)).toBe('select $1');
  });
});

describe('preparedQuery', () => {
  const text = 'select $1::int as n';

  it('runs through the runner unless its DataSource was marked to prepare', async () => {
    const runner = { query: jest.fn().mockResolvedValue([{ n: 1 }]), driver: { master: { query: jest.fn() } } };
    expect(await preparedQuery(runner, text, [1])).toEqual([{ n: 1 }]);
    expect(runner.query).toHaveBeenCalledWith(text, [1]);
    expect(runner.driver.master.query).not.toHaveBeenCalled();
  });

  it('prepares on a marked DataSource, under one name per text', async () => {
    const master = { query: jest.fn().mockResolvedValue({ rows: [{ n: 2 }] }) };
    const dataSource = { query: jest.fn(), driver: { master } };
    prepareStatementsOn(dataSource);
    expect(await preparedQuery(dataSource, text, [2])).toEqual([{ n: 2 }]);
    await preparedQuery(dataSource, text, [3]);
    await preparedQuery(dataSource, 'select 1', []);
    const names = master.query.mock.calls.map(([config]) => (config as { name: string }).name);
    expect(names[0]).toMatch(/^sb_[0-9a-f]{24}$/);
    expect(names[1]).toBe(names[0]);
    expect(names[2]).not.toBe(names[0]);
    expect(dataSource.query).not.toHaveBeenCalled();
  });
});
