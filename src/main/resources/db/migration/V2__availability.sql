-- Availability: advisors' recurring rules, blackouts and agency closures, public holidays,
-- and the occupancy ledger that bookings and holds write (see OccupancyLedger).

CREATE TABLE availability_rule (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    advisor_id  BIGINT       NOT NULL,
    rrule       VARCHAR(500) NOT NULL,
    start_time  TIME         NOT NULL,
    end_time    TIME         NOT NULL,
    valid_from  DATE         NOT NULL,
    valid_until DATE         NULL,
    office_id   BIGINT       NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_rule_advisor FOREIGN KEY (advisor_id) REFERENCES advisor (id),
    CONSTRAINT fk_rule_office FOREIGN KEY (office_id) REFERENCES office (id),
    INDEX ix_rule_advisor_validity (advisor_id, valid_from, valid_until)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE availability_rule_mode (
    rule_id BIGINT      NOT NULL,
    mode    VARCHAR(20) NOT NULL,
    PRIMARY KEY (rule_id, mode),
    CONSTRAINT fk_rule_mode_rule FOREIGN KEY (rule_id) REFERENCES availability_rule (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE availability_rule_exdate (
    rule_id BIGINT NOT NULL,
    day     DATE   NOT NULL,
    PRIMARY KEY (rule_id, day),
    CONSTRAINT fk_rule_exdate_rule FOREIGN KEY (rule_id) REFERENCES availability_rule (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Leave of one advisor (advisor_id set) or a closure of a whole agency (advisor_id NULL).
CREATE TABLE blackout (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    agency_id  BIGINT       NOT NULL,
    advisor_id BIGINT       NULL,
    starts_at  DATETIME(6)  NOT NULL,
    ends_at    DATETIME(6)  NOT NULL,
    reason     VARCHAR(200) NOT NULL,
    CONSTRAINT fk_blackout_agency FOREIGN KEY (agency_id) REFERENCES partner_agency (id),
    CONSTRAINT fk_blackout_advisor FOREIGN KEY (advisor_id) REFERENCES advisor (id),
    INDEX ix_blackout_agency_time (agency_id, starts_at, ends_at),
    INDEX ix_blackout_advisor_time (advisor_id, starts_at, ends_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE public_holiday (
    day  DATE         NOT NULL PRIMARY KEY,
    name VARCHAR(120) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per resource a booking or hold occupies. ADVISOR and ROOM rows span the session plus the service's
-- buffers, CLIENT rows the session itself. A hold's rows carry expires_at and stop counting once it has passed.
-- No row is longer than OccupancyLedger.MAX_SPAN, so a window search can bound starts_at from below and read
-- only the window, never the history (the covering index below serves both search and the overlap check).
CREATE TABLE occupancy (
    id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    resource_kind VARCHAR(8)  NOT NULL,
    resource_id   BIGINT      NOT NULL,
    starts_at     DATETIME(6) NOT NULL,
    ends_at       DATETIME(6) NOT NULL,
    booking_id    BIGINT      NOT NULL,
    expires_at    DATETIME(6) NULL,
    INDEX ix_occupancy_resource_time (resource_kind, resource_id, starts_at, ends_at, expires_at, booking_id),
    INDEX ix_occupancy_booking (booking_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
