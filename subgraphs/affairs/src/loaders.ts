import type { EntityManager } from '@mikro-orm/core';
import { entityLoader, groupLoader } from '@bianmin/kit';
import { Application, ApplicationEvent } from './modules/application/application.entity.js';
import { MaterialFile } from './modules/files/material-file.entity.js';
import { Rating } from './modules/rating/rating.entity.js';
import { loadWorkingCalendar } from './modules/calendar/calendar.store.js';
import type { WorkingCalendar } from './modules/calendar/working-calendar.js';
import { WorkflowDefinition } from './modules/workflow/workflow-definition.entity.js';

/** Per-request loaders: every entity reference and every list under an entity costs one query per batch. */
export function createLoaders(em: EntityManager) {
  let calendar: Promise<WorkingCalendar> | null = null;
  return {
    /** The working calendar, read once per request. */
    calendar: () => (calendar ??= loadWorkingCalendar(em)),
    application: entityLoader(em, Application, 'id'),
    workflowDefinition: entityLoader(em, WorkflowDefinition, 'id'),
    ratingById: entityLoader(em, Rating, 'id'),
    ratingOfApplication: entityLoader(em, Rating, 'applicationId'),
    filesOf: groupLoader(
      (ids: readonly string[]) =>
        em.find(
          MaterialFile,
          { applicationId: { $in: [...ids] }, removedAt: null },
          { orderBy: { uploadedAt: 'asc' } },
        ),
      (row) => row.applicationId,
    ),
    historyOf: groupLoader(
      (ids: readonly string[]) =>
        em.find(ApplicationEvent, { applicationId: { $in: [...ids] } }, { orderBy: { seq: 'asc' } }),
      (row) => row.applicationId,
    ),
  };
}
export type AffairsLoaders = ReturnType<typeof createLoaders>;
