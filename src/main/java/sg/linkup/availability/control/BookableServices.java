package sg.linkup.availability.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import sg.linkup.directory.entity.Office;
import sg.linkup.directory.entity.RoomKind;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.Clocks;

/**
 * Which services a client can be booked into at one SSO, by the same rules slot search follows: an active
 * advisor of the service has a current availability rule in a mode the service allows, and that mode can be
 * held there — in person only with an advisor who sits at that office and a room there, video from the SSO
 * only where it has a video room, video from home anywhere. It does not look for a free slot: a service that
 * is fully booked today is still offered at the office.
 */
@ApplicationScoped
public class BookableServices {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** None at an office that does not exist or is closed for good: video from home would match any id. */
    public Set<Long> atOffice(long officeId) {
        Office office = em.find(Office.class, officeId);
        if (office == null || !office.isActive()) {
            return Set.of();
        }
        LocalDate today = Clocks.dateIn(clock.instant());
        return new HashSet<>(em.createQuery("""
                        SELECT DISTINCT s.id FROM AvailabilityRule r JOIN r.modes m, Advisor a JOIN a.services s
                         JOIN s.allowedModes allowed
                         WHERE a.id = r.advisorId AND a.active = TRUE AND s.active = TRUE
                           AND (r.validUntil IS NULL OR r.validUntil >= :today)
                           AND allowed = m
                           AND ((m = :inPerson AND r.officeId = :office AND EXISTS (SELECT room.id FROM Room room
                                   WHERE room.office.id = :office AND room.active = TRUE))
                             OR (m = :videoAtSso AND EXISTS (SELECT room.id FROM Room room
                                   WHERE room.office.id = :office AND room.active = TRUE AND room.kind = :videoRoom))
                             OR m = :videoRemote)""", Long.class)
                .setParameter("today", today)
                .setParameter("office", officeId)
                .setParameter("inPerson", SessionMode.IN_PERSON)
                .setParameter("videoAtSso", SessionMode.VIDEO_AT_SSO)
                .setParameter("videoRemote", SessionMode.VIDEO_REMOTE)
                .setParameter("videoRoom", RoomKind.VIDEO_ROOM)
                .getResultList());
    }
}
