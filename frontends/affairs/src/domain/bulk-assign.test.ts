import { describe, expect, it } from 'vitest';
import { keepListed, summarizeBulkAssign } from './bulk-assign';

const picked = [
  { id: 'a', reference: 'YH1' },
  { id: 'b', reference: 'YH2' },
  { id: 'c', reference: 'YH3' },
];

describe('bulk assignment summary', () => {
  it('counts what was done and names what was not, by reference', () => {
    const summary = summarizeBulkAssign(
      {
        ok: false,
        error: null,
        results: [
          { id: 'a', ok: true, error: null, application: null },
          {
            id: 'b',
            ok: false,
            error: { code: 'CONFLICT', message: '此办件刚被他人处理', field: 'expectedVersion' },
            application: null,
          },
          {
            id: 'c',
            ok: false,
            error: { code: 'FORBIDDEN', message: '无权', field: 'id' },
            application: null,
          },
        ],
      },
      picked,
    );
    expect(summary).toEqual({
      refused: null,
      done: 1,
      failed: [
        { id: 'b', reference: 'YH2', message: '此办件刚被他人处理', stale: true },
        { id: 'c', reference: 'YH3', message: '无权', stale: false },
      ],
    });
  });

  it('reports a request refused as a whole', () => {
    const error = {
      code: 'FORBIDDEN' as const,
      message: '只能分派给本部门在岗的办理人员',
      field: 'assigneeAccountId',
    };
    expect(summarizeBulkAssign({ ok: false, error, results: [] }, picked)).toEqual({
      refused: error,
      done: 0,
      failed: [],
    });
  });

  it('keeps only the selected rows that are still listed', () => {
    expect([...keepListed(new Set(['a', 'x', 'c']), picked)]).toEqual(['a', 'c']);
  });
});
