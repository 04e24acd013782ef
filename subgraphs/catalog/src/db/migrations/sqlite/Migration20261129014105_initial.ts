import { Migration } from '@mikro-orm/migrations';

export class Migration20261129014105_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`department\` (\`code\` text not null, \`name\` text not null, \`name_en\` text not null, \`description\` text not null, \`phone\` text not null, primary key (\`code\`));`);

    this.addSql(`create table \`life_event\` (\`code\` text not null, \`name\` text not null, \`name_en\` text not null, \`audience\` text not null, \`description\` text not null, \`display_order\` integer not null, primary key (\`code\`));`);

    this.addSql(`create table \`region\` (\`code\` text not null, \`name\` text not null, \`level\` text not null, \`parent_code\` text null, \`latitude\` double precision not null, \`longitude\` double precision not null, primary key (\`code\`));`);
    this.addSql(`create index \`region_parent_code_index\` on \`region\` (\`parent_code\`);`);

    this.addSql(`create table \`search_term\` (\`term\` text not null, \`item_id\` text not null, \`weight\` double precision not null, primary key (\`term\`, \`item_id\`));`);
    this.addSql(`create index \`search_term_item_id_index\` on \`search_term\` (\`item_id\`);`);

    this.addSql(`create table \`service_item\` (\`id\` text not null, \`code\` text not null, \`name\` text not null, \`name_en\` text not null, \`department_code\` text not null, \`category\` text not null, \`kind\` text not null, \`keywords\` json not null, \`summary\` text not null, \`eligibility\` text not null, \`materials\` json not null, \`legal_days\` integer not null, \`promised_days\` integer not null, \`fee\` json not null, \`channels\` json not null, \`channel_tags\` text not null, \`visits\` integer not null, \`instant_approval\` integer not null, \`handled_at\` json not null, \`legal_basis\` json not null, \`faq\` json not null, \`version\` integer not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`service_item_code_unique\` on \`service_item\` (\`code\`);`);
    this.addSql(`create index \`service_item_department_code_index\` on \`service_item\` (\`department_code\`);`);
    this.addSql(`create index \`service_item_category_index\` on \`service_item\` (\`category\`);`);

    this.addSql(`create table \`service_item_life_event\` (\`item_id\` text not null, \`life_event_code\` text not null, primary key (\`item_id\`, \`life_event_code\`));`);
    this.addSql(`create index \`service_item_life_event_life_event_code_index\` on \`service_item_life_event\` (\`life_event_code\`);`);

    this.addSql(`create table \`service_item_version\` (\`item_id\` text not null, \`version\` integer not null, \`snapshot\` json not null, \`replaced_at\` datetime not null, primary key (\`item_id\`, \`version\`));`);

    this.addSql(`create table \`service_point\` (\`id\` text not null, \`code\` text not null, \`name\` text not null, \`type\` text not null, \`address\` text not null, \`city_code\` text not null, \`district_code\` text not null, \`street_code\` text not null, \`community_code\` text null, \`latitude\` double precision not null, \`longitude\` double precision not null, \`phone\` text not null, \`opening_hours\` json not null, \`opening_note\` text not null, \`accessibility\` json not null, \`department_codes\` json not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`service_point_code_unique\` on \`service_point\` (\`code\`);`);
    this.addSql(`create index \`service_point_type_index\` on \`service_point\` (\`type\`);`);
    this.addSql(`create index \`service_point_district_code_index\` on \`service_point\` (\`district_code\`);`);
    this.addSql(`create index \`service_point_latitude_index\` on \`service_point\` (\`latitude\`);`);

    this.addSql(`create table \`service_point_item\` (\`point_id\` text not null, \`item_id\` text not null, primary key (\`point_id\`, \`item_id\`));`);
    this.addSql(`create index \`service_point_item_item_id_index\` on \`service_point_item\` (\`item_id\`);`);
  }

}
