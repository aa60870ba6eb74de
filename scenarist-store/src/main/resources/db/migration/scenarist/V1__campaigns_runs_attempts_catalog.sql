-- The Scenarist store. One script for SQLite and PostgreSQL; the two types that differ are Flyway placeholders
-- supplied by the backend:
--   ${text}    text compared byte by byte, so ORDER BY on ids and timestamps matches Java's String order
--              (PostgreSQL: TEXT COLLATE "C"; SQLite: TEXT, whose default collation is already binary)
--   ${row_no}  an auto-numbered primary key that records insertion order, which is the order the port lists
--              attempts, author calls, checks and catalog entries in
-- Timestamps are fixed-width ISO-8601 UTC text (see Timestamps.java); nested values are JSON text.
-- Runs do not reference campaigns: the port lets a run be created before (or without) its campaign.

CREATE TABLE campaigns (
    id            ${text} PRIMARY KEY,
    pack          ${text} NOT NULL,
    requested     INTEGER NOT NULL,
    status        ${text} NOT NULL,
    stop_reason   ${text} NOT NULL,
    fingerprint   ${text} NOT NULL,
    spec          ${text} NOT NULL,
    created_at    ${text} NOT NULL,
    updated_at    ${text} NOT NULL,
    active_millis BIGINT NOT NULL
);
CREATE INDEX campaigns_by_created_at ON campaigns (created_at, id);

CREATE TABLE runs (
    id            ${text} PRIMARY KEY,
    campaign_id   ${text} NOT NULL,
    pack          ${text} NOT NULL,
    ordinal       INTEGER NOT NULL,
    seed          BIGINT NOT NULL,
    parameters    ${text} NOT NULL,
    state         ${text} NOT NULL,
    reject_reason ${text},
    detail        ${text} NOT NULL,
    progress      ${text} NOT NULL,
    created_at    ${text} NOT NULL,
    updated_at    ${text} NOT NULL,
    version       BIGINT NOT NULL
);
CREATE INDEX runs_by_campaign ON runs (campaign_id, ordinal);
CREATE INDEX runs_by_created_at ON runs (created_at, id);

CREATE TABLE attempts (
    row_no             ${row_no},
    run_id             ${text} NOT NULL REFERENCES runs (id),
    seq                INTEGER NOT NULL,
    stage              ${text} NOT NULL,
    stage_attempt      INTEGER NOT NULL,
    verdict            ${text} NOT NULL,
    findings           ${text} NOT NULL,
    input_tokens       BIGINT NOT NULL,
    output_tokens      BIGINT NOT NULL,
    cache_read_tokens  BIGINT NOT NULL,
    cache_write_tokens BIGINT NOT NULL,
    cost_usd           DOUBLE PRECISION NOT NULL,
    model              ${text} NOT NULL,
    prompt_hash        ${text} NOT NULL,
    started_at         ${text},
    finished_at        ${text},
    -- a run's attempt number is recorded once: a second commit of the same attempt is a bug, not a retry
    CONSTRAINT attempts_once_per_seq UNIQUE (run_id, seq)
);
-- attempts_once_per_seq already indexes attempts by run_id

CREATE TABLE author_calls (
    row_no             ${row_no},
    run_id             ${text} NOT NULL REFERENCES runs (id),
    attempt_seq        INTEGER NOT NULL,
    call_index         INTEGER NOT NULL,
    purpose            ${text},
    author             ${text},
    model              ${text} NOT NULL,
    input_tokens       BIGINT,
    output_tokens      BIGINT,
    cache_read_tokens  BIGINT,
    cache_write_tokens BIGINT,
    cost_usd           DOUBLE PRECISION,
    latency_ms         BIGINT NOT NULL,
    outcome            ${text},
    error              ${text} NOT NULL,
    called_at          ${text}
);
CREATE INDEX author_calls_by_run ON author_calls (run_id, attempt_seq);

CREATE TABLE check_results (
    row_no      ${row_no},
    run_id      ${text} NOT NULL REFERENCES runs (id),
    attempt_seq INTEGER NOT NULL,
    check_name  ${text},
    tier        INTEGER NOT NULL,
    status      ${text},
    findings    ${text} NOT NULL,
    score       DOUBLE PRECISION NOT NULL,
    duration_ms BIGINT NOT NULL
);
CREATE INDEX check_results_by_run ON check_results (run_id, attempt_seq);

CREATE TABLE catalog (
    row_no          ${row_no},
    scenario_id     ${text} NOT NULL,
    pack            ${text} NOT NULL,
    campaign_id     ${text} NOT NULL,
    run_id          ${text} NOT NULL REFERENCES runs (id),
    title           ${text},
    content_hash    ${text} NOT NULL,
    uniqueness_text ${text},
    location        ${text},
    stage           ${text},
    accepted_at     ${text},
    CONSTRAINT catalog_scenario_once UNIQUE (scenario_id),
    CONSTRAINT catalog_run_once UNIQUE (run_id),
    -- the uniqueness ledger: the same content is accepted at most once per pack
    CONSTRAINT catalog_content_once_per_pack UNIQUE (pack, content_hash)
);
-- catalog_content_once_per_pack already indexes the catalog by pack
CREATE INDEX catalog_by_campaign ON catalog (campaign_id);
