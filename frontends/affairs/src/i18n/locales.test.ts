import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REMOTE_UI_KEYS } from '@bianmin/frontend-kit/react';
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

describe('locales', () => {
  const zhKeys = keysOf(zhCN as Tree);
  const enKeys = keysOf(en as Tree);

  it('have the same keys in zh-CN and en', () => {
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([]);
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it('cover every literal key the code asks for', () => {
    // The kit's components say what these keys say (remoteUiLabels in exposed/App.tsx).
    const used = new Set<string>(REMOTE_UI_KEYS);
    for (const file of sourceFiles(src)) {
      for (const match of code(file).matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) used.add(match[1]!);
    }
    // A key used with a count resolves to its plural forms.
    const known = new Set(zhKeys.map((k) => k.replace(/_(one|other)$/, '')));
    expect([...used].filter((key) => !known.has(key))).toEqual([]);
    expect(used.size).toBeGreaterThan(200);
  });

  it('leave no Chinese text in components (it belongs in the locales)', () => {
    const offenders = sourceFiles(src)
      .filter((file) => !file.endsWith('bootstrap.tsx')) // the dev-only standalone bar
      .filter((file) => /[\u4e00-\u9fff]/.test(code(file)))
      .map((file) => path.relative(src, file));
    expect(offenders).toEqual([]);
  });
});
