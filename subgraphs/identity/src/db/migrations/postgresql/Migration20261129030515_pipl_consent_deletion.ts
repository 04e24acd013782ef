import { Migration } from '@mikro-orm/migrations';

/**
 * PIPL: consent records (one row per grant, withdrawal stamps the row), deletion requests (one
 * open per person through the unique `open_person_id`), and `person.anonymised_at`. Consent rows
 * are evidence of what a person agreed to: triggers refuse DELETE and TRUNCATE on them.
 */
export class Migration20261129030515_pipl_consent_deletion extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "identity"."consent_record" ("id" varchar(36) not null, "account_id" varchar(36) not null, "person_id" varchar(36) not null, "purpose" varchar(32) not null, "policy_version" varchar(32) not null, "granted_at" timestamptz not null, "request_id" varchar(64) not null, "withdrawn_at" timestamptz null, "end_reason" varchar(16) null, "withdraw_request_id" varchar(64) null, constraint "consent_record_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "consent_record_account_id_index" on "identity"."consent_record" ("account_id");`,
    );
    this.addSql(
      `create index "consent_record_person_id_purpose_index" on "identity"."consent_record" ("person_id", "purpose");`,
    );

    this.addSql(
      `create table "identity"."deletion_request" ("id" varchar(36) not null, "person_id" varchar(36) not null, "account_id" varchar(36) not null, "open_person_id" varchar(36) null, "status" varchar(16) not null, "reason" varchar(500) null, "requested_at" timestamptz not null, "request_id" varchar(64) not null, "decided_at" timestamptz null, "decided_by" varchar(36) null, "decision_note" varchar(500) null, "version" int not null, constraint "deletion_request_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "deletion_request_person_id_index" on "identity"."deletion_request" ("person_id");`,
    );
    this.addSql(
      `alter table "identity"."deletion_request" add constraint "deletion_request_open_person_id_unique" unique ("open_person_id");`,
    );
    this.addSql(`create index "deletion_request_status_index" on "identity"."deletion_request" ("status");`);

    this.addSql(`alter table "identity"."person" add column "anonymised_at" timestamptz null;`);
    this.addSql(
      `create or replace function "identity"."consent_record_keep_history"() returns trigger language plpgsql as $$
       begin raise exception 'consent_record keeps its history'; end; $$;`,
    );
    this.addSql(
      `create trigger "consent_record_no_delete" before delete on "identity"."consent_record" for each row execute function "identity"."consent_record_keep_history"();`,
    );
    this.addSql(
      `create trigger "consent_record_no_truncate" before truncate on "identity"."consent_record" for each statement execute function "identity"."consent_record_keep_history"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists "identity"."consent_record_keep_history"() cascade;`);
    this.addSql(`drop table if exists "identity"."consent_record" cascade;`);

    this.addSql(`drop table if exists "identity"."deletion_request" cascade;`);

    this.addSql(`alter table "identity"."person" drop column "anonymised_at";`);
  }
}
