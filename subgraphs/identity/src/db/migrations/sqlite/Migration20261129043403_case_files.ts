import { Migration } from '@mikro-orm/migrations';

export class Migration20261129043403_case_files extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`case_file\` (\`application_id\` text not null, \`reference\` text not null, \`person_id\` text not null, \`department_code\` text not null, \`state\` text not null, \`open\` integer not null, \`last_seq\` integer not null, \`updated_at\` datetime not null, primary key (\`application_id\`));`);
    this.addSql(`create unique index \`case_file_reference_unique\` on \`case_file\` (\`reference\`);`);

    this.addSql(`create table \`outbox_message\` (\`id\` text not null, \`topic\` text not null, \`key\` text not null, \`payload\` json not null, \`headers\` json not null, \`occurred_at\` datetime not null, \`published_at\` datetime null, \`attempts\` integer not null, \`next_attempt_at\` datetime not null, \`last_error\` text null, \`claimed_by\` text null, \`claimed_until\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`outbox_message_pending_index\` on \`outbox_message\` (\`published_at\`, \`next_attempt_at\`);`);

    this.addSql(`create table \`processed_event\` (\`consumer\` text not null, \`event_id\` text not null, \`processed_at\` datetime not null, primary key (\`consumer\`, \`event_id\`));`);
    this.addSql(`create index \`processed_event_processed_at_index\` on \`processed_event\` (\`processed_at\`);`);
  }

}
