import { Migration } from '@mikro-orm/migrations';

export class Migration20261129020032_search_indexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index \`search_term_covering_index\` on \`search_term\` (\`term\`, \`item_id\`, \`weight\`);`);

    this.addSql(`create index \`service_item_name_id_index\` on \`service_item\` (\`name\`, \`id\`);`);
  }

}
