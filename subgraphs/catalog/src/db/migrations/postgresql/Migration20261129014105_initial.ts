import { Migration } from '@mikro-orm/migrations';

export class Migration20261129014105_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "catalog";`);
    this.addSql(`create table "catalog"."department" ("code" varchar(16) not null, "name" varchar(100) not null, "name_en" varchar(200) not null, "description" text not null, "phone" varchar(32) not null, constraint "department_pkey" primary key ("code"));`);

    this.addSql(`create table "catalog"."life_event" ("code" varchar(32) not null, "name" varchar(50) not null, "name_en" varchar(100) not null, "audience" varchar(16) not null, "description" text not null, "display_order" int not null, constraint "life_event_pkey" primary key ("code"));`);

    this.addSql(`create table "catalog"."region" ("code" varchar(20) not null, "name" varchar(50) not null, "level" varchar(10) not null, "parent_code" varchar(20) null, "latitude" double precision not null, "longitude" double precision not null, constraint "region_pkey" primary key ("code"));`);
    this.addSql(`create index "region_parent_code_index" on "catalog"."region" ("parent_code");`);

    this.addSql(`create table "catalog"."search_term" ("term" varchar(64) not null, "item_id" varchar(36) not null, "weight" double precision not null, constraint "search_term_pkey" primary key ("term", "item_id"));`);
    this.addSql(`create index "search_term_item_id_index" on "catalog"."search_term" ("item_id");`);

    this.addSql(`create table "catalog"."service_item" ("id" varchar(36) not null, "code" varchar(32) not null, "name" varchar(200) not null, "name_en" varchar(300) not null, "department_code" varchar(16) not null, "category" varchar(32) not null, "kind" varchar(32) not null, "keywords" jsonb not null, "summary" text not null, "eligibility" text not null, "materials" jsonb not null, "legal_days" int not null, "promised_days" int not null, "fee" jsonb not null, "channels" jsonb not null, "channel_tags" varchar(64) not null, "visits" int not null, "instant_approval" boolean not null, "handled_at" jsonb not null, "legal_basis" jsonb not null, "faq" jsonb not null, "version" int not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "service_item_pkey" primary key ("id"));`);
    this.addSql(`alter table "catalog"."service_item" add constraint "service_item_code_unique" unique ("code");`);
    this.addSql(`create index "service_item_department_code_index" on "catalog"."service_item" ("department_code");`);
    this.addSql(`create index "service_item_category_index" on "catalog"."service_item" ("category");`);

    this.addSql(`create table "catalog"."service_item_life_event" ("item_id" varchar(36) not null, "life_event_code" varchar(32) not null, constraint "service_item_life_event_pkey" primary key ("item_id", "life_event_code"));`);
    this.addSql(`create index "service_item_life_event_life_event_code_index" on "catalog"."service_item_life_event" ("life_event_code");`);

    this.addSql(`create table "catalog"."service_item_version" ("item_id" varchar(36) not null, "version" int not null, "snapshot" jsonb not null, "replaced_at" timestamptz not null, constraint "service_item_version_pkey" primary key ("item_id", "version"));`);

    this.addSql(`create table "catalog"."service_point" ("id" varchar(36) not null, "code" varchar(32) not null, "name" varchar(200) not null, "type" varchar(32) not null, "address" varchar(300) not null, "city_code" varchar(20) not null, "district_code" varchar(20) not null, "street_code" varchar(20) not null, "community_code" varchar(20) null, "latitude" double precision not null, "longitude" double precision not null, "phone" varchar(32) not null, "opening_hours" jsonb not null, "opening_note" text not null, "accessibility" jsonb not null, "department_codes" jsonb not null, constraint "service_point_pkey" primary key ("id"));`);
    this.addSql(`alter table "catalog"."service_point" add constraint "service_point_code_unique" unique ("code");`);
    this.addSql(`create index "service_point_type_index" on "catalog"."service_point" ("type");`);
    this.addSql(`create index "service_point_district_code_index" on "catalog"."service_point" ("district_code");`);
    this.addSql(`create index "service_point_latitude_index" on "catalog"."service_point" ("latitude");`);

    this.addSql(`create table "catalog"."service_point_item" ("point_id" varchar(36) not null, "item_id" varchar(36) not null, constraint "service_point_item_pkey" primary key ("point_id", "item_id"));`);
    this.addSql(`create index "service_point_item_item_id_index" on "catalog"."service_point_item" ("item_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "catalog"."department" cascade;`);

    this.addSql(`drop table if exists "catalog"."life_event" cascade;`);

    this.addSql(`drop table if exists "catalog"."region" cascade;`);

    this.addSql(`drop table if exists "catalog"."search_term" cascade;`);

    this.addSql(`drop table if exists "catalog"."service_item" cascade;`);

    this.addSql(`drop table if exists "catalog"."service_item_life_event" cascade;`);

    this.addSql(`drop table if exists "catalog"."service_item_version" cascade;`);

    this.addSql(`drop table if exists "catalog"."service_point" cascade;`);

    this.addSql(`drop table if exists "catalog"."service_point_item" cascade;`);

    this.addSql(`drop schema if exists "catalog";`);
  }

}
