import { Migration } from '@mikro-orm/migrations';

export class Migration20261129041351_initial_password_change extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`account\` add column \`password_change_required\` integer not null default false;`);
  }

}
