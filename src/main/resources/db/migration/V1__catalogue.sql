-- The catalogue: offices, rooms, partner agencies, services, advisors, clients.
-- utf8mb4 throughout: service names are kept in Chinese and Tamil too.

CREATE TABLE office (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code        VARCHAR(20)  NOT NULL,
    name        VARCHAR(120) NOT NULL,
    address     VARCHAR(255) NOT NULL,
    postal_code CHAR(6)      NOT NULL,
    latitude    DOUBLE       NOT NULL,
    longitude   DOUBLE       NOT NULL,
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_office_code UNIQUE (code),
    INDEX ix_office_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE office_opening_hours (
    office_id   BIGINT     NOT NULL,
    day_of_week VARCHAR(9) NOT NULL,
    opens       TIME       NOT NULL,
    closes      TIME       NOT NULL,
    CONSTRAINT fk_opening_hours_office FOREIGN KEY (office_id) REFERENCES office (id),
    INDEX ix_opening_hours_office (office_id, day_of_week)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE office_closure (
    id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    office_id BIGINT       NOT NULL,
    first_day DATE         NOT NULL,
    last_day  DATE         NOT NULL,
    reason    VARCHAR(200) NOT NULL,
    CONSTRAINT fk_closure_office FOREIGN KEY (office_id) REFERENCES office (id),
    INDEX ix_closure_office_days (office_id, first_day, last_day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE room (
    id        BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    office_id BIGINT      NOT NULL,
    name      VARCHAR(60) NOT NULL,
    kind      VARCHAR(20) NOT NULL,
    active    BOOLEAN     NOT NULL DEFAULT TRUE,
    version   BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT fk_room_office FOREIGN KEY (office_id) REFERENCES office (id),
    CONSTRAINT uk_room_office_name UNIQUE (office_id, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE partner_agency (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code           VARCHAR(20)  NOT NULL,
    name           VARCHAR(160) NOT NULL,
    domain         VARCHAR(20)  NOT NULL,
    is_sensitive   BOOLEAN      NOT NULL,
    base_address   VARCHAR(255) NOT NULL,
    base_latitude  DOUBLE       NOT NULL,
    base_longitude DOUBLE       NOT NULL,
    active         BOOLEAN      NOT NULL DEFAULT TRUE,
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_agency_code UNIQUE (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE service (
    id                    BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    agency_id             BIGINT       NOT NULL,
    code                  VARCHAR(30)  NOT NULL,
    name_en               VARCHAR(120) NOT NULL,
    name_zh               VARCHAR(120) NOT NULL,
    name_ms               VARCHAR(120) NOT NULL,
    name_ta               VARCHAR(120) NOT NULL,
    duration_minutes      INT          NOT NULL,
    buffer_before_minutes INT          NOT NULL,
    buffer_after_minutes  INT          NOT NULL,
    min_notice_minutes    INT          NOT NULL,
    horizon_days          INT          NOT NULL,
    active                BOOLEAN      NOT NULL DEFAULT TRUE,
    version               BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_service_agency FOREIGN KEY (agency_id) REFERENCES partner_agency (id),
    CONSTRAINT uk_service_code UNIQUE (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE service_mode (
    service_id BIGINT      NOT NULL,
    mode       VARCHAR(20) NOT NULL,
    PRIMARY KEY (service_id, mode),
    CONSTRAINT fk_service_mode_service FOREIGN KEY (service_id) REFERENCES service (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE advisor (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    agency_id    BIGINT       NOT NULL,
    display_name VARCHAR(120) NOT NULL,
    email        VARCHAR(254) NOT NULL,
    active       BOOLEAN      NOT NULL DEFAULT TRUE,
    version      BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_advisor_agency FOREIGN KEY (agency_id) REFERENCES partner_agency (id),
    CONSTRAINT uk_advisor_email UNIQUE (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE advisor_language (
    advisor_id BIGINT     NOT NULL,
    language   VARCHAR(2) NOT NULL,
    PRIMARY KEY (advisor_id, language),
    CONSTRAINT fk_advisor_language_advisor FOREIGN KEY (advisor_id) REFERENCES advisor (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE advisor_service (
    advisor_id BIGINT NOT NULL,
    service_id BIGINT NOT NULL,
    PRIMARY KEY (advisor_id, service_id),
    CONSTRAINT fk_advisor_service_advisor FOREIGN KEY (advisor_id) REFERENCES advisor (id),
    CONSTRAINT fk_advisor_service_service FOREIGN KEY (service_id) REFERENCES service (id),
    INDEX ix_advisor_service_service (service_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE client (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name               VARCHAR(120) NOT NULL,
    mobile             VARCHAR(16)  NOT NULL,
    preferred_language VARCHAR(2)   NOT NULL,
    email              VARCHAR(254) NULL,
    sms_consent        BOOLEAN      NOT NULL,
    partial_nric       CHAR(4)      NULL,
    active             BOOLEAN      NOT NULL DEFAULT TRUE,
    registered_at      DATETIME(6)  NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0,
    INDEX ix_client_mobile (mobile),
    INDEX ix_client_partial_nric (partial_nric),
    INDEX ix_client_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
