import { Migration } from '@mikro-orm/migrations';

export class Migration20261129041351_initial_password_change extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "identity"."account" add column "password_change_required" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "identity"."account" drop column "password_change_required";`);
  }

}
