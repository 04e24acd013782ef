import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export type AccountState = 'ACTIVE' | 'LOCKED' | 'DISABLED';

/** One recovery code, stored as a hash; `usedAt` is set when it is spent. */
export interface RecoveryCodeEntry {
  hash: string;
  usedAt: string | null;
}

/**
 * 账号 — how someone signs in. Sign-in is by phone or username; the password is an argon2id hash;
 * the TOTP secret is sealed (AES-256-GCM) and never leaves this service after enrolment.
 * `version` guards every read-modify-write (password change, TOTP, recovery codes).
 */
export const Account = defineEntity({
  name: 'Account',
  tableName: 'account',
  properties: {
    id: p.string().length(36).primary(),
    /** Lower case; optional. */
    username: p.string().length(32).nullable().unique(),
    phone: p.string().length(20).unique(),
    passwordHash: p.string().length(255),
    state: p.string().length(16).$type<AccountState>(),
    roles: p.json<string[]>(),
    /** Department (organization code) of staff accounts. */
    departmentCode: p.string().length(16).nullable().index(),
    personId: p.string().length(36).nullable().unique(),
    totpSecret: p.text().nullable(),
    totpEnabled: p.boolean(),
    /** The last TOTP time step accepted: a code is never accepted twice. */
    totpLastStep: p.integer().nullable(),
    /** Enrolment in progress: the secret and codes wait for `confirmTotp`. */
    totpPendingSecret: p.text().nullable(),
    pendingRecoveryCodes: p.json<RecoveryCodeEntry[]>().nullable(),
    recoveryCodes: p.json<RecoveryCodeEntry[]>(),
    createdAt: p.datetime(),
    passwordChangedAt: p.datetime(),
    /** Set when an administrator created the account with an initial password; cleared by `changePassword`. */
    passwordChangeRequired: p.boolean().default(false),
    version: p.integer(),
  },
});
export type Account = InferEntity<typeof Account>;
