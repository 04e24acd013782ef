/**
 * Generates the next migration for BOTH drivers from the entity definitions:
 *   npm run migration:create -w @bianmin/licences -- <name>
 * Then add the new classes to migrations/<driver>/index.ts.
 */
import { createMigrationsForBothDrivers } from '@bianmin/kit/testing';
import { licencesOrmOptions } from './orm.js';

await createMigrationsForBothDrivers((db) => licencesOrmOptions(db), process.argv[2]);
