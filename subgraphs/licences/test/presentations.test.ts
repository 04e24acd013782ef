import { describe, expect, it } from 'vitest';
import {
  data,
  drivers,
  GA_ISSUER,
  issue,
  OTHER_RESIDENT,
  RESIDENT,
  useLicences,
  type VerificationResult,
} from './setup.js';

const PRESENT = `mutation ($id: ID!) { presentLicence(id: $id) { ok error { code } presentation { token url expiresAt qrCodeSvg qrCodeDataUrl } } }`;
const VERIFY_PRESENTATION = `query ($token: String!) {
  verifyPresentation(token: $token) {
    status message expiresAt checks { check passed }
    licence { name holderName holderIdNumber holderDateOfBirth fields { name value } }
  }
}`;

describe.each(drivers)('QR presentations (%s)', (driver) => {
  const fx = useLicences(driver, { shellUrl: 'https://bianmin.example' });

  it('gives the holder a 5-minute link and QR code; verifying it shows the licence with the ID number masked', async () => {
    const licence = await issue(fx, GA_ISSUER, {
      typeCode: 'RESIDENT_ID_CARD',
      holderPersonId: RESIDENT.personId!,
      fields: [{ name: 'address', value: '云湖市湖滨区解放路街道柳营社区柳营巷3幢201室' }],
    });
    const shown = await data<{
      presentLicence: {
        ok: boolean;
        presentation: {
          token: string;
          url: string;
          expiresAt: string;
          qrCodeSvg: string;
          qrCodeDataUrl: string;
        };
      };
    }>(fx, PRESENT, { id: licence.id }, RESIDENT);
    const p = shown.presentLicence.presentation;
    expect(p.url).toBe(`https://bianmin.example/verify?p=${p.token}`);
    expect(p.token).toMatch(/^[A-Za-z0-9_-]{50}$/);
    expect(Date.parse(p.expiresAt) - fx.clock.now()).toBe(300_000);
    expect(p.qrCodeSvg).toContain('<svg');
    expect(p.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);

    const verify = async (token: string) =>
      (
        await data<{
          verifyPresentation: VerificationResult & { licence: { holderDateOfBirth: string | null } | null };
        }>(fx, VERIFY_PRESENTATION, { token })
      ).verifyPresentation;
    const valid = await verify(p.token);
    expect(valid.status).toBe('VALID');
    expect(valid.expiresAt).toBe(p.expiresAt);
    expect(valid.checks[0]).toEqual({ check: 'PRESENTATION', passed: true });
    expect(valid.licence).toMatchObject({
      name: '居民身份证',
      holderName: '张小民',
      holderIdNumber: '339***********1236',
      holderDateOfBirth: null,
      fields: [{ name: 'address', value: '云湖市湖滨区解放路街道****' }],
    });

    // A screenshot stops working after five minutes.
    fx.clock.advance(300_000);
    const expired = await verify(p.token);
    expect(expired.status).toBe('EXPIRED_PRESENTATION');
    expect(expired.message).toContain('重新出示');
    expect(expired.licence).toBeNull();

    // A token changed anywhere is not ours.
    const forged = `${p.token.slice(0, 10)}${p.token[10] === 'A' ? 'B' : 'A'}${p.token.slice(11)}`;
    expect((await verify(forged)).status).toBe('TAMPERED');
    expect((await verify('hello')).status).toBe('TAMPERED');
  });

  it('refuses to present someone else’s licence', async () => {
    const licence = await issue(fx, GA_ISSUER, { typeCode: 'PASSPORT', holderPersonId: RESIDENT.personId! });
    const r = await data<{ presentLicence: { ok: boolean; error: { code: string } } }>(
      fx,
      PRESENT,
      { id: licence.id },
      OTHER_RESIDENT,
    );
    expect(r.presentLicence).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
