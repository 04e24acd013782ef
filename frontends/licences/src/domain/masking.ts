/**
 * A licence number as a card shows it: enough to tell two licences apart (the start gives the
 * authority and year, the end the sequence), not enough to copy from a glance over the shoulder
 * or a screenshot of the wallet. The licence's own page shows it in full to its holder.
 */
export function maskLicenceNumber(number: string): string {
  const value = number.trim();
  const n = value.length;
  if (n <= 1) return value;
  if (n <= 4) return '*'.repeat(n - 1) + value.slice(-1);
  if (n <= 8) return value.slice(0, 2) + '*'.repeat(n - 4) + value.slice(-2);
  return value.slice(0, 4) + '*'.repeat(n - 8) + value.slice(-4);
}

/** The visible end of a masked number, for words such as "尾号 0004". */
export function lastDigits(number: string, count = 4): string {
  const value = number.trim();
  return value.length <= count ? value.slice(-1) : value.slice(-count);
}
