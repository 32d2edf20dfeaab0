package sg.linkup.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A paginated, filtered list of one entity type. Filters are added only for the parameters a caller gave,
 * so list endpoints read as a short chain instead of hand-built JPQL strings.
 */
public final class Listing<T> {

    private final EntityManager em;
    private final Class<T> type;
    private final List<Filter<T>> filters = new ArrayList<>();
    private final String orderBy;
    private boolean descending;

    private Listing(EntityManager em, Class<T> type, String orderBy) {
        this.em = em;
        this.type = type;
        this.orderBy = orderBy;
    }

    public static <T> Listing<T> of(EntityManager em, Class<T> type, String orderBy) {
        return new Listing<>(em, type, orderBy);
    }

    /** Newest (highest) first instead of ascending. */
    public Listing<T> descending() {
        this.descending = true;
        return this;
    }

    /** A filter that may ask a subquery of the list's query, such as "whose client belongs to these offices". */
    @FunctionalInterface
    public interface Filter<T> {
        Predicate apply(CriteriaBuilder cb, Root<T> root, AbstractQuery<?> query);
    }

    /** Adds a filter only when the parameter was given. */
    public <V> Listing<T> when(V parameter, BiFunction<CriteriaBuilder, Root<T>, Predicate> filter) {
        return when(parameter, (cb, root, query) -> filter.apply(cb, root));
    }

    /** Adds a filter that needs the query itself (for a subquery), only when the parameter was given. */
    public <V> Listing<T> when(V parameter, Filter<T> filter) {
        if (parameter != null && !(parameter instanceof String s && s.isBlank())) {
            filters.add(filter);
        }
        return this;
    }

    public Page<T> page(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? Page.DEFAULT_SIZE : size;
        if (p < 0) {
            throw new InvalidInput("page", "must be 0 or more");
        }
        if (s < 1 || s > Page.MAX_SIZE) {
            throw new InvalidInput("size", "must be between 1 and " + Page.MAX_SIZE);
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();

        var select = cb.createQuery(type);
        Root<T> root = select.from(type);
        select.select(root).where(predicates(cb, root, select)).orderBy(
                descending ? cb.desc(root.get(orderBy)) : cb.asc(root.get(orderBy)),
                descending ? cb.desc(root.get("id")) : cb.asc(root.get("id")));
        List<T> items = em.createQuery(select).setFirstResult(p * s).setMaxResults(s).getResultList();

        var count = cb.createQuery(Long.class);
        Root<T> countRoot = count.from(type);
        count.select(cb.count(countRoot)).where(predicates(cb, countRoot, count));
        long total = em.createQuery(count).getSingleResult();
        return new Page<>(items, p, s, total);
    }

    private Predicate[] predicates(CriteriaBuilder cb, Root<T> root, AbstractQuery<?> query) {
        return filters.stream().map(f -> f.apply(cb, root, query)).toArray(Predicate[]::new);
    }

    /** A case-insensitive "contains" pattern with LIKE's wildcards escaped. */
    public static String containing(String text) {
        return "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
