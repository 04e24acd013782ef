import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261129022936_initial } from './Migration20261129022936_initial.js';
import { Migration20261129025526_staff_reveal_audit } from './Migration20261129025526_staff_reveal_audit.js';
import { Migration20261129030514_pipl_consent_deletion } from './Migration20261129030514_pipl_consent_deletion.js';
import { Migration20261129031441_api_clients } from './Migration20261129031441_api_clients.js';
import { Migration20261129041351_initial_password_change } from './Migration20261129041351_initial_password_change.js';
import { Migration20261129043403_case_files } from './Migration20261129043403_case_files.js';

/** Applied in order on start. Add new migrations at the end (npm run migration:create). */
export const sqliteMigrations: MigrationObject[] = [
  { name: 'Migration20261129022936_initial', class: Migration20261129022936_initial },
  { name: 'Migration20261129025526_staff_reveal_audit', class: Migration20261129025526_staff_reveal_audit },
  {
    name: 'Migration20261129030514_pipl_consent_deletion',
    class: Migration20261129030514_pipl_consent_deletion,
  },
  { name: 'Migration20261129031441_api_clients', class: Migration20261129031441_api_clients },
  { name: 'Migration20261129041351_initial_password_change', class: Migration20261129041351_initial_password_change },
  { name: 'Migration20261129043403_case_files', class: Migration20261129043403_case_files },
];
