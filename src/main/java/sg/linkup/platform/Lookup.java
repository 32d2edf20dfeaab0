package sg.linkup.platform;

import jakarta.persistence.EntityManager;

/** Finding an entity by id, where a missing one is the caller's 404, not a null to check. */
public final class Lookup {

    private Lookup() {
    }

    public static <T> T require(EntityManager em, Class<T> type, Long id) {
        T found = id == null ? null : em.find(type, id);
        if (found == null) {
            throw new NotFound(type.getSimpleName(), id);
        }
        return found;
    }

    /** An id given inside a request body: if it names nothing, the body is wrong (400), not the URL. */
    public static <T> T reference(EntityManager em, Class<T> type, Long id, String field) {
        T found = id == null ? null : em.find(type, id);
        if (found == null) {
            throw new InvalidInput(field, "no " + type.getSimpleName() + " with id " + id);
        }
        return found;
    }
}
