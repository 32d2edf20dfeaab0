-- Reports (issue 16): who cancelled, and roll-ups that keep a year's report cheap whatever the history.

-- Who cancelled a session: the SSO counter (staff or an admin), the partner agency, or the client by SMS.
ALTER TABLE booking ADD COLUMN cancelled_by VARCHAR(12) NULL;
UPDATE booking b
SET b.cancelled_by = COALESCE((SELECT CASE a.role WHEN 'PARTNER' THEN 'PARTNER' WHEN 'CLIENT' THEN 'CLIENT'
                                                  ELSE 'COUNTER' END
                               FROM audit_event a
                               WHERE a.subject_type = 'Booking' AND a.subject_id = b.id
                                 AND a.action = 'BOOKING_CANCELLED'
                               ORDER BY a.id DESC LIMIT 1), 'COUNTER')
WHERE b.status = 'CANCELLED';

-- Outbox rows changed since the last roll-up are found by this.
ALTER TABLE notification ADD INDEX ix_notification_updated (updated_at);

-- One row per period (M = calendar month, W = ISO week; period_start is its first Singapore day), SSO where the
-- session was held, service and mode: everything the reports count about the sessions starting in it and their
-- messages, as ReportTally's text (counts, capped client sets for the "< 5" rule, lead-time histogram, travel
-- saved, booked minutes). Rebuilt a whole (period, office) at a time by ReportRollups, never edited in place.
CREATE TABLE report_cell (
    period_kind  CHAR(1)     NOT NULL,
    period_start DATE        NOT NULL,
    office_id    BIGINT      NOT NULL,
    service_id   BIGINT      NOT NULL,
    session_mode VARCHAR(20) NOT NULL,
    tally        TEXT        NOT NULL,
    PRIMARY KEY (period_kind, period_start, office_id, service_id, session_mode)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

-- Where each booking was last counted (its Singapore day and SSO): a rescheduled booking leaves a cell that must
-- be rebuilt too, and its new place no longer says which.
CREATE TABLE report_booking (
    booking_id BIGINT NOT NULL PRIMARY KEY,
    day        DATE   NOT NULL,
    office_id  BIGINT NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

-- Changes already rolled up (A = an audit_event of a booking, N = a notification at its updated_at): a change
-- committed late, behind a newer one, is still found and not counted twice.
CREATE TABLE report_seen (
    source  CHAR(1)     NOT NULL,
    ref_id  BIGINT      NOT NULL,
    stamp   DATETIME(6) NOT NULL,
    seen_at DATETIME(6) NOT NULL,
    PRIMARY KEY (source, ref_id, stamp),
    INDEX ix_report_seen_at (seen_at)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

-- One row. rolled_through NULL = rebuild every cell from bookings and notifications at the next catch-up (after
-- data was loaded by SQL, or the travel parameters changed: model says which ones the cells were made with).
-- Catching up locks this row, so one node at a time rolls up.
CREATE TABLE report_state (
    id             TINYINT      NOT NULL PRIMARY KEY,
    rolled_through DATETIME(6)  NULL,
    high_audit_id  BIGINT       NOT NULL DEFAULT 0,
    model          VARCHAR(300) NULL
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;
INSERT INTO report_state (id, rolled_through, high_audit_id, model) VALUES (1, NULL, 0, NULL);

-- The SMS report counts clients who opted out in a period.
ALTER TABLE client ADD INDEX ix_client_sms_problem (sms_problem, sms_problem_at);
