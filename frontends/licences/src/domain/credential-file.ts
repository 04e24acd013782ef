/**
 * 下载凭证 — the licence's W3C Verifiable Credential saved as a file the holder can keep, send or
 * paste into any verifier. The name says which licence it is: `<type>-<number>.json`.
 */
export function credentialFileName(typeName: string, number: string): string {
  // Characters no file system takes, and runs of spaces, become a hyphen.
  const clean = (part: string) =>
    part
      .trim()
      .replace(/[\\/:*?"<>|\s\p{Cc}]+/gu, '-')
      .replace(/^-+|-+$/g, '');
  const parts = [clean(typeName), clean(number)].filter(Boolean);
  return `${parts.join('-') || 'licence'}.json`;
}

/**
 * Save `json` as a file: a Blob behind a temporary link, clicked and removed; the object URL is
 * revoked straight after, so the credential does not stay reachable from the page.
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
