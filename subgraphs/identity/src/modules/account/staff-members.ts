import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '@bianmin/kit';
import { table } from '../../db/sql.js';
import type { AccountState } from './account.entity.js';
import { CASE_HANDLER_ROLES, DEPARTMENT_ROLES } from './roles.js';

/**
 * A member of staff as colleagues see them: an account with a department and a department role,
 * with the name of its person. No phone, no ID number.
 */
export interface StaffMember {
  accountId: string;
  name: string;
  roles: string[];
  departmentCode: string;
  state: AccountState;
}

interface Row {
  account_id: string;
  name: string;
  roles: string[] | string;
  department_code: string | null;
  state: AccountState;
}

/** Account ids are UUIDs: anything else cannot name an account and never reaches the database. */
const ACCOUNT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isAccountId = (id: unknown): id is string => typeof id === 'string' && ACCOUNT_ID.test(id);

/** Names in pinyin order, the order a Chinese staff list is read in, the same on both drivers. */
const byName = new Intl.Collator('zh-CN');

// Account has no relation to Person (personId is a plain column), so the name comes with one
// hand-written join rather than a second query.
async function select(em: EntityManager, where: string, params: unknown[]): Promise<StaffMember[]> {
  const rows: Row[] = await em.getConnection().execute(
    `select a.id as account_id, p.name, a.roles, a.department_code, a.state
       from ${table(em, 'Account')} a join ${table(em, 'Person')} p on p.id = a.person_id
      where ${where}`,
    params,
  );
  return rows.flatMap((row) => {
    // jsonb arrives parsed from PostgreSQL, as text from SQLite.
    const roles: unknown = typeof row.roles === 'string' ? JSON.parse(row.roles) : row.roles;
    if (!row.department_code || !Array.isArray(roles)) return [];
    if (!roles.some((r) => DEPARTMENT_ROLES.includes(r))) return [];
    return [
      {
        accountId: row.account_id,
        name: row.name,
        roles: roles as string[],
        departmentCode: row.department_code,
        state: row.state,
      },
    ];
  });
}

/**
 * The staff members among `ids`, in one query (the `staffMember` loader's batch). Accounts that
 * are not staff members (no department, no department role, no person) are left out; locked and
 * disabled ones are not, so history still shows who acted.
 */
export async function staffMembersByIds(
  em: EntityManager,
  ids: readonly string[],
): Promise<Map<string, StaffMember>> {
  const wanted = [...new Set(ids.filter(isAccountId))];
  if (wanted.length === 0) return new Map();
  const members = await select(em, `a.id in (${wanted.map(() => '?').join(', ')})`, wanted);
  return new Map(members.map((m) => [m.accountId, m]));
}

/**
 * 同事 — the active department staff and supervisors of the viewer's department (the token's
 * department, as every subgraph scopes by it), the viewer included, by name then account id.
 * Roles are a JSON list on both drivers, so the role condition runs after SQL.
 */
export async function departmentColleagues(em: EntityManager, viewer: Viewer): Promise<StaffMember[]> {
  if (!viewer.department) return [];
  const members = await select(em, `a.department_code = ? and a.state = ?`, [viewer.department, 'ACTIVE']);
  return members
    .filter((m) => m.roles.some((r) => CASE_HANDLER_ROLES.includes(r)))
    .sort((a, b) => byName.compare(a.name, b.name) || (a.accountId < b.accountId ? -1 : 1));
}
