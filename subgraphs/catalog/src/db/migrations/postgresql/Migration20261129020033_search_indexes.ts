import { Migration } from '@mikro-orm/migrations';

export class Migration20261129020033_search_indexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "search_term_covering_index" on "catalog"."search_term" ("term", "item_id", "weight");`);

    this.addSql(`create index "service_item_name_id_index" on "catalog"."service_item" ("name", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "catalog"."search_term_covering_index";`);

    this.addSql(`drop index "catalog"."service_item_name_id_index";`);
  }

}
