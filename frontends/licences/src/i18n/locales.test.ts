import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REMOTE_UI_KEYS } from '@bianmin/frontend-kit/react';
import { KNOWN_CHECKS, VERIFICATION_STATUSES, verdictView } from '../domain/verification';
import { licenceStatusView } from '../domain/licence-status';
import { grantStateView } from '../domain/grants';
import type { GrantProblem } from '../domain/grant-form';
import { DISCLOSABLE_CLAIMS, type LicenceStatus } from '../graphql/types';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

const src = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

/** The code without comments, so that a comment may quote the Chinese term it explains. */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
}

const LICENCE_STATUSES: LicenceStatus[] = ['VALID', 'SUSPENDED', 'REVOKED', 'EXPIRED'];
const GRANT_PROBLEMS: GrantProblem[] = [
  'departmentRequired',
  'apiClientIdRequired',
  'apiClientIdFormat',
  'purposeRequired',
  'purposeTooLong',
  'dateRequired',
  'dateInvalid',
  'datePast',
  'dateTooFar',
  'claimsRequired',
];

describe('locales', () => {
  const zhKeys = keysOf(zhCN as Tree);
  const enKeys = keysOf(en as Tree);
  // A key used with a count resolves to its plural forms.
  const known = new Set(zhKeys.map((k) => k.replace(/_(one|other)$/, '')));

  it('have the same keys in zh-CN and en', () => {
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([]);
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it('cover every literal key the code asks for', () => {
    // The kit's components say what these keys say (remoteUiLabels in app/RemoteFrame.tsx).
    const used = new Set<string>(REMOTE_UI_KEYS);
    for (const file of sourceFiles(src)) {
      for (const match of code(file).matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) used.add(match[1]!);
      // Keys chosen by a condition: t(x ? 'a.b' : 'c.d').
      for (const match of code(file).matchAll(/\?\s*'([a-z]+\.[\w.]+)'\s*:\s*'([a-z]+\.[\w.]+)'/g)) {
        used.add(match[1]!);
        used.add(match[2]!);
      }
    }
    expect([...used].filter((key) => !known.has(key))).toEqual([]);
    expect(used.size).toBeGreaterThan(150);
  });

  it('name every status, verdict, check, claim, grant state and form problem the code can show', () => {
    const keys = [
      ...LICENCE_STATUSES.map((s) => licenceStatusView(s).labelKey),
      ...LICENCE_STATUSES.map((s) => `statusNotice.${s}`),
      ...VERIFICATION_STATUSES.flatMap((s) => [verdictView(s).labelKey, verdictView(s).adviceKey]),
      ...KNOWN_CHECKS.map((c) => `checks.${c}`),
      ...DISCLOSABLE_CLAIMS.map((c) => `claim.${c}`),
      ...['ACTIVE', 'REVOKED', 'EXPIRED'].map((s) => grantStateView(s).labelKey),
      ...GRANT_PROBLEMS.map((p) => `grantForm.problem.${p}`),
      ...['ISSUE', 'REVOKE', 'SUSPEND', 'REINSTATE'].map((a) => `history.action.${a}`),
      ...['SYSTEM', 'STAFF'].map((a) => `history.actor.${a}`),
      ...['SEED', 'STAFF', 'AFFAIRS'].map((s) => `source.${s}`),
      'verify.titleSuffix',
    ];
    expect(keys.filter((key) => !known.has(key))).toEqual([]);
  });

  it('give the verdicts the words the brief asks for', () => {
    const verdict = (zhCN as { verdict: Record<string, string> }).verdict;
    expect([
      verdict['VALID'],
      verdict['REVOKED'],
      verdict['SUSPENDED'],
      verdict['EXPIRED'],
      verdict['NOT_YET_VALID'],
      verdict['TAMPERED'],
      verdict['UNKNOWN_ISSUER'],
      verdict['EXPIRED_PRESENTATION'],
    ]).toEqual(['有效', '已撤销', '已暂停', '已过期', '尚未生效', '被篡改', '签发方不明', '二维码已过期']);
  });

  it('leave no Chinese text in components (it belongs in the locales)', () => {
    const offenders = sourceFiles(src)
      .filter((file) => !file.endsWith('bootstrap.tsx')) // the dev-only standalone bar
      .filter((file) => /[\u4e00-\u9fff]/.test(code(file)))
      .map((file) => path.relative(src, file));
    expect(offenders).toEqual([]);
  });
});
