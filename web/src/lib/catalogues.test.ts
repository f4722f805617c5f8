// Every catalogue has exactly the keys of the English one, none empty, and every literal
// t('…') key in the sources exists in English.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import fil from '../locales/fil.json';
import nl from '../locales/nl.json';
import th from '../locales/th.json';
import zhHant from '../locales/zh-Hant.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const english = flatten(en as Tree);
const others = { th, nl, fil, 'zh-Hant': zhHant } as Record<string, Tree>;

describe('catalogues', () => {
  it.each(Object.keys(others))('%s has every English key and no other', (language) => {
    const keys = flatten(others[language]!);
    expect([...keys.keys()].filter((k) => !english.has(k))).toEqual([]);
    expect([...english.keys()].filter((k) => !keys.has(k))).toEqual([]);
  });

  it.each(['en', ...Object.keys(others)])('%s has no empty text', (language) => {
    const keys = language === 'en' ? english : flatten(others[language]!);
    expect([...keys].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it.each(Object.keys(others))('%s keeps the placeholders of each English text', (language) => {
    const keys = flatten(others[language]!);
    const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
    const wrong = [...english].filter(([k, v]) => placeholders(v).join() !== placeholders(keys.get(k) ?? '').join());
    expect(wrong.map(([k]) => k)).toEqual([]);
  });

  it('has every literal key the sources pass to t()', () => {
    const root = join(__dirname, '..');
    const used = new Set<string>();
    for (const file of sources(root)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !english.has(k))).toEqual([]);
  });
});
