import { Migration } from '@mikro-orm/migrations';

export class Migration20261129043403_case_files extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "identity"."case_file" ("application_id" varchar(36) not null, "reference" varchar(64) not null, "person_id" varchar(36) not null, "department_code" varchar(16) not null, "state" varchar(24) not null, "open" boolean not null, "last_seq" int not null, "updated_at" timestamptz not null, constraint "case_file_pkey" primary key ("application_id"));`);
    this.addSql(`alter table "identity"."case_file" add constraint "case_file_reference_unique" unique ("reference");`);

    this.addSql(`create table "identity"."outbox_message" ("id" varchar(36) not null, "topic" varchar(200) not null, "key" varchar(100) not null, "payload" jsonb not null, "headers" jsonb not null, "occurred_at" timestamptz not null, "published_at" timestamptz null, "attempts" int not null, "next_attempt_at" timestamptz not null, "last_error" varchar(1000) null, "claimed_by" varchar(100) null, "claimed_until" timestamptz null, constraint "outbox_message_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_message_pending_index" on "identity"."outbox_message" ("published_at", "next_attempt_at");`);

    this.addSql(`create table "identity"."processed_event" ("consumer" varchar(100) not null, "event_id" varchar(36) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("consumer", "event_id"));`);
    this.addSql(`create index "processed_event_processed_at_index" on "identity"."processed_event" ("processed_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "identity"."case_file" cascade;`);

    this.addSql(`drop table if exists "identity"."outbox_message" cascade;`);

    this.addSql(`drop table if exists "identity"."processed_event" cascade;`);
  }

}
