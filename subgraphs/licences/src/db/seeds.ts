import type { Logger, Orm } from '@bianmin/kit';
import { seedLicenceTypes } from '../modules/licence-type/licence-type.store.js';

/** Always: the licence type catalogue (insert or bring up to date). Demo licences: see demo-licences.ts. */
export async function seedLicences(orm: Orm, options: { log?: Logger } = {}): Promise<void> {
  const count = await seedLicenceTypes(orm.em.fork());
  options.log?.info({ licenceTypes: count }, 'licence types loaded');
}
