// Selections shared by several documents, as text spliced into them. Not fragments: the gateway's
// depth limit (graphql-armor, 10 levels) counts every fragment spread as two levels, so a detail
// page built from nested fragments would be refused. documents.test.ts checks every document
// against the public schema and that limit.

/** The deadline clock. */
export const DEADLINE_FIELDS = `
    date
    dueAt
    workingDaysLeft
    status
    clockStopped
    suspendedWorkingDays
    extensionWorkingDays
    provisional
`;

/** What an application shows in a list: item, reference, state, clock. */
export const APPLICATION_CARD_FIELDS = `
    id
    reference
    state
    stateLabel
    canRate
    createdAt
    submittedAt
    decidedAt
    acceptanceDueAt
    version
    serviceItem {
      id
    }
    terms {
      itemCode
      itemName
      departmentName
    }
    deadline {
      ${DEADLINE_FIELDS}
    }
`;

/** A row of the department inbox: the card plus who has it and what waits for a supervisor. */
export const INBOX_ROW_FIELDS = `
    ${APPLICATION_CARD_FIELDS}
    assigneeAccountId
    assignee {
      accountId
      name
    }
    assignedToMe
    escalatedAt
    extension {
      status
    }
`;

/** Everything the applicant's and the staff's detail pages have in common. */
export const APPLICATION_DETAIL_FIELDS = `
    id
    reference
    state
    stateLabel
    version
    createdAt
    submittedAt
    acceptedAt
    decidedAt
    acceptanceDueAt
    serviceItem {
      id
    }
    terms {
      itemCode
      itemName
      departmentCode
      departmentName
      legalDays
      promisedDays
    }
    workflow {
      code
      version
      name
    }
    availableActions {
      name
      label
      commentRequired
      materialReasonsRequired
    }
    materials {
      id
      name
      required
      fromLicenceType
      source
      licenceUsed
      licenceConsentedAt
      fileCount
      files {
        id
        fileName
        contentType
        size
        downloadUrl
        uploadedAt
      }
      correction
    }
    formAnswers {
      field
      value
    }
    deadline {
      ${DEADLINE_FIELDS}
    }
    ruleEvaluation {
      ruleSetVersion
      decision
      evaluatedAt
      results {
        ruleId
        kind
        outcome
        explanation
      }
    }
    history {
      action
      label
      fromState
      toState
      actorKind
      comment
      materialReasons {
        materialId
        reason
      }
      at
    }
`;

/** The rating as the applicant and the rating mutation read it. */
export const RATING_FIELDS = `
    score
    scoreLabel
    satisfaction
    efficiency
    guideAccuracy
    convenience
    comment
    ratedAt
    rectification {
      id
      status
      response
      closedAt
    }
`;

/** The applicant's view: the detail plus the 好差评 rating. */
export const APPLICANT_APPLICATION_FIELDS = `
    ${APPLICATION_DETAIL_FIELDS}
    canRate
    rating {
      ${RATING_FIELDS}
    }
`;

/** The staff's view: the detail plus assignment, escalation and the extension. */
export const STAFF_APPLICATION_FIELDS = `
    ${APPLICATION_DETAIL_FIELDS}
    history {
      actor {
        accountId
        name
      }
      assignee {
        accountId
        name
      }
    }
    assigneeAccountId
    assignee {
      accountId
      name
    }
    assignedToMe
    escalatedAt
    extension {
      status
      workingDays
      reason
      requestedAt
      decidedAt
      decisionComment
    }
`;

/** An expected failure. */
export const USER_ERROR_FIELDS = `
    code
    message
    field
`;
