import { Migration } from '@mikro-orm/migrations';

export class Migration20261129082513_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`licence\` (\`id\` text not null, \`type_code\` text not null, \`name\` text not null, \`number\` text not null, \`holder_person_id\` text not null, \`holder_name\` text not null, \`holder_id_type\` text not null, \`holder_id_number\` text not null, \`holder_date_of_birth\` text null, \`issuer_code\` text not null, \`issuer_name\` text not null, \`issue_date\` text not null, \`valid_from\` text not null, \`valid_until\` text null, \`fields\` json not null, \`status\` text not null, \`status_reason\` text null, \`status_changed_at\` datetime null, \`credential\` text not null, \`revocation_list\` integer not null, \`revocation_index\` integer not null, \`suspension_list\` integer not null, \`suspension_index\` integer not null, \`source\` text not null, \`source_application_id\` text null, \`issued_by\` text null, \`created_at\` datetime not null, \`version\` integer not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`licence_source_application_id_unique\` on \`licence\` (\`source_application_id\`);`,
    );
    this.addSql(
      `create index \`licence_holder_index\` on \`licence\` (\`holder_person_id\`, \`type_code\`);`,
    );
    this.addSql(`create index \`licence_issuer_index\` on \`licence\` (\`issuer_code\`, \`created_at\`);`);
    this.addSql(`create unique index \`licence_number_unique\` on \`licence\` (\`type_code\`, \`number\`);`);
    this.addSql(
      `create unique index \`licence_revocation_entry_unique\` on \`licence\` (\`revocation_list\`, \`revocation_index\`);`,
    );
    this.addSql(
      `create unique index \`licence_suspension_entry_unique\` on \`licence\` (\`suspension_list\`, \`suspension_index\`);`,
    );

    this.addSql(
      `create table \`licence_grant\` (\`id\` text not null, \`licence_id\` text not null, \`holder_person_id\` text not null, \`grantee_kind\` text not null, \`grantee_id\` text not null, \`purpose\` text not null, \`disclose\` json null, \`valid_until\` datetime not null, \`created_at\` datetime not null, \`revoked_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`licence_grant_holder_index\` on \`licence_grant\` (\`holder_person_id\`, \`created_at\`);`,
    );
    this.addSql(`create index \`licence_grant_licence_index\` on \`licence_grant\` (\`licence_id\`);`);

    this.addSql(
      `create table \`licence_grant_use\` (\`id\` text not null, \`grant_id\` text not null, \`at\` datetime not null, \`by_account_id\` text null, \`by_client_id\` text null, \`by_label\` text not null, \`purpose\` text not null, \`request_id\` text null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`licence_grant_use_grant_index\` on \`licence_grant_use\` (\`grant_id\`, \`at\`);`,
    );

    this.addSql(
      `create table \`licence_status_change\` (\`id\` text not null, \`licence_id\` text not null, \`seq\` integer not null, \`action\` text not null, \`from_status\` text null, \`to_status\` text not null, \`reason\` text null, \`actor_account_id\` text null, \`actor_kind\` text not null, \`at\` datetime not null, \`request_id\` text null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`licence_status_change_seq_unique\` on \`licence_status_change\` (\`licence_id\`, \`seq\`);`,
    );

    this.addSql(
      `create table \`licence_type\` (\`code\` text not null, \`name_zh\` text not null, \`name_en\` text not null, \`authority_code\` text not null, \`authority_name_zh\` text not null, \`authority_name_en\` text not null, \`metadata\` json not null, \`fields\` json not null, \`validity\` json not null, \`issued_on_approval_of\` json not null, \`approval_date_field\` text null, \`sort_order\` integer not null, \`updated_at\` datetime not null, primary key (\`code\`));`,
    );

    this.addSql(
      `create table \`outbox_message\` (\`id\` text not null, \`topic\` text not null, \`key\` text not null, \`payload\` json not null, \`headers\` json not null, \`occurred_at\` datetime not null, \`published_at\` datetime null, \`attempts\` integer not null, \`next_attempt_at\` datetime not null, \`last_error\` text null, \`claimed_by\` text null, \`claimed_until\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`outbox_message_pending_index\` on \`outbox_message\` (\`published_at\`, \`next_attempt_at\`);`,
    );

    this.addSql(
      `create table \`processed_event\` (\`consumer\` text not null, \`event_id\` text not null, \`processed_at\` datetime not null, primary key (\`consumer\`, \`event_id\`));`,
    );
    this.addSql(
      `create index \`processed_event_processed_at_index\` on \`processed_event\` (\`processed_at\`);`,
    );

    this.addSql(
      `create table \`status_list\` (\`purpose\` text not null, \`list_number\` integer not null, \`version\` integer not null, \`updated_at\` datetime not null, primary key (\`purpose\`, \`list_number\`));`,
    );

    this.addSql(
      `create table \`status_sequence\` (\`name\` text not null, \`next_value\` integer not null, primary key (\`name\`));`,
    );
  }
}
