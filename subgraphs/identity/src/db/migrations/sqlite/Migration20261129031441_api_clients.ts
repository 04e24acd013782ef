import { Migration } from '@mikro-orm/migrations';

export class Migration20261129031441_api_clients extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`api_client\` (\`client_id\` text not null, \`name\` text not null, \`owner_account_id\` text not null, \`scopes\` text not null, \`rate_limit_per_minute\` integer not null, \`secret_hash\` text not null, \`previous_secret_hash\` text null, \`previous_secret_expires_at\` datetime null, \`revoked_at\` datetime null, \`created_at\` datetime not null, \`last_used_at\` datetime null, \`usage_count\` integer not null, primary key (\`client_id\`));`,
    );
    this.addSql(
      `create index \`api_client_owner_account_id_index\` on \`api_client\` (\`owner_account_id\`);`,
    );
  }
}
