import { IDENTITY_HEADER, signInternalIdentity, type Logger, type Viewer } from '@bianmin/kit';
import type { ExportSection } from './export.js';

/**
 * Another subgraph that holds personal data and contributes a section to "download my data":
 * its GraphQL URL and the query field that returns the section as JSON text
 * (`{ source, version, data }`), e.g. affairs' `myAffairsDataExport`.
 */
export interface ExportSource {
  name: string;
  url: string;
  field: string;
}

const FIELD = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** `affairs=http://127.0.0.1:4003/graphql#myAffairsDataExport,…` (the `DATA_EXPORT_SOURCES` variable). */
export function parseExportSources(text: string | undefined): ExportSource[] {
  if (!text?.trim()) return [];
  return text.split(',').map((entry) => {
    const match = /^\s*([a-z][a-z0-9-]{0,31})=(https?:\/\/[^#\s]+)#([^\s]+)\s*$/.exec(entry);
    if (!match || !FIELD.test(match[3]!))
      throw new Error(`DATA_EXPORT_SOURCES: cannot read "${entry}" (name=url#field)`);
    return { name: match[1]!, url: match[2]!, field: match[3]! };
  });
}

/**
 * Ask each source for the person's section, AS the person: the request carries the person's own
 * identity in the internal header (as the gateway would), so every domain applies its own rules
 * and identity gains no privilege. A source that fails or times out gives a section marked
 * `unavailable` — the person still gets everything else, and sees what is missing.
 */
export async function gatherSections(
  sources: readonly ExportSource[],
  viewer: Viewer,
  secret: string,
  log: Logger,
  timeoutMs = 5000,
): Promise<ExportSection[]> {
  return Promise.all(
    sources.map(async (source): Promise<ExportSection> => {
      try {
        const response = await fetch(source.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'apollo-require-preflight': 'true',
            [IDENTITY_HEADER]: signInternalIdentity(viewer, secret),
          },
          body: JSON.stringify({ query: `{ ${source.field} }` }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        const body = (await response.json()) as { data?: Record<string, string | null>; errors?: unknown[] };
        const text = body.data?.[source.field];
        if (!response.ok || body.errors?.length || typeof text !== 'string')
          throw new Error(`status ${response.status}`);
        const section = JSON.parse(text) as ExportSection;
        if (section.source !== source.name || typeof section.version !== 'number')
          throw new Error('unexpected section');
        return section;
      } catch (error) {
        log.warn(
          { event: 'export-source-unavailable', source: source.name, err: String(error) },
          'export section missing',
        );
        return { source: source.name, version: 0, data: {}, unavailable: true };
      }
    }),
  );
}
