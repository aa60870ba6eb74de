-- The review queue's decisions: a person approved (and promoted) or rejected an accepted scenario. One per scenario,
-- for good: the primary key refuses a second decision, however many people click at once. The queue itself is derived
-- (catalog entries in staging without a decision), so no scenario can be in it twice.
-- Same placeholders as V1: ${text} is text compared byte by byte.

CREATE TABLE review_decisions (
    scenario_id ${text} PRIMARY KEY REFERENCES catalog (scenario_id),
    verdict     ${text} NOT NULL,
    reason      ${text} NOT NULL,
    decided_by  ${text} NOT NULL,
    decided_at  ${text} NOT NULL
);
