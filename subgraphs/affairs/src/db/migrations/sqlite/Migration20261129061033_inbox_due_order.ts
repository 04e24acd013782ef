import { Migration } from '@mikro-orm/migrations';

export class Migration20261129061033_inbox_due_order extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index \`application_due_order_index\` on \`application\` (\`department_code\`, \`due_at\`, \`id\`);`);
  }

}
