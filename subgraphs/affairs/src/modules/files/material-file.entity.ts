import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * 材料文件 — one uploaded file of an application's material. The bytes live in the file store
 * (a local directory by default, S3-compatible when configured) under `storageKey`; this row is
 * what the application knows about them. Removing a file from a draft stamps `removedAt`.
 */
export const MaterialFile = defineEntity({
  name: 'MaterialFile',
  tableName: 'material_file',
  indexes: [{ name: 'material_file_application_index', properties: ['applicationId', 'materialId'] }],
  properties: {
    id: p.string().length(36).primary(),
    applicationId: p.string().length(36),
    materialId: p.string().length(8),
    fileName: p.string().length(200),
    contentType: p.string().length(40),
    size: p.integer(),
    /** SHA-256 of the bytes, hex: integrity, and what a virus scanner's verdict refers to. */
    sha256: p.string().length(64),
    storageKey: p.string().length(200),
    uploadedBy: p.string().length(36),
    uploadedAt: p.datetime(),
    removedAt: p.datetime().nullable(),
  },
});
export type MaterialFile = InferEntity<typeof MaterialFile>;

/**
 * A single-use permission to PUT one file for one material, handed out by
 * `requestMaterialUpload`: the token is random and only its hash is stored.
 */
export const UploadTicket = defineEntity({
  name: 'UploadTicket',
  tableName: 'upload_ticket',
  properties: {
    id: p.string().length(36).primary(),
    tokenHash: p.string().length(64).unique(),
    applicationId: p.string().length(36),
    materialId: p.string().length(8),
    fileName: p.string().length(200),
    contentType: p.string().length(40),
    size: p.integer(),
    accountId: p.string().length(36),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
  },
});
export type UploadTicket = InferEntity<typeof UploadTicket>;
