import { Migration } from '@mikro-orm/migrations';

export class Migration20261129072108_step_assignee extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`application_event\` add column \`assignee_account_id\` text null;`);
  }

}
