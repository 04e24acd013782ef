import { Migration } from '@mikro-orm/migrations';

export class Migration20261129082513_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "licences";`);
    this.addSql(
      `create table "licences"."licence" ("id" varchar(36) not null, "type_code" varchar(48) not null, "name" varchar(64) not null, "number" varchar(64) not null, "holder_person_id" varchar(36) not null, "holder_name" varchar(64) not null, "holder_id_type" varchar(32) not null, "holder_id_number" varchar(32) not null, "holder_date_of_birth" varchar(10) null, "issuer_code" varchar(16) not null, "issuer_name" varchar(64) not null, "issue_date" varchar(10) not null, "valid_from" varchar(10) not null, "valid_until" varchar(10) null, "fields" jsonb not null, "status" varchar(16) not null, "status_reason" text null, "status_changed_at" timestamptz null, "credential" text not null, "revocation_list" int not null, "revocation_index" int not null, "suspension_list" int not null, "suspension_index" int not null, "source" varchar(16) not null, "source_application_id" varchar(36) null, "issued_by" varchar(64) null, "created_at" timestamptz not null, "version" int not null, constraint "licence_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "licences"."licence" add constraint "licence_source_application_id_unique" unique ("source_application_id");`,
    );
    this.addSql(
      `create index "licence_holder_index" on "licences"."licence" ("holder_person_id", "type_code");`,
    );
    this.addSql(`create index "licence_issuer_index" on "licences"."licence" ("issuer_code", "created_at");`);
    this.addSql(
      `alter table "licences"."licence" add constraint "licence_number_unique" unique ("type_code", "number");`,
    );
    this.addSql(
      `alter table "licences"."licence" add constraint "licence_revocation_entry_unique" unique ("revocation_list", "revocation_index");`,
    );
    this.addSql(
      `alter table "licences"."licence" add constraint "licence_suspension_entry_unique" unique ("suspension_list", "suspension_index");`,
    );

    this.addSql(
      `create table "licences"."licence_grant" ("id" varchar(36) not null, "licence_id" varchar(36) not null, "holder_person_id" varchar(36) not null, "grantee_kind" varchar(16) not null, "grantee_id" varchar(64) not null, "purpose" varchar(200) not null, "disclose" jsonb null, "valid_until" timestamptz not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, constraint "licence_grant_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "licence_grant_holder_index" on "licences"."licence_grant" ("holder_person_id", "created_at");`,
    );
    this.addSql(`create index "licence_grant_licence_index" on "licences"."licence_grant" ("licence_id");`);

    this.addSql(
      `create table "licences"."licence_grant_use" ("id" varchar(36) not null, "grant_id" varchar(36) not null, "at" timestamptz not null, "by_account_id" varchar(64) null, "by_client_id" varchar(64) null, "by_label" varchar(128) not null, "purpose" varchar(200) not null, "request_id" varchar(64) null, constraint "licence_grant_use_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "licence_grant_use_grant_index" on "licences"."licence_grant_use" ("grant_id", "at");`,
    );

    this.addSql(
      `create table "licences"."licence_status_change" ("id" varchar(36) not null, "licence_id" varchar(36) not null, "seq" int not null, "action" varchar(16) not null, "from_status" varchar(16) null, "to_status" varchar(16) not null, "reason" text null, "actor_account_id" varchar(64) null, "actor_kind" varchar(16) not null, "at" timestamptz not null, "request_id" varchar(64) null, constraint "licence_status_change_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "licences"."licence_status_change" add constraint "licence_status_change_seq_unique" unique ("licence_id", "seq");`,
    );

    this.addSql(
      `create table "licences"."licence_type" ("code" varchar(48) not null, "name_zh" varchar(64) not null, "name_en" varchar(128) not null, "authority_code" varchar(16) not null, "authority_name_zh" varchar(64) not null, "authority_name_en" varchar(128) not null, "metadata" jsonb not null, "fields" jsonb not null, "validity" jsonb not null, "issued_on_approval_of" jsonb not null, "approval_date_field" varchar(48) null, "sort_order" int not null, "updated_at" timestamptz not null, constraint "licence_type_pkey" primary key ("code"));`,
    );

    this.addSql(
      `create table "licences"."outbox_message" ("id" varchar(36) not null, "topic" varchar(200) not null, "key" varchar(100) not null, "payload" jsonb not null, "headers" jsonb not null, "occurred_at" timestamptz not null, "published_at" timestamptz null, "attempts" int not null, "next_attempt_at" timestamptz not null, "last_error" varchar(1000) null, "claimed_by" varchar(100) null, "claimed_until" timestamptz null, constraint "outbox_message_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "outbox_message_pending_index" on "licences"."outbox_message" ("published_at", "next_attempt_at");`,
    );

    this.addSql(
      `create table "licences"."processed_event" ("consumer" varchar(100) not null, "event_id" varchar(36) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("consumer", "event_id"));`,
    );
    this.addSql(
      `create index "processed_event_processed_at_index" on "licences"."processed_event" ("processed_at");`,
    );

    this.addSql(
      `create table "licences"."status_list" ("purpose" varchar(16) not null, "list_number" int not null, "version" int not null, "updated_at" timestamptz not null, constraint "status_list_pkey" primary key ("purpose", "list_number"));`,
    );

    this.addSql(
      `create table "licences"."status_sequence" ("name" varchar(32) not null, "next_value" int not null, constraint "status_sequence_pkey" primary key ("name"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "licences"."licence" cascade;`);

    this.addSql(`drop table if exists "licences"."licence_grant" cascade;`);

    this.addSql(`drop table if exists "licences"."licence_grant_use" cascade;`);

    this.addSql(`drop table if exists "licences"."licence_status_change" cascade;`);

    this.addSql(`drop table if exists "licences"."licence_type" cascade;`);

    this.addSql(`drop table if exists "licences"."outbox_message" cascade;`);

    this.addSql(`drop table if exists "licences"."processed_event" cascade;`);

    this.addSql(`drop table if exists "licences"."status_list" cascade;`);

    this.addSql(`drop table if exists "licences"."status_sequence" cascade;`);

    this.addSql(`drop schema if exists "licences";`);
  }
}
