import { describe, expect, it } from 'vitest';
import { REMOTE_UI_KEYS } from '@bianmin/frontend-kit/react';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

type Tree = { [key: string]: string | Tree };

/** The value at a dotted key, or at its plural forms (`common.allLoaded` → `common.allLoaded_other`). */
function has(tree: Tree, key: string): boolean {
  const path = key.split('.');
  const last = path.pop() ?? '';
  let node: Tree | string | undefined = tree;
  for (const part of path) node = typeof node === 'object' ? node[part] : undefined;
  return (
    typeof node === 'object' && (typeof node[last] === 'string' || typeof node[`${last}_other`] === 'string')
  );
}

describe('locales', () => {
  it.each([
    ['zh-CN', zhCN],
    ['en', en],
  ])('%s has the words of the kit’s components (remoteUiLabels)', (_locale, tree) => {
    expect(REMOTE_UI_KEYS.filter((key) => !has(tree as Tree, key))).toEqual([]);
  });
});
