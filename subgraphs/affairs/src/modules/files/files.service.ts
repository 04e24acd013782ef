import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EntityManager } from '@mikro-orm/core';
import {
  ErrorCode,
  fail,
  ok,
  pick,
  sendJson,
  type Failure,
  type Locale,
  type Logger,
  type Result,
  type Viewer,
} from '@bianmin/kit';
import type { AffairsServices } from '../../services.js';
import { commitChange } from '../application/application.commit.js';
import { Application } from '../application/application.entity.js';
import { isId } from '../application/application.start.js';
import { failures } from '../application/messages.js';
import {
  checkFileName,
  isAllowedType,
  MAX_FILE_BYTES,
  MAX_FILES_PER_MATERIAL,
  sniffType,
} from './file-types.js';
import { MaterialFile, UploadTicket } from './material-file.entity.js';

const EDITABLE = ['DRAFT', 'RETURNED'];
const TICKET_MS = 10 * 60_000;
const LINK_MS = 10 * 60_000;
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

async function ownEditable(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  locale: Locale,
): Promise<Application | Failure> {
  if (!viewer.accountId || !viewer.personId) return failures.signedOutOrNotAPerson(locale);
  const app = isId(id) ? ((await em.findOne(Application, { id })) as Application | null) : null;
  if (!app) return failures.notFound(locale);
  if (app.personId !== viewer.personId) return failures.notYours(locale);
  if (!EDITABLE.includes(app.state)) {
    return fail(
      ErrorCode.CONFLICT,
      pick(locale, {
        zh: '此办件现在不能修改材料',
        en: 'The materials of this application cannot be changed now.',
      }),
      'id',
    );
  }
  return app;
}
const isFailure = (value: object): value is Failure => 'ok' in value && (value as Failure).ok === false;

/**
 * A single-use upload URL for one file of one material of the caller's editable application.
 * Type, size and name are checked here and again on upload (by content).
 */
export async function requestMaterialUpload(
  em: EntityManager,
  services: AffairsServices,
  viewer: Viewer,
  args: { id: string; materialId: string; fileName: string; contentType: string; size: number },
  locale: Locale,
): Promise<Result<{ uploadUrl: string; expiresAt: string }> | Failure> {
  const app = await ownEditable(em, viewer, args.id, locale);
  if (isFailure(app)) return app;
  const material = app.materials.find((m) => m.id === args.materialId);
  if (!material)
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, { zh: '没有这项材料', en: 'There is no such material.' }),
      'materialId',
    );
  const fileName = checkFileName(args.fileName);
  if (!fileName) {
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, { zh: '文件名须为 1–100 个字符', en: 'The file name must be 1–100 characters.' }),
      'fileName',
    );
  }
  if (!isAllowedType(args.contentType)) {
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, { zh: '只能上传 JPG、PNG 图片或 PDF 文件', en: 'Upload a JPEG or PNG image, or a PDF.' }),
      'contentType',
    );
  }
  if (!Number.isInteger(args.size) || args.size < 1 || args.size > MAX_FILE_BYTES) {
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, { zh: '文件不能超过 10 MB', en: 'A file can be at most 10 MB.' }),
      'size',
    );
  }
  if (material.fileIds.length >= MAX_FILES_PER_MATERIAL) {
    return fail(
      ErrorCode.CONFLICT,
      pick(locale, {
        zh: `每项材料最多 ${MAX_FILES_PER_MATERIAL} 个文件`,
        en: `At most ${MAX_FILES_PER_MATERIAL} files per material.`,
      }),
      'materialId',
    );
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(services.now() + TICKET_MS);
  await em.insert(UploadTicket, {
    id: randomUUID(),
    tokenHash: sha256(token),
    applicationId: app.id,
    materialId: material.id,
    fileName,
    contentType: args.contentType,
    size: args.size,
    accountId: viewer.accountId!,
    expiresAt,
    usedAt: null,
  });
  return ok({
    uploadUrl: `${services.publicUrl}/files/upload?token=${token}`,
    expiresAt: expiresAt.toISOString(),
  });
}

const problem = (res: ServerResponse, status: number, zh: string, en: string) =>
  sendJson(res, status, { error: { message: zh, messageEn: en } });

async function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    total += (chunk as Buffer).length;
    if (total > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * `PUT /files/upload?token=…`: the bytes for a ticket. The ticket is claimed first (single use,
 * conditional UPDATE), the content must be exactly the announced size and really of the
 * announced type, it passes the scanner, is stored, and is then attached to the material in a
 * transaction that retries if the application changed meanwhile (and gives up if it is no longer
 * editable, deleting the stored bytes).
 */
export function uploadRoute(orm: { em: EntityManager }, services: AffairsServices, log: Logger) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'PUT') return problem(res, 405, '请使用 PUT 上传', 'Use PUT to upload.');
    const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token') ?? '';
    const em = orm.em.fork();
    const ticket = token.length === 43 ? await em.findOne(UploadTicket, { tokenHash: sha256(token) }) : null;
    const now = services.now();
    if (!ticket || ticket.usedAt || ticket.expiresAt.getTime() <= now) {
      return problem(
        res,
        403,
        '上传链接无效或已过期，请重新选择文件',
        'This upload link is invalid or has expired. Choose the file again.',
      );
    }
    const claimed = await em.nativeUpdate(
      UploadTicket,
      { id: ticket.id, usedAt: null },
      { usedAt: new Date(now) },
    );
    if (claimed !== 1) return problem(res, 403, '上传链接已使用', 'This upload link was already used.');
    const bytes = await readLimited(req, ticket.size);
    if (!bytes || bytes.length !== ticket.size) {
      return problem(res, 400, '文件大小与申请上传时不一致', 'The file is not the size announced.');
    }
    if (sniffType(bytes) !== ticket.contentType) {
      return problem(
        res,
        415,
        '文件内容不是所声明的类型（只接受 JPG、PNG、PDF）',
        'The file is not really a JPEG, PNG or PDF as announced.',
      );
    }
    const verdict = await services.scanner(bytes, {
      contentType: ticket.contentType,
      fileName: ticket.fileName,
    });
    if (verdict !== 'CLEAN') {
      log.warn(
        { event: 'upload-refused', verdict, applicationId: ticket.applicationId },
        'upload refused by the scanner',
      );
      return problem(
        res,
        verdict === 'INFECTED' ? 422 : 503,
        '文件未通过安全检查',
        'The file did not pass the security check.',
      );
    }
    const fileId = randomUUID();
    const storageKey = `applications/${ticket.applicationId}/${fileId}`;
    await services.files.put(storageKey, bytes);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const app = (await em.fork().findOne(Application, { id: ticket.applicationId })) as Application | null;
      const material = app?.materials.find((m) => m.id === ticket.materialId);
      if (
        !app ||
        !material ||
        !EDITABLE.includes(app.state) ||
        material.fileIds.length >= MAX_FILES_PER_MATERIAL
      )
        break;
      const materials = app.materials.map((m) =>
        m.id === material.id
          ? { ...m, source: 'UPLOAD' as const, licence: null, fileIds: [...m.fileIds, fileId] }
          : m,
      );
      const at = new Date(services.now());
      const done = await em.transactional(async (tx) => {
        const attached = await commitChange(tx, app, { materials }, [], at, null);
        if (attached) {
          await tx.insert(MaterialFile, {
            id: fileId,
            applicationId: app.id,
            materialId: material.id,
            fileName: ticket.fileName,
            contentType: ticket.contentType,
            size: bytes.length,
            sha256: sha256(bytes),
            storageKey,
            uploadedBy: ticket.accountId,
            uploadedAt: at,
            removedAt: null,
          });
        }
        return attached;
      });
      if (done) return sendJson(res, 201, { fileId });
    }
    await services.files.delete(storageKey);
    return problem(
      res,
      409,
      '办件已变更，文件未保存，请刷新后重试',
      'The application changed; the file was not saved. Reload and try again.',
    );
  };
}

/** Remove an uploaded file from the caller's editable application. */
export async function removeMaterialFile(
  em: EntityManager,
  services: AffairsServices,
  viewer: Viewer,
  args: { id: string; expectedVersion: number; fileId: string },
  locale: Locale,
  requestId: string | null,
): Promise<Result<{ application: Application }> | Failure> {
  const app = await ownEditable(em, viewer, args.id, locale);
  if (isFailure(app)) return app;
  if (app.version !== args.expectedVersion) return failures.changedMeanwhile(locale);
  const file = isId(args.fileId)
    ? await em.findOne(MaterialFile, { id: args.fileId, applicationId: app.id, removedAt: null })
    : null;
  if (!file)
    return fail(
      ErrorCode.NOT_FOUND,
      pick(locale, { zh: '没有这个文件', en: 'There is no such file.' }),
      'fileId',
    );
  const materials = app.materials.map((m) => ({ ...m, fileIds: m.fileIds.filter((f) => f !== file.id) }));
  const at = new Date(services.now());
  const done = await em.transactional(async (tx) => {
    if (!(await commitChange(tx, app, { materials }, [], at, requestId))) return false;
    await tx.nativeUpdate(MaterialFile, { id: file.id }, { removedAt: at });
    return true;
  });
  if (!done) return failures.changedMeanwhile(locale);
  return ok({ application: (await em.fork().findOneOrFail(Application, { id: app.id })) as Application });
}

const linkSignature = (key: Buffer, fileId: string, expires: number) =>
  createHmac('sha256', key).update(`${fileId}.${expires}`).digest('base64url');

/**
 * A link to read one file for 10 minutes. Only handed to viewers who may see the application (the
 * resolver runs after that check); the link itself proves it, so the download needs no session.
 */
export function downloadUrlOf(services: AffairsServices, fileId: string): string {
  const expires = Math.floor((services.now() + LINK_MS) / 1000);
  return `${services.publicUrl}/files/download?f=${fileId}&e=${expires}&s=${linkSignature(services.fileLinkKey, fileId, expires)}`;
}

/** `GET /files/download?f&e&s`: the file, if the signature holds and the link has not expired. */
export function downloadRoute(orm: { em: EntityManager }, services: AffairsServices) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const fileId = params.get('f') ?? '';
    const expires = Number(params.get('e'));
    const given = Buffer.from(params.get('s') ?? '', 'utf8');
    const wanted = Buffer.from(
      isId(fileId) && Number.isInteger(expires) ? linkSignature(services.fileLinkKey, fileId, expires) : '',
      'utf8',
    );
    if (
      given.length === 0 ||
      given.length !== wanted.length ||
      !timingSafeEqual(given, wanted) ||
      expires * 1000 < services.now()
    ) {
      return problem(res, 403, '链接无效或已过期', 'This link is invalid or has expired.');
    }
    const file = await orm.em.fork().findOne(MaterialFile, { id: fileId, removedAt: null });
    const bytes = file ? await services.files.get(file.storageKey) : null;
    if (!file || !bytes) return problem(res, 404, '文件不存在', 'There is no such file.');
    res.writeHead(200, {
      'content-type': file.contentType,
      'content-length': bytes.length,
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'content-security-policy': "default-src 'none'; img-src 'self'; object-src 'self'; sandbox",
    });
    res.end(bytes);
  };
}
