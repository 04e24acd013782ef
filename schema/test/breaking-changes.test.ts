import { describe, expect, it } from 'vitest';
import {
  AcknowledgementError,
  findBreakingChanges,
  parseAcknowledgements,
  unacknowledged,
  type Acknowledgement,
} from '../src/breaking-changes.js';

const before = `
  type Query { serviceItems: [ServiceItem!] }
  type ServiceItem { id: ID! name: String! legacyCode: String }
`;
const withoutField = `
  type Query { serviceItems: [ServiceItem!] }
  type ServiceItem { id: ID! name: String! }
`;
const withNewField = `
  type Query { serviceItems: [ServiceItem!] }
  type ServiceItem { id: ID! name: String! legacyCode: String nameEn: String }
`;

const ack = (change: string): Acknowledgement => ({
  change,
  reason: 'legacy codes were retired by the provincial catalog',
  approvedBy: 'catalog team',
  date: '2026-11-29',
});

describe('breaking changes', () => {
  it('flags a removed field', async () => {
    const changes = await findBreakingChanges(before, withoutField);
    expect(changes).toEqual([
      {
        message: "Field 'legacyCode' was removed from object type 'ServiceItem'",
        path: 'ServiceItem.legacyCode',
      },
    ]);
    expect(unacknowledged(changes, [])).toEqual(changes);
  });

  it('does not flag an added field', async () => {
    expect(await findBreakingChanges(before, withNewField)).toEqual([]);
  });

  it('is satisfied by an acknowledgement naming the path or the message', async () => {
    const changes = await findBreakingChanges(before, withoutField);
    expect(unacknowledged(changes, [ack('ServiceItem.legacyCode')])).toEqual([]);
    expect(
      unacknowledged(changes, [ack("Field 'legacyCode' was removed from object type 'ServiceItem'")]),
    ).toEqual([]);
    expect(unacknowledged(changes, [ack('ServiceItem.name')])).toEqual(changes);
  });

  it('rejects an acknowledgement file with missing fields or a bad date', () => {
    expect(parseAcknowledgements([ack('ServiceItem.legacyCode')])).toHaveLength(1);
    expect(() => parseAcknowledgements({})).toThrow(AcknowledgementError);
    try {
      parseAcknowledgements([{ change: 'ServiceItem.legacyCode', reason: '', date: '2026-02-30' }]);
      expect.unreachable();
    } catch (error) {
      expect((error as AcknowledgementError).problems).toEqual([
        'entry 0: "reason" must be a non-empty string',
        'entry 0: "approvedBy" must be a non-empty string',
        'entry 0: "date" must be a real date as YYYY-MM-DD',
      ]);
    }
  });
});
