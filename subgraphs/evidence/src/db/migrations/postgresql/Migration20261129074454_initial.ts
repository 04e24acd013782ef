import { Migration } from '@mikro-orm/migrations';

export class Migration20261129074454_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "evidence";`);
    this.addSql(
      `create table "evidence"."lease" ("name" varchar(100) not null, "owner" varchar(100) not null, "expires_at" timestamptz not null, constraint "lease_pkey" primary key ("name"));`,
    );

    this.addSql(
      `create table "evidence"."log_entry" ("leaf_index" int not null, "entry" text not null, "leaf_hash" varchar(64) not null, "event_id" varchar(64) not null, "appended_at" timestamptz not null, constraint "log_entry_pkey" primary key ("leaf_index"));`,
    );
    this.addSql(
      `alter table "evidence"."log_entry" add constraint "log_entry_event_id_unique" unique ("event_id");`,
    );

    this.addSql(
      `create table "evidence"."log_head" ("id" int not null, "size" int not null, constraint "log_head_pkey" primary key ("id"));`,
    );
    // The head row every append locks; the log starts empty.
    this.addSql(`insert into "evidence"."log_head" ("id", "size") values (1, 0);`);

    this.addSql(
      `create table "evidence"."log_node" ("level" int not null, "node_index" int not null, "hash" varchar(64) not null, constraint "log_node_pkey" primary key ("level", "node_index"));`,
    );

    this.addSql(
      `create table "evidence"."person_secret" ("person_id" varchar(64) not null, "secret" varchar(64) not null, "created_at" timestamptz not null, constraint "person_secret_pkey" primary key ("person_id"));`,
    );

    this.addSql(
      `create table "evidence"."processed_event" ("consumer" varchar(100) not null, "event_id" varchar(36) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("consumer", "event_id"));`,
    );
    this.addSql(
      `create index "processed_event_processed_at_index" on "evidence"."processed_event" ("processed_at");`,
    );

    this.addSql(
      `create table "evidence"."checkpoint" ("tree_size" int not null, "root_hash" varchar(64) not null, "note" text not null, "key_id" varchar(8) not null, "created_at" timestamptz not null, constraint "checkpoint_pkey" primary key ("tree_size"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "evidence"."lease" cascade;`);

    this.addSql(`drop table if exists "evidence"."log_entry" cascade;`);

    this.addSql(`drop table if exists "evidence"."log_head" cascade;`);

    this.addSql(`drop table if exists "evidence"."log_node" cascade;`);

    this.addSql(`drop table if exists "evidence"."person_secret" cascade;`);

    this.addSql(`drop table if exists "evidence"."processed_event" cascade;`);

    this.addSql(`drop table if exists "evidence"."checkpoint" cascade;`);

    this.addSql(`drop schema if exists "evidence";`);
  }
}
