import type { EntityManager } from '@mikro-orm/core';
import { decodeCursor, pageSize, toConnection } from '@bianmin/kit';
import { ServiceItem, ServiceItemLifeEvent } from './service-item.entity.js';

export interface ServiceItemFilter {
  category?: string | null;
  lifeEvent?: string | null;
  department?: string | null;
  channel?: string | null;
  maxVisits?: number | null;
  instantApproval?: boolean | null;
}

/** Browse by category, life event, department and channel, ordered by code. */
export async function browseServiceItems(
  em: EntityManager,
  args: { filter?: ServiceItemFilter | null; first?: number | null; after?: string | null },
) {
  const first = pageSize(args.first);
  const offset = decodeCursor(args.after);
  const f = args.filter ?? {};
  const where: Record<string, unknown> = {};
  if (f.category) where.category = f.category;
  if (f.department) where.departmentCode = f.department;
  if (f.channel) where.channelTags = { $like: `%,${f.channel},%` };
  if (f.maxVisits != null) where.visits = { $lte: f.maxVisits };
  if (f.instantApproval != null) where.instantApproval = f.instantApproval;
  if (f.lifeEvent) {
    const links = await em.find(ServiceItemLifeEvent, { lifeEventCode: f.lifeEvent }, { fields: ['itemId'] });
    where.id = { $in: links.map((l) => l.itemId) };
  }
  const [items, total] = await em.findAndCount(ServiceItem, where, {
    orderBy: { code: 'asc' },
    limit: first,
    offset,
  });
  return toConnection(items as ServiceItem[], offset, total);
}
