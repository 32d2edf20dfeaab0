-- Bookings (a hold is a booking in status HELD with hold_expires_at) and the waitlist.
-- What a booking occupies lives in occupancy (V2), written by OccupancyLedger.

CREATE TABLE booking (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    status           VARCHAR(16)   NOT NULL,
    service_id       BIGINT        NOT NULL,
    office_id        BIGINT        NOT NULL,
    session_mode     VARCHAR(20)   NOT NULL,
    advisor_id       BIGINT        NOT NULL,
    room_id          BIGINT        NULL,
    client_id        BIGINT        NOT NULL,
    starts_at        DATETIME(6)   NOT NULL,
    ends_at          DATETIME(6)   NOT NULL,
    hold_expires_at  DATETIME(6)   NULL,
    referral_note    VARCHAR(1000) NULL,
    consent_to_share BOOLEAN       NOT NULL DEFAULT FALSE,
    video_link       VARCHAR(2000) NULL,
    ics_sequence     INT           NOT NULL DEFAULT 0,
    outcome          VARCHAR(20)   NULL,
    outcome_note     VARCHAR(500)  NULL,
    cancel_reason    VARCHAR(200)  NULL,
    checked_in_at    DATETIME(6)   NULL,
    started_at       DATETIME(6)   NULL,
    finished_at      DATETIME(6)   NULL,
    idempotency_key  VARCHAR(200)  NULL,
    created_by       VARCHAR(80)   NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uk_booking_idempotency UNIQUE (idempotency_key),
    CONSTRAINT fk_booking_service FOREIGN KEY (service_id) REFERENCES service (id),
    CONSTRAINT fk_booking_office FOREIGN KEY (office_id) REFERENCES office (id),
    CONSTRAINT fk_booking_room FOREIGN KEY (room_id) REFERENCES room (id),
    CONSTRAINT fk_booking_advisor FOREIGN KEY (advisor_id) REFERENCES advisor (id),
    CONSTRAINT fk_booking_client FOREIGN KEY (client_id) REFERENCES client (id),
    INDEX ix_booking_office_time (office_id, starts_at),
    INDEX ix_booking_advisor_time (advisor_id, starts_at),
    INDEX ix_booking_client_time (client_id, starts_at),
    INDEX ix_booking_status_time (status, starts_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
-- The foreign keys take shared locks on advisor, room and client rows; Bookings writes a booking row only after
-- OccupancyLedger holds the exclusive locks on them, so the two never wait on each other in opposite order.

CREATE TABLE waitlist_entry (
    id                BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    client_id         BIGINT      NOT NULL,
    service_id        BIGINT      NOT NULL,
    first_day         DATE        NOT NULL,
    last_day          DATE        NOT NULL,
    urgent            BOOLEAN     NOT NULL,
    status            VARCHAR(12) NOT NULL,
    offer_booking_id  BIGINT      NULL,
    created_by        VARCHAR(80) NOT NULL,
    created_at        DATETIME(6) NOT NULL,
    version           BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT fk_waitlist_client FOREIGN KEY (client_id) REFERENCES client (id),
    CONSTRAINT fk_waitlist_service FOREIGN KEY (service_id) REFERENCES service (id),
    CONSTRAINT fk_waitlist_offer FOREIGN KEY (offer_booking_id) REFERENCES booking (id),
    INDEX ix_waitlist_service_status (service_id, status, urgent, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE waitlist_office (
    entry_id  BIGINT NOT NULL,
    office_id BIGINT NOT NULL,
    PRIMARY KEY (entry_id, office_id),
    CONSTRAINT fk_waitlist_office_entry FOREIGN KEY (entry_id) REFERENCES waitlist_entry (id),
    CONSTRAINT fk_waitlist_office_office FOREIGN KEY (office_id) REFERENCES office (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
