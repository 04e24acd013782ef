import { Migration } from '@mikro-orm/migrations';

/**
 * Staff reveals with a declared purpose: who looked (roles, department, person), the purpose's
 * kind, reference and note, and the client IP. Existing rows are the person's own reveals (SELF).
 * The table becomes append-only: UPDATE, DELETE and TRUNCATE are refused by triggers.
 */
export class Migration20261129025527_staff_reveal_audit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "identity"."personal_data_access" rename column "purpose" to "purpose_kind";`);
    this.addSql(
      `alter table "identity"."personal_data_access" alter column "purpose_kind" type varchar(20) using ("purpose_kind"::varchar(20));`,
    );
    this.addSql(
      `alter table "identity"."personal_data_access" add column "accessor_roles" jsonb not null default '[]', add column "accessor_role" varchar(32) null, add column "accessor_department" varchar(16) null, add column "accessor_person_id" varchar(36) null, add column "purpose_reference" varchar(64) null, add column "purpose_note" varchar(200) null, add column "client_ip" varchar(45) null;`,
    );
    this.addSql(
      `update "identity"."personal_data_access" pda set "accessor_roles" = a."roles", "accessor_department" = a."department_code", "accessor_person_id" = a."person_id" from "identity"."account" a where a."id" = pda."accessor_account_id";`,
    );
    this.addSql(`alter table "identity"."personal_data_access" alter column "accessor_roles" drop default;`);
    this.addSql(
      `create index "personal_data_access_created_at_index" on "identity"."personal_data_access" ("created_at");`,
    );
    this.addSql(
      `create index "personal_data_access_person_id_created_at_index" on "identity"."personal_data_access" ("person_id", "created_at");`,
    );
    this.addSql(
      `create or replace function "identity"."personal_data_access_append_only"() returns trigger language plpgsql as $$
       begin raise exception 'personal_data_access is append-only'; end; $$;`,
    );
    this.addSql(
      `create trigger "personal_data_access_no_change" before update or delete on "identity"."personal_data_access" for each row execute function "identity"."personal_data_access_append_only"();`,
    );
    this.addSql(
      `create trigger "personal_data_access_no_truncate" before truncate on "identity"."personal_data_access" for each statement execute function "identity"."personal_data_access_append_only"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `drop trigger if exists "personal_data_access_no_truncate" on "identity"."personal_data_access";`,
    );
    this.addSql(
      `drop trigger if exists "personal_data_access_no_change" on "identity"."personal_data_access";`,
    );
    this.addSql(`drop function if exists "identity"."personal_data_access_append_only"();`);
    this.addSql(`drop index "identity"."personal_data_access_created_at_index";`);
    this.addSql(`drop index "identity"."personal_data_access_person_id_created_at_index";`);
    this.addSql(
      `alter table "identity"."personal_data_access" drop column "accessor_roles", drop column "accessor_role", drop column "accessor_department", drop column "accessor_person_id", drop column "purpose_reference", drop column "purpose_note", drop column "client_ip";`,
    );
    this.addSql(`alter table "identity"."personal_data_access" rename column "purpose_kind" to "purpose";`);
    this.addSql(`alter table "identity"."personal_data_access" alter column "purpose" type varchar(200);`);
  }
}
