import { Migration } from '@mikro-orm/migrations';

export class Migration20261129043239_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`application\` (\`id\` text not null, \`reference\` text not null, \`person_id\` text not null, \`account_id\` text not null, \`item_id\` text not null, \`item_code\` text not null, \`department_code\` text not null, \`terms\` json not null, \`workflow_definition_id\` text not null, \`state\` text not null, \`previous_state\` text null, \`form_answers\` json not null, \`materials\` json not null, \`suspensions\` json not null, \`extension\` json null, \`rule_evaluation\` json null, \`assignee_account_id\` text null, \`submitted_at\` datetime null, \`accepted_at\` datetime null, \`decided_at\` datetime null, \`finished_at\` datetime null, \`due_at\` datetime null, \`escalated_at\` datetime null, \`rating_invited_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`version\` integer not null, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`application_reference_unique\` on \`application\` (\`reference\`);`);
    this.addSql(
      `create index \`application_assignee_account_id_index\` on \`application\` (\`assignee_account_id\`);`,
    );
    this.addSql(
      `create index \`application_inbox_index\` on \`application\` (\`department_code\`, \`state\`, \`due_at\`);`,
    );
    this.addSql(
      `create index \`application_applicant_index\` on \`application\` (\`person_id\`, \`created_at\`);`,
    );
    this.addSql(
      `create index \`application_open_item_index\` on \`application\` (\`person_id\`, \`item_id\`, \`state\`);`,
    );

    this.addSql(
      `create table \`application_event\` (\`id\` text not null, \`application_id\` text not null, \`seq\` integer not null, \`action\` text not null, \`from_state\` text null, \`to_state\` text not null, \`actor_account_id\` text null, \`actor_kind\` text not null, \`comment\` text null, \`material_reasons\` json null, \`workflow_definition_id\` text not null, \`workflow_version\` integer not null, \`at\` datetime not null, \`request_id\` text null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`application_event_order_index\` on \`application_event\` (\`application_id\`, \`seq\`);`,
    );
    this.addSql(
      `create unique index \`application_event_seq_unique\` on \`application_event\` (\`application_id\`, \`seq\`);`,
    );

    this.addSql(
      `create table \`calendar_day\` (\`date\` text not null, \`kind\` text not null, \`name_zh\` text not null, \`name_en\` text not null, \`note\` text null, \`updated_by\` text null, \`updated_at\` datetime not null, \`version\` integer not null, primary key (\`date\`));`,
    );

    this.addSql(
      `create table \`calendar_seed_date\` (\`date\` text not null, \`seeded_at\` datetime not null, primary key (\`date\`));`,
    );

    this.addSql(
      `create table \`item_workflow\` (\`item_code\` text not null, \`workflow_code\` text not null, \`updated_at\` datetime not null, primary key (\`item_code\`));`,
    );

    this.addSql(
      `create table \`lease\` (\`name\` text not null, \`owner\` text not null, \`expires_at\` datetime not null, primary key (\`name\`));`,
    );

    this.addSql(
      `create table \`material_file\` (\`id\` text not null, \`application_id\` text not null, \`material_id\` text not null, \`file_name\` text not null, \`content_type\` text not null, \`size\` integer not null, \`sha256\` text not null, \`storage_key\` text not null, \`uploaded_by\` text not null, \`uploaded_at\` datetime not null, \`removed_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`material_file_application_index\` on \`material_file\` (\`application_id\`, \`material_id\`);`,
    );

    this.addSql(
      `create table \`notification\` (\`id\` text not null, \`person_id\` text not null, \`kind\` text not null, \`title\` json not null, \`body\` json not null, \`application_id\` text null, \`created_at\` datetime not null, \`read_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`notification_person_index\` on \`notification\` (\`person_id\`, \`created_at\`);`,
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
      `create table \`rating\` (\`id\` text not null, \`application_id\` text not null, \`person_id\` text not null, \`department_code\` text not null, \`item_code\` text not null, \`score\` integer not null, \`satisfaction\` integer not null, \`efficiency\` integer not null, \`guide_accuracy\` integer not null, \`convenience\` integer not null, \`comment\` text null, \`rated_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`rating_application_id_unique\` on \`rating\` (\`application_id\`);`);
    this.addSql(
      `create index \`rating_department_index\` on \`rating\` (\`department_code\`, \`rated_at\`);`,
    );

    this.addSql(
      `create table \`rectification_task\` (\`id\` text not null, \`rating_id\` text not null, \`application_id\` text not null, \`department_code\` text not null, \`status\` text not null, \`opened_at\` datetime not null, \`response\` text null, \`responded_by\` text null, \`closed_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`rectification_task_rating_id_unique\` on \`rectification_task\` (\`rating_id\`);`,
    );
    this.addSql(
      `create index \`rectification_department_index\` on \`rectification_task\` (\`department_code\`, \`status\`, \`opened_at\`);`,
    );

    this.addSql(
      `create table \`rule_set\` (\`id\` text not null, \`item_code\` text not null, \`version\` integer not null, \`rules\` json not null, \`note\` text not null, \`created_by\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`rule_set_item_version_unique\` on \`rule_set\` (\`item_code\`, \`version\`);`,
    );

    this.addSql(
      `create table \`upload_ticket\` (\`id\` text not null, \`token_hash\` text not null, \`application_id\` text not null, \`material_id\` text not null, \`file_name\` text not null, \`content_type\` text not null, \`size\` integer not null, \`account_id\` text not null, \`expires_at\` datetime not null, \`used_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`upload_ticket_token_hash_unique\` on \`upload_ticket\` (\`token_hash\`);`,
    );

    this.addSql(
      `create table \`workflow_definition\` (\`id\` text not null, \`code\` text not null, \`version\` integer not null, \`spec\` json not null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`workflow_definition_code_version_unique\` on \`workflow_definition\` (\`code\`, \`version\`);`,
    );
  }
}
