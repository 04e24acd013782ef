import { Migration } from '@mikro-orm/migrations';

/**
 * PIPL: consent records (one row per grant, withdrawal stamps the row), deletion requests (one
 * open per person through the unique `open_person_id`), and `person.anonymised_at`. Consent rows
 * are evidence of what a person agreed to: a trigger refuses DELETE on them.
 */
export class Migration20261129030514_pipl_consent_deletion extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`consent_record\` (\`id\` text not null, \`account_id\` text not null, \`person_id\` text not null, \`purpose\` text not null, \`policy_version\` text not null, \`granted_at\` datetime not null, \`request_id\` text not null, \`withdrawn_at\` datetime null, \`end_reason\` text null, \`withdraw_request_id\` text null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`consent_record_account_id_index\` on \`consent_record\` (\`account_id\`);`);
    this.addSql(
      `create index \`consent_record_person_id_purpose_index\` on \`consent_record\` (\`person_id\`, \`purpose\`);`,
    );

    this.addSql(
      `create table \`deletion_request\` (\`id\` text not null, \`person_id\` text not null, \`account_id\` text not null, \`open_person_id\` text null, \`status\` text not null, \`reason\` text null, \`requested_at\` datetime not null, \`request_id\` text not null, \`decided_at\` datetime null, \`decided_by\` text null, \`decision_note\` text null, \`version\` integer not null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`deletion_request_person_id_index\` on \`deletion_request\` (\`person_id\`);`);
    this.addSql(
      `create unique index \`deletion_request_open_person_id_unique\` on \`deletion_request\` (\`open_person_id\`);`,
    );
    this.addSql(`create index \`deletion_request_status_index\` on \`deletion_request\` (\`status\`);`);

    this.addSql(`alter table \`person\` add column \`anonymised_at\` datetime null;`);
    this.addSql(
      `create trigger \`consent_record_no_delete\` before delete on \`consent_record\`
       begin select raise(abort, 'consent_record keeps its history'); end;`,
    );
  }
}
