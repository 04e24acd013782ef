import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import QRCode from 'qrcode';
import { fail, ok, pick, type Locale, type Viewer } from '@bianmin/kit';
import { Licence } from '../licence/licence.entity.js';
import type { LicencesServices } from '../../services.js';

/**
 * 亮证 — a short-lived presentation of one licence: a token that names the licence and its expiry,
 * MACed with a key every replica shares. Binary and truncated so the QR code stays small:
 * version (1) ‖ licence id (16) ‖ expiry in Unix seconds (4) ‖ HMAC-SHA256 over those, first 16
 * bytes → 50 base64url characters. A screenshot stops working when the token expires.
 */
const VERSION = 1;
const BODY_BYTES = 21;
const MAC_BYTES = 16;

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidText = (bytes: Buffer) =>
  bytes.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
const macOf = (key: Buffer, body: Buffer) =>
  createHmac('sha256', key).update(body).digest().subarray(0, MAC_BYTES);

export function signPresentationToken(key: Buffer, licenceId: string, expiresAtMs: number): string {
  const body = Buffer.alloc(BODY_BYTES);
  body[0] = VERSION;
  uuidBytes(licenceId).copy(body, 1);
  body.writeUInt32BE(Math.floor(expiresAtMs / 1000), 17);
  return Buffer.concat([body, macOf(key, body)]).toString('base64url');
}

export type TokenCheck =
  | { ok: true; licenceId: string; expiresAt: number }
  | { ok: false; problem: 'MALFORMED' | 'BAD_MAC' | 'EXPIRED'; expiresAt?: number };

export function checkPresentationToken(key: Buffer, token: string, now: number): TokenCheck {
  if (!/^[A-Za-z0-9_-]{50}$/.test(token)) return { ok: false, problem: 'MALFORMED' };
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== BODY_BYTES + MAC_BYTES || bytes[0] !== VERSION)
    return { ok: false, problem: 'MALFORMED' };
  const body = bytes.subarray(0, BODY_BYTES);
  if (!timingSafeEqual(macOf(key, body), bytes.subarray(BODY_BYTES)))
    return { ok: false, problem: 'BAD_MAC' };
  const expiresAt = body.readUInt32BE(17) * 1000;
  if (now >= expiresAt) return { ok: false, problem: 'EXPIRED', expiresAt };
  return { ok: true, licenceId: uuidText(body.subarray(1, 17)), expiresAt };
}

/** `presentLicence`: the holder only; a fresh token, its verification link and a QR code of the link. */
export async function presentLicence(
  em: EntityManager,
  services: LicencesServices,
  viewer: Viewer,
  id: string,
  locale: Locale,
) {
  const licence = /^[0-9a-f-]{36}$/i.test(id) ? await em.findOne(Licence, { id }) : null;
  if (!licence || !viewer.personId || licence.holderPersonId !== viewer.personId)
    return fail('NOT_FOUND', pick(locale, { zh: '没有这张证照', en: 'There is no such licence.' }), 'id');
  const expiresAt = services.now() + services.presentationTtlSeconds * 1000;
  const token = signPresentationToken(services.presentationKey, licence.id, expiresAt);
  const url = `${services.shellUrl}/verify?p=${token}`;
  const qrCodeSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return ok({
    presentation: {
      token,
      url,
      expiresAt: new Date(expiresAt).toISOString(),
      qrCodeSvg,
      qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(qrCodeSvg, 'utf8').toString('base64')}`,
    },
  });
}
