import { Migration } from '@mikro-orm/migrations';

export class Migration20261129031441_api_clients extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "identity"."api_client" ("client_id" varchar(32) not null, "name" varchar(64) not null, "owner_account_id" varchar(36) not null, "scopes" varchar(256) not null, "rate_limit_per_minute" int not null, "secret_hash" varchar(64) not null, "previous_secret_hash" varchar(64) null, "previous_secret_expires_at" timestamptz null, "revoked_at" timestamptz null, "created_at" timestamptz not null, "last_used_at" timestamptz null, "usage_count" int not null, constraint "api_client_pkey" primary key ("client_id"));`,
    );
    this.addSql(
      `create index "api_client_owner_account_id_index" on "identity"."api_client" ("owner_account_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "identity"."api_client" cascade;`);
  }
}
