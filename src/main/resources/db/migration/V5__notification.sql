-- Notifications: the transactional outbox, what providers report, clients' SMS problems, advisors' ICS feeds.

-- One row per message to send: written in the same transaction as the booking change it announces, sent later
-- by whichever node's dispatcher claims it (FOR UPDATE SKIP LOCKED on status + due_at).
CREATE TABLE notification (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    booking_id       BIGINT       NULL,
    client_id        BIGINT       NULL,
    kind             VARCHAR(20)  NOT NULL,
    channel          VARCHAR(8)   NOT NULL,
    recipient        VARCHAR(254) NOT NULL,
    language         CHAR(2)      NOT NULL,
    booking_sequence INT          NOT NULL DEFAULT 0,
    due_at           DATETIME(6)  NOT NULL,
    status           VARCHAR(12)  NOT NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    lease_until      DATETIME(6)  NULL,
    claimed_by       VARCHAR(80)  NULL,
    body             TEXT         NULL,
    provider_id      VARCHAR(64)  NULL,
    delivery         VARCHAR(12)  NULL,
    last_error       VARCHAR(300) NULL,
    created_at       DATETIME(6)  NOT NULL,
    sent_at          DATETIME(6)  NULL,
    updated_at       DATETIME(6)  NOT NULL,
    CONSTRAINT uk_notification_provider UNIQUE (provider_id),
    CONSTRAINT fk_notification_booking FOREIGN KEY (booking_id) REFERENCES booking (id),
    CONSTRAINT fk_notification_client FOREIGN KEY (client_id) REFERENCES client (id),
    INDEX ix_notification_due (status, due_at),
    INDEX ix_notification_booking (booking_id, kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A number the provider refused for good (invalid, unsubscribed) or the client opted out: shown to counter staff
-- until the number is corrected or the client opts in again.
ALTER TABLE client
    ADD COLUMN sms_problem    VARCHAR(20) NULL,
    ADD COLUMN sms_problem_at DATETIME(6) NULL;

-- The client's own answer by SMS (YES).
ALTER TABLE booking
    ADD COLUMN client_confirmed_at DATETIME(6) NULL;

-- A per-advisor calendar subscription: only the SHA-256 of the token in its URL is kept.
CREATE TABLE calendar_feed (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    advisor_id  BIGINT      NOT NULL,
    token_hash  CHAR(64)    NOT NULL,
    created_by  VARCHAR(80) NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    revoked_at  DATETIME(6) NULL,
    CONSTRAINT uk_calendar_feed_token UNIQUE (token_hash),
    CONSTRAINT fk_calendar_feed_advisor FOREIGN KEY (advisor_id) REFERENCES advisor (id),
    INDEX ix_calendar_feed_advisor (advisor_id, revoked_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
