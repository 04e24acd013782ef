import { WorkflowDefinition } from './workflow-definition.entity.js';

/** The workflow module's entities, collected by src/db/entities.ts. */
export const workflowEntities = [WorkflowDefinition];
