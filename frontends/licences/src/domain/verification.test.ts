import { describe, expect, it } from 'vitest';
import {
  classifyPastedInput,
  isKnownCheck,
  MAX_CREDENTIAL_CHARS,
  presentationTokenFrom,
  VERIFICATION_STATUSES,
  verdictView,
} from './verification';

const TOKEN = 'AWJFK5wIGEqetuqWD5xMND1rC-XDFwhI424sGgU-TvWH9_CFsA';

describe('verdictView', () => {
  it('trusts VALID and nothing else', () => {
    expect(VERIFICATION_STATUSES.filter((s) => verdictView(s).trustworthy)).toEqual(['VALID']);
  });

  it('gives each verdict a tone, an icon and words', () => {
    expect(verdictView('VALID')).toEqual({
      tone: 'valid',
      icon: 'check',
      trustworthy: true,
      labelKey: 'verdict.VALID',
      adviceKey: 'verdictAdvice.VALID',
    });
    expect(verdictView('TAMPERED')).toMatchObject({ tone: 'invalid', icon: 'cross' });
    expect(verdictView('REVOKED')).toMatchObject({ tone: 'invalid', icon: 'stop' });
    expect(verdictView('SUSPENDED')).toMatchObject({ tone: 'warning', icon: 'pause' });
    expect(verdictView('EXPIRED')).toMatchObject({ tone: 'invalid', icon: 'clock' });
    expect(verdictView('NOT_YET_VALID')).toMatchObject({ tone: 'warning', icon: 'clock' });
    expect(verdictView('UNKNOWN_ISSUER')).toMatchObject({ tone: 'invalid', icon: 'question' });
    expect(verdictView('EXPIRED_PRESENTATION')).toMatchObject({
      tone: 'warning',
      labelKey: 'verdict.EXPIRED_PRESENTATION',
    });
  });

  it('never shows a verdict it does not know as valid', () => {
    const view = verdictView('SOMETHING_NEW' as never);
    expect(view.trustworthy).toBe(false);
    expect(view.tone).toBe('invalid');
  });
});

describe('checks', () => {
  it('knows the API checks', () => {
    expect(isKnownCheck('PROOF')).toBe(true);
    expect(isKnownCheck('PRESENTATION')).toBe(true);
    expect(isKnownCheck('QUANTUM')).toBe(false);
  });
});

describe('presentationTokenFrom', () => {
  it('reads p from the query string', () => {
    expect(presentationTokenFrom(`?p=${TOKEN}`)).toBe(TOKEN);
    expect(presentationTokenFrom(`?x=1&p=${TOKEN}`)).toBe(TOKEN);
  });

  it('is null without one, or with something that cannot be one', () => {
    expect(presentationTokenFrom('')).toBeNull();
    expect(presentationTokenFrom('?p=')).toBeNull();
    expect(presentationTokenFrom(`?p=${'x'.repeat(201)}`)).toBeNull();
  });
});

describe('classifyPastedInput', () => {
  it('takes JSON text as a credential, as it is', () => {
    expect(classifyPastedInput(' {"a":1} ')).toEqual({ kind: 'credential', text: '{"a":1}' });
  });

  it('leaves broken JSON to the server (a broken credential is a tampered one)', () => {
    expect(classifyPastedInput('{"a":')).toEqual({ kind: 'credential', text: '{"a":' });
  });

  it('recognises a verification link copied from a QR code', () => {
    expect(classifyPastedInput(`http://localhost:3000/verify?p=${TOKEN}`)).toEqual({
      kind: 'link',
      token: TOKEN,
    });
    expect(classifyPastedInput('https://example.org/other?p=abc')).toEqual({
      kind: 'credential',
      text: 'https://example.org/other?p=abc',
    });
  });

  it('refuses nothing and too much', () => {
    expect(classifyPastedInput('   ')).toEqual({ kind: 'empty' });
    expect(classifyPastedInput('x'.repeat(MAX_CREDENTIAL_CHARS + 1))).toEqual({ kind: 'tooLong' });
  });
});
