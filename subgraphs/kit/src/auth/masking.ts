/**
 * Masking of personal data (PIPL): what a `@sensitive(kind: …)` field returns unless the value is
 * revealed through an audited path. Formats follow common Chinese practice.
 */
export const SENSITIVE_KINDS = ['ID_NUMBER', 'PHONE', 'ADDRESS', 'NAME', 'HEALTH', 'EMAIL', 'OTHER'] as const;
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];

const stars = (n: number) => '*'.repeat(Math.max(n, 0));

/** 110101199003071234 → 110***********1234 (first 3 and last 4). */
export function maskIdNumber(value: string): string {
  if (value.length <= 7) return stars(value.length);
  return `${value.slice(0, 3)}${stars(value.length - 7)}${value.slice(-4)}`;
}

/** 13812345678 → 138****5678; other lengths keep the first 3 and last 2. */
export function maskPhone(value: string): string {
  const digits = value.replace(/\s+/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length <= 5) return stars(digits.length);
  return `${digits.slice(0, 3)}${stars(digits.length - 5)}${digits.slice(-2)}`;
}

/**
 * An address down to the street: everything after the first 街道/镇/乡 (or after the road name
 * when there is none) is hidden. 湖滨区解放路街道柳营社区3幢201 → 湖滨区解放路街道****.
 */
export function maskAddress(value: string): string {
  const street = /^(.*?(?:街道|镇|乡))/.exec(value) ?? /^(.*?(?:路|街|大道|巷))/.exec(value);
  if (street?.[1] && street[1].length < value.length) return `${street[1]}****`;
  return `${value.slice(0, Math.min(4, Math.floor(value.length / 2)))}****`;
}

/** 张三丰 → 张**. */
export function maskName(value: string): string {
  const chars = [...value];
  return chars.length <= 1 ? '*' : `${chars[0]}${stars(chars.length - 1)}`;
}

export function maskEmail(value: string): string {
  const [user, domain] = value.split('@');
  if (!user || !domain) return stars(value.length);
  return `${user[0]}***@${domain}`;
}

export function mask(kind: SensitiveKind, value: string): string {
  switch (kind) {
    case 'ID_NUMBER':
      return maskIdNumber(value);
    case 'PHONE':
      return maskPhone(value);
    case 'ADDRESS':
      return maskAddress(value);
    case 'NAME':
      return maskName(value);
    case 'EMAIL':
      return maskEmail(value);
    default:
      // Health data and anything else: nothing of it shows without a reveal.
      return '******';
  }
}
