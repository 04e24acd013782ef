import { Migration } from '@mikro-orm/migrations';

export class Migration20261129043239_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "affairs";`);
    this.addSql(
      `create table "affairs"."application" ("id" varchar(36) not null, "reference" varchar(24) not null, "person_id" varchar(36) not null, "account_id" varchar(36) not null, "item_id" varchar(36) not null, "item_code" varchar(16) not null, "department_code" varchar(16) not null, "terms" jsonb not null, "workflow_definition_id" varchar(36) not null, "state" varchar(24) not null, "previous_state" varchar(24) null, "form_answers" jsonb not null, "materials" jsonb not null, "suspensions" jsonb not null, "extension" jsonb null, "rule_evaluation" jsonb null, "assignee_account_id" varchar(36) null, "submitted_at" timestamptz null, "accepted_at" timestamptz null, "decided_at" timestamptz null, "finished_at" timestamptz null, "due_at" timestamptz null, "escalated_at" timestamptz null, "rating_invited_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null, constraint "application_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "affairs"."application" add constraint "application_reference_unique" unique ("reference");`,
    );
    this.addSql(
      `create index "application_assignee_account_id_index" on "affairs"."application" ("assignee_account_id");`,
    );
    this.addSql(
      `create index "application_inbox_index" on "affairs"."application" ("department_code", "state", "due_at");`,
    );
    this.addSql(
      `create index "application_applicant_index" on "affairs"."application" ("person_id", "created_at");`,
    );
    this.addSql(
      `create index "application_open_item_index" on "affairs"."application" ("person_id", "item_id", "state");`,
    );

    this.addSql(
      `create table "affairs"."application_event" ("id" varchar(36) not null, "application_id" varchar(36) not null, "seq" int not null, "action" varchar(32) not null, "from_state" varchar(24) null, "to_state" varchar(24) not null, "actor_account_id" varchar(36) null, "actor_kind" varchar(16) not null, "comment" text null, "material_reasons" jsonb null, "workflow_definition_id" varchar(36) not null, "workflow_version" int not null, "at" timestamptz not null, "request_id" varchar(64) null, constraint "application_event_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "application_event_order_index" on "affairs"."application_event" ("application_id", "seq");`,
    );
    this.addSql(
      `alter table "affairs"."application_event" add constraint "application_event_seq_unique" unique ("application_id", "seq");`,
    );

    this.addSql(
      `create table "affairs"."calendar_day" ("date" varchar(10) not null, "kind" varchar(8) not null, "name_zh" varchar(20) not null, "name_en" varchar(40) not null, "note" varchar(200) null, "updated_by" varchar(64) null, "updated_at" timestamptz not null, "version" int not null, constraint "calendar_day_pkey" primary key ("date"));`,
    );

    this.addSql(
      `create table "affairs"."calendar_seed_date" ("date" varchar(10) not null, "seeded_at" timestamptz not null, constraint "calendar_seed_date_pkey" primary key ("date"));`,
    );

    this.addSql(
      `create table "affairs"."item_workflow" ("item_code" varchar(16) not null, "workflow_code" varchar(40) not null, "updated_at" timestamptz not null, constraint "item_workflow_pkey" primary key ("item_code"));`,
    );

    this.addSql(
      `create table "affairs"."lease" ("name" varchar(100) not null, "owner" varchar(100) not null, "expires_at" timestamptz not null, constraint "lease_pkey" primary key ("name"));`,
    );

    this.addSql(
      `create table "affairs"."material_file" ("id" varchar(36) not null, "application_id" varchar(36) not null, "material_id" varchar(8) not null, "file_name" varchar(200) not null, "content_type" varchar(40) not null, "size" int not null, "sha256" varchar(64) not null, "storage_key" varchar(200) not null, "uploaded_by" varchar(36) not null, "uploaded_at" timestamptz not null, "removed_at" timestamptz null, constraint "material_file_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "material_file_application_index" on "affairs"."material_file" ("application_id", "material_id");`,
    );

    this.addSql(
      `create table "affairs"."notification" ("id" varchar(36) not null, "person_id" varchar(36) not null, "kind" varchar(32) not null, "title" jsonb not null, "body" jsonb not null, "application_id" varchar(36) null, "created_at" timestamptz not null, "read_at" timestamptz null, constraint "notification_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "notification_person_index" on "affairs"."notification" ("person_id", "created_at");`,
    );

    this.addSql(
      `create table "affairs"."outbox_message" ("id" varchar(36) not null, "topic" varchar(200) not null, "key" varchar(100) not null, "payload" jsonb not null, "headers" jsonb not null, "occurred_at" timestamptz not null, "published_at" timestamptz null, "attempts" int not null, "next_attempt_at" timestamptz not null, "last_error" varchar(1000) null, "claimed_by" varchar(100) null, "claimed_until" timestamptz null, constraint "outbox_message_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "outbox_message_pending_index" on "affairs"."outbox_message" ("published_at", "next_attempt_at");`,
    );

    this.addSql(
      `create table "affairs"."processed_event" ("consumer" varchar(100) not null, "event_id" varchar(36) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("consumer", "event_id"));`,
    );
    this.addSql(
      `create index "processed_event_processed_at_index" on "affairs"."processed_event" ("processed_at");`,
    );

    this.addSql(
      `create table "affairs"."rating" ("id" varchar(36) not null, "application_id" varchar(36) not null, "person_id" varchar(36) not null, "department_code" varchar(16) not null, "item_code" varchar(16) not null, "score" int not null, "satisfaction" int not null, "efficiency" int not null, "guide_accuracy" int not null, "convenience" int not null, "comment" text null, "rated_at" timestamptz not null, constraint "rating_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "affairs"."rating" add constraint "rating_application_id_unique" unique ("application_id");`,
    );
    this.addSql(
      `create index "rating_department_index" on "affairs"."rating" ("department_code", "rated_at");`,
    );

    this.addSql(
      `create table "affairs"."rectification_task" ("id" varchar(36) not null, "rating_id" varchar(36) not null, "application_id" varchar(36) not null, "department_code" varchar(16) not null, "status" varchar(8) not null, "opened_at" timestamptz not null, "response" text null, "responded_by" varchar(36) null, "closed_at" timestamptz null, constraint "rectification_task_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "affairs"."rectification_task" add constraint "rectification_task_rating_id_unique" unique ("rating_id");`,
    );
    this.addSql(
      `create index "rectification_department_index" on "affairs"."rectification_task" ("department_code", "status", "opened_at");`,
    );

    this.addSql(
      `create table "affairs"."rule_set" ("id" varchar(36) not null, "item_code" varchar(16) not null, "version" int not null, "rules" jsonb not null, "note" varchar(500) not null, "created_by" varchar(64) not null, "created_at" timestamptz not null, constraint "rule_set_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "affairs"."rule_set" add constraint "rule_set_item_version_unique" unique ("item_code", "version");`,
    );

    this.addSql(
      `create table "affairs"."upload_ticket" ("id" varchar(36) not null, "token_hash" varchar(64) not null, "application_id" varchar(36) not null, "material_id" varchar(8) not null, "file_name" varchar(200) not null, "content_type" varchar(40) not null, "size" int not null, "account_id" varchar(36) not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "upload_ticket_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "affairs"."upload_ticket" add constraint "upload_ticket_token_hash_unique" unique ("token_hash");`,
    );

    this.addSql(
      `create table "affairs"."workflow_definition" ("id" varchar(36) not null, "code" varchar(40) not null, "version" int not null, "spec" json not null, "created_at" timestamptz not null, constraint "workflow_definition_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "affairs"."workflow_definition" add constraint "workflow_definition_code_version_unique" unique ("code", "version");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affairs"."application" cascade;`);

    this.addSql(`drop table if exists "affairs"."application_event" cascade;`);

    this.addSql(`drop table if exists "affairs"."calendar_day" cascade;`);

    this.addSql(`drop table if exists "affairs"."calendar_seed_date" cascade;`);

    this.addSql(`drop table if exists "affairs"."item_workflow" cascade;`);

    this.addSql(`drop table if exists "affairs"."lease" cascade;`);

    this.addSql(`drop table if exists "affairs"."material_file" cascade;`);

    this.addSql(`drop table if exists "affairs"."notification" cascade;`);

    this.addSql(`drop table if exists "affairs"."outbox_message" cascade;`);

    this.addSql(`drop table if exists "affairs"."processed_event" cascade;`);

    this.addSql(`drop table if exists "affairs"."rating" cascade;`);

    this.addSql(`drop table if exists "affairs"."rectification_task" cascade;`);

    this.addSql(`drop table if exists "affairs"."rule_set" cascade;`);

    this.addSql(`drop table if exists "affairs"."upload_ticket" cascade;`);

    this.addSql(`drop table if exists "affairs"."workflow_definition" cascade;`);

    this.addSql(`drop schema if exists "affairs";`);
  }
}
