-- Lessons learnt per pack (issue 11): guidance lines derived from a pack's most frequent findings, edited by people,
-- added to the prompts of campaigns that ask for them. Placeholders as in V1. Booleans are INTEGER 0/1 so that one
-- script serves SQLite (which has no boolean type) and PostgreSQL.

CREATE TABLE lessons (
    pack        ${text} NOT NULL,
    lesson_key  ${text} NOT NULL,
    ordinal     INTEGER NOT NULL,
    stage       ${text} NOT NULL,
    check_name  ${text} NOT NULL,
    code        ${text} NOT NULL,
    lesson_text ${text} NOT NULL,
    enabled     INTEGER NOT NULL,
    occurrences BIGINT NOT NULL,
    edited      INTEGER NOT NULL,
    updated_at  ${text} NOT NULL,
    CONSTRAINT lessons_once_per_pack_and_key PRIMARY KEY (pack, lesson_key)
);
