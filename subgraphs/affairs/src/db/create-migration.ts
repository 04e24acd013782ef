/**
 * Generates the next migration for BOTH drivers from the entity definitions:
 *   npm run migration:create -w @bianmin/affairs -- <name>
 * Then add the new classes to migrations/<driver>/index.ts.
 */
import { createMigrationsForBothDrivers } from '@bianmin/kit/testing';
import { affairsOrmOptions } from './orm.js';

await createMigrationsForBothDrivers((db) => affairsOrmOptions(db), process.argv[2]);
