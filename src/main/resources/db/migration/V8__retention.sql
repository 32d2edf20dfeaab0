-- Retention (issue 17): anonymised clients, purged outbox rows; the audit trail is pruned by age (ix_audit_time).

-- An anonymised client keeps its row and id (bookings and the report roll-ups refer to it) but no longer its name,
-- mobile, e-mail or partial NRIC; anonymised_at says when. The office, language, registration time and SMS problem
-- stay: reports count by them, and none of them says who the person was.
ALTER TABLE client
    MODIFY name   VARCHAR(120) NULL,
    MODIFY mobile VARCHAR(16)  NULL,
    ADD COLUMN anonymised_at DATETIME(6) NULL;

-- A purged message keeps what reports count (kind, channel, status, delivery, the provider's error code, times, the
-- provider's id for late delivery reports) and loses the recipient and the text. The index walks the rows not yet
-- purged from the oldest change on, so a sweep never reads the purged ones again.
ALTER TABLE notification
    MODIFY recipient VARCHAR(254) NULL,
    ADD COLUMN purged_at DATETIME(6) NULL,
    ADD INDEX ix_notification_purge (purged_at, updated_at);
