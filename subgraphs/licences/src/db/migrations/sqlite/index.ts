import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261129082513_initial } from './Migration20261129082513_initial.js';

/** Applied in order on start. Add new migrations at the end (npm run migration:create). */
export const sqliteMigrations: MigrationObject[] = [
  { name: 'Migration20261129082513_initial', class: Migration20261129082513_initial },
];
