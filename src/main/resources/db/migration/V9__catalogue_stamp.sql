-- The catalogue's change stamp. Slot search and the booking check keep the catalogue (offices, hours, closures,
-- rooms, agencies, services, advisors, rules, blackouts, holidays) in memory and read only this row per request:
-- when its value is not the one their copy was built at, they rebuild it (see CatalogueCache).
--
-- Every change to those tables gives the row a new value in the same transaction, by the triggers below rather than
-- by code: a trigger cannot be forgotten by a new writer, and it also covers bulk JPQL, raw SQL and tools. A value
-- is never handed out twice (UUID_SHORT(), not stamp + 1): a copy built inside a transaction that changed the
-- catalogue and then rolled back carries a value no committed state will ever have, so nobody ever matches it.
-- Writes to the catalogue are serialised on this row until commit; they are rare (admin and partner screens).
-- TRUNCATE and cascaded foreign-key deletes fire no trigger: the cascades here follow a deleted rule, whose own
-- trigger fires; whoever truncates a catalogue table must also run UPDATE catalogue_stamp SET stamp = UUID_SHORT().
CREATE TABLE catalogue_stamp (
    id    TINYINT         NOT NULL PRIMARY KEY,
    stamp BIGINT UNSIGNED NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO catalogue_stamp (id, stamp) VALUES (1, UUID_SHORT());


CREATE TRIGGER tr_stamp_office_ins AFTER INSERT ON office FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_office_upd AFTER UPDATE ON office FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_office_del AFTER DELETE ON office FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER tr_stamp_opening_hours_ins AFTER INSERT ON office_opening_hours FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_opening_hours_upd AFTER UPDATE ON office_opening_hours FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_opening_hours_del AFTER DELETE ON office_opening_hours FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER tr_stamp_office_closure_ins AFTER INSERT ON office_closure FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_office_closure_upd AFTER UPDATE ON office_closure FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_office_closure_del AFTER DELETE ON office_closure FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER tr_stamp_room_ins AFTER INSERT ON room FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_room_upd AFTER UPDATE ON room FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_room_del AFTER DELETE ON room FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER tr_stamp_agency_ins AFTER INSERT ON partner_agency FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_agency_upd AFTER UPDATE ON partner_agency FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_agency_del AFTER DELETE ON partner_agency FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER tr_stamp_service_ins AFTER INSERT ON service FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_service_upd AFTER UPDATE ON service FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_service_del AFTER DELETE ON service FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER tr_stamp_service_mode_ins AFTER INSERT ON service_mode FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_service_mode_upd AFTER UPDATE ON service_mode FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_service_mode_del AFTER DELETE ON service_mode FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER tr_stamp_advisor_ins AFTER INSERT ON advisor FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_advisor_upd AFTER UPDATE ON advisor FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_advisor_del AFTER DELETE ON advisor FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER tr_stamp_advisor_language_ins AFTER INSERT ON advisor_language FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_advisor_language_upd AFTER UPDATE ON advisor_language FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_advisor_language_del AFTER DELETE ON advisor_language FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER tr_stamp_advisor_service_ins AFTER INSERT ON advisor_service FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_advisor_service_upd AFTER UPDATE ON advisor_service FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_advisor_service_del AFTER DELETE ON advisor_service FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER tr_stamp_rule_ins AFTER INSERT ON availability_rule FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_rule_upd AFTER UPDATE ON availability_rule FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_rule_del AFTER DELETE ON availability_rule FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER tr_stamp_rule_mode_ins AFTER INSERT ON availability_rule_mode FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_rule_mode_upd AFTER UPDATE ON availability_rule_mode FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_rule_mode_del AFTER DELETE ON availability_rule_mode FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER tr_stamp_rule_exdate_ins AFTER INSERT ON availability_rule_exdate FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_rule_exdate_upd AFTER UPDATE ON availability_rule_exdate FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_rule_exdate_del AFTER DELETE ON availability_rule_exdate FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER tr_stamp_blackout_ins AFTER INSERT ON blackout FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_blackout_upd AFTER UPDATE ON blackout FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_blackout_del AFTER DELETE ON blackout FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER tr_stamp_public_holiday_ins AFTER INSERT ON public_holiday FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_public_holiday_upd AFTER UPDATE ON public_holiday FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER tr_stamp_public_holiday_del AFTER DELETE ON public_holiday FOR EACH ROW
    UPDATE catalogue_stamp SET stamp = UUID_SHORT() WHERE id = 1;
