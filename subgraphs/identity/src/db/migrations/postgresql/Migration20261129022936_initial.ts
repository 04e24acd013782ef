import { Migration } from '@mikro-orm/migrations';

export class Migration20261129022936_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "identity";`);
    this.addSql(
      `create table "identity"."account" ("id" varchar(36) not null, "username" varchar(32) null, "phone" varchar(20) not null, "password_hash" varchar(255) not null, "state" varchar(16) not null, "roles" jsonb not null, "department_code" varchar(16) null, "person_id" varchar(36) null, "totp_secret" text null, "totp_enabled" boolean not null, "totp_last_step" int null, "totp_pending_secret" text null, "pending_recovery_codes" jsonb null, "recovery_codes" jsonb not null, "created_at" timestamptz not null, "password_changed_at" timestamptz not null, "version" int not null, constraint "account_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "identity"."account" add constraint "account_username_unique" unique ("username");`,
    );
    this.addSql(`alter table "identity"."account" add constraint "account_phone_unique" unique ("phone");`);
    this.addSql(`create index "account_department_code_index" on "identity"."account" ("department_code");`);
    this.addSql(
      `alter table "identity"."account" add constraint "account_person_id_unique" unique ("person_id");`,
    );

    this.addSql(
      `create table "identity"."account_session" ("id" varchar(36) not null, "account_id" varchar(36) not null, "kind" varchar(16) not null, "mfa" boolean not null, "created_at" timestamptz not null, "last_used_at" timestamptz not null, "expires_at" timestamptz not null, "idle_expires_at" timestamptz not null, "revoked_at" timestamptz null, "revoke_reason" varchar(40) null, "user_agent" varchar(256) null, "ip_address" varchar(64) null, constraint "account_session_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "account_session_account_id_index" on "identity"."account_session" ("account_id");`,
    );

    this.addSql(
      `create table "identity"."organization" ("code" varchar(16) not null, "name" varchar(100) not null, "name_en" varchar(200) not null, "kind" varchar(20) not null, "region_code" varchar(20) not null, constraint "organization_pkey" primary key ("code"));`,
    );
    this.addSql(`create index "organization_kind_index" on "identity"."organization" ("kind");`);
    this.addSql(
      `create index "organization_region_code_index" on "identity"."organization" ("region_code");`,
    );

    this.addSql(
      `create table "identity"."person" ("id" varchar(36) not null, "name" varchar(100) not null, "id_type" varchar(32) not null, "id_number" varchar(32) not null, "phone" varchar(20) null, "address" varchar(200) null, "date_of_birth" varchar(10) null, "community_code" varchar(20) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "person_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "person_community_code_index" on "identity"."person" ("community_code");`);
    this.addSql(
      `alter table "identity"."person" add constraint "person_id_type_id_number_unique" unique ("id_type", "id_number");`,
    );

    this.addSql(
      `create table "identity"."personal_data_access" ("id" varchar(36) not null, "person_id" varchar(36) not null, "accessor_account_id" varchar(36) not null, "field" varchar(16) not null, "purpose" varchar(200) not null, "request_id" varchar(64) not null, "created_at" timestamptz not null, constraint "personal_data_access_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "personal_data_access_person_id_index" on "identity"."personal_data_access" ("person_id");`,
    );
    this.addSql(
      `create index "personal_data_access_accessor_account_id_index" on "identity"."personal_data_access" ("accessor_account_id");`,
    );

    this.addSql(
      `create table "identity"."refresh_token" ("id" varchar(36) not null, "session_id" varchar(36) not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "replaced_by" varchar(36) null, constraint "refresh_token_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "refresh_token_session_id_index" on "identity"."refresh_token" ("session_id");`,
    );
    this.addSql(
      `alter table "identity"."refresh_token" add constraint "refresh_token_token_hash_unique" unique ("token_hash");`,
    );

    this.addSql(
      `create table "identity"."sign_in_challenge" ("id" varchar(36) not null, "token_hash" varchar(64) not null, "account_id" varchar(36) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "failed_attempts" int not null, "user_agent" varchar(256) null, "ip_address" varchar(64) null, constraint "sign_in_challenge_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "identity"."sign_in_challenge" add constraint "sign_in_challenge_token_hash_unique" unique ("token_hash");`,
    );
    this.addSql(
      `create index "sign_in_challenge_account_id_index" on "identity"."sign_in_challenge" ("account_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "identity"."account" cascade;`);

    this.addSql(`drop table if exists "identity"."account_session" cascade;`);

    this.addSql(`drop table if exists "identity"."organization" cascade;`);

    this.addSql(`drop table if exists "identity"."person" cascade;`);

    this.addSql(`drop table if exists "identity"."personal_data_access" cascade;`);

    this.addSql(`drop table if exists "identity"."refresh_token" cascade;`);

    this.addSql(`drop table if exists "identity"."sign_in_challenge" cascade;`);

    this.addSql(`drop schema if exists "identity";`);
  }
}
