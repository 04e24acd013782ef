import { Migration } from '@mikro-orm/migrations';

/**
 * Staff reveals with a declared purpose: who looked (roles, department, person), the purpose's
 * kind, reference and note, and the client IP. Existing rows are the person's own reveals (SELF).
 * SQLite cannot add a NOT NULL column without a default, so the table is rebuilt (as MikroORM's
 * generator would) and filled from the old one. The table becomes append-only: UPDATE and DELETE
 * are refused by triggers — a later migration that rebuilds the table must create them again.
 */
export class Migration20261129025526_staff_reveal_audit extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`personal_data_access__new\` (\`id\` text not null, \`person_id\` text not null, \`accessor_account_id\` text not null, \`accessor_roles\` json not null, \`accessor_role\` text null, \`accessor_department\` text null, \`accessor_person_id\` text null, \`field\` text not null, \`purpose_kind\` text not null, \`purpose_reference\` text null, \`purpose_note\` text null, \`request_id\` text not null, \`client_ip\` text null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`personal_data_access__new\` select p.\`id\`, p.\`person_id\`, p.\`accessor_account_id\`,
        coalesce(a.\`roles\`, '[]'), null, a.\`department_code\`, a.\`person_id\`, p.\`field\`, p.\`purpose\`,
        null, null, p.\`request_id\`, null, p.\`created_at\`
       from \`personal_data_access\` p left join \`account\` a on a.\`id\` = p.\`accessor_account_id\`;`,
    );
    this.addSql(`drop table \`personal_data_access\`;`);
    this.addSql(`alter table \`personal_data_access__new\` rename to \`personal_data_access\`;`);
    this.addSql(
      `create index \`personal_data_access_person_id_index\` on \`personal_data_access\` (\`person_id\`);`,
    );
    this.addSql(
      `create index \`personal_data_access_accessor_account_id_index\` on \`personal_data_access\` (\`accessor_account_id\`);`,
    );
    this.addSql(
      `create index \`personal_data_access_created_at_index\` on \`personal_data_access\` (\`created_at\`);`,
    );
    this.addSql(
      `create index \`personal_data_access_person_id_created_at_index\` on \`personal_data_access\` (\`person_id\`, \`created_at\`);`,
    );
    this.addSql(
      `create trigger \`personal_data_access_no_update\` before update on \`personal_data_access\`
       begin select raise(abort, 'personal_data_access is append-only'); end;`,
    );
    this.addSql(
      `create trigger \`personal_data_access_no_delete\` before delete on \`personal_data_access\`
       begin select raise(abort, 'personal_data_access is append-only'); end;`,
    );
  }
}
