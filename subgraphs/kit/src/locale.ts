import type { IncomingMessage } from 'node:http';

/** Languages Bianmin speaks; zh-CN first. */
export type Locale = 'zh-CN' | 'en';

export function localeFromRequest(req: IncomingMessage | undefined): Locale {
  const header = req?.headers['accept-language'];
  if (typeof header !== 'string') return 'zh-CN';
  // The first listed language wins; anything that is not English gets Chinese.
  return /^\s*en\b/i.test(header) ? 'en' : 'zh-CN';
}

/** A message for a person, in both languages; `pick` chooses by the request's locale. */
export interface Message {
  zh: string;
  en: string;
}

export function pick(locale: Locale, message: Message): string {
  return locale === 'en' ? message.en : message.zh;
}
