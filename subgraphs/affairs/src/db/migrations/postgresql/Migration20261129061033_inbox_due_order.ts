import { Migration } from '@mikro-orm/migrations';

export class Migration20261129061033_inbox_due_order extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "application_due_order_index" on "affairs"."application" ("department_code", "due_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "affairs"."application_due_order_index";`);
  }

}
