/**
 * Generates the next migration for BOTH drivers from the entity definitions:
 *   npm run migration:create -w @bianmin/identity -- <name>
 * Then add the new classes to migrations/<driver>/index.ts.
 */
import { createMigrationsForBothDrivers } from '@bianmin/kit/testing';
import { identityOrmOptions } from './orm.js';

await createMigrationsForBothDrivers((db) => identityOrmOptions(db), process.argv[2]);
