/**
 * Generates the next migration for BOTH drivers from the entity definitions:
 *   npm run migration:create -w @bianmin/evidence -- <name>
 * Then add the new classes to migrations/<driver>/index.ts.
 */
import { createMigrationsForBothDrivers } from '@bianmin/kit/testing';
import { evidenceOrmOptions } from './orm.js';

await createMigrationsForBothDrivers((db) => evidenceOrmOptions(db), process.argv[2]);
