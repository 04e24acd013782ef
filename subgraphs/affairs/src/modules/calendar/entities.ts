import { CalendarDay, CalendarSeedDate } from './calendar-day.entity.js';

/** The calendar module's entities, collected by src/db/entities.ts. */
export const calendarEntities = [CalendarDay, CalendarSeedDate];
