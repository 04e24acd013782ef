import { Migration } from '@mikro-orm/migrations';

export class Migration20261129074453_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`lease\` (\`name\` text not null, \`owner\` text not null, \`expires_at\` datetime not null, primary key (\`name\`));`,
    );

    this.addSql(
      `create table \`log_entry\` (\`leaf_index\` integer not null, \`entry\` text not null, \`leaf_hash\` text not null, \`event_id\` text not null, \`appended_at\` datetime not null, primary key (\`leaf_index\`));`,
    );
    this.addSql(`create unique index \`log_entry_event_id_unique\` on \`log_entry\` (\`event_id\`);`);

    this.addSql(
      `create table \`log_head\` (\`id\` integer not null, \`size\` integer not null, primary key (\`id\`));`,
    );
    // The head row every append locks; the log starts empty.
    this.addSql(`insert into \`log_head\` (\`id\`, \`size\`) values (1, 0);`);

    this.addSql(
      `create table \`log_node\` (\`level\` integer not null, \`node_index\` integer not null, \`hash\` text not null, primary key (\`level\`, \`node_index\`));`,
    );

    this.addSql(
      `create table \`person_secret\` (\`person_id\` text not null, \`secret\` text not null, \`created_at\` datetime not null, primary key (\`person_id\`));`,
    );

    this.addSql(
      `create table \`processed_event\` (\`consumer\` text not null, \`event_id\` text not null, \`processed_at\` datetime not null, primary key (\`consumer\`, \`event_id\`));`,
    );
    this.addSql(
      `create index \`processed_event_processed_at_index\` on \`processed_event\` (\`processed_at\`);`,
    );

    this.addSql(
      `create table \`checkpoint\` (\`tree_size\` integer not null, \`root_hash\` text not null, \`note\` text not null, \`key_id\` text not null, \`created_at\` datetime not null, primary key (\`tree_size\`));`,
    );
  }
}
