import type { ConsentPurpose, ConsentRecord, DeletionRequestRow } from '../identity/operations';

/** The purposes, in the order the account centre lists them (required ones first). */
export const CONSENT_PURPOSES: readonly ConsentPurpose[] = [
  'PLATFORM_TERMS',
  'PERSONAL_DATA_PROCESSING',
  'SERVICE_NOTIFICATIONS',
];

export interface ConsentState {
  purpose: ConsentPurpose;
  /** The newest record for the purpose (in force or not); null when never given. */
  latest: ConsentRecord | null;
  /** Every record for the purpose, newest first. */
  history: ConsentRecord[];
}

/** One line per purpose from the whole history (which the server sends newest first). */
export function consentStates(records: readonly ConsentRecord[]): ConsentState[] {
  return CONSENT_PURPOSES.map((purpose) => {
    const history = records
      .filter((r) => r.purpose === purpose)
      .sort((a, b) => b.grantedAt.localeCompare(a.grantedAt));
    return { purpose, latest: history.find((r) => r.active) ?? history[0] ?? null, history };
  });
}

/** `bianmin-my-data-YYYY-MM-DD.json`, with the resident's local date. */
export function exportFileName(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `bianmin-my-data-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}.json`;
}

/**
 * Save `json` as a file: a Blob behind a temporary link, clicked and removed; the object URL is
 * revoked afterwards so the data does not stay reachable in the page.
 */
export function downloadJson(json: string, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json;charset=utf-8' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/** The request still waiting for a decision, if any (one at most). */
export const pendingRequest = (rows: readonly DeletionRequestRow[]) =>
  rows.find((row) => row.status === 'PENDING') ?? null;
