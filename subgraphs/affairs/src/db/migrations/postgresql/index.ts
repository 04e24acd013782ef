import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261129043239_initial } from './Migration20261129043239_initial.js';
import { Migration20261129061033_inbox_due_order } from './Migration20261129061033_inbox_due_order.js';
import { Migration20261129072108_step_assignee } from './Migration20261129072108_step_assignee.js';

/** Applied in order on start. Add new migrations at the end (npm run migration:create). */
export const postgresqlMigrations: MigrationObject[] = [
  { name: 'Migration20261129043239_initial', class: Migration20261129043239_initial },
  { name: 'Migration20261129061033_inbox_due_order', class: Migration20261129061033_inbox_due_order },
  { name: 'Migration20261129072108_step_assignee', class: Migration20261129072108_step_assignee },
];
