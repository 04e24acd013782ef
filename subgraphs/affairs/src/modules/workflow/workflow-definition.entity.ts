import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { WorkflowSpec } from './workflow-spec.js';

/**
 * 流程定义 — one published version of a workflow definition. Rows are never changed: a new
 * version is a new row, and an application keeps the id of the version it started under.
 */
export const WorkflowDefinition = defineEntity({
  name: 'WorkflowDefinition',
  tableName: 'workflow_definition',
  // Decides concurrent publishes of one code, and serves "latest version of a code".
  uniques: [{ name: 'workflow_definition_code_version_unique', properties: ['code', 'version'] }],
  properties: {
    id: p.string().length(36).primary(),
    code: p.string().length(40),
    version: p.integer(),
    // `json`, not PostgreSQL's default `jsonb`: jsonb reorders object keys, and the order of the
    // actions is the order the UI offers them.
    spec: p.json<WorkflowSpec>().columnType('json'),
    createdAt: p.datetime(),
  },
});
export type WorkflowDefinition = InferEntity<typeof WorkflowDefinition>;
