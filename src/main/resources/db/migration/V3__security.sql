-- Staff accounts (a role and a scope), per-agency API tokens, the audit trail, and the office a client
-- belongs to (counter staff see the contact details of their own offices' clients only).

CREATE TABLE staff_account (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username        VARCHAR(60)  NOT NULL,
    display_name    VARCHAR(120) NOT NULL,
    password_hash   VARCHAR(255) NOT NULL,
    role            VARCHAR(20)  NOT NULL,
    agency_id       BIGINT       NULL,
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_attempts INT          NOT NULL DEFAULT 0,
    locked_until    DATETIME(6)  NULL,
    last_sign_in_at DATETIME(6)  NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_staff_username UNIQUE (username),
    CONSTRAINT fk_staff_agency FOREIGN KEY (agency_id) REFERENCES partner_agency (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE staff_office (
    staff_id  BIGINT NOT NULL,
    office_id BIGINT NOT NULL,
    PRIMARY KEY (staff_id, office_id),
    CONSTRAINT fk_staff_office_staff FOREIGN KEY (staff_id) REFERENCES staff_account (id),
    CONSTRAINT fk_staff_office_office FOREIGN KEY (office_id) REFERENCES office (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Only a SHA-256 of each token is kept; the token itself is shown once, when it is issued.
CREATE TABLE api_token (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    agency_id    BIGINT       NOT NULL,
    name         VARCHAR(80)  NOT NULL,
    token_hash   CHAR(64)     NOT NULL,
    token_prefix VARCHAR(12)  NOT NULL,
    issued_by    VARCHAR(60)  NOT NULL,
    issued_at    DATETIME(6)  NOT NULL,
    last_used_at DATETIME(6)  NULL,
    revoked_at   DATETIME(6)  NULL,
    CONSTRAINT uk_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_agency FOREIGN KEY (agency_id) REFERENCES partner_agency (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE audit_event (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at  DATETIME(6)   NOT NULL,
    actor        VARCHAR(80)   NOT NULL,
    role         VARCHAR(20)   NULL,
    scope        VARCHAR(255)  NULL,
    action       VARCHAR(40)   NOT NULL,
    subject_type VARCHAR(40)   NULL,
    subject_id   BIGINT        NULL,
    detail       VARCHAR(4000) NULL,
    INDEX ix_audit_subject (subject_type, subject_id, occurred_at),
    INDEX ix_audit_actor (actor, occurred_at),
    INDEX ix_audit_time (occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE client ADD COLUMN office_id BIGINT NULL,
    ADD CONSTRAINT fk_client_office FOREIGN KEY (office_id) REFERENCES office (id),
    ADD INDEX ix_client_office (office_id);
