import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261129014105_initial } from './Migration20261129014105_initial.js';
import { Migration20261129020033_search_indexes } from './Migration20261129020033_search_indexes.js';

/** Applied in order on start. Add new migrations at the end (npm run migration:create). */
export const postgresqlMigrations: MigrationObject[] = [
  { name: 'Migration20261129014105_initial', class: Migration20261129014105_initial },
  { name: 'Migration20261129020033_search_indexes', class: Migration20261129020033_search_indexes },
];
