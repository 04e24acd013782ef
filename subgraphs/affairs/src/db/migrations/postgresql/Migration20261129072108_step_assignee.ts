import { Migration } from '@mikro-orm/migrations';

export class Migration20261129072108_step_assignee extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "affairs"."application_event" add column "assignee_account_id" varchar(36) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "affairs"."application_event" drop column "assignee_account_id";`);
  }

}
