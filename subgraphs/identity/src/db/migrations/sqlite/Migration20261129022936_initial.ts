import { Migration } from '@mikro-orm/migrations';

export class Migration20261129022936_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`account\` (\`id\` text not null, \`username\` text null, \`phone\` text not null, \`password_hash\` text not null, \`state\` text not null, \`roles\` json not null, \`department_code\` text null, \`person_id\` text null, \`totp_secret\` text null, \`totp_enabled\` integer not null, \`totp_last_step\` integer null, \`totp_pending_secret\` text null, \`pending_recovery_codes\` json null, \`recovery_codes\` json not null, \`created_at\` datetime not null, \`password_changed_at\` datetime not null, \`version\` integer not null, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`account_username_unique\` on \`account\` (\`username\`);`);
    this.addSql(`create unique index \`account_phone_unique\` on \`account\` (\`phone\`);`);
    this.addSql(`create index \`account_department_code_index\` on \`account\` (\`department_code\`);`);
    this.addSql(`create unique index \`account_person_id_unique\` on \`account\` (\`person_id\`);`);

    this.addSql(
      `create table \`account_session\` (\`id\` text not null, \`account_id\` text not null, \`kind\` text not null, \`mfa\` integer not null, \`created_at\` datetime not null, \`last_used_at\` datetime not null, \`expires_at\` datetime not null, \`idle_expires_at\` datetime not null, \`revoked_at\` datetime null, \`revoke_reason\` text null, \`user_agent\` text null, \`ip_address\` text null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`account_session_account_id_index\` on \`account_session\` (\`account_id\`);`);

    this.addSql(
      `create table \`organization\` (\`code\` text not null, \`name\` text not null, \`name_en\` text not null, \`kind\` text not null, \`region_code\` text not null, primary key (\`code\`));`,
    );
    this.addSql(`create index \`organization_kind_index\` on \`organization\` (\`kind\`);`);
    this.addSql(`create index \`organization_region_code_index\` on \`organization\` (\`region_code\`);`);

    this.addSql(
      `create table \`person\` (\`id\` text not null, \`name\` text not null, \`id_type\` text not null, \`id_number\` text not null, \`phone\` text null, \`address\` text null, \`date_of_birth\` text null, \`community_code\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`person_community_code_index\` on \`person\` (\`community_code\`);`);
    this.addSql(
      `create unique index \`person_id_type_id_number_unique\` on \`person\` (\`id_type\`, \`id_number\`);`,
    );

    this.addSql(
      `create table \`personal_data_access\` (\`id\` text not null, \`person_id\` text not null, \`accessor_account_id\` text not null, \`field\` text not null, \`purpose\` text not null, \`request_id\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`personal_data_access_person_id_index\` on \`personal_data_access\` (\`person_id\`);`,
    );
    this.addSql(
      `create index \`personal_data_access_accessor_account_id_index\` on \`personal_data_access\` (\`accessor_account_id\`);`,
    );

    this.addSql(
      `create table \`refresh_token\` (\`id\` text not null, \`session_id\` text not null, \`token_hash\` text not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, \`used_at\` datetime null, \`replaced_by\` text null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`refresh_token_session_id_index\` on \`refresh_token\` (\`session_id\`);`);
    this.addSql(
      `create unique index \`refresh_token_token_hash_unique\` on \`refresh_token\` (\`token_hash\`);`,
    );

    this.addSql(
      `create table \`sign_in_challenge\` (\`id\` text not null, \`token_hash\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, \`used_at\` datetime null, \`failed_attempts\` integer not null, \`user_agent\` text null, \`ip_address\` text null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`sign_in_challenge_token_hash_unique\` on \`sign_in_challenge\` (\`token_hash\`);`,
    );
    this.addSql(
      `create index \`sign_in_challenge_account_id_index\` on \`sign_in_challenge\` (\`account_id\`);`,
    );
  }
}
