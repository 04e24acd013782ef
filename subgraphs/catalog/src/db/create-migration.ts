/**
 * Generates the next migration for BOTH drivers from the entity definitions:
 *   npm run migration:create -w @bianmin/catalog -- <name>
 * Then add the new classes to migrations/<driver>/index.ts.
 */
import { createMigrationsForBothDrivers } from '@bianmin/kit/testing';
import { catalogOrmOptions } from './orm.js';

await createMigrationsForBothDrivers((db) => catalogOrmOptions(db), process.argv[2]);
